import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, demoOrganizationPath, demoOrgId } from "@xuekao/demo-data";
import { InProcessBus } from "@xuekao/events";
import { announceOrganizations, identitySubgraph } from "@xuekao/identity";
import { OrganizationChanged } from "@xuekao/identity/events";
import { createLogger, JWKS_PATH, splitPath } from "@xuekao/subgraph-kit";
import { signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DirectoryOrganization } from "../src/modules/organization-directory/directory-organization.entity.js";
import { OrganizationDirectoryService } from "../src/modules/organization-directory/organization-directory.service.js";
import { registrySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();
const silent = createLogger("test", "silent");

const SCHOOLS = `query($search: String, $first: Int, $after: String) {
  registrySchools(search: $search, first: $first, after: $after) { items { id code name kind provinceCode } nextCursor }
}`;
const CREATE_ORGANIZATION = `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id code } }`;

interface School {
  id: string;
  code: string;
  name: string;
  kind: string;
  provinceCode: string;
}

/** Polls until `find` returns something (the relay and the consumer run asynchronously). */
async function eventually<T>(find: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const COUNTY = demoOrgId("im-xincheng");
const COUNTY_PATH = splitPath(demoOrganizationPath(COUNTY));

/** What identity announces about a school under the demo county (新城区), as of `now`. */
const schoolEvent = (id: string, code: string, name: string, now?: Date) =>
  OrganizationChanged.create(
    { id, parentId: COUNTY, path: [...COUNTY_PATH, id], kind: "SCHOOL", code, name, provinceCode: "15" },
    { producer: "identity", organizationPath: [...COUNTY_PATH, id], ...(now ? { now } : {}) },
  );

describe.each(drivers)("registry's organisation directory on %s", (driver) => {
  let identity: TestSubgraph;
  let registry: TestSubgraph;
  const bus = new InProcessBus({ logger: silent });
  const as = signedInAs(() => identity.url, DEMO_PASSWORD);
  const em = () => registry.service.orm.em.fork();

  const schools = async (variables: Record<string, unknown>, username = "school1") => {
    const result = await registry.graphql<{ registrySchools: { items: School[]; nextCursor: string | null } }>(SCHOOLS, variables, await as(username));
    expect(result.errors).toBeUndefined();
    return result.data!.registrySchools;
  };

  beforeAll(async () => {
    // identity and registry share one bus: identity's organisation events reach registry's consumer.
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true, bus });
    registry = await startTestSubgraph(registrySubgraph, driver, { seedDemo: true, bus, jwksUrl: identity.url.replace(/\/graphql$/, JWKS_PATH) });
  });
  afterAll(async () => {
    await registry?.stop();
    await identity?.stop();
    await bus.close();
  });

  it("knows the demo organisations without identity's tables (seeded), with their paths and provinces", async () => {
    const school = await em().findOneOrFail(DirectoryOrganization, { id: demoOrgId("im-school") });
    expect(school).toMatchObject({ code: "1501020001", kind: "SCHOOL", provinceCode: "15", parentId: COUNTY, path: demoOrganizationPath(demoOrgId("im-school")) });
    const ctx = registry.service.systemContext();
    const directory = new OrganizationDirectoryService();
    expect((await directory.childrenOf(ctx, demoOrgId("im-school"), "CLASS" as never)).map((row) => row.code)).toEqual(["150102000101", "150102000102"]);
    expect((await directory.findByCode(ctx, "15", "150102000102"))?.id).toBe(demoOrgId("im-class-2"));
    expect(await directory.findByCode(ctx, "11", "150102000102")).toBeNull();
    expect((await directory.countyOf(ctx, (await directory.get(ctx, demoOrgId("im-class-1")))!))?.id).toBe(COUNTY);
    expect((await directory.countyOf(ctx, (await directory.get(ctx, demoOrgId("bj-school")))!))?.id).toBe(demoOrgId("bj-haidian"));
    expect(await directory.countyOf(ctx, (await directory.get(ctx, demoOrgId("im-hohhot")))!)).toBeNull();
  });

  it("lists the schools of the caller's province only, and asks an anonymous caller to log in", async () => {
    expect((await schools({ search: "第一中学" })).items.map((school) => school.name)).toEqual(["呼和浩特市第一中学"]);
    expect((await schools({}, "bjreviewer1")).items.map((school) => school.name)).toEqual(["北京市海淀区实验中学"]);
    const anonymous = await registry.graphql(SCHOOLS, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(anonymous.errors?.[0]?.message).toBe("请先登录");
  });

  it("learns a school identity creates through its API (identity.organization-changed)", async () => {
    const created = await identity.graphql<{ createOrganization: { id: string } }>(
      CREATE_ORGANIZATION,
      { input: { code: "1501020077", name: "呼和浩特市第七十七中学", kind: "SCHOOL", parentId: COUNTY } },
      await as("region1"),
    );
    expect(created.errors).toBeUndefined();
    const id = created.data!.createOrganization.id;
    const row = await eventually(async () => (await em().findOne(DirectoryOrganization, { id })) ?? undefined, "the school in registry's directory");
    expect(row).toMatchObject({ code: "1501020077", name: "呼和浩特市第七十七中学", kind: "SCHOOL", provinceCode: "15", parentId: COUNTY, path: [...COUNTY_PATH, id].join("/") });
    expect((await schools({ search: "1501020077" })).items.map((school) => school.id)).toEqual([id]);
  });

  it("learns organisations created before it kept a directory when identity announces them all again", async () => {
    // An organisation identity holds without ever having announced it (created before the event existed).
    const id = randomUUID();
    await identity.service.orm.em
      .fork()
      .getConnection()
      .execute(`insert into organization (id, code, name, kind, parent_id, path, created_at) values (?, ?, ?, ?, ?, ?, ?)`, [
        id,
        "1501020055",
        "呼和浩特市第五十五中学",
        "SCHOOL",
        COUNTY,
        [...COUNTY_PATH, id].join("/"),
        new Date("2026-01-01T00:00:00Z").toISOString(),
      ]);
    expect(await em().findOne(DirectoryOrganization, { id })).toBeNull();
    const announced = await announceOrganizations(identity.service.orm.em.fork(), new Date("2026-11-20T05:00:00Z"));
    expect(announced).toBeGreaterThanOrEqual(10);
    const row = await eventually(async () => (await em().findOne(DirectoryOrganization, { id })) ?? undefined, "the announced school in registry's directory");
    expect(row).toMatchObject({ code: "1501020055", kind: "SCHOOL", provinceCode: "15", parentId: COUNTY });
  });

  it("keeps the newest state: an older event arriving late changes nothing, a redelivery nothing twice", async () => {
    const id = randomUUID();
    const newer = schoolEvent(id, "1501020088", "呼和浩特市第八十八中学", new Date("2026-11-20T02:00:00Z"));
    const older = schoolEvent(id, "1501020088", "旧名称中学", new Date("2026-11-20T01:00:00Z"));
    await bus.publish(newer);
    await bus.publish(older);
    await bus.publish(newer);
    expect((await em().findOneOrFail(DirectoryOrganization, { id })).name).toBe("呼和浩特市第八十八中学");
    const renamed = schoolEvent(id, "1501020088", "呼和浩特市第八十八中学（新校区）", new Date("2026-11-20T03:00:00Z"));
    await bus.publish(renamed);
    expect((await em().findOneOrFail(DirectoryOrganization, { id })).name).toBe("呼和浩特市第八十八中学（新校区）");
    expect(await em().count(DirectoryOrganization, { id })).toBe(1);
  });

  it("pages through a province's schools by code, and finds them by name or code prefix", async () => {
    for (let n = 1; n <= 5; n += 1) await bus.publish(schoolEvent(randomUUID(), `15010291${n}0`, `分页测试第${n}中学`));
    const first = await schools({ search: "分页测试", first: 2 });
    expect(first.items.map((school) => school.code)).toEqual(["1501029110", "1501029120"]);
    const second = await schools({ search: "分页测试", first: 2, after: first.nextCursor });
    expect(second.items.map((school) => school.code)).toEqual(["1501029130", "1501029140"]);
    const last = await schools({ search: "分页测试", first: 2, after: second.nextCursor });
    expect(last).toEqual({ items: [expect.objectContaining({ code: "1501029150" })], nextCursor: null });
    expect((await schools({ search: "15010291" })).items).toHaveLength(5);
    // A wildcard typed by a person is dropped, not passed to LIKE: the search is then empty.
    expect((await schools({ search: "%" })).items.length).toBeGreaterThan(5);
    const forged = await registry.graphql(SCHOOLS, { after: "not-a-cursor" }, await as("school1"));
    expect(forged.errors?.[0]?.extensions?.code).toBe("CURSOR_INVALID");
  });
});
