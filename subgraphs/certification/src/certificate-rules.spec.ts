import { buildFederatedSchema, declaredRules, ruleTable, subgraphResolvers } from "@xuekao/subgraph-kit";
import { describe, expect, it } from "vitest";
import { certificationSubgraph } from "./subgraph.js";

describe("certification's declared rules for certificates", () => {
  it("verification is public, the holder's list needs a login, revocation the issuing province's roles", async () => {
    const resolvers = subgraphResolvers(certificationSubgraph);
    const schema = await buildFederatedSchema({ ...certificationSubgraph, resolvers });
    const table = Object.fromEntries(ruleTable(schema, declaredRules(resolvers)).map((row) => [row.field, row.rule]));
    expect(table).toMatchObject({
      "Query.verifyCertificate": "public",
      "Query.myCertificates": "signed-in",
      "Mutation.revokeCertificate": "role REVOKE_CERTIFICATES",
    });
  });
});
