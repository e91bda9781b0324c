import { readFileSync } from "node:fs";
import { ConfigError } from "@xuekao/subgraph-kit";
import { buildSchema } from "graphql";
import { describe, expect, it } from "vitest";
import { API_SCHEMA_FILE } from "./composition.js";
import { loadGatewayConfig } from "./config.js";
import { DEFAULT_QUERY_LIMITS, formatQueryLimitError, operationRefusals, QUERY_TOO_COMPLEX, withoutSuggestions, type QueryLimits } from "./limits.js";

const schema = buildSchema(readFileSync(API_SCHEMA_FILE, "utf8"));
const limits: QueryLimits = { maxAliases: 3, maxDepth: 3, maxDirectives: 2, maxCost: 15, maxTokens: 100 };

/** The formatted refusals of `source`, as a client receives them. */
const refusals = (source: string, with_: QueryLimits = limits) =>
  operationRefusals(schema, source, with_).map((error) => formatQueryLimitError(error.toJSON(), error) ?? error.toJSON());

describe("query limits", () => {
  it("accepts an operation inside every limit", () => {
    expect(refusals(`{ me { roles { role } } a: examSessions { id } }`)).toEqual([]);
  });

  it.each([
    ["aliases", `{ a: examSessions { id } b: examSessions { id } c: examSessions { id } d: examSessions { id } }`, "查询中的别名过多（最多 3 个），请拆分为多个查询"],
    ["depth", `{ me { roles { organization { name } } } }`, "查询嵌套层级过深（最多 3 层），请减少嵌套"],
    ["directives", `query($x: Boolean!) { me @include(if: $x) { id @skip(if: $x) username @skip(if: $x) } }`, "查询中的指令过多（最多 2 个），请精简查询"],
    ["cost", `{ examSessions { id code name registrationOpensAt registrationClosesAt } me { id username displayName createdAt } }`, "查询过于复杂（复杂度上限 15），请减少字段或拆分为多个查询"],
    ["tokens", `{ ${"me { id } ".repeat(30)} }`, "查询文本过长（最多 100 个词法单元），请精简或拆分查询"],
  ])("refuses an operation over the %s limit with QUERY_TOO_COMPLEX and a Chinese message", (limit, source, message) => {
    const found = refusals(source);
    expect(found).toContainEqual({ message, extensions: { code: QUERY_TOO_COMPLEX, limit, max: limits[`max${limit[0]!.toUpperCase()}${limit.slice(1)}` as keyof QueryLimits] } });
  });

  it("does not count __typename as an alias", () => {
    expect(refusals(`{ a: __typename b: __typename c: __typename d: __typename e: __typename }`)).toEqual([]);
  });

  it("cuts every kind of graphql-js suggestion", () => {
    expect(withoutSuggestions(`Cannot query field "nme" on type "User". Did you mean "name"?`)).toBe(`Cannot query field "nme" on type "User".`);
    expect(withoutSuggestions(`Unknown argument "limt" on field "Query.examRecords". Did you mean "limit" or "offset"?`)).toBe(
      `Unknown argument "limt" on field "Query.examRecords".`,
    );
    expect(withoutSuggestions(`Value "CLAS" does not exist in "OrganizationKind" enum. Did you mean the enum value "CLASS"?`)).toBe(
      `Value "CLAS" does not exist in "OrganizationKind" enum.`,
    );
    expect(withoutSuggestions("报名截止时间须晚于报名开始时间")).toBe("报名截止时间须晚于报名开始时间");
  });
});

describe("query limits in the gateway's config", () => {
  it("defaults to DEFAULT_QUERY_LIMITS and reads each GRAPHQL_MAX_* variable", () => {
    expect(loadGatewayConfig({}).queryLimits).toEqual(DEFAULT_QUERY_LIMITS);
    expect(
      loadGatewayConfig({
        GRAPHQL_MAX_ALIASES: "30",
        GRAPHQL_MAX_DEPTH: "10",
        GRAPHQL_MAX_DIRECTIVES: "5",
        GRAPHQL_MAX_COST: "20000",
        GRAPHQL_MAX_TOKENS: "5000",
      }).queryLimits,
    ).toEqual({ maxAliases: 30, maxDepth: 10, maxDirectives: 5, maxCost: 20_000, maxTokens: 5_000 });
  });

  it("refuses a value that is not a positive whole number, naming the variable", () => {
    for (const [name, value] of [["GRAPHQL_MAX_DEPTH", "0"], ["GRAPHQL_MAX_ALIASES", "many"], ["GRAPHQL_MAX_TOKENS", "1.5"]] as const) {
      expect(() => loadGatewayConfig({ [name]: value }), name).toThrow(ConfigError);
      expect(() => loadGatewayConfig({ [name]: value }), name).toThrow(name);
    }
  });
});
