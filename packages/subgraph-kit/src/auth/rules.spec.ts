import "reflect-metadata";
import { graphql, type GraphQLSchema } from "graphql";
import { Arg, Ctx, Mutation, Query, Resolver, type AuthCheckerFn } from "type-graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { DomainError } from "../errors.js";
import { buildFederatedSchema } from "../federation.js";
import { printRuleTable, subgraphRuleTable, undeclaredFields } from "../testing/rules.js";
import { AUTH_ERROR_MESSAGES } from "./authorization.js";
import { type Caller, Role, type RoleBinding } from "./caller.js";
import { accessRule, declaredRules, describeRule, inScopeOf, publicAccess, requiresRole, Rule, ruleChecker, ruleTable, signedIn, type OperationRule } from "./rules.js";

const PROVINCE = ["p15"];
const COUNTY = ["p15", "l1", "c1"];
const bound = (role: Role, organizationPath: string[]): RoleBinding => ({ role, organizationId: organizationPath.at(-1)!, organizationPath });
const user = (roles: RoleBinding[], extra: Partial<Caller> = {}): Caller => ({ kind: "user", subject: "u-1", roles, scopes: [], ...extra });
const client = (scopes: string[]): Caller => ({ kind: "client", subject: "chsi", roles: [], scopes });

const CONFIGURE_SESSIONS = accessRule("CONFIGURE_SESSIONS", { roles: [Role.PROVINCE_INSTITUTE] });
const READ_RECORDS = accessRule("READ_RECORDS", { roles: [Role.COUNTY_AGENCY, Role.PROVINCE_INSTITUTE] });
const READ_RESULTS = accessRule("READ_RESULTS", { roles: [Role.PROVINCE_INSTITUTE, Role.THIRD_PARTY_CLIENT], scopes: ["results:read"] });

const institute = user([bound(Role.PROVINCE_INSTITUTE, PROVINCE)]);
const county = user([bound(Role.COUNTY_AGENCY, COUNTY)]);
const mustChangePassword = user([bound(Role.PROVINCE_INSTITUTE, PROVINCE)], { passwordChangeRequired: true });

/** The checker as type-graphql calls it: true to let the resolver run, or the catalogued refusal thrown. */
function check(rule: OperationRule, caller: Caller | null): true | { code: string; category: string; message: string } {
  try {
    // The kit's checker is a function (type-graphql also accepts classes, hence the cast).
    const checker = ruleChecker as AuthCheckerFn<{ caller: Caller | null }, OperationRule>;
    const verdict = checker({ context: { caller }, root: undefined, args: {}, info: undefined as never }, [rule]);
    if (verdict !== true) throw new Error(`the checker answered ${String(verdict)} instead of throwing`);
    return true;
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    return { code: error.code, category: error.category, message: error.message };
  }
}

const UNAUTHENTICATED = { code: "UNAUTHENTICATED", category: "UNAUTHENTICATED", message: AUTH_ERROR_MESSAGES.UNAUTHENTICATED };
const WRONG_ROLE = { code: "FORBIDDEN", category: "FORBIDDEN", message: "您的角色无权执行此操作" };
const PASSWORD_CHANGE = { code: "PASSWORD_CHANGE_REQUIRED", category: "FORBIDDEN", message: AUTH_ERROR_MESSAGES.PASSWORD_CHANGE_REQUIRED };

describe("ruleChecker", () => {
  it("lets anyone through a public field, signed in or not", () => {
    const rule = publicAccess("考次安排是公开信息");
    expect(check(rule, null)).toBe(true);
    expect(check(rule, county)).toBe(true);
    expect(check(rule, mustChangePassword)).toBe(true);
  });

  it("asks an anonymous caller of a signed-in field to log in, and lets any signed-in caller through, even before the initial password is changed", () => {
    const rule = signedIn("本人账号");
    expect(check(rule, null)).toEqual(UNAUTHENTICATED);
    expect(check(rule, county)).toBe(true);
    expect(check(rule, user([]))).toBe(true);
    // Changing the initial password is itself a signed-in operation: it must stay reachable.
    expect(check(rule, mustChangePassword)).toBe(true);
  });

  it("lets any signed-in caller reach an in-scope field (the service lists only what is in scope), never an anonymous one", () => {
    const rule = inScopeOf(READ_RECORDS);
    expect(check(rule, null)).toEqual(UNAUTHENTICATED);
    expect(check(rule, county)).toBe(true);
    expect(check(rule, user([bound(Role.CLASS_TEACHER, [...COUNTY, "s1", "k1"])]))).toBe(true);
  });

  it("refuses a role field to the anonymous (UNAUTHENTICATED), the wrong role (FORBIDDEN) and a caller who must change the password first", () => {
    const rule = requiresRole(CONFIGURE_SESSIONS);
    expect(check(rule, institute)).toBe(true);
    expect(check(rule, null)).toEqual(UNAUTHENTICATED);
    expect(check(rule, county)).toEqual(WRONG_ROLE);
    expect(check(rule, user([]))).toEqual(WRONG_ROLE);
    expect(check(rule, mustChangePassword)).toEqual(PASSWORD_CHANGE);
  });

  it("lets a caller holding one of several bindings through when any binding carries the role", () => {
    expect(check(requiresRole(CONFIGURE_SESSIONS), user([bound(Role.COUNTY_AGENCY, COUNTY), bound(Role.PROVINCE_INSTITUTE, PROVINCE)]))).toBe(true);
  });

  it("lets a third-party client through only with a granted scope the rule names", () => {
    const rule = requiresRole(READ_RESULTS);
    expect(check(rule, client(["results:read"]))).toBe(true);
    expect(check(rule, client([]))).toEqual(WRONG_ROLE);
    expect(check(rule, client(["records:read"]))).toEqual(WRONG_ROLE);
    // A rule that does not name clients refuses them whatever they were granted.
    expect(check(requiresRole(CONFIGURE_SESSIONS), client(["results:read"]))).toEqual(WRONG_ROLE);
  });

  it("never lets a user through on the client role (only an authenticated client holds it)", () => {
    expect(check(requiresRole(READ_RESULTS), user([bound(Role.THIRD_PARTY_CLIENT, PROVINCE)]))).toEqual(WRONG_ROLE);
  });
});

describe("declared rules on a federated schema", () => {
  @Resolver()
  class SessionResolver {
    @Query(() => String, { nullable: true })
    @Rule(publicAccess("考次安排是公开信息"))
    examSessions(): string {
      return "sessions";
    }

    @Query(() => String, { nullable: true })
    @Rule(signedIn("本人账号"))
    me(@Ctx() { caller }: { caller: Caller | null }): string {
      return caller!.subject;
    }

    @Query(() => String, { nullable: true })
    @Rule(inScopeOf(READ_RECORDS))
    records(): string {
      return "records";
    }

    @Query(() => String, { nullable: true })
    @Rule(requiresRole(READ_RESULTS))
    results(): string {
      return "results";
    }

    @Mutation(() => String)
    @Rule(requiresRole(CONFIGURE_SESSIONS))
    createExamSession(@Arg("code", () => String) code: string): string {
      return `created ${code}`;
    }
  }

  /** Someone forgot `@Rule` here: the field must be closed, not open. */
  @Resolver()
  class ForgottenResolver {
    @Mutation(() => String, { name: "deleteEverything" })
    forgotten(): string {
      return "deleted";
    }

    @Query(() => String, { nullable: true })
    undeclaredQuery(): string {
      return "leaked";
    }
  }

  let schema: GraphQLSchema;
  beforeAll(async () => {
    schema = await buildFederatedSchema({ resolvers: [SessionResolver, ForgottenResolver] });
  });

  const run = async (source: string, caller: Caller | null) => {
    const result = await graphql({ schema, source, contextValue: { caller } });
    return {
      data: result.data,
      errors: result.errors?.map((error) => {
        const original = error.originalError;
        return original instanceof DomainError ? { code: original.code, message: original.message, path: error.path } : { message: error.message, path: error.path };
      }),
    };
  };

  it("lists every root field with its rule and roles (federation's own fields left out)", () => {
    const rows = ruleTable(schema, declaredRules([SessionResolver, ForgottenResolver]));
    expect(rows).toEqual([
      { field: "Query.examSessions", rule: "public", roles: [], scopes: [] },
      { field: "Query.me", rule: "signed-in", roles: [], scopes: [] },
      { field: "Query.records", rule: "in-scope READ_RECORDS", roles: [Role.COUNTY_AGENCY, Role.PROVINCE_INSTITUTE], scopes: [] },
      { field: "Query.results", rule: "role READ_RESULTS", roles: [Role.PROVINCE_INSTITUTE, Role.THIRD_PARTY_CLIENT], scopes: ["results:read"] },
      { field: "Query.undeclaredQuery", rule: "(none)", roles: [], scopes: [] },
      { field: "Mutation.createExamSession", rule: "role CONFIGURE_SESSIONS", roles: [Role.PROVINCE_INSTITUTE], scopes: [] },
      { field: "Mutation.deleteEverything", rule: "(none)", roles: [], scopes: [] },
    ]);
    expect(Object.keys(schema.getQueryType()!.getFields())).toContain("_service");
    expect(undeclaredFields(rows)).toEqual(["Query.undeclaredQuery", "Mutation.deleteEverything"]);
  });

  it("prints the table one field a line, columns aligned", () => {
    const printed = printRuleTable(ruleTable(schema, declaredRules([SessionResolver, ForgottenResolver])));
    const lines = printed.split("\n");
    expect(lines).toHaveLength(7);
    expect(lines[3]).toMatch(/^Query\.results +role READ_RESULTS +PROVINCE_INSTITUTE, THIRD_PARTY_CLIENT +scopes: results:read$/);
    expect(lines[6]).toMatch(/^Mutation\.deleteEverything +\(none\)$/);
    // Every rule column starts at the same place.
    const ruleColumn = lines.map((line) => line.search(/ (public|signed-in|in-scope|role|\(none\))/));
    expect(new Set(ruleColumn).size).toBe(1);
  });

  it("lists a subgraph's table with the kit's own fields (audit trail, workflow definitions), each declared", async () => {
    const { rows } = await subgraphRuleTable({
      name: "kitrules",
      defaultPort: 0,
      resolvers: [SessionResolver],
      entities: [],
      migrations: { libsql: [], postgresql: [] },
      workflows: { kinds: [], seeds: [] },
    });
    expect(rows.filter((row) => row.field.toLowerCase().includes("kitrules"))).toEqual([
      { field: "Query.kitrulesAuditTrail", rule: "in-scope READ_AUDIT_TRAIL", roles: [Role.PROVINCE_INSTITUTE], scopes: [] },
      { field: "Query.kitrulesWorkflowDefinitions", rule: "in-scope READ_WORKFLOWS", roles: expect.arrayContaining([Role.PROVINCE_INSTITUTE, Role.CLASS_TEACHER]), scopes: [] },
      { field: "Mutation.updateKitrulesWorkflowDefinition", rule: "role CONFIGURE_WORKFLOWS", roles: [Role.PROVINCE_INSTITUTE], scopes: [] },
    ]);
    expect(undeclaredFields(rows)).toEqual([]);
  });

  it("reads `(none)` for a missing rule and `<kind> <name>` for named ones", () => {
    expect(describeRule(undefined)).toBe("(none)");
    expect(describeRule(publicAccess("x"))).toBe("public");
    expect(describeRule(requiresRole(CONFIGURE_SESSIONS))).toBe("role CONFIGURE_SESSIONS");
  });

  it("refuses a field declared without a rule at run time with OPERATION_NOT_DECLARED, whoever calls, and never runs it", async () => {
    for (const caller of [null, institute, client(["results:read"])]) {
      const mutation = await run(`mutation { deleteEverything }`, caller);
      expect(mutation.data).toBeNull();
      expect(mutation.errors).toEqual([{ code: "OPERATION_NOT_DECLARED", message: "该操作尚未声明访问规则，暂不开放", path: ["deleteEverything"] }]);
      const query = await run(`{ undeclaredQuery examSessions }`, caller);
      expect(query.data).toEqual({ undeclaredQuery: null, examSessions: "sessions" });
      expect(query.errors).toEqual([{ code: "OPERATION_NOT_DECLARED", message: "该操作尚未声明访问规则，暂不开放", path: ["undeclaredQuery"] }]);
    }
  });

  it("enforces each declared rule before the resolver runs", async () => {
    expect(await run(`{ examSessions }`, null)).toEqual({ data: { examSessions: "sessions" }, errors: undefined });
    expect(await run(`{ me }`, null)).toMatchObject({ data: { me: null }, errors: [{ code: "UNAUTHENTICATED", path: ["me"] }] });
    expect(await run(`{ me }`, mustChangePassword)).toEqual({ data: { me: "u-1" }, errors: undefined });
    expect(await run(`{ records }`, county)).toEqual({ data: { records: "records" }, errors: undefined });
    expect(await run(`{ results }`, client(["results:read"]))).toEqual({ data: { results: "results" }, errors: undefined });
    expect(await run(`{ results }`, client([]))).toMatchObject({ data: { results: null }, errors: [{ code: "FORBIDDEN", message: "您的角色无权执行此操作" }] });

    expect(await run(`mutation { createExamSession(code: "2027-01") }`, institute)).toEqual({ data: { createExamSession: "created 2027-01" }, errors: undefined });
    expect(await run(`mutation { createExamSession(code: "2027-01") }`, county)).toMatchObject({
      data: null,
      errors: [{ code: "FORBIDDEN", message: "您的角色无权执行此操作", path: ["createExamSession"] }],
    });
    expect(await run(`mutation { createExamSession(code: "2027-01") }`, null)).toMatchObject({ errors: [{ code: "UNAUTHENTICATED" }] });
    expect(await run(`mutation { createExamSession(code: "2027-01") }`, mustChangePassword)).toMatchObject({ errors: [{ code: "PASSWORD_CHANGE_REQUIRED" }] });
  });
});
