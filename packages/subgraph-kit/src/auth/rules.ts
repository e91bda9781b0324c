/**
 * Declared authorisation: every Query and Mutation field names, where it is declared, who may call
 * it (`@Rule(...)`). The kit's auth checker enforces the declared rule before the resolver runs;
 * row-level scope (which record, whose case) stays in the service (`authorize`, `scopeWhere`).
 * A root field without a rule is refused at run time (deny by default) and fails the rule test,
 * which prints the table of every field and its rule.
 */
import { getMetadataStorage, Authorized, type AuthChecker } from "type-graphql";
import type { GraphQLSchema } from "graphql";
import type { AccessRule } from "./authorization.js";
import { AuthErrors, holdsRole, requireCaller } from "./authorization.js";
import type { Caller } from "./caller.js";

/**
 * What a root field requires of its caller:
 * - `public`: anyone, signed in or not (public information, sign-in itself);
 * - `signed-in`: any signed-in caller, acting on their own account (also before an initial
 *   password is changed); the service decides what is theirs;
 * - `in-scope`: signed in; the service lists or shows only rows inside the caller's scope under
 *   the named access rule, so a caller without a matching role simply gets nothing;
 * - `role`: a caller holding one of the named rule's roles (a client: one of its scopes); anyone
 *   else is refused with FORBIDDEN before the resolver runs. The service still checks the row.
 */
export type OperationRule =
  | { kind: "public"; why: string }
  | { kind: "signed-in"; why: string }
  | { kind: "in-scope"; name: string; access: AccessRule }
  | { kind: "role"; name: string; access: AccessRule };

/** A named access rule, so tables and tests can say which one a field uses. */
export interface NamedAccessRule extends AccessRule {
  name: string;
}

export const accessRule = (name: string, rule: AccessRule): NamedAccessRule => ({ name, ...rule });

export const publicAccess = (why: string): OperationRule => ({ kind: "public", why });
export const signedIn = (why: string): OperationRule => ({ kind: "signed-in", why });
export const inScopeOf = (rule: NamedAccessRule): OperationRule => ({ kind: "in-scope", name: rule.name, access: rule });
export const requiresRole = (rule: NamedAccessRule): OperationRule => ({ kind: "role", name: rule.name, access: rule });

/** Declares the rule of a Query or Mutation field (or of a field resolver that needs one). */
export function Rule(rule: OperationRule): MethodDecorator & PropertyDecorator {
  return Authorized<OperationRule>([rule]) as MethodDecorator & PropertyDecorator;
}

function enforce(rule: OperationRule, caller: Caller | null): void {
  switch (rule.kind) {
    case "public":
      return;
    case "signed-in":
      requireCaller(caller);
      return;
    case "in-scope": {
      requireCaller(caller);
      return;
    }
    case "role": {
      const signedInCaller = requireCaller(caller);
      if (signedInCaller.passwordChangeRequired) throw AuthErrors.PASSWORD_CHANGE_REQUIRED();
      if (!holdsRole(signedInCaller, rule.access)) throw AuthErrors.FORBIDDEN("ROLE");
      return;
    }
    default: {
      const unknown: never = rule;
      throw new Error(`Unknown operation rule ${JSON.stringify(unknown)}`);
    }
  }
}

/** The type-graphql auth checker of every subgraph: enforces the declared rule, throwing the catalogued errors. */
export const ruleChecker: AuthChecker<{ caller: Caller | null }, OperationRule> = ({ context }, rules) => {
  for (const rule of rules) enforce(rule, context.caller);
  return true;
};

/** Federation's own fields: `_service` is the SDL, `_entities` resolves references with each type's own checks. */
export const FEDERATION_FIELDS: ReadonlySet<string> = new Set(["_service", "_entities"]);

/**
 * The rule declared on each root field of these resolvers ("Query.examSessions" → rule), read
 * from type-graphql's metadata (a field without `@Rule` is absent).
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver classes
export function declaredRules(resolvers: readonly Function[]): Map<string, OperationRule> {
  const storage = getMetadataStorage();
  const classes = new Set<unknown>(resolvers);
  // A resolver class may inherit decorated methods from a base class.
  for (const resolver of resolvers) {
    for (let base = Object.getPrototypeOf(resolver) as unknown; base && base !== Function.prototype; base = Object.getPrototypeOf(base)) classes.add(base);
  }
  const rules = new Map<string, OperationRule>();
  for (const [rootType, handlers] of [["Query", storage.queries], ["Mutation", storage.mutations]] as const) {
    for (const handler of handlers) {
      if (!classes.has(handler.target)) continue;
      const declared = storage.authorizedFields.find((field) => field.target === handler.target && field.fieldName === handler.methodName);
      const rule = declared?.roles[0] as OperationRule | undefined;
      if (rule) rules.set(`${rootType}.${handler.schemaName}`, rule);
    }
  }
  return rules;
}

export interface RuleTableRow {
  field: string;
  rule: string;
  roles: string[];
  scopes: string[];
}

/** How a rule reads in the table: `public`, `signed-in`, `role CONFIGURE_SESSIONS`, `in-scope READ_CASES`. */
export const describeRule = (rule: OperationRule | undefined): string =>
  !rule ? "(none)" : rule.kind === "public" || rule.kind === "signed-in" ? rule.kind : `${rule.kind} ${rule.name}`;

/** Every root field of a schema with its declared rule ("(none)" when missing): the table the role × scope tests read. */
export function ruleTable(schema: GraphQLSchema, rules: ReadonlyMap<string, OperationRule>): RuleTableRow[] {
  const rows: RuleTableRow[] = [];
  for (const rootType of [schema.getQueryType(), schema.getMutationType()]) {
    if (!rootType) continue;
    for (const fieldName of Object.keys(rootType.getFields()).sort()) {
      if (FEDERATION_FIELDS.has(fieldName)) continue;
      const rule = rules.get(`${rootType.name}.${fieldName}`);
      const access = rule && (rule.kind === "role" || rule.kind === "in-scope") ? rule.access : undefined;
      rows.push({ field: `${rootType.name}.${fieldName}`, rule: describeRule(rule), roles: [...(access?.roles ?? [])], scopes: [...(access?.scopes ?? [])] });
    }
  }
  return rows;
}
