import { Rule, signedIn } from "@xuekao/subgraph-kit";
import { Arg, Mutation, Query, Resolver } from "type-graphql";
import { describe, expect, it } from "vitest";
import { SUBGRAPHS } from "./backend.js";
import { formatRuleTable, operationRuleTable } from "./operation-rules.js";

/** The rows whose field declares no rule: what this test refuses. */
const undeclared = (rows: Awaited<ReturnType<typeof operationRuleTable>>) => rows.filter((row) => row.rule === "(none)");

describe("every root field of every subgraph declares who may call it", () => {
  it("has a rule for each Query and Mutation field of the four subgraphs (the table below)", async () => {
    const rows = await operationRuleTable();
    console.log(`\nroot fields and their rules (${rows.length}):\n${formatRuleTable(rows)}\n`);
    expect(new Set(rows.map((row) => row.subgraph))).toEqual(new Set(["identity", "registry", "certification", "notification"]));
    expect(undeclared(rows).map((row) => `${row.subgraph} ${row.field}`)).toEqual([]);
    // Role rules name at least one role; nothing is "role" with an empty list (which would refuse everyone silently).
    expect(rows.filter((row) => row.rule.startsWith("role ") && row.roles.length === 0)).toEqual([]);
    expect(rows.find((row) => row.field === "Mutation.createExamSession")).toMatchObject({ subgraph: "registry", rule: "role CONFIGURE_SESSIONS", roles: ["PROVINCE_INSTITUTE"] });
    expect(rows.find((row) => row.field === "Mutation.decideCertificationCase")?.rule).toBe("role REVIEW_CASES");
  });

  it("fails on a field added without a rule", async () => {
    @Resolver()
    class ForgottenResolver {
      @Query(() => String, { nullable: true })
      @Rule(signedIn("测试"))
      declaredProbe(): string {
        return "ok";
      }

      @Mutation(() => Boolean)
      forgottenMutation(@Arg("value", () => String) value: string): boolean {
        return value.length > 0;
      }
    }
    const registry = SUBGRAPHS.find((definition) => definition.name === "registry")!;
    const rows = await operationRuleTable([{ ...registry, resolvers: [...registry.resolvers, ForgottenResolver] }]);
    expect(undeclared(rows).map((row) => row.field)).toEqual(["Mutation.forgottenMutation"]);
    expect(rows.find((row) => row.field === "Query.declaredProbe")?.rule).toBe("signed-in");
  });
});
