import { buildFederatedSchema, declaredRules, ruleTable, subgraphResolvers } from "@xuekao/subgraph-kit";
import { describe, expect, it } from "vitest";
import { identitySubgraph } from "./subgraph.js";

describe("identity's declared rules", () => {
  it("names a rule on every Query and Mutation field, as this table says", async () => {
    const resolvers = subgraphResolvers(identitySubgraph);
    const schema = await buildFederatedSchema({ ...identitySubgraph, resolvers });
    const table = Object.fromEntries(ruleTable(schema, declaredRules(resolvers)).map((row) => [row.field, row.rule]));
    expect(table).toEqual({
      "Query.identityAuditTrail": "in-scope READ_AUDIT_TRAIL",
      "Query.me": "signed-in",
      "Query.myJurisdiction": "signed-in",
      "Query.organization": "public",
      "Query.organizations": "public",
      "Query.user": "in-scope READ_PEOPLE",
      "Query.users": "in-scope READ_PEOPLE",
      "Mutation.bindRole": "role MANAGE_STAFF_ACCOUNTS",
      "Mutation.changeMobile": "signed-in",
      "Mutation.changePassword": "signed-in",
      "Mutation.createOrganization": "role CREATE_ORGANIZATIONS",
      "Mutation.createStaffAccount": "role MANAGE_STAFF_ACCOUNTS",
      "Mutation.issueClientToken": "public",
      "Mutation.login": "public",
      "Mutation.logout": "public",
      "Mutation.refreshSession": "public",
      "Mutation.registerCandidate": "public",
      "Mutation.requestSmsCode": "public",
    });
  });
});
