export { identitySubgraph } from "./subgraph.js";
