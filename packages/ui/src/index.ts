// What the remotes share at run time. Build config is "@xuekao/ui/vite"; the standalone
// development frame is "@xuekao/ui/standalone".
export { default as QueryFeedback } from "./components/QueryFeedback.vue";
export { default as RemoteSummaryCard } from "./components/RemoteSummaryCard.vue";
export type { SummaryRow } from "./components/summary-row";
export { useGatewayQuery } from "./composables/useGatewayQuery";
export { ACCESS_TOKEN_KEY, createGatewayClient, gateway } from "./gateway";
