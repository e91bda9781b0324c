export { certificationSubgraph } from "./subgraph.js";
