import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_SCHEMA_FILE, composeSupergraph, SUPERGRAPH_FILE } from "./composition.js";

describe("offline composition", () => {
  it("composes the committed subgraph schemas into the committed supergraph and API schema", () => {
    const composed = composeSupergraph();
    // Stale? Run `npm run compose` (turbo: subgraphs emit schema.graphql, the gateway composes).
    expect(composed.supergraphSdl).toBe(readFileSync(SUPERGRAPH_FILE, "utf8"));
    expect(composed.apiSdl).toBe(readFileSync(API_SCHEMA_FILE, "utf8"));
  });

  it("fails with the composition errors when subgraphs disagree", () => {
    expect(() =>
      composeSupergraph((name) =>
        name === "registry"
          ? `extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key"])
             type Query { examSessions: [String!]! }
             type User @key(fields: "id") { id: ID! username: Int! }`
          : readFileSync(new URL(`../../subgraphs/${name}/schema.graphql`, import.meta.url), "utf8"),
      ),
    ).toThrow(/Composition failed/);
  });
});
