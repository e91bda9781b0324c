// The Node packages' vitest config: its graphql alias keeps one graphql instance for these
// specs and the gateway's query-limit rules they load (see query-limits.spec.ts).
export { default } from "../../vitest.node.js";
