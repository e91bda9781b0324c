import { DEMO_PASSWORD } from "@xuekao/demo-data";
import { identitySubgraph } from "@xuekao/identity";
import { FakeClock, JWKS_PATH } from "@xuekao/subgraph-kit";
import { recordSqlQueries, signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { registrySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();
const PROGRESS = `{ registrationProgress {
  totals { underReview returned awaitingCollection registered }
  rows { name code countyName social counts { underReview returned awaitingCollection registered } }
} }`;
type Counts = { underReview: number; returned: number; awaitingCollection: number; registered: number };
type Progress = { totals: Counts; rows: Array<{ name: string; code: string; countyName: string | null; social: boolean; counts: Counts }> };

describe.each(drivers)("registrationProgress on %s", (driver) => {
  let identity: TestSubgraph;
  let registry: TestSubgraph;
  const as = signedInAs(() => identity.url, DEMO_PASSWORD);
  const progress = async (username: string) => {
    const result = await registry.graphql<{ registrationProgress: Progress }>(PROGRESS, {}, await as(username));
    expect(result.errors).toBeUndefined();
    return result.data!.registrationProgress;
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

  it("counts the demo stages per school and, for social candidates, per county", async () => {
    const county = await progress("county1");
    expect(county.totals).toEqual({ underReview: 6, returned: 1, awaitingCollection: 2, registered: 20 });
    expect(county.rows).toEqual([
      { name: "新城区教育招生考试中心", code: "150102", countyName: "新城区教育招生考试中心", social: true, counts: { underReview: 1, returned: 0, awaitingCollection: 0, registered: 0 } },
      { name: "呼和浩特市第一中学", code: "1501020001", countyName: "新城区教育招生考试中心", social: false, counts: { underReview: 5, returned: 1, awaitingCollection: 2, registered: 20 } },
    ]);
    expect((await progress("region1")).totals).toEqual(county.totals);
  });

  it("counts only the caller's jurisdiction: a class teacher their class, Beijing nothing of Inner Mongolia", async () => {
    expect((await progress("teacher1")).totals).toEqual({ underReview: 3, returned: 1, awaitingCollection: 1, registered: 10 });
    expect((await progress("bjreviewer1")).totals).toEqual({ underReview: 0, returned: 0, awaitingCollection: 0, registered: 0 });
    expect((await progress("candidate1")).rows).toEqual([]);
  });

  it("asks the database for counts, not for the candidates: a few grouped queries whatever the size", async () => {
    const headers = await as("region1");
    const queries = await recordSqlQueries(registry.service, () => registry.graphql(PROGRESS, {}, headers));
    const counting = queries.filter((sql) => /from [`"]?(pre_registration|exam_record)/i.test(sql));
    expect(counting).toHaveLength(2);
    expect(counting.every((sql) => /group by/i.test(sql) && /count\(\*\)/i.test(sql))).toBe(true);
  });
});
