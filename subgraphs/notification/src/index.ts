export { notificationSubgraph } from "./subgraph.js";
