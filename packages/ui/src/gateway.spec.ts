import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "graphql";
import type { TypedDocumentNode } from "@xuekao/graphql-client";
import { ACCESS_TOKEN_KEY, createGatewayClient, gateway } from "./gateway";
import { gatewayAnswers } from "./test-support";

const PingQuery = parse("{ __typename }") as TypedDocumentNode<{ __typename: string }, Record<string, never>>;
const headersOf = (fetch: ReturnType<typeof gatewayAnswers>) => (fetch.mock.calls[0] as unknown as [string, RequestInit])[1].headers as Record<string, string>;

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
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
});
