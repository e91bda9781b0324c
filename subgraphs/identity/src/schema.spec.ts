import { readFileSync } from "node:fs";
import { buildSubgraphSchema, printFederatedSchema } from "@xuekao/subgraph-kit";
import { describe, expect, it } from "vitest";
import { identitySubgraph } from "./subgraph.js";

describe("identity schema.graphql", () => {
  it("is the SDL the code builds, with the kit's fields (run `turbo run compose` after changing a type)", async () => {
    const committed = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");
    const served = await buildSubgraphSchema(identitySubgraph);
    expect(printFederatedSchema(served)).toBe(committed);
  });
});
