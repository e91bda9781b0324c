import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "graphql";
import type { TypedDocumentNode } from "@xuekao/graphql-client";
import { createGatewayClient, gateway } from "./gateway";
import { ACCESS_TOKEN_KEY, setSessionHandler, type SessionHandler } from "./session";
import { gatewayAnswers } from "./test-support";

const PingQuery = parse("{ __typename }") as TypedDocumentNode<{ __typename: string }, Record<string, never>>;
type Call = [string, RequestInit];
const headersOf = (fetch: ReturnType<typeof vi.fn>, call = 0) => (fetch.mock.calls[call] as unknown as Call)[1].headers as Record<string, string>;

const unauthenticated = { errors: [{ message: "登录已过期", extensions: { code: "UNAUTHENTICATED" } }] };

/** Answers each POST /graphql with the next body; HTTP 401 for UNAUTHENTICATED, as the gateway does. */
function gatewaySequence(...bodies: unknown[]) {
  const fetch = vi.fn(async () => {
    const body = bodies.shift();
    const status = JSON.stringify(body).includes("UNAUTHENTICATED") ? 401 : 200;
    return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
  });
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

function handler(renewTo: string | null): SessionHandler & { renew: ReturnType<typeof vi.fn>; expired: ReturnType<typeof vi.fn> } {
  const h = {
    renew: vi.fn(async () => {
      if (renewTo) sessionStorage.setItem(ACCESS_TOKEN_KEY, renewTo);
      return renewTo !== null;
    }),
    expired: vi.fn(),
  };
  setSessionHandler(h);
  return h;
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
  setSessionHandler(null);
});

describe("gateway client", () => {
  it("sends the access token of this tab, read on every request", async () => {
    const fetch = gatewayAnswers({ data: { __typename: "Query" } });
    sessionStorage.setItem(ACCESS_TOKEN_KEY, "token-1");
    const result = await gateway.request(PingQuery);
    expect(result).toEqual({ data: { __typename: "Query" }, errors: [] });
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe("/graphql");
    expect(headersOf(fetch).authorization).toBe("Bearer token-1");
  });

  it("sends no authorization header when nobody is signed in", async () => {
    const fetch = gatewayAnswers({ data: { __typename: "Query" } });
    await createGatewayClient("/api/graphql").request(PingQuery);
    expect((fetch.mock.calls[0] as unknown as [string])[0]).toBe("/api/graphql");
    expect(headersOf(fetch).authorization).toBeUndefined();
  });

  it("sends no token on anonymous requests even when signed in", async () => {
    const fetch = gatewayAnswers(unauthenticated);
    sessionStorage.setItem(ACCESS_TOKEN_KEY, "token-1");
    const session = handler("token-2");
    const result = await gateway.request(PingQuery, {}, { anonymous: true });
    expect(headersOf(fetch).authorization).toBeUndefined();
    expect(result.errors[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(session.renew).not.toHaveBeenCalled();
  });

  it("renews the session once on UNAUTHENTICATED and sends the request again with the new token", async () => {
    const fetch = gatewaySequence(unauthenticated, { data: { __typename: "Query" } });
    sessionStorage.setItem(ACCESS_TOKEN_KEY, "expired");
    const session = handler("fresh");
    const result = await gateway.request(PingQuery);
    expect(result.data).toEqual({ __typename: "Query" });
    expect(session.renew).toHaveBeenCalledTimes(1);
    expect(session.expired).not.toHaveBeenCalled();
    expect(headersOf(fetch, 0).authorization).toBe("Bearer expired");
    expect(headersOf(fetch, 1).authorization).toBe("Bearer fresh");
  });

  it("ends the session when it cannot be renewed", async () => {
    const fetch = gatewaySequence(unauthenticated);
    sessionStorage.setItem(ACCESS_TOKEN_KEY, "expired");
    const session = handler(null);
    const result = await gateway.request(PingQuery);
    expect(result.errors[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(session.expired).toHaveBeenCalledTimes(1);
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it("does not renew for a visitor who sent no token", async () => {
    gatewaySequence(unauthenticated);
    const session = handler("fresh");
    await gateway.request(PingQuery);
    expect(session.renew).not.toHaveBeenCalled();
    expect(session.expired).not.toHaveBeenCalled();
  });
});
