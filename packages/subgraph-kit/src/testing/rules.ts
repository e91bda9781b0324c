import type { GraphQLSchema } from "graphql";
import { declaredRules, ruleTable, type RuleTableRow } from "../auth/rules.js";
import { buildFederatedSchema } from "../federation.js";
import { subgraphResolvers, type AnySubgraphDefinition } from "../subgraph.js";

/**
 * The rule table as text, one root field a line, columns aligned: what a failing rule test prints
 * so that the reader sees every field and what it requires at once.
 *
 * ```
 * Mutation.openCase  role OPEN_CASES  CANDIDATE_SOCIAL
 * Query.cases        in-scope READ_CASES  PROVINCE_INSTITUTE, COUNTY_AGENCY
 * ```
 */
export function printRuleTable(rows: readonly RuleTableRow[]): string {
  const cells = rows.map((row) => [row.field, row.rule, row.roles.join(", "), row.scopes.length > 0 ? `scopes: ${row.scopes.join(", ")}` : ""]);
  const widths = [0, 1, 2].map((column) => Math.max(0, ...cells.map((line) => line[column]!.length)));
  return cells.map((line) => line.map((cell, column) => (column < 3 ? cell.padEnd(widths[column]!) : cell)).join("  ").trimEnd()).join("\n");
}

/** The root fields of a table that nobody declared a rule for (refused at run time until someone does). */
export const undeclaredFields = (rows: readonly RuleTableRow[]): string[] => rows.filter((row) => row.rule === "(none)").map((row) => row.field);

/**
 * A subgraph's rule table as it is served (its resolvers and the kit's: audit trail, workflow
 * definitions): the input of a subgraph's role × operation matrix test.
 */
export async function subgraphRuleTable(definition: AnySubgraphDefinition): Promise<{ schema: GraphQLSchema; rows: RuleTableRow[] }> {
  const resolvers = subgraphResolvers(definition);
  const schema = await buildFederatedSchema({ ...definition, resolvers });
  return { schema, rows: ruleTable(schema, declaredRules(resolvers)) };
}
