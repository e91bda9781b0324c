import { DEMO_PASSWORD, demoOrgId, demoProvinceCodeOf, demoUsers } from "@xuekao/demo-data";
import { identitySubgraph } from "@xuekao/identity";
import { FakeClock, JWKS_PATH } from "@xuekao/subgraph-kit";
import { signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registeredFromStart } from "../src/seeders/pre-registration.demo.js";
import { registrySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();
const PAGE = `query($filter: ExamRecordFilterInput, $first: Int, $after: String) {
  examRecordPage(filter: $filter, first: $first, after: $after) { items { id recordNumber status } nextCursor }
}`;
type Page = { items: { id: string; recordNumber: string; status: string }[]; nextCursor: string | null };

/** Inner Mongolia's registered demo candidates (county1's and region1's scope). */
const registered = demoUsers.filter((user) => registeredFromStart(user) && demoProvinceCodeOf(user.organizationId) === "15");

describe.each(drivers)("examRecordPage on %s", (driver) => {
  let identity: TestSubgraph;
  let registry: TestSubgraph;
  const as = signedInAs(() => identity.url, DEMO_PASSWORD);
  const page = async (username: string, variables: Record<string, unknown>) =>
    registry.graphql<{ examRecordPage: Page }>(PAGE, variables, await as(username));
  const all = async (username: string, filter: Record<string, unknown> | null, first: number) => {
    const seen: string[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 50; guard++) {
      const result = await page(username, { filter, first, after });
      expect(result.errors).toBeUndefined();
      seen.push(...result.data!.examRecordPage.items.map((item) => item.recordNumber));
      after = result.data!.examRecordPage.nextCursor;
      if (!after) break;
    }
    return seen;
  };

  beforeAll(async () => {
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true });
    registry = await startTestSubgraph(registrySubgraph, driver, {
      seedDemo: true,
      clock: new FakeClock("2026-11-20T02:00:00Z"),
      jwksUrl: identity.url.replace(/\/graphql$/, JWKS_PATH),
    });
  });
  afterAll(async () => {
    await registry?.stop();
    await identity?.stop();
  });

  it("pages a county's records by record number, each once, whatever the page size", async () => {
    const expected = registered.map((user) => `G${user.idNumber}`).sort();
    expect(await all("county1", null, 7)).toEqual(expected);
    expect(await all("county1", null, 200)).toEqual(expected);
  });

  it("filters in SQL by organisation, status and record number, inside the caller's scope only", async () => {
    const classOne = registered.filter((user) => user.organizationId === demoOrgId("im-class-1")).map((user) => `G${user.idNumber}`).sort();
    expect(await all("county1", { organizationId: demoOrgId("im-class-1") }, 50)).toEqual(classOne);
    expect(await all("county1", { status: "SUSPENDED" }, 50)).toEqual([]);
    const first = classOne[0]!;
    expect(await all("county1", { recordNumberPrefix: first.slice(0, 19).toLowerCase() }, 50)).toEqual([first]);
    // Class 1's teacher asking for class 2 gets nothing; a candidate sees their own record only.
    expect(await all("teacher1", { organizationId: demoOrgId("im-class-2") }, 50)).toEqual([]);
    expect(await all("candidate1", null, 50)).toHaveLength(1);
    expect(await all("bjreviewer1", null, 50)).toEqual([]);
  });

  it("refuses a forged cursor in Chinese", async () => {
    const result = await page("county1", { first: 5, after: "bm90LWEtY3Vyc29y" });
    expect(result.errors?.[0]).toMatchObject({ message: "分页游标无效，请从第一页重新查询", extensions: { code: "CURSOR_INVALID" } });
  });
});
