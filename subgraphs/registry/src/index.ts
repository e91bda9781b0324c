export { registrySubgraph } from "./subgraph.js";
