import { buildSubgraphSchema, declaredRules, ruleTable, subgraphResolvers, type AnySubgraphDefinition, type RuleTableRow } from "@xuekao/subgraph-kit";
import { SUBGRAPHS } from "./backend.js";

export interface OperationRuleRow extends RuleTableRow {
  subgraph: string;
}

/**
 * Every root field of every subgraph with the rule it declares (`(none)` when it declares none):
 * the table the role × scope matrix tests walk, and what the rule test checks is complete.
 */
export async function operationRuleTable(definitions: readonly AnySubgraphDefinition[] = SUBGRAPHS): Promise<OperationRuleRow[]> {
  const rows: OperationRuleRow[] = [];
  for (const definition of definitions) {
    const schema = await buildSubgraphSchema(definition);
    rows.push(...ruleTable(schema, declaredRules(subgraphResolvers(definition))).map((row) => ({ subgraph: definition.name, ...row })));
  }
  return rows;
}

/** The table as text, one field a line: `registry  Mutation.createExamSession  role CONFIGURE_SESSIONS  PROVINCE_INSTITUTE`. */
export function formatRuleTable(rows: readonly OperationRuleRow[]): string {
  const widths = [14, Math.max(...rows.map((row) => row.field.length)) + 2, Math.max(...rows.map((row) => row.rule.length)) + 2];
  return rows
    .map((row) =>
      [row.subgraph.padEnd(widths[0]!), row.field.padEnd(widths[1]!), row.rule.padEnd(widths[2]!), [...row.roles, ...row.scopes.map((scope) => `scope:${scope}`)].join(", ")].join("").trimEnd(),
    )
    .join("\n");
}
