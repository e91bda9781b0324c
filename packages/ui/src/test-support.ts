// Test support for the frontends' specs ("@xuekao/ui/testing"): the network boundary, stubbed.
import { vi } from "vitest";

/** The network boundary: what the gateway answers to POST /graphql. */
export function gatewayAnswers(body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

export type GatewayBody = { data?: unknown; errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, unknown> }[] };

/** One request a page sent, as the gateway saw it. */
export interface SentOperation {
  operation: string;
  variables: Record<string, unknown>;
}

/**
 * The gateway answering by operation name, for pages that send several: a list answers its
 * entries in turn and then keeps answering with the last one. Returns what was sent, in order.
 */
export function gatewayAnswersByOperation(answers: Record<string, GatewayBody | GatewayBody[]>): SentOperation[] {
  const sent: SentOperation[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      const { query, variables } = JSON.parse(String(init.body)) as { query: string; variables?: Record<string, unknown> };
      const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "?";
      sent.push({ operation, variables: variables ?? {} });
      const answer = answers[operation];
      const body = Array.isArray(answer) ? (answer.length > 1 ? answer.shift() : answer[0]) : answer;
      return new Response(JSON.stringify(body ?? { errors: [{ message: `unexpected operation ${operation}` }] }), {
        status: 200,
        headers: { "content-type": "application/json" },
      });
    }),
  );
  return sent;
}
