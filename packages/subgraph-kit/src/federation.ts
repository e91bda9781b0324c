import "reflect-metadata";
import { buildSubgraphSchema, printSubgraphSchema } from "@apollo/subgraph";
import { printSchemaWithDirectives } from "@graphql-tools/utils";
import { parse, type GraphQLSchema } from "graphql";
import { buildSchema, createResolversMap, type NonEmptyArray } from "type-graphql";
import { AuthErrors } from "./auth/authorization.js";
import { declaredRules, FEDERATION_FIELDS, ruleChecker } from "./auth/rules.js";

/** Federation 2 directives every subgraph may use; imported once here so entities only say `@Directive('@key(...)')`. */
const FEDERATION_LINK =
  'extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable", "@external", "@requires", "@provides", "@inaccessible"])';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- resolver maps are untyped by nature
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

export interface FederatedSchemaOptions {
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own signature
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** `__resolveReference` per entity type name: how this subgraph turns `{ id }` into the entity. */
  referenceResolvers?: ReferenceResolvers;
}

/**
 * House rule for a federated schema: root query fields, and fields that another subgraph fills
 * in (entity references, fields added to another subgraph's type), are nullable. GraphQL nulls
 * the nearest nullable parent of a failed non-null field, so this rule is what lets the gateway
 * answer with everything else when one subgraph is down.
 *
 * type-graphql builds the schema from decorated classes; Apollo's `buildSubgraphSchema` then
 * adds `_service`, `_entities` and the `@key` semantics. The bridge is the printed SDL (with
 * directives) plus type-graphql's resolvers map.
 */
export async function buildFederatedSchema(options: FederatedSchemaOptions): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: options.resolvers,
    orphanedTypes: options.orphanedTypes,
    skipCheck: true,
    validate: false,
    // Declared rules (`@Rule`) are enforced before the resolver runs; refusals throw the catalogued errors.
    authChecker: ruleChecker,
    authMode: "error",
  });
  const typeDefs = parse(`${FEDERATION_LINK}\n\n${printSchemaWithDirectives(schema)}`);
  const resolvers: Record<string, Record<string, unknown>> = { ...(createResolversMap(schema) as Record<string, Record<string, unknown>>) };
  // Deny by default: a root field without a declared rule is refused, never silently public.
  const rules = declaredRules(options.resolvers);
  for (const rootType of ["Query", "Mutation"]) {
    for (const fieldName of Object.keys(resolvers[rootType] ?? {})) {
      if (FEDERATION_FIELDS.has(fieldName) || rules.has(`${rootType}.${fieldName}`)) continue;
      resolvers[rootType] = { ...resolvers[rootType], [fieldName]: () => { throw AuthErrors.OPERATION_NOT_DECLARED(); } };
    }
  }
  for (const [typeName, reference] of Object.entries(options.referenceResolvers ?? {})) {
    resolvers[typeName] = { ...resolvers[typeName], ...reference };
  }
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- type-graphql's map and Apollo's map are the same shape, typed apart
  return buildSubgraphSchema({ typeDefs, resolvers: resolvers as any });
}

/** The SDL composition reads (`schema.graphql` of each subgraph). */
export function printFederatedSchema(schema: GraphQLSchema): string {
  return `${printSubgraphSchema(schema).trim()}\n`;
}
