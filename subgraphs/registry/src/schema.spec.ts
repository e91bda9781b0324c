import { readFileSync } from "node:fs";
import { buildSubgraphSchema, printFederatedSchema } from "@xuekao/subgraph-kit";
import { describe, expect, it } from "vitest";
import { registrySubgraph } from "./subgraph.js";

describe("registry schema.graphql", () => {
  it("is the SDL the code serves, with the kit's fields (run `turbo run compose` after changing a type)", async () => {
    const committed = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");
    expect(printFederatedSchema(await buildSubgraphSchema(registrySubgraph))).toBe(committed);
  });
});
