import { DEMO_CLIENT, DEMO_PASSWORD, demoOrganizationPath, demoOrgId, demoUserId } from "@xuekao/demo-data";
import { AuditEntry, createRequestContext, Role, verifyAuditChain, type Caller } from "@xuekao/subgraph-kit";
import { signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Organization } from "../src/modules/organization/organization.entity.js";
import { OrganizationService } from "../src/modules/organization/organization.service.js";
import { identitySubgraph } from "../src/subgraph.js";
import { LOGIN, REQUEST_CODE, registerCandidate, smsInbox } from "./support.js";

const drivers = await testDrivers();

const CREATE_ORGANIZATION = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`;
const CREATE_STAFF = `mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { id } }`;
const BIND = `mutation($input: BindRoleInput!) { bindRole(input: $input) { role } }`;
const TRAIL = `query($type: String!, $id: ID!) { identityAuditTrail(subjectType: $type, subjectId: $id) { entries { action actorId actorRole after } nextCursor } }`;

/** The path of a demo organisation as an audit entry stores it (ids joined by "/"). */
const pathOf = (key: string) => demoOrganizationPath(demoOrgId(key));

describe.each(drivers)("audit trail of identity's decisions on %s", (driver) => {
  let identity: TestSubgraph;
  const inbox = smsInbox();
  const as = signedInAs(() => identity.url, DEMO_PASSWORD);

  const entries = (where: { action?: string; subjectId?: string } = {}) =>
    identity.service.orm.em.fork().find(AuditEntry, where, { orderBy: { seq: "asc" } });
  const countEntries = async () => identity.service.orm.em.fork().count(AuditEntry, {});
  /** The one entry of `action` on `subjectId`, its before/after parsed. */
  const entryOf = async (action: string, subjectId: string) => {
    const found = await entries({ action, subjectId });
    expect(found).toHaveLength(1);
    const entry = found[0]!;
    return { entry, before: entry.before === null ? null : (JSON.parse(entry.before) as unknown), after: entry.after === null ? null : (JSON.parse(entry.after) as unknown) };
  };

  beforeAll(async () => {
    await inbox.ready;
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true, bus: inbox.bus });
  });
  afterAll(async () => {
    await identity?.stop();
    await inbox.bus.close();
  });

  it("starts with nothing: seeding demo data is configuration, not a decision", async () => {
    expect(await countEntries()).toBe(0);
  });

  it("records organization.created by the province institute, where the new organisation sits", async () => {
    const created = await identity.graphql<{ createOrganization: { id: string } }>(
      CREATE_ORGANIZATION,
      { input: { code: "150107", name: "赛罕区教育招生考试中心", kind: "COUNTY", parentId: demoOrgId("im-hohhot") } },
      await as("region1"),
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createOrganization.id;
    const { entry, after } = await entryOf("organization.created", id);
    expect(entry).toMatchObject({
      actorKind: "user",
      actorId: demoUserId("region1"),
      actorRole: Role.PROVINCE_INSTITUTE,
      actorOrganizationId: demoOrgId("im"),
      subjectType: "Organization",
      organizationPath: `${pathOf("im-hohhot")}/${id}`,
      before: null,
    });
    expect(after).toEqual({ organizationCode: "150107", name: "赛罕区教育招生考试中心", kind: "COUNTY", parentId: demoOrgId("im-hohhot") });
  });

  it("records staff-account.created without the initial password, and role.bound on the person", async () => {
    const created = await identity.graphql<{ createStaffAccount: { id: string } }>(
      CREATE_STAFF,
      { input: { username: "auditteacher", displayName: "审老师", password: "Laoshi#2026", role: "CLASS_TEACHER", organizationId: demoOrgId("im-class-1") } },
      await as("school1"),
    );
    expect(created.errors).toBeUndefined();
    const userId = created.data!.createStaffAccount.id;
    const staff = await entryOf("staff-account.created", userId);
    expect(staff.entry).toMatchObject({ actorId: demoUserId("school1"), actorRole: Role.SCHOOL_ADMIN, subjectType: "User", organizationPath: pathOf("im-class-1") });
    expect(staff.after).toEqual({ username: "auditteacher", displayName: "审老师", role: "CLASS_TEACHER", organizationId: demoOrgId("im-class-1") });
    expect(JSON.stringify(staff.entry)).not.toContain("Laoshi#2026");

    const bound = await identity.graphql(BIND, { input: { userId, role: "CLASS_TEACHER", organizationId: demoOrgId("im-class-2") } }, await as("school1"));
    expect(bound.errors).toBeUndefined();
    const binding = await entryOf("role.bound", userId);
    expect(binding.entry).toMatchObject({ actorId: demoUserId("school1"), subjectType: "User", organizationPath: pathOf("im-class-2") });
    expect(binding.after).toMatchObject({ role: "CLASS_TEACHER", organizationId: demoOrgId("im-class-2"), bindingId: expect.any(String) });
  });

  it("records account.registered at the county, with the mobile masked, and the registration's password nowhere", async () => {
    const token = await registerCandidate(identity, inbox, { username: "auditcandidate", mobile: "13700000002", householdCountyId: demoOrgId("im-xincheng"), password: "Kaosheng#2026" });
    const userId = decodeJwt(token).sub!;
    const { entry, after } = await entryOf("account.registered", userId);
    // Nobody is signed in yet: the person registering is the subject, and the request's actor is anonymous.
    expect(entry).toMatchObject({ actorKind: "system", actorId: null, subjectType: "User", organizationPath: pathOf("im-xincheng") });
    expect(after).toEqual({ username: "auditcandidate", displayName: "王考生", mobile: "137****0002", role: "CANDIDATE_SOCIAL", organizationId: demoOrgId("im-xincheng") });
    expect(JSON.stringify(entry)).not.toContain("13700000002");
    expect(JSON.stringify(entry)).not.toContain("Kaosheng#2026");
  });

  it("records account.password-changed with no values, and account.mobile-changed with both numbers masked", async () => {
    const tokens = (await identity.graphql<{ login: { accessToken: string } }>(LOGIN, { input: { username: "candidate5", password: DEMO_PASSWORD } })).data!.login;
    const auth = { authorization: `Bearer ${tokens.accessToken}` };
    const changed = await identity.graphql(
      `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`,
      { input: { currentPassword: DEMO_PASSWORD, newPassword: "Neue#Pass2026" } },
      auth,
    );
    expect(changed.errors).toBeUndefined();
    const password = await entryOf("account.password-changed", demoUserId("candidate5"));
    expect(password.entry).toMatchObject({ actorId: demoUserId("candidate5"), actorRole: Role.CANDIDATE_IN_SCHOOL, organizationPath: pathOf("im-class-1") });
    expect([password.before, password.after]).toEqual([null, null]);
    expect(JSON.stringify(password.entry)).not.toMatch(/Neue#Pass2026|Xuekao@2026/);

    await identity.graphql(REQUEST_CODE, { input: { mobile: "13900000007", purpose: "CHANGE_MOBILE" } }, auth);
    const first = await identity.graphql(
      `mutation($input: ChangeMobileInput!) { changeMobile(input: $input) { id } }`,
      { input: { newMobile: "13900000007", smsCode: await inbox.lastCodeSentTo("13900000007") } },
      auth,
    );
    expect(first.errors).toBeUndefined();
    const mobile = await entryOf("account.mobile-changed", demoUserId("candidate5"));
    expect(mobile.entry).toMatchObject({ actorId: demoUserId("candidate5"), organizationPath: pathOf("im-class-1") });
    expect([mobile.before, mobile.after]).toEqual([{ mobile: null }, { mobile: "139****0007" }]);
    expect(JSON.stringify(mobile.entry)).not.toContain("13900000007");
  });

  it("writes nothing for a refused mutation, nor for a client token (not a decision)", async () => {
    const before = await countEntries();
    const duplicate = await identity.graphql(
      CREATE_ORGANIZATION,
      { input: { code: "150107", name: "重复代码", kind: "COUNTY", parentId: demoOrgId("im-hohhot") } },
      await as("region1"),
    );
    expect(duplicate.errors?.[0]?.extensions?.code).toBe("ORGANIZATION_CODE_TAKEN");
    const forbidden = await identity.graphql(
      CREATE_STAFF,
      { input: { username: "nobodyelse", displayName: "不应建成", password: "Laoshi#2026", role: "SCHOOL_ADMIN", organizationId: demoOrgId("bj-school") } },
      await as("region1"),
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const twice = await identity.graphql(BIND, { input: { userId: demoUserId("teacher1"), role: "CLASS_TEACHER", organizationId: demoOrgId("im-class-1") } }, await as("school1"));
    expect(twice.errors?.[0]?.extensions?.code).toBe("ROLE_ALREADY_BOUND");
    const token = await identity.graphql(`mutation($id: String!, $secret: String!) { issueClientToken(clientId: $id, clientSecret: $secret) { accessToken } }`, {
      id: DEMO_CLIENT.clientId,
      secret: DEMO_CLIENT.secret,
    });
    expect(token.errors).toBeUndefined();
    expect(await countEntries()).toBe(before);
  });

  it("writes the entry in the transaction of the change: when the transaction fails, neither is kept", async () => {
    const system = identity.service.systemContext();
    const region1: Caller = {
      kind: "user",
      subject: demoUserId("region1"),
      roles: [{ role: Role.PROVINCE_INSTITUTE, organizationId: demoOrgId("im"), organizationPath: [demoOrgId("im")], provinceCode: "15" }],
      scopes: [],
    };
    const ctx = createRequestContext({ ...system, logger: identity.service.logger, caller: region1, em: identity.service.orm.em.fork() });
    const input = { code: "150108", name: "玉泉区教育招生考试中心", kind: "COUNTY" as never, parentId: demoOrgId("im-hohhot") };
    const before = await countEntries();

    const failing = ctx.transaction(async (tx) => {
      await new OrganizationService().create(tx, input);
      throw new Error("something after the change failed");
    });
    await expect(failing).rejects.toThrow("something after the change failed");
    expect(await identity.service.orm.em.fork().count(Organization, { code: "150108" })).toBe(0);
    expect(await countEntries()).toBe(before);

    const created = await new OrganizationService().create(createRequestContext({ ...system, logger: identity.service.logger, caller: region1, em: identity.service.orm.em.fork() }), input);
    expect((await entryOf("organization.created", created.id)).entry.actorId).toBe(demoUserId("region1"));
    expect(await verifyAuditChain(identity.service.orm.em.fork())).toEqual({ intact: true, entries: before + 1 });
  });

  it("shows the trail of a staff account to the province institute that created it, and nothing to a school admin", async () => {
    const created = await identity.graphql<{ createStaffAccount: { id: string } }>(
      CREATE_STAFF,
      { input: { username: "auditschool", displayName: "审校务", password: "Xiaowu#2026", role: "SCHOOL_ADMIN", organizationId: demoOrgId("im-school") } },
      await as("region1"),
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createStaffAccount.id;
    type Trail = { identityAuditTrail: { entries: Array<{ action: string; actorId: string; actorRole: string; after: string }>; nextCursor: string | null } };

    const province = await identity.graphql<Trail>(TRAIL, { type: "User", id }, await as("region1"));
    expect(province.errors).toBeUndefined();
    expect(province.data?.identityAuditTrail.entries).toEqual([
      { action: "staff-account.created", actorId: demoUserId("region1"), actorRole: "PROVINCE_INSTITUTE", after: expect.stringContaining("auditschool") },
    ]);
    expect(province.data?.identityAuditTrail.nextCursor).toBeNull();

    const school = await identity.graphql<Trail>(TRAIL, { type: "User", id }, await as("school1"));
    expect(school.errors).toBeUndefined();
    expect(school.data?.identityAuditTrail).toEqual({ entries: [], nextCursor: null });
    // Nor anyone else: a reviewer of another province reads no audit trail at all.
    const beijing = await identity.graphql<Trail>(TRAIL, { type: "User", id }, await as("bjreviewer1"));
    expect(beijing.data?.identityAuditTrail.entries).toEqual([]);
  });

  it("keeps the chain intact across all of it", async () => {
    expect(await verifyAuditChain(identity.service.orm.em.fork())).toMatchObject({ intact: true });
  });
});
