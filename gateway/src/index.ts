export { composeSupergraph, SUPERGRAPH_FILE, API_SCHEMA_FILE } from "./composition.js";
export { loadGatewayConfig, SUBGRAPHS, type GatewayConfig, type SubgraphName } from "./config.js";
export { createGatewayServer, type GatewayServer } from "./server.js";
