import { DEMO_PASSWORD, demoOrgId, demoUserId, demoUsers } from "@xuekao/demo-data";
import { recordSqlQueries, signedInAs, startTestSubgraph, testDrivers, type TestSubgraph, itBehavesLikeASubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { User } from "../src/modules/user/user.entity.js";
import { identitySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

describe.each(drivers)("identity subgraph on %s", (driver) => {
  let subgraph: TestSubgraph;

  beforeAll(async () => {
    subgraph = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true });
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  itBehavesLikeASubgraph(identitySubgraph, driver, () => subgraph);

  const as = signedInAs(() => subgraph.url, DEMO_PASSWORD);
  const CREATE = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id code name kind parentId } }`;


  it("creates an organisation under an allowed parent and lists it", async () => {
    const created = await subgraph.graphql<{ createOrganization: { id: string; parentId: string; kind: string } }>(
      CREATE,
      { input: { code: "150103", name: "回民区教育招生考试中心", kind: "COUNTY", parentId: demoOrgId("im-hohhot") } },
      await as("region1"),
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createOrganization).toMatchObject({ kind: "COUNTY", parentId: demoOrgId("im-hohhot") });

    const listed = await subgraph.graphql<{ organizations: Array<{ code: string; name: string }> }>(
      `{ organizations { code name } }`,
    );
    expect(listed.data?.organizations).toContainEqual({ code: "150103", name: "回民区教育招生考试中心" });
  });

  it.each([
    [{ code: "15x", name: "坏代码", kind: "COUNTY", parentId: demoOrgId("im-hohhot") }, "ORGANIZATION_CODE_INVALID"],
    [{ code: "150104", name: "学校挂在省下", kind: "SCHOOL", parentId: demoOrgId("im") }, "ORGANIZATION_PARENT_KIND_INVALID"],
    [{ code: "16", name: "新的省", kind: "PROVINCE" }, "FORBIDDEN"],
    [{ code: "150105", name: "没有上级的区", kind: "COUNTY" }, "ORGANIZATION_PARENT_KIND_INVALID"],
    [{ code: "150102", name: "重复代码", kind: "COUNTY", parentId: demoOrgId("im-hohhot") }, "ORGANIZATION_CODE_TAKEN"],
    [{ code: "110109", name: "外省的区", kind: "COUNTY", parentId: demoOrgId("bj") }, "FORBIDDEN"],
    [{ code: "150106", name: "不存在的上级", kind: "COUNTY", parentId: "00000000-0000-4000-a000-000000000000" }, "ORGANIZATION_PARENT_NOT_FOUND"],
  ])("refuses %o with %s, in Chinese, and stores nothing", async (input, code) => {
    const before = await subgraph.graphql<{ organizations: unknown[] }>(`{ organizations { id } }`);
    const result = await subgraph.graphql(CREATE, { input }, await as("region1"));
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    const after = await subgraph.graphql<{ organizations: unknown[] }>(`{ organizations { id } }`);
    expect(after.data?.organizations).toHaveLength(before.data!.organizations.length);
  });

  it("lets a school admin add a class to the own school only, and nobody anonymous add anything", async () => {
    const classInput = { code: "150102000103", name: "高一（3）班", kind: "CLASS", parentId: demoOrgId("im-school") };
    const added = await subgraph.graphql<{ createOrganization: { parentId: string } }>(CREATE, { input: classInput }, await as("school1"));
    expect(added.errors).toBeUndefined();
    expect(added.data?.createOrganization.parentId).toBe(demoOrgId("im-school"));

    const elsewhere = await subgraph.graphql(
      CREATE,
      { input: { ...classInput, code: "110108000101", parentId: demoOrgId("bj-school") } },
      await as("school1"),
    );
    expect(elsewhere.errors?.[0]).toMatchObject({ extensions: { code: "FORBIDDEN" } });
    // A county agency does not allocate schools: the province institute does.
    const countySchool = await subgraph.graphql(
      CREATE,
      { input: { code: "1501020002", name: "新城区第二中学", kind: "SCHOOL", parentId: demoOrgId("im-xincheng") } },
      await as("county1"),
    );
    expect(countySchool.errors?.[0]).toMatchObject({ message: "您的角色无权执行此操作", extensions: { code: "FORBIDDEN" } });
    const anonymous = await subgraph.graphql(CREATE, { input: { ...classInput, code: "150102000104" } });
    expect(anonymous.errors?.[0]).toMatchObject({ message: "请先登录", extensions: { code: "UNAUTHENTICATED" } });
  });

  it("lists one subtree (an organisation and all below it), optionally one level of it", async () => {
    const codes = async (args: string) =>
      (await subgraph.graphql<{ organizations: Array<{ code: string }> }>(`{ organizations${args} { code } }`)).data!.organizations.map((item) => item.code);
    const school = await codes(`(under: "${demoOrgId("im-school")}")`);
    expect(school).toEqual(expect.arrayContaining(["1501020001"]));
    expect(school.every((code) => code.startsWith("1501020001"))).toBe(true); // the school and its classes
    expect(await codes(`(under: "${demoOrgId("im-school")}", kind: CLASS)`)).toEqual(school.filter((code) => code !== "1501020001"));
    const beijing = await codes(`(under: "${demoOrgId("bj")}")`);
    expect(beijing[0]).toBe("11");
    expect(beijing.every((code) => code.startsWith("11"))).toBe(true);
    expect(await codes(`(under: "00000000-0000-4000-8000-000000000000")`)).toEqual([]);
    expect(await codes(`(under: "not-an-id")`)).toEqual([]);
  });

  it("rejects an unknown organisation kind before any resolver runs", async () => {
    const result = await subgraph.graphql(
      `mutation { createOrganization(input: { code: "9999", name: "未知", kind: GALAXY }) { id } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  const REFERENCES = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { username } } }`;
  const referencesAs = async (username: string | null, ids: string[]) => {
    const result = await subgraph.graphql<{ _entities: Array<{ username: string } | null> }>(
      REFERENCES,
      { representations: ids.map((id) => ({ __typename: "User", id })) },
      username ? await as(username) : {},
    );
    expect(result.errors).toBeUndefined();
    return result.data!._entities.map((user) => user?.username ?? null);
  };

  it("resolves N user references with one SQL query (DataLoader)", async () => {
    const users = demoUsers.slice(0, 12);
    const headers = await as("region1");
    const queries = await recordSqlQueries(subgraph.service, async () => {
      const result = await subgraph.graphql<{ _entities: Array<{ username: string }> }>(
        REFERENCES,
        { representations: users.map((user) => ({ __typename: "User", id: user.id })) },
        headers,
      );
      expect(result.data?._entities.map((user) => user.username)).toEqual(users.map((user) => user.username));
    });
    expect(queries.filter((sql) => /app_user/.test(sql))).toHaveLength(1);
  });

  it("resolves a user reference only for a caller whose scope holds that person, like user(id)", async () => {
    const ids = ["candidate1", "candidate16", "bjcandidate1", "teacher1"].map(demoUserId);
    // candidate1 is in teacher1's class, candidate16 in the other class.
    expect(await referencesAs("teacher1", ids)).toEqual(["candidate1", null, null, "teacher1"]);
    expect(await referencesAs("school1", ids)).toEqual(["candidate1", "candidate16", null, "teacher1"]);
    expect(await referencesAs("bjreviewer1", ids)).toEqual([null, null, "bjcandidate1", null]);
    expect(await referencesAs("candidate1", ids)).toEqual(["candidate1", null, null, null]);
    expect(await referencesAs(null, ids)).toEqual([null, null, null, null]);
  });

  it("seeds the demo data only once", async () => {
    // The kit's SubgraphService is not typed by services: its system context carries identity's at run time.
    await identitySubgraph.seedDemo!(subgraph.service.systemContext());
    expect(await subgraph.service.orm.em.fork().count(User)).toBe(demoUsers.length);
  });
});
