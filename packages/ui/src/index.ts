// What the remotes share at run time. Build config is "@xuekao/ui/vite"; the standalone
// development frame is "@xuekao/ui/standalone".
export { default as QueryFeedback } from "./components/QueryFeedback.vue";
export { default as RemoteSummaryCard } from "./components/RemoteSummaryCard.vue";
export type { SummaryRow } from "./components/summary-row";
export { useGatewayQuery } from "./composables/useGatewayQuery";
export { createGatewayClient, gateway, isUnauthenticated, UNAUTHENTICATED } from "./gateway";
export type { GatewayClient, GatewayRequestOptions } from "./gateway";
export {
  ACCESS_TOKEN_KEY,
  EXPIRES_AT_KEY,
  REFRESH_TOKEN_KEY,
  clearSession,
  readSession,
  sessionHandler,
  setSessionHandler,
  writeSession,
} from "./session";
export type { SessionHandler, SessionTokens } from "./session";
