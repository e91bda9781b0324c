import { vi } from "vitest";

/** The network boundary: what the gateway answers to POST /graphql. */
export function gatewayAnswers(body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}
