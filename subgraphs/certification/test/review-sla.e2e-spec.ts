import { demoOrganizationPath, demoUserId, demoUsers } from "@xuekao/demo-data";
import { OutboxEvent } from "@xuekao/events";
import { startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ReviewSlaEscalated, ReviewSlaWarning } from "../src/events.js";
import { CertificationCase, CertificationCaseStatus } from "../src/modules/certification-case/certification-case.entity.js";
import { checkReviewSla } from "../src/modules/review-sla/review-sla.job.js";
import { certificationSubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();
const HOUR = 3_600_000;
const pathOf = (username: string) => demoOrganizationPath(demoUsers.find((user) => user.username === username)!.organizationId);

describe.each(drivers)("review SLA (48 h warning, 72 h escalation) on %s", (driver) => {
  let subgraph: TestSubgraph;
  const em = () => subgraph.service.orm.em.fork();
  const now = new Date("2030-03-10T02:00:00Z");

  /** What the job has told the others so far: its events in the outbox. */
  const published = async () => {
    const rows = await em().find(OutboxEvent, {}, { orderBy: { occurredAt: "asc" } });
    return rows.map((row) => row.toDomainEvent());
  };
  const warnings = async () => (await published()).filter((event) => ReviewSlaWarning.matches(event)).map((event) => ReviewSlaWarning.parse(event));
  const escalations = async () => (await published()).filter((event) => ReviewSlaEscalated.matches(event)).map((event) => ReviewSlaEscalated.parse(event));

  const submit = async (username: string, province: "11" | "15", hoursAgo: number, status = CertificationCaseStatus.PENDING_REVIEW) => {
    const fork = em();
    const item = fork.create(CertificationCase, {
      candidateId: demoUserId(username),
      organizationPath: pathOf(username),
      originProvinceCode: "13",
      certifyingProvinceCode: province,
      status,
      pendingKey: null,
      submittedAt: new Date(now.getTime() - hoursAgo * HOUR),
    });
    await fork.flush();
    return item;
  };

  beforeAll(async () => {
    subgraph = await startTestSubgraph(certificationSubgraph, driver);
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  it("warns each province's reviewers once about its cases past 48 h, and escalates each case past 72 h once", async () => {
    const first = await submit("bjcandidate1", "11", 50);
    await submit("social1", "11", 49);
    await submit("candidate1", "11", 10); // too recent
    await submit("candidate2", "11", 60, CertificationCaseStatus.APPROVED); // decided: no longer waits
    const late = await submit("candidate3", "15", 80);

    expect(await checkReviewSla(em(), now)).toEqual({ warned: 2, escalated: 1 });
    expect((await warnings()).map((event) => event.payload)).toEqual([
      { certifyingProvinceCode: "11", caseCount: 2, elapsedHours: 48, deadline: new Date(first.submittedAt.getTime() + 72 * HOUR).toISOString() },
    ]);
    expect((await warnings())[0]?.organizationPath).toEqual([pathOf("bjcandidate1").split("/")[0]]);
    expect((await escalations()).map((event) => event.payload)).toEqual([
      { caseId: late.id, certifyingProvinceCode: "15", elapsedHours: 72, reviewerOrganization: "内蒙古自治区教育考试院" },
    ]);

    // Again, and an hour later: nothing new.
    expect(await checkReviewSla(em(), now)).toEqual({ warned: 0, escalated: 0 });
    expect(await checkReviewSla(em(), new Date(now.getTime() + HOUR))).toEqual({ warned: 0, escalated: 0 });
    expect(await published()).toHaveLength(2);

    // 23 h later the first two Beijing cases pass 72 h: escalated, each once.
    expect(await checkReviewSla(em(), new Date(now.getTime() + 23 * HOUR))).toEqual({ warned: 0, escalated: 2 });
    expect((await escalations()).map((event) => event.payload.certifyingProvinceCode)).toEqual(["15", "11", "11"]);
  });

  it.runIf(driver === "postgresql")("tells once when two runs overlap (replicas whose lease ran out)", async () => {
    const before = (await published()).length;
    await submit("candidate4", "15", 50);
    const results = await Promise.all([checkReviewSla(em(), now), checkReviewSla(em(), now)]);
    expect(results.map((result) => result.warned).sort()).toEqual([0, 1]);
    expect((await published()).length).toBe(before + 1);
  });
});
