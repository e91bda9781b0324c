/**
 * The one authorisation decision every subgraph makes (docs/domain.md "Organisations and who sees
 * what"): may this caller perform this action on this resource? Deny by default — anything the
 * rules below do not positively allow (empty rule, unknown role, malformed path, missing owner)
 * is refused, so a mistake in data or configuration closes access instead of opening it.
 */
import { DomainError } from "../errors.js";
import { type Caller, CANDIDATE_ROLES, type ResourceScope, Role } from "./caller.js";

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

export const AUTH_ERROR_CODES = {
  UNAUTHENTICATED: "UNAUTHENTICATED",
  FORBIDDEN: "FORBIDDEN",
  PASSWORD_CHANGE_REQUIRED: "PASSWORD_CHANGE_REQUIRED",
} as const;

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
  if (!caller) throw new DomainError(AUTH_ERROR_CODES.UNAUTHENTICATED, "UNAUTHENTICATED", AUTH_ERROR_MESSAGES.UNAUTHENTICATED);
  return caller;
}

/**
 * Allows the action or throws: `UNAUTHENTICATED` without a caller, `FORBIDDEN` when refused.
 * The message says why (role vs scope) but never what lies outside the caller's scope.
 */
export function authorize(caller: Caller | null, rule: AccessRule, resource: ResourceScope): void {
  const signedIn = requireCaller(caller);
  if (signedIn.passwordChangeRequired) {
    throw new DomainError(AUTH_ERROR_CODES.PASSWORD_CHANGE_REQUIRED, "FORBIDDEN", AUTH_ERROR_MESSAGES.PASSWORD_CHANGE_REQUIRED);
  }
  const decision = decide(signedIn, rule, resource);
  if (decision !== "ALLOW") {
    throw new DomainError(AUTH_ERROR_CODES.FORBIDDEN, "FORBIDDEN", AUTH_ERROR_MESSAGES[decision]);
  }
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

