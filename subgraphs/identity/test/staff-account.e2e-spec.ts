import { DEMO_PASSWORD, demoOrgId, demoUserId } from "@xuekao/demo-data";
import { signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identitySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

const CREATE = `mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { id username } }`;
const BIND = `mutation($input: BindRoleInput!) { bindRole(input: $input) { role organization { id } } }`;
const ME = `{ me { username roles { role organization { id } } } }`;

describe.each(drivers)("staff accounts on %s", (driver) => {
  let identity: TestSubgraph;
  const as = signedInAs(() => identity.url, DEMO_PASSWORD);
  const account = (overrides: Record<string, string>) => ({
    username: "teacher3",
    displayName: "钱老师",
    password: "Laoshi#2026",
    role: "CLASS_TEACHER",
    organizationId: demoOrgId("im-class-2"),
    ...overrides,
  });

  beforeAll(async () => {
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true });
  });
  afterAll(async () => {
    await identity?.stop();
  });

  it("lets a school admin create a class teacher who can then sign in with that role", async () => {
    const created = await identity.graphql<{ createStaffAccount: { username: string } }>(CREATE, { input: account({}) }, await as("school1"));
    expect(created.errors).toBeUndefined();
    const teacher = signedInAs(() => identity.url, "Laoshi#2026");
    const me = await identity.graphql(ME, {}, await teacher("teacher3"));
    expect(me.data).toEqual({ me: { username: "teacher3", roles: [{ role: "CLASS_TEACHER", organization: { id: demoOrgId("im-class-2") } }] } });
  });

  it("makes a new staff member choose their own password before anything else", async () => {
    const created = await identity.graphql(CREATE, { input: account({ username: "teacher5", organizationId: demoOrgId("im-class-1") }) }, await as("school1"));
    expect(created.errors).toBeUndefined();
    const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken passwordChangeRequired } }`;
    const first = await identity.graphql<{ login: { accessToken: string; passwordChangeRequired: boolean } }>(LOGIN, {
      input: { username: "teacher5", password: "Laoshi#2026" },
    });
    expect(first.data?.login.passwordChangeRequired).toBe(true);
    const auth = { authorization: `Bearer ${first.data!.login.accessToken}` };
    const me = await identity.graphql<{ me: { passwordChangeRequired: boolean } }>(`{ me { passwordChangeRequired } }`, {}, auth);
    expect(me.data?.me.passwordChangeRequired).toBe(true);
    // Until then the scoped reads come back empty and actions are refused, in every subgraph (kit).
    const users = await identity.graphql<{ users: unknown[] }>(`{ users { id } }`, {}, auth);
    expect(users.data?.users).toEqual([]);
    const classInput = { code: "150102000199", name: "不应建成", kind: "CLASS", parentId: demoOrgId("im-school") };
    const refused = await identity.graphql(`mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`, { input: classInput }, auth);
    expect(refused.errors?.[0]?.extensions?.code).toBe("PASSWORD_CHANGE_REQUIRED");

    const changed = await identity.graphql(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
      { input: { currentPassword: "Laoshi#2026", newPassword: "Zijide#Mima2026" } },
      auth,
    );
    expect(changed.errors).toBeUndefined();
    const again = await identity.graphql<{ login: { accessToken: string; passwordChangeRequired: boolean } }>(LOGIN, {
      input: { username: "teacher5", password: "Zijide#Mima2026" },
    });
    expect(again.data?.login.passwordChangeRequired).toBe(false);
    const after = await identity.graphql<{ users: unknown[] }>(`{ users { id } }`, {}, { authorization: `Bearer ${again.data!.login.accessToken}` });
    expect(after.data?.users.length).toBeGreaterThan(1); // the class's candidates and the teacher

    // Demo accounts and self-registered candidates chose their own passwords.
    expect((await identity.graphql<{ login: { passwordChangeRequired: boolean } }>(LOGIN, { input: { username: "teacher1", password: DEMO_PASSWORD } })).data?.login.passwordChangeRequired).toBe(false);
  });

  it("binds a class teacher to a second class", async () => {
    const bound = await identity.graphql(
      BIND,
      { input: { userId: demoUserId("teacher1"), role: "CLASS_TEACHER", organizationId: demoOrgId("im-class-2") } },
      await as("school1"),
    );
    expect(bound.errors).toBeUndefined();
    const me = await identity.graphql<{ me: { roles: Array<{ organization: { id: string } }> } }>(
      ME,
      {},
      await signedInAs(() => identity.url, DEMO_PASSWORD)("teacher1"), // a fresh login carries the new binding
    );
    expect(me.data?.me.roles.map((role) => role.organization.id)).toEqual([demoOrgId("im-class-1"), demoOrgId("im-class-2")]);
    const twice = await identity.graphql(
      BIND,
      { input: { userId: demoUserId("teacher1"), role: "CLASS_TEACHER", organizationId: demoOrgId("im-class-2") } },
      await as("school1"),
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe("ROLE_ALREADY_BOUND");
  });

  it("binds only accounts the caller manages, and never a candidate's", async () => {
    const bind = async (username: string, userId: string) =>
      identity.graphql(BIND, { input: { userId, role: "CLASS_TEACHER", organizationId: demoOrgId("im-class-1") } }, await as(username));
    const student = await bind("school1", demoUserId("candidate3"));
    expect(student.errors?.[0]?.extensions).toMatchObject({ code: "ROLE_NOT_FOR_CANDIDATE", field: "userId" });
    // Someone in another province looks exactly like nobody.
    for (const userId of [demoUserId("bjreviewer1"), "00000000-0000-4000-8000-000000000000"]) {
      const outside = await bind("school1", userId);
      expect(outside.errors?.[0]).toMatchObject({ message: "用户不存在", extensions: { code: "USER_NOT_FOUND" } });
    }
    const roles = await identity.graphql<{ me: { roles: unknown[] } }>(ME, {}, await as("candidate3"));
    expect(roles.data?.me.roles).toHaveLength(1);
  });

  it("lets the province institute allocate a school account in its province only", async () => {
    const created = await identity.graphql(
      CREATE,
      { input: account({ username: "school2", displayName: "校务二", role: "SCHOOL_ADMIN", organizationId: demoOrgId("im-school") }) },
      await as("region1"),
    );
    expect(created.errors).toBeUndefined();
    const beijing = await identity.graphql(
      CREATE,
      { input: account({ username: "school3", displayName: "校务三", role: "SCHOOL_ADMIN", organizationId: demoOrgId("bj-school") }) },
      await as("region1"),
    );
    expect(beijing.errors?.[0]).toMatchObject({ message: "无权访问该数据：超出您的管理范围", extensions: { code: "FORBIDDEN" } });
  });

  it.each([
    ["school1", { organizationId: demoOrgId("bj-school"), role: "SCHOOL_STAFF" }, "FORBIDDEN"],
    ["county1", { role: "SCHOOL_ADMIN", organizationId: demoOrgId("im-school") }, "FORBIDDEN"],
    ["teacher1", {}, "FORBIDDEN"],
    ["school1", { role: "CLASS_TEACHER", organizationId: demoOrgId("im-school") }, "ROLE_ORGANIZATION_MISMATCH"],
    ["school1", { role: "CANDIDATE_SOCIAL" }, "ROLE_NOT_GRANTABLE"],
    ["school1", { username: "candidate1", organizationId: demoOrgId("im-class-1") }, "USERNAME_TAKEN"],
    ["school1", { password: "short" }, "PASSWORD_TOO_WEAK"],
    ["school1", { organizationId: "not-an-id" }, "ORGANIZATION_NOT_FOUND"],
  ])("refuses %s creating %o with %s, creating nothing", async (creator, overrides, code) => {
    const input = account({ username: "refused1", ...overrides });
    const result = await identity.graphql(CREATE, { input }, await as(creator));
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    const login = await identity.graphql(`mutation { login(input: { username: "refused1", password: "Laoshi#2026" }) { accessToken } }`);
    expect(login.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("asks anonymous callers to log in", async () => {
    const result = await identity.graphql(CREATE, { input: account({ username: "anon1" }) });
    expect(result.errors?.[0]).toMatchObject({ message: "请先登录", extensions: { code: "UNAUTHENTICATED" } });
  });
});
