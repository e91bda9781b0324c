import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "graphql";
import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { createGraphQLClient, missingFields, TRANSPORT_ERROR } from "./client.js";

type RosterQuery = { examRecords: Array<{ id: string; candidate: { displayName: string } | null }> };
const RosterDocument = parse(`query Roster($limit: Int!) { examRecords(limit: $limit) { id candidate { displayName } } }`) as TypedDocumentNode<
  RosterQuery,
  { limit: number }
>;

interface SeenRequest {
  headers: IncomingHttpHeaders;
  body: { query: string; variables: unknown };
}

describe("createGraphQLClient", () => {
  let server: Server;
  let url: string;
  const seen: SeenRequest[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let raw = "";
      req.on("data", (chunk) => (raw += chunk));
      req.on("end", () => {
        seen.push({ headers: req.headers, body: JSON.parse(raw) });
        if (req.url === "/broken") {
          res.writeHead(502, { "content-type": "text/html" }).end("<h1>Bad gateway</h1>");
          return;
        }
        // What a federated gateway answers when one subgraph fails: partial data plus errors.
        res.writeHead(200, { "content-type": "application/json" }).end(
          JSON.stringify({
            data: { examRecords: [{ id: "r1", candidate: null }] },
            errors: [{ message: "identity unavailable", path: ["examRecords", 0, "candidate"], extensions: { code: "SUBGRAPH_DOWN" } }],
          }),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("returns partial data together with the errors instead of throwing", async () => {
    const client = createGraphQLClient({ url: `${url}/graphql`, getHeaders: () => ({ authorization: "Bearer t" }) });
    const result = await client.request(RosterDocument, { limit: 50 });

    expect(result.data?.examRecords[0]?.id).toBe("r1");
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.extensions?.code).toBe("SUBGRAPH_DOWN");
    expect(missingFields(result.errors)).toEqual(["examRecords.candidate"]);
  });

  it("sends JSON with the CSRF-preflight header, a request id and the caller's headers", async () => {
    const client = createGraphQLClient({ url: `${url}/graphql`, getHeaders: async () => ({ authorization: "Bearer t" }) });
    seen.length = 0;
    await client.request(RosterDocument, { limit: 3 });

    const [request] = seen;
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["apollo-require-preflight"]).toBe("true");
    expect(request?.headers["x-request-id"]).toMatch(/\S{8,}/);
    expect(request?.headers.authorization).toBe("Bearer t");
    expect(request?.body.variables).toEqual({ limit: 3 });
    expect(request?.body.query).toContain("examRecords(limit: $limit)");
  });

  it("turns a non-GraphQL answer into an error with the HTTP status", async () => {
    const result = await createGraphQLClient({ url: `${url}/broken` }).request(RosterDocument, { limit: 1 });
    expect(result.data).toBeNull();
    expect(result.errors[0]?.message).toContain("502");
  });

  it("turns an unreachable gateway into a network error", async () => {
    const result = await createGraphQLClient({ url: "http://127.0.0.1:9/graphql" }).request(RosterDocument, { limit: 1 });
    expect(result.data).toBeNull();
    expect(result.errors[0]?.extensions?.code).toBe(TRANSPORT_ERROR);
  });
});
