import { costLimitRule } from "@escape.tech/graphql-armor-cost-limit";
import { maxAliasesRule } from "@escape.tech/graphql-armor-max-aliases";
import { maxDepthRule } from "@escape.tech/graphql-armor-max-depth";
import { maxDirectivesRule } from "@escape.tech/graphql-armor-max-directives";
import {
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type GraphQLFormattedError,
  type GraphQLSchema,
  type ParseOptions,
  type ValidationContext,
  type ValidationRule,
} from "graphql";

/**
 * What one GraphQL operation may ask of the gateway. An operation over any limit is refused
 * before anything is executed (no subgraph is called), with HTTP 400 and one stable error:
 *
 *   { message: "<Chinese, naming the limit>", extensions: { code: "QUERY_TOO_COMPLEX", limit, max } }
 *
 * `code` is always QUERY_TOO_COMPLEX (what a client branches on); `limit` says which one was hit
 * ("aliases" | "depth" | "directives" | "cost" | "tokens") and `max` its value, so a client or a
 * developer can fix the operation without reading server logs.
 *
 * The defaults leave every operation the frontends send (packages/graphql-client, checked by its
 * query-limits spec) well inside, and refuse the abusive shapes: thousands of aliases, deep
 * nesting through entity references, directive floods, huge documents.
 */
export interface QueryLimits {
  /** Aliased fields in one operation (graphql-armor max-aliases; `__typename` is free). */
  maxAliases: number;
  /** Nesting of selections (graphql-armor max-depth; introspection's `__schema` is not counted). */
  maxDepth: number;
  /** Directives (`@include`, `@skip`, …) in one operation (graphql-armor max-directives). */
  maxDirectives: number;
  /** graphql-armor's cost: 1 per scalar, 2 per object field, ×1.5 per level of nesting. */
  maxCost: number;
  /** Lexical tokens of the whole document, counted while parsing (graphql-js `maxTokens`). */
  maxTokens: number;
}

/**
 * The frontends' largest operations today: depth 4, cost 58, 59 tokens, no aliases or directives.
 * Depth and cost leave room for the pages to come (a record's timeline, certification evidence);
 * aliases, cost and tokens are graphql-armor's own defaults.
 */
export const DEFAULT_QUERY_LIMITS: QueryLimits = {
  maxAliases: 15,
  maxDepth: 8,
  maxDirectives: 20,
  maxCost: 5_000,
  maxTokens: 1_000,
};

export const QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX";

export type QueryLimitName = "aliases" | "depth" | "directives" | "cost" | "tokens";

const MESSAGES: Record<QueryLimitName, (max: number) => string> = {
  aliases: (max) => `查询中的别名过多（最多 ${max} 个），请拆分为多个查询`,
  depth: (max) => `查询嵌套层级过深（最多 ${max} 层），请减少嵌套`,
  directives: (max) => `查询中的指令过多（最多 ${max} 个），请精简查询`,
  cost: (max) => `查询过于复杂（复杂度上限 ${max}），请减少字段或拆分为多个查询`,
  tokens: (max) => `查询文本过长（最多 ${max} 个词法单元），请精简或拆分查询`,
};

/** A refused operation; Apollo wraps it as a validation error (HTTP 400), formatQueryLimitError unwraps it. */
export class QueryLimitError extends GraphQLError {
  constructor(
    readonly limit: QueryLimitName,
    readonly max: number,
  ) {
    super(MESSAGES[limit](max), { extensions: { code: QUERY_TOO_COMPLEX, limit, max } });
    this.name = "QueryLimitError";
  }

  toFormatted(): GraphQLFormattedError {
    return { message: this.message, extensions: { code: QUERY_TOO_COMPLEX, limit: this.limit, max: this.max } };
  }
}

/**
 * graphql-armor's rules as Apollo Server `validationRules`. Each reports its refusal to the
 * validation context instead of throwing (a rule that throws makes Apollo answer 500).
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const refuse = (limit: QueryLimitName, max: number) => ({
    propagateOnRejection: false,
    onReject: [(context: ValidationContext | null) => context?.reportError(new QueryLimitError(limit, max))],
  });
  return [
    maxAliasesRule({ n: limits.maxAliases, ...refuse("aliases", limits.maxAliases) }),
    maxDepthRule({ n: limits.maxDepth, ...refuse("depth", limits.maxDepth) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...refuse("directives", limits.maxDirectives) }),
    costLimitRule({ maxCost: limits.maxCost, ...refuse("cost", limits.maxCost) }),
  ] as ValidationRule[];
}

/**
 * The token limit is graphql-js's own (`parse(source, { maxTokens })`, given to Apollo Server as
 * `parseOptions`): the document is never fully parsed. graphql-armor's max-tokens does the same
 * count, but its Apollo plugin throws from a hook, which Apollo Server 5 answers with HTTP 500.
 */
export function queryLimitParseOptions(limits: QueryLimits): ParseOptions {
  return { maxTokens: limits.maxTokens };
}

/**
 * What the gateway's parse and validation say about `source` before anything is executed, with
 * the same parse options and rules as the server: [] when accepted. For tests of operations
 * (packages/graphql-client checks every operation the frontends send).
 */
export function operationRefusals(schema: GraphQLSchema, source: string, limits: QueryLimits): readonly GraphQLError[] {
  let document;
  try {
    document = parse(source, queryLimitParseOptions(limits));
  } catch (error) {
    return [error as GraphQLError];
  }
  return validate(schema, document, [...specifiedRules, ...queryLimitRules(limits)]);
}

// graphql-js 16's wording, typo included ("more that"); limits.spec.ts pins it.
const TOKEN_LIMIT_MESSAGE = /^Syntax Error: Document contains more tha[nt] (\d+) tokens\./;

/** The stable QUERY_TOO_COMPLEX shape when `error` is a refusal by one of the limits, else undefined. */
export function formatQueryLimitError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError | undefined {
  const original = error instanceof GraphQLError ? error.originalError : undefined;
  if (original instanceof QueryLimitError) return original.toFormatted();
  if (error instanceof QueryLimitError) return error.toFormatted();
  // The token limit stops graphql-js's parser: Apollo answers GRAPHQL_PARSE_FAILED with this message.
  const tokens = TOKEN_LIMIT_MESSAGE.exec(formatted.message);
  if (tokens) return new QueryLimitError("tokens", Number(tokens[1])).toFormatted();
  return undefined;
}

/**
 * graphql-js's "Did you mean …?" hints (fields, arguments, types, enum values) name parts of the
 * schema; outside development, where introspection is off too, they are cut from every message.
 * (graphql-armor's block-field-suggestions Apollo plugin leaves a stray "?" and misses enum values.)
 */
const SUGGESTION = /\s*Did you mean [^?]*\?/g;

export function withoutSuggestions(message: string): string {
  return message.replace(SUGGESTION, "");
}
