import { DEMO_PASSWORD } from "@xuekao/demo-data";
import { postGraphQL as gatewayQuery, signedInAs, testDrivers } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../src/platform.js";

/**
 * The whole backend as separate processes on loopback ports, as production runs it:
 * one query answered by four subgraphs, and what a client sees when one of them stops.
 */
const drivers = await testDrivers();

describe.each(drivers)("federation across every service on %s", (driver) => {
  let platform: Platform;

  /** examRecords is scoped to the caller: the province institute sees every demo record. */
  let auth: Record<string, string>;

  beforeAll(async () => {
    // A process per subgraph, as production runs them, so that one can be stopped alone.
    platform = await startPlatform({ driver, topology: "separate" });
    auth = await signedInAs(() => platform.gatewayUrl, DEMO_PASSWORD)("region1");
  });
  afterAll(async () => {
    await platform?.stop();
  });

  const OVERVIEW = `query Overview {
    me { unreadNotificationCount }
    examSessions { code name }
    examRecords(limit: 3) { recordNumber candidate { displayName } school { name } }
    certificationCases { originProvinceCode status candidate { username } }
  }`;

  type Overview = {
    me: { unreadNotificationCount: number | null } | null;
    examSessions: Array<{ code: string; name: string }> | null;
    examRecords: Array<{ recordNumber: string; candidate: { displayName: string } | null; school: { name: string } | null }> | null;
    certificationCases: Array<{ originProvinceCode: string; status: string; candidate: { username: string } | null }> | null;
  };

  it("answers one query with fields from four subgraphs, on seeded demo data", async () => {
    const result = await gatewayQuery<Overview>(platform.gatewayUrl, OVERVIEW, {}, auth);
    expect(result.errors).toBeUndefined();
    // The demo's sessions are seeded relative to the start, so their names follow the day: a past and an open one in Inner Mongolia.
    expect(result.data?.examSessions?.filter((session) => session.name.endsWith("内蒙古自治区普通高中学业水平合格性考试"))).toHaveLength(2);
    expect(result.data?.examRecords).toHaveLength(3);
    expect(result.data?.examRecords?.[0]?.school?.name).toBe("呼和浩特市第一中学");
    expect(result.data?.me?.unreadNotificationCount).toBe(1);
    // Inner Mongolia's institute sees its own province's case, not Beijing's.
    expect(result.data?.certificationCases).toEqual([{ originProvinceCode: "13", status: "PENDING_REVIEW", candidate: { username: "candidate30" } }]);
  });

  it("gives an error for a stopped subgraph's fields only, and heals when it is back", async () => {
    await platform.stopService("registry");
    expect(platform.exitCode("registry")).toBe(0); // SIGTERM: in-flight work finished, clean exit
    const degraded = await gatewayQuery<Overview>(platform.gatewayUrl, OVERVIEW, {}, auth);
    expect(degraded.data?.certificationCases?.[0]?.candidate?.username).toBe("candidate30");
    expect(degraded.data?.examSessions).toBeNull();
    expect(degraded.data?.examRecords).toBeNull();
    expect(degraded.errors?.map((error) => error.extensions?.serviceName)).toEqual(expect.arrayContaining(["registry"]));
    expect(degraded.errors?.every((error) => error.extensions?.code === "SUBGRAPH_UNAVAILABLE")).toBe(true);
    expect(degraded.errors?.[0]?.message).toContain("考籍服务暂时不可用");

    await platform.startService("registry");
    const healed = await gatewayQuery<Overview>(platform.gatewayUrl, OVERVIEW, {}, auth);
    expect(healed.errors).toBeUndefined();
    expect(healed.data?.examRecords).toHaveLength(3);
  });
});
