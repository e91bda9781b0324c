import { demoOrgId, demoUsers } from "@xuekao/demo-data";
import { recordSqlQueries, startTestSubgraph, testDrivers, type TestSubgraph, itBehavesLikeASubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
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


  it("creates an organisation under an allowed parent and lists it", async () => {
    const created = await subgraph.graphql<{ createOrganization: { id: string; parentId: string; kind: string } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id code name kind parentId } }`,
      { input: { code: "150103", name: "回民区教育招生考试中心", kind: "COUNTY", parentId: demoOrgId("im-hohhot") } },
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
    [{ code: "16", name: "有上级的省", kind: "PROVINCE", parentId: demoOrgId("bj") }, "ORGANIZATION_PARENT_KIND_INVALID"],
    [{ code: "150105", name: "没有上级的区", kind: "COUNTY" }, "ORGANIZATION_PARENT_KIND_INVALID"],
    [{ code: "15", name: "重复代码", kind: "PROVINCE" }, "ORGANIZATION_CODE_TAKEN"],
    [{ code: "150106", name: "不存在的上级", kind: "COUNTY", parentId: "00000000-0000-4000-a000-000000000000" }, "ORGANIZATION_PARENT_NOT_FOUND"],
  ])("refuses %o with %s, in Chinese, and stores nothing", async (input, code) => {
    const before = await subgraph.graphql<{ organizations: unknown[] }>(`{ organizations { id } }`);
    const result = await subgraph.graphql(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      { input },
    );
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    const after = await subgraph.graphql<{ organizations: unknown[] }>(`{ organizations { id } }`);
    expect(after.data?.organizations).toHaveLength(before.data!.organizations.length);
  });

  it("rejects an unknown organisation kind before any resolver runs", async () => {
    const result = await subgraph.graphql(
      `mutation { createOrganization(input: { code: "9999", name: "未知", kind: GALAXY }) { id } }`,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
  });

  it("resolves N user references with one SQL query (DataLoader)", async () => {
    const queries = await recordSqlQueries(subgraph.service, async () => {
      const representations = demoUsers.slice(0, 12).map((user) => ({ __typename: "User", id: user.id }));
      const result = await subgraph.graphql<{ _entities: Array<{ username: string }> }>(
        `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { username } } }`,
        { representations },
      );
      expect(result.data?._entities.map((user) => user.username)).toEqual(demoUsers.slice(0, 12).map((user) => user.username));
    });
    expect(queries.filter((sql) => /app_user/.test(sql))).toHaveLength(1);
  });

  it("seeds the demo data only once", async () => {
    const { seedDemo } = identitySubgraph;
    const em = subgraph.service.orm.em.fork();
    await seedDemo!(em);
    const result = await subgraph.graphql<{ users: unknown[] }>(`{ users(limit: 200) { id } }`);
    expect(result.data?.users).toHaveLength(demoUsers.length);
  });
});
