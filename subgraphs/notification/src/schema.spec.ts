import { readFileSync } from "node:fs";
import { buildFederatedSchema, declaredRules, printFederatedSchema, ruleTable, subgraphResolvers } from "@xuekao/subgraph-kit";
import { describe, expect, it } from "vitest";
import { notificationSubgraph } from "./subgraph.js";

// As `emit-schema` builds it: the subgraph's resolvers and the kit's (the audit trail).
const resolvers = subgraphResolvers(notificationSubgraph);

describe("notification schema.graphql", () => {
  it("is the SDL the code builds (run `turbo run compose` after changing a type)", async () => {
    const committed = readFileSync(new URL("../schema.graphql", import.meta.url), "utf8");
    expect(printFederatedSchema(await buildFederatedSchema({ ...notificationSubgraph, resolvers }))).toBe(committed);
  });

  it("declares who may call every root field", async () => {
    const schema = await buildFederatedSchema({ ...notificationSubgraph, resolvers });
    expect(ruleTable(schema, declaredRules(resolvers))).toEqual([
      { field: "Query.notification", rule: "signed-in", roles: [], scopes: [] },
      { field: "Query.notificationAuditTrail", rule: "in-scope READ_AUDIT_TRAIL", roles: ["PROVINCE_INSTITUTE"], scopes: [] },
      { field: "Query.smsDeliveries", rule: "role READ_DELIVERIES", roles: ["PROVINCE_INSTITUTE"], scopes: [] },
      { field: "Mutation.markNotificationRead", rule: "signed-in", roles: [], scopes: [] },
      { field: "Mutation.retrySmsDelivery", rule: "role RETRY_DELIVERIES", roles: ["PROVINCE_INSTITUTE"], scopes: [] },
    ]);
  });
});
