export { composeSupergraph, SUPERGRAPH_FILE, API_SCHEMA_FILE } from "./composition.js";
export { loadGatewayConfig, SUBGRAPHS, type GatewayConfig, type SubgraphName } from "./config.js";
export { createGatewayServer, type GatewayServer } from "./server.js";
export {
  DEFAULT_QUERY_LIMITS,
  QUERY_TOO_COMPLEX,
  QueryLimitError,
  operationRefusals,
  queryLimitParseOptions,
  queryLimitRules,
  type QueryLimitName,
  type QueryLimits,
} from "./limits.js";
