import { describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import {
  type AccessRule,
  AUTH_ERROR_MESSAGES,
  authorize,
  canAccess,
  provinceScope,
  scopeFilter,
  type ScopeFilter,
} from "./authorization.js";
import { type Caller, type ResourceScope, Role, type RoleBinding } from "./caller.js";
import * as kit from "../index.js";

// Organisation tree (ids, province first):
//   province P ─ league L ─ county X ─ school A ─ classes A1, A2
//                                    └ school B ─ class B1
//                        └ county Y ─ school C ─ class C1
//              └ league M ─ county Z ─ school D ─ class D1
//   province Q ─ league N ─ county W ─ school E ─ class E1
const PATH = {
  P: ["P"],
  L: ["P", "L"],
  X: ["P", "L", "X"],
  A: ["P", "L", "X", "A"],
  A1: ["P", "L", "X", "A", "A1"],
  A2: ["P", "L", "X", "A", "A2"],
  B: ["P", "L", "X", "B"],
  B1: ["P", "L", "X", "B", "B1"],
  C1: ["P", "L", "Y", "C", "C1"],
  D1: ["P", "M", "Z", "D", "D1"],
  E1: ["Q", "N", "W", "E", "E1"],
} as const;

/** Resource targets of the matrix: a candidate's record in a class of each place. */
const TARGET = {
  "own class A1": PATH.A1,
  "other class A2 (same school)": PATH.A2,
  "other school B (same county)": PATH.B1,
  "other county Y (same league)": PATH.C1,
  "other league M (same province)": PATH.D1,
  "other province Q": PATH.E1,
} as const;
type Target = keyof typeof TARGET;

const STAFF_ROLES = [
  Role.CLASS_TEACHER,
  Role.SCHOOL_ADMIN,
  Role.SCHOOL_STAFF,
  Role.COUNTY_AGENCY,
  Role.LEAGUE_AGENCY,
  Role.PROVINCE_INSTITUTE,
  Role.CERTIFICATION_REVIEWER,
];
const ALL_STAFF: AccessRule = { roles: STAFF_ROLES };

function binding(role: Role, organizationPath: readonly string[]): RoleBinding {
  return { role, organizationId: organizationPath[organizationPath.length - 1] ?? "", organizationPath: [...organizationPath] };
}

function user(subject: string, ...roles: RoleBinding[]): Caller {
  return { kind: "user", subject, roles, scopes: [] };
}

function client(scopes: string[], ...roles: RoleBinding[]): Caller {
  return { kind: "client", subject: "chsi", roles, scopes };
}

function at(path: readonly string[], ownerUserId?: string): ResourceScope {
  return ownerUserId === undefined ? { organizationPath: [...path] } : { organizationPath: [...path], ownerUserId };
}

/** The DomainError `authorize` throws (fails the test when it throws nothing or something else). */
function refusalOf(work: () => void): DomainError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error("expected a DomainError, nothing was thrown");
}

function expectForbidden(work: () => void, message: string): void {
  const error = refusalOf(work);
  expect(error.code).toBe("FORBIDDEN");
  expect(error.category).toBe("FORBIDDEN");
  expect(error.message).toBe(message);
}

/** Applies a ScopeFilter to one row the way a list query would (prefix match OR owner). */
function filterAdmits(filter: ScopeFilter | null, resource: ResourceScope): boolean {
  if (!filter) return false;
  const underPrefix = filter.organizationPathPrefixes.some(
    (prefix) =>
      resource.organizationPath.length >= prefix.length && prefix.every((id, i) => resource.organizationPath[i] === id),
  );
  return underPrefix || (filter.ownerUserId !== undefined && resource.ownerUserId === filter.ownerUserId);
}

// The whole role × scope matrix, written out: each staff role bound at its natural level.
//                                               own A1  A2     B      Y      M      Q
const MATRIX: [Role, keyof typeof PATH, [boolean, boolean, boolean, boolean, boolean, boolean]][] = [
  [Role.CLASS_TEACHER, "A1",                     [true,  false, false, false, false, false]],
  [Role.SCHOOL_ADMIN, "A",                       [true,  true,  false, false, false, false]],
  [Role.SCHOOL_STAFF, "A",                       [true,  true,  false, false, false, false]],
  [Role.COUNTY_AGENCY, "X",                      [true,  true,  true,  false, false, false]],
  [Role.LEAGUE_AGENCY, "L",                      [true,  true,  true,  true,  false, false]],
  [Role.PROVINCE_INSTITUTE, "P",                 [true,  true,  true,  true,  true,  false]],
  [Role.CERTIFICATION_REVIEWER, "P",             [true,  true,  true,  true,  true,  false]],
];
const TARGETS = Object.keys(TARGET) as Target[];
const MATRIX_CASES = MATRIX.flatMap(([role, boundAt, expected]) =>
  TARGETS.map((target, i) => ({ role, boundAt, target, allowed: expected[i] as boolean })),
);

describe("authorize: role × scope matrix", () => {
  it("covers every staff role against every target", () => {
    expect(MATRIX.map(([role]) => role)).toEqual(STAFF_ROLES);
    expect(MATRIX_CASES).toHaveLength(STAFF_ROLES.length * TARGETS.length);
  });

  it.each(MATRIX_CASES)("$role bound at $boundAt → $target: allowed=$allowed", ({ role, boundAt, target, allowed }) => {
    const caller = user("staff-1", binding(role, PATH[boundAt]));
    const resource = at(TARGET[target], "candidate-1");
    expect(canAccess(caller, ALL_STAFF, resource)).toBe(allowed);
    if (allowed) {
      expect(() => authorize(caller, ALL_STAFF, resource)).not.toThrow();
    } else {
      expectForbidden(() => authorize(caller, ALL_STAFF, resource), AUTH_ERROR_MESSAGES.SCOPE);
    }
    // A list query filtered with scopeFilter returns exactly the rows canAccess allows.
    expect(filterAdmits(scopeFilter(caller, ALL_STAFF), resource)).toBe(allowed);
  });
});

describe("authorize: candidates see their own resources only", () => {
  const rule: AccessRule = { roles: [Role.CANDIDATE_IN_SCHOOL, Role.CANDIDATE_SOCIAL, Role.CLASS_TEACHER] };

  it.each([
    { case: "own record in own class", role: Role.CANDIDATE_IN_SCHOOL, resource: at(PATH.A1, "cand-1"), allowed: true },
    { case: "classmate's record, same class", role: Role.CANDIDATE_IN_SCHOOL, resource: at(PATH.A1, "cand-2"), allowed: false },
    { case: "own record filed elsewhere (path does not matter)", role: Role.CANDIDATE_IN_SCHOOL, resource: at(PATH.E1, "cand-1"), allowed: true },
    { case: "resource with no owner, own class", role: Role.CANDIDATE_IN_SCHOOL, resource: at(PATH.A1), allowed: false },
    { case: "social candidate, own application", role: Role.CANDIDATE_SOCIAL, resource: at(PATH.X, "cand-1"), allowed: true },
    { case: "social candidate, other's application", role: Role.CANDIDATE_SOCIAL, resource: at(PATH.X, "cand-2"), allowed: false },
  ])("$case: allowed=$allowed", ({ role, resource, allowed }) => {
    const caller = user("cand-1", binding(role, PATH.A1));
    expect(canAccess(caller, rule, resource)).toBe(allowed);
    if (allowed) expect(() => authorize(caller, rule, resource)).not.toThrow();
    else expectForbidden(() => authorize(caller, rule, resource), AUTH_ERROR_MESSAGES.OWNER);
    expect(filterAdmits(scopeFilter(caller, rule), resource)).toBe(allowed);
  });

  it("an empty subject never matches an empty owner id", () => {
    expect(canAccess(user("", binding(Role.CANDIDATE_IN_SCHOOL, PATH.A1)), rule, at(PATH.A1, ""))).toBe(false);
  });
});

describe("authorize: Beijing (no league level)", () => {
  // municipality BJ ─ district HD ─ school S1 ─ class S1C1; district CY ─ school S3
  const BJ = ["BJ"];
  const HD = ["BJ", "HD"];
  const S1 = ["BJ", "HD", "S1"];

  it.each([
    { role: Role.PROVINCE_INSTITUTE, boundAt: BJ, resource: ["BJ", "CY", "S3", "S3C1"], allowed: true },
    { role: Role.PROVINCE_INSTITUTE, boundAt: BJ, resource: PATH.A1, allowed: false },
    { role: Role.COUNTY_AGENCY, boundAt: HD, resource: ["BJ", "HD", "S2", "S2C1"], allowed: true },
    { role: Role.COUNTY_AGENCY, boundAt: HD, resource: ["BJ", "CY", "S3", "S3C1"], allowed: false },
    { role: Role.SCHOOL_ADMIN, boundAt: S1, resource: ["BJ", "HD", "S1", "S1C1"], allowed: true },
    { role: Role.SCHOOL_ADMIN, boundAt: S1, resource: ["BJ", "HD", "S2", "S2C1"], allowed: false },
    { role: Role.CLASS_TEACHER, boundAt: ["BJ", "HD", "S1", "S1C1"], resource: ["BJ", "HD", "S1", "S1C1"], allowed: true },
    { role: Role.CLASS_TEACHER, boundAt: ["BJ", "HD", "S1", "S1C1"], resource: ["BJ", "HD", "S1", "S1C2"], allowed: false },
  ])("$role at $boundAt → $resource: allowed=$allowed", ({ role, boundAt, resource, allowed }) => {
    expect(canAccess(user("u", binding(role, boundAt)), ALL_STAFF, at(resource))).toBe(allowed);
  });
});

describe("authorize: role and binding edge cases", () => {
  it.each([
    { case: "school admin inside its school, rule for class teachers only", caller: user("u", binding(Role.SCHOOL_ADMIN, PATH.A)), rule: { roles: [Role.CLASS_TEACHER] }, resource: at(PATH.A1) },
    { case: "province institute, rule for certification reviewers only", caller: user("u", binding(Role.PROVINCE_INSTITUTE, PATH.P)), rule: { roles: [Role.CERTIFICATION_REVIEWER] }, resource: at(PATH.A1) },
    { case: "empty rule", caller: user("u", binding(Role.PROVINCE_INSTITUTE, PATH.P)), rule: { roles: [] }, resource: at(PATH.A1) },
    { case: "unknown role, also listed in the rule", caller: user("u", binding("SUPER_ADMIN" as Role, PATH.P)), rule: { roles: ["SUPER_ADMIN" as Role] }, resource: at(PATH.A1) },
    { case: "user with no bindings", caller: user("u"), rule: ALL_STAFF, resource: at(PATH.A1) },
    { case: "user holding the third-party role", caller: { ...user("u", binding(Role.THIRD_PARTY_CLIENT, PATH.P)), scopes: ["results:read"] }, rule: { roles: [Role.THIRD_PARTY_CLIENT], scopes: ["results:read"] }, resource: at(PATH.A1) },
  ])("refuses with the role message: $case", ({ caller, rule, resource }) => {
    expect(canAccess(caller, rule, resource)).toBe(false);
    expectForbidden(() => authorize(caller, rule, resource), AUTH_ERROR_MESSAGES.ROLE);
    expect(scopeFilter(caller, rule)).toBeNull();
  });

  it.each([
    { case: "binding with an empty path", bindingPath: [], resource: PATH.A1 },
    { case: "binding path with an empty id", bindingPath: ["P", ""], resource: ["P", "", "X"] },
    { case: "resource with an empty path", bindingPath: PATH.P, resource: [] },
    { case: "resource above the binding (school-level resource, class teacher)", bindingPath: PATH.A1, resource: PATH.A },
    { case: "ids compared whole, not as string prefixes (X vs X2)", bindingPath: PATH.X, resource: ["P", "L", "X2", "F"] },
  ])("refuses with the scope message: $case", ({ bindingPath, resource }) => {
    const caller = user("u", binding(Role.CLASS_TEACHER, bindingPath));
    expect(canAccess(caller, ALL_STAFF, at(resource))).toBe(false);
    expectForbidden(() => authorize(caller, ALL_STAFF, at(resource)), AUTH_ERROR_MESSAGES.SCOPE);
  });

  it("allows a resource at the bound organisation itself (school admin on a school-level resource)", () => {
    expect(canAccess(user("u", binding(Role.SCHOOL_ADMIN, PATH.A)), ALL_STAFF, at(PATH.A))).toBe(true);
  });
});

describe("authorize: several bindings give the union of their scopes", () => {
  const caller = user("u", binding(Role.CLASS_TEACHER, PATH.A1), binding(Role.SCHOOL_STAFF, PATH.B));

  it.each([
    { target: "A1 (as class teacher)", path: PATH.A1, allowed: true },
    { target: "A2 (neither)", path: PATH.A2, allowed: false },
    { target: "B1 (as staff of school B)", path: PATH.B1, allowed: true },
    { target: "school B itself", path: PATH.B, allowed: true },
    { target: "C1 (neither)", path: PATH.C1, allowed: false },
  ])("$target: allowed=$allowed", ({ path, allowed }) => {
    expect(canAccess(caller, ALL_STAFF, at(path))).toBe(allowed);
  });

  it("only bindings whose role the rule lists count", () => {
    const teachersOnly: AccessRule = { roles: [Role.CLASS_TEACHER] };
    expect(canAccess(caller, teachersOnly, at(PATH.A1))).toBe(true);
    expect(canAccess(caller, teachersOnly, at(PATH.B1))).toBe(false);
    expect(scopeFilter(caller, teachersOnly)).toEqual({ organizationPathPrefixes: [[...PATH.A1]] });
  });
});

describe("authorize: no caller", () => {
  it("throws UNAUTHENTICATED with a Chinese message", () => {
    const error = refusalOf(() => authorize(null, ALL_STAFF, at(PATH.A1)));
    expect(error.code).toBe("UNAUTHENTICATED");
    expect(error.category).toBe("UNAUTHENTICATED");
    expect(error.message).toBe("请先登录");
  });

  it("canAccess is false and scopeFilter is null", () => {
    expect(canAccess(null, ALL_STAFF, at(PATH.A1))).toBe(false);
    expect(scopeFilter(null, ALL_STAFF)).toBeNull();
  });
});

describe("authorize: third-party clients", () => {
  const readResults: AccessRule = { roles: [Role.THIRD_PARTY_CLIENT, Role.PROVINCE_INSTITUTE], scopes: ["results:read"] };

  type ClientCase = { case: string; caller: Caller; rule: AccessRule; path: readonly string[]; decision: "ALLOW" | "ROLE" | "SCOPE" };
  it.each<ClientCase>([
    { case: "granted scope, no binding, own province", caller: client(["results:read"]), rule: readResults, path: PATH.A1, decision: "ALLOW" },
    { case: "granted scope, no binding, any province", caller: client(["cases:read", "results:read"]), rule: readResults, path: PATH.E1, decision: "ALLOW" },
    { case: "scope not granted", caller: client(["records:read"]), rule: readResults, path: PATH.A1, decision: "ROLE" },
    { case: "no scopes at all", caller: client([]), rule: readResults, path: PATH.A1, decision: "ROLE" },
    { case: "rule does not list clients", caller: client(["results:read"]), rule: { roles: [Role.PROVINCE_INSTITUTE], scopes: ["results:read"] }, path: PATH.A1, decision: "ROLE" },
    { case: "rule lists clients but no scopes", caller: client(["results:read"]), rule: { roles: [Role.THIRD_PARTY_CLIENT] }, path: PATH.A1, decision: "ROLE" },
    { case: "bound to province P, resource in P", caller: client(["results:read"], binding(Role.THIRD_PARTY_CLIENT, PATH.P)), rule: readResults, path: PATH.D1, decision: "ALLOW" },
    { case: "bound to province P, resource in Q", caller: client(["results:read"], binding(Role.THIRD_PARTY_CLIENT, PATH.P)), rule: readResults, path: PATH.E1, decision: "SCOPE" },
    { case: "staff binding on a client grants nothing without the scope", caller: client([], binding(Role.PROVINCE_INSTITUTE, PATH.P)), rule: readResults, path: PATH.A1, decision: "ROLE" },
    { case: "binding with an empty path limits to nothing", caller: client(["results:read"], binding(Role.THIRD_PARTY_CLIENT, [])), rule: readResults, path: PATH.A1, decision: "SCOPE" },
    { case: "unbound client, resource with an empty path", caller: client(["results:read"]), rule: readResults, path: [], decision: "SCOPE" },
  ])("$case → $decision", ({ caller, rule, path, decision }) => {
    const resource = at(path, "cand-1");
    expect(canAccess(caller, rule, resource)).toBe(decision === "ALLOW");
    if (decision === "ALLOW") expect(() => authorize(caller, rule, resource)).not.toThrow();
    else expectForbidden(() => authorize(caller, rule, resource), AUTH_ERROR_MESSAGES[decision]);
  });
});

describe("scopeFilter", () => {
  const readResults: AccessRule = { roles: [Role.THIRD_PARTY_CLIENT], scopes: ["results:read"] };

  it.each([
    { case: "class teacher", caller: user("u", binding(Role.CLASS_TEACHER, PATH.A1)), rule: ALL_STAFF, expected: { organizationPathPrefixes: [["P", "L", "X", "A", "A1"]] } },
    { case: "county agency", caller: user("u", binding(Role.COUNTY_AGENCY, PATH.X)), rule: ALL_STAFF, expected: { organizationPathPrefixes: [["P", "L", "X"]] } },
    { case: "teacher of A1 and staff of B", caller: user("u", binding(Role.CLASS_TEACHER, PATH.A1), binding(Role.SCHOOL_STAFF, PATH.B)), rule: ALL_STAFF, expected: { organizationPathPrefixes: [["P", "L", "X", "B"], ["P", "L", "X", "A", "A1"]] } },
    { case: "county X and school A inside it: X only", caller: user("u", binding(Role.SCHOOL_ADMIN, PATH.A), binding(Role.COUNTY_AGENCY, PATH.X)), rule: ALL_STAFF, expected: { organizationPathPrefixes: [["P", "L", "X"]] } },
    { case: "candidate: own rows only", caller: user("cand-1", binding(Role.CANDIDATE_IN_SCHOOL, PATH.A1)), rule: { roles: [Role.CANDIDATE_IN_SCHOOL] }, expected: { organizationPathPrefixes: [], ownerUserId: "cand-1" } },
    { case: "role outside the rule", caller: user("u", binding(Role.SCHOOL_ADMIN, PATH.A)), rule: { roles: [Role.CLASS_TEACHER] }, expected: null },
    { case: "staff binding with an empty path", caller: user("u", binding(Role.SCHOOL_ADMIN, [])), rule: ALL_STAFF, expected: null },
    { case: "unbound client with the scope: whole platform", caller: client(["results:read"]), rule: readResults, expected: { organizationPathPrefixes: [[]] } },
    { case: "client bound to P", caller: client(["results:read"], binding(Role.THIRD_PARTY_CLIENT, PATH.P)), rule: readResults, expected: { organizationPathPrefixes: [["P"]] } },
    { case: "client without the scope", caller: client(["records:read"]), rule: readResults, expected: null },
  ])("$case", ({ caller, rule, expected }) => {
    expect(scopeFilter(caller, rule)).toEqual(expected);
  });
});

describe("exports", () => {
  it("are reachable from the package entry point", () => {
    expect(kit.authorize).toBe(authorize);
    expect(kit.canAccess).toBe(canAccess);
    expect(kit.scopeFilter).toBe(scopeFilter);
    expect(kit.Role.CLASS_TEACHER).toBe("CLASS_TEACHER");
  });
});

describe("provinceScope: province-wide resources named by official code", () => {
  const SESSIONS: AccessRule = { roles: [Role.PROVINCE_INSTITUTE] };
  const institute = (path: readonly string[], provinceCode: string) => ({ ...binding(Role.PROVINCE_INSTITUTE, path), provinceCode });

  it("places the resource at the caller's own province when a binding lies in it", () => {
    const caller = user("u", { ...binding(Role.COUNTY_AGENCY, PATH.X), provinceCode: "15" }, institute(PATH.P, "15"));
    expect(provinceScope(caller, "15")).toEqual({ organizationPath: ["P"] });
    expect(() => authorize(caller, SESSIONS, provinceScope(caller, "15"))).not.toThrow();
  });

  it("refuses another province with the scope message, and a wrong role with the role message", () => {
    const imInstitute = user("u", institute(PATH.P, "15"));
    expectForbidden(() => authorize(imInstitute, SESSIONS, provinceScope(imInstitute, "11")), AUTH_ERROR_MESSAGES.SCOPE);
    const county = user("c", { ...binding(Role.COUNTY_AGENCY, PATH.X), provinceCode: "15" });
    expectForbidden(() => authorize(county, SESSIONS, provinceScope(county, "15")), AUTH_ERROR_MESSAGES.ROLE);
  });

  it("refuses a binding without a province code (a token from before codes travelled in it)", () => {
    const old = user("u", binding(Role.PROVINCE_INSTITUTE, PATH.P));
    expectForbidden(() => authorize(old, SESSIONS, provinceScope(old, "15")), AUTH_ERROR_MESSAGES.SCOPE);
    expect(() => authorize(null, SESSIONS, provinceScope(null, "15"))).toThrow(AUTH_ERROR_MESSAGES.UNAUTHENTICATED);
  });
});

describe("a caller who must first change an initial password", () => {
  const teacher: Caller = { ...user("t", binding(Role.CLASS_TEACHER, PATH.A1)), passwordChangeRequired: true };

  it("is refused every action with PASSWORD_CHANGE_REQUIRED and sees nothing in lists", () => {
    const error = refusalOf(() => authorize(teacher, ALL_STAFF, at(PATH.A1)));
    expect(error.code).toBe("PASSWORD_CHANGE_REQUIRED");
    expect(error.message).toBe(AUTH_ERROR_MESSAGES.PASSWORD_CHANGE_REQUIRED);
    expect(canAccess(teacher, ALL_STAFF, at(PATH.A1))).toBe(false);
    expect(scopeFilter(teacher, ALL_STAFF)).toBeNull();
  });

  it("is let in again once the flag is gone (a new token after the change)", () => {
    const changed: Caller = { ...teacher, passwordChangeRequired: false };
    expect(() => authorize(changed, ALL_STAFF, at(PATH.A1))).not.toThrow();
  });
});
