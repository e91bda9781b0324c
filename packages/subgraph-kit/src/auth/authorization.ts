/**
 * The one authorisation decision every subgraph makes (docs/domain.md "Organisations and who sees
 * what"): may this caller perform this action on this resource? Deny by default — anything the
 * rules below do not positively allow (empty rule, unknown role, malformed path, missing owner)
 * is refused, so a mistake in data or configuration closes access instead of opening it.
 */
import { defineErrors } from "../errors.js";
import { type Caller, CANDIDATE_ROLES, type ResourceScope, Role, type RoleBinding } from "./caller.js";

/** What an action allows: the roles that may perform it and, for third-party clients, the scopes. */
export interface AccessRule {
  roles: Role[];
  /**
   * Third-party clients only: the client needs at least one of these in `caller.scopes`.
   * Ignored for users (their reach is their role bindings).
   */
  scopes?: string[];
}

/**
 * What a list query may return: rows whose organisation path starts with one of the prefixes,
 * OR (when set) rows owned by `ownerUserId`. An empty prefix (`[]`) means the whole platform
 * (only an unrestricted third-party client gets it). `null` from `scopeFilter` means nothing.
 */
export interface ScopeFilter {
  organizationPathPrefixes: string[][];
  ownerUserId?: string;
}

export const AUTH_ERROR_MESSAGES = {
  UNAUTHENTICATED: "请先登录",
  /** None of the caller's roles (or, for a client, none of its granted scopes) allows the action. */
  ROLE: "您的角色无权执行此操作",
  /** The role allows the action, but the resource lies outside every organisation the caller is bound to. */
  SCOPE: "无权访问该数据：超出您的管理范围",
  /** A candidate role allows the action, but the resource is another person's. */
  OWNER: "无权访问他人的数据",
  /** The caller still has a password someone else chose. */
  PASSWORD_CHANGE_REQUIRED: "请先修改初始密码，再进行其他操作",
} as const;

/** The refusals of `authorize` and the declared rules; every subgraph raises them the same way. */
export const AuthErrors = defineErrors("auth", {
  UNAUTHENTICATED: { category: "UNAUTHENTICATED", message: AUTH_ERROR_MESSAGES.UNAUTHENTICATED },
  /** The message says why (role, scope, owner) but never what lies outside the caller's scope. */
  FORBIDDEN: { category: "FORBIDDEN", message: (why: Refusal) => AUTH_ERROR_MESSAGES[why] },
  PASSWORD_CHANGE_REQUIRED: { category: "FORBIDDEN", message: AUTH_ERROR_MESSAGES.PASSWORD_CHANGE_REQUIRED },
  /** A root field nobody declared a rule for: closed until someone does (see `@Rule`). */
  OPERATION_NOT_DECLARED: { category: "FORBIDDEN", message: "该操作尚未声明访问规则，暂不开放" },
});

/** Why a request was refused; decides the message only, the code is always FORBIDDEN. */
type Refusal = "ROLE" | "SCOPE" | "OWNER";
type Decision = "ALLOW" | Refusal;

const KNOWN_ROLES: ReadonlySet<string> = new Set(Object.values(Role));
const CANDIDATE_ROLE_SET: ReadonlySet<Role> = new Set(CANDIDATE_ROLES);

/**
 * Roles the rule allows, keeping only known ones: a typo or a role removed from the enum must
 * never match a binding that carries the same stray string.
 */
function allowedRoles(rule: AccessRule): Set<Role> {
  return new Set((rule.roles ?? []).filter((role) => KNOWN_ROLES.has(role)));
}

/**
 * A usable organisation path: non-empty, every id a non-empty string. An empty binding path
 * would otherwise be a prefix of everything and silently grant the whole platform.
 */
function isValidPath(path: readonly string[] | undefined): path is string[] {
  return Array.isArray(path) && path.length > 0 && path.every((id) => typeof id === "string" && id.length > 0);
}

/**
 * Whether `resourcePath` lies in the subtree rooted at `bindingPath` (same organisation or a
 * descendant). Compared id by id, never as joined strings, so county "X" is not a prefix of "X2".
 * Levels are not named: Beijing's paths simply have no league element.
 */
function isWithin(resourcePath: readonly string[] | undefined, bindingPath: readonly string[] | undefined): boolean {
  if (!isValidPath(resourcePath) || !isValidPath(bindingPath)) return false;
  if (resourcePath.length < bindingPath.length) return false;
  return bindingPath.every((id, index) => resourcePath[index] === id);
}

/** A client is let in only when the rule names clients AND shares a granted scope with it. */
function clientPermitted(caller: Caller, rule: AccessRule): boolean {
  if (!allowedRoles(rule).has(Role.THIRD_PARTY_CLIENT)) return false;
  const granted = new Set((caller.scopes ?? []).filter((scope) => scope.length > 0));
  return (rule.scopes ?? []).some((scope) => scope.length > 0 && granted.has(scope));
}

function decide(caller: Caller, rule: AccessRule, resource: ResourceScope): Decision {
  if (caller.kind === "client") {
    if (!clientPermitted(caller, rule)) return "ROLE";
    // A client is not an organisation member: with no binding it reads across the platform (what
    // its scopes allow); any binding it does have limits it to that subtree, whatever the
    // binding's role — a client never acts as staff, so the role of the binding grants nothing.
    if (caller.roles.length === 0) return isValidPath(resource.organizationPath) ? "ALLOW" : "SCOPE";
    return caller.roles.some((binding) => isWithin(resource.organizationPath, binding.organizationPath)) ? "ALLOW" : "SCOPE";
  }
  if (caller.kind !== "user") return "ROLE";

  const roles = allowedRoles(rule);
  let refusal: Refusal = "ROLE";
  for (const binding of caller.roles) {
    if (!roles.has(binding.role)) continue;
    if (CANDIDATE_ROLE_SET.has(binding.role)) {
      // Candidates see their own record, applications and cases only — the owner decides, not the
      // organisation (a candidate may move school; the record is still theirs).
      if (caller.subject.length > 0 && resource.ownerUserId === caller.subject) return "ALLOW";
      if (refusal === "ROLE") refusal = "OWNER";
    } else if (binding.role === Role.THIRD_PARTY_CLIENT) {
      // Only an authenticated client (kind "client") holds this role; on a user it grants nothing.
      continue;
    } else {
      // Staff: the binding's organisation or anything below it.
      if (isWithin(resource.organizationPath, binding.organizationPath)) return "ALLOW";
      refusal = "SCOPE";
    }
  }
  return refusal;
}

/**
 * The caller, or `UNAUTHENTICATED` ("请先登录") when there is none: for operations that need
 * someone signed in before any rule applies (lists that answer [] to the wrong role, "own" data).
 */
export function requireCaller(caller: Caller | null): Caller {
  if (!caller) throw AuthErrors.UNAUTHENTICATED();
  return caller;
}

/**
 * Allows the action or throws: `UNAUTHENTICATED` without a caller, `FORBIDDEN` when refused.
 * The message says why (role vs scope) but never what lies outside the caller's scope. Returns
 * the caller, now known to be signed in.
 */
export function authorize(caller: Caller | null, rule: AccessRule, resource: ResourceScope): Caller {
  const signedIn = requireCaller(caller);
  if (signedIn.passwordChangeRequired) throw AuthErrors.PASSWORD_CHANGE_REQUIRED();
  const decision = decide(signedIn, rule, resource);
  if (decision !== "ALLOW") throw AuthErrors.FORBIDDEN(decision);
  return signedIn;
}

/**
 * The role half of `authorize`, without a resource: does any of the caller's bindings (or, for a
 * client, its scopes) carry a role the rule allows? What a declared rule checks before the
 * service checks the row.
 */
export function holdsRole(caller: Caller, rule: AccessRule): boolean {
  if (caller.kind === "client") return clientPermitted(caller, rule);
  if (caller.kind !== "user") return false;
  const roles = allowedRoles(rule);
  return caller.roles.some((binding) => roles.has(binding.role) && binding.role !== Role.THIRD_PARTY_CLIENT);
}

/**
 * The binding a staff caller acts through on `organizationPath` (the first whose subtree holds
 * it), or the candidate binding when the caller acts on their own behalf: who the audit trail
 * names as actor.
 */
export function actingBinding(caller: Caller, organizationPath: readonly string[]): RoleBinding | undefined {
  return (
    caller.roles.find((binding) => !CANDIDATE_ROLE_SET.has(binding.role) && isWithin(organizationPath, binding.organizationPath)) ??
    caller.roles.find((binding) => CANDIDATE_ROLE_SET.has(binding.role)) ??
    caller.roles[0]
  );
}

/** Same decision as `authorize`, as a boolean (filtering lists, showing or hiding actions). */
export function canAccess(caller: Caller | null, rule: AccessRule, resource: ResourceScope): boolean {
  return caller !== null && !caller.passwordChangeRequired && decide(caller, rule, resource) === "ALLOW";
}

/**
 * Drops duplicates and prefixes already covered by a shorter one (a county binding covers a
 * school binding inside it), so list queries get the smallest OR.
 */
function normalisePrefixes(paths: string[][]): string[][] {
  const sorted = [...paths].sort((a, b) => a.length - b.length);
  const kept: string[][] = [];
  for (const path of sorted) {
    if (!kept.some((prefix) => prefix.every((id, index) => path[index] === id))) kept.push([...path]);
  }
  return kept;
}

/**
 * Which rows a list query may return for this caller and rule, matching `canAccess` row by row
 * (path under a prefix, or owned by `ownerUserId`). `null` means nothing: do not query at all.
 */
export function scopeFilter(caller: Caller | null, rule: AccessRule): ScopeFilter | null {
  if (!caller || caller.passwordChangeRequired) return null;

  if (caller.kind === "client") {
    if (!clientPermitted(caller, rule)) return null;
    if (caller.roles.length === 0) return { organizationPathPrefixes: [[]] };
    const paths = caller.roles.map((binding) => binding.organizationPath).filter(isValidPath);
    return paths.length > 0 ? { organizationPathPrefixes: normalisePrefixes(paths) } : null;
  }
  if (caller.kind !== "user") return null;

  const roles = allowedRoles(rule);
  const paths: string[][] = [];
  let ownsRows = false;
  for (const binding of caller.roles) {
    if (!roles.has(binding.role) || binding.role === Role.THIRD_PARTY_CLIENT) continue;
    if (CANDIDATE_ROLE_SET.has(binding.role)) ownsRows = true;
    else if (isValidPath(binding.organizationPath)) paths.push(binding.organizationPath);
  }
  const ownerUserId = ownsRows && caller.subject.length > 0 ? caller.subject : undefined;
  if (paths.length === 0 && ownerUserId === undefined) return null;
  const filter: ScopeFilter = { organizationPathPrefixes: normalisePrefixes(paths) };
  if (ownerUserId !== undefined) filter.ownerUserId = ownerUserId;
  return filter;
}

/**
 * The scope of a province-wide resource named by its official code (an exam session, a case
 * certified by that province). The caller's own bindings tell which organisation is that
 * province; when none lies in it the path is one no binding can contain, so `authorize` refuses
 * (with the role message when the role is wrong, the scope message when only the province is).
 */
export function provinceScope(caller: Caller | null, provinceCode: string): ResourceScope {
  const binding = caller?.roles.find((role) => role.provinceCode === provinceCode && isValidPath(role.organizationPath));
  return { organizationPath: binding ? [binding.organizationPath[0]!] : [`province:${provinceCode}`] };
}

