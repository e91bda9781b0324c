import { randomUUID } from "node:crypto";
import { demoOrganizationPath, demoUserId, demoUsers } from "@xuekao/demo-data";
import { OutboxEvent } from "@xuekao/events";
import { checkWorkflowSla, PATH_SEPARATOR, startApplication, WorkflowSlaEscalated, WorkflowSlaWarning, type WorkflowKindSpec } from "@xuekao/subgraph-kit";
import { startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CertificationCase, CertificationCaseStatus } from "../src/modules/certification-case/certification-case.entity.js";
import { pendingKeyOf } from "../src/modules/certification-case/certification-case.service.js";
import { ReturningCandidateCertification, TransferInCertification } from "../src/modules/certification-case/certification.workflow.js";
import { certificationSubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();
const HOUR = 3_600_000;
const pathOf = (username: string) => demoOrganizationPath(demoUsers.find((user) => user.username === username)!.organizationId);

/**
 * The review time limits of certification come from the seeded definitions (Beijing's reviewer
 * step: 72 h, warning at 48; each Inner Mongolia step: the same), run by the kit's one SLA job.
 */
describe.each(drivers)("certification review time limits from the workflow definitions on %s", (driver) => {
  let subgraph: TestSubgraph;
  const em = () => subgraph.service.orm.em.fork();
  const now = new Date("2030-03-10T02:00:00Z");

  /** What the job has told the others so far: its events in the outbox. */
  const published = async () => (await em().find(OutboxEvent, {}, { orderBy: { occurredAt: "asc" } })).map((row) => row.toDomainEvent());
  const warnings = async () => (await published()).filter((event) => WorkflowSlaWarning.matches(event)).map((event) => WorkflowSlaWarning.parse(event));
  const escalations = async () => (await published()).filter((event) => WorkflowSlaEscalated.matches(event)).map((event) => WorkflowSlaEscalated.parse(event));

  /** A case submitted `hoursAgo` before `now`, with its application, as the candidate's submission writes them. */
  const submit = async (username: string, province: "11" | "15", kind: WorkflowKindSpec, hoursAgo: number, applicantId = demoUserId(username)) => {
    const submittedAt = new Date(now.getTime() - hoursAgo * HOUR);
    const ctx = subgraph.service.systemContext().withClock({ now: () => submittedAt });
    return ctx.transaction(async (tx) => {
      const item = tx.em.create(CertificationCase, {
        candidateId: applicantId,
        organizationPath: pathOf(username),
        originProvinceCode: "13",
        certifyingProvinceCode: province,
        kind: kind.kind,
        status: CertificationCaseStatus.PENDING_REVIEW,
        pendingKey: pendingKeyOf(applicantId, province),
        createdAt: submittedAt,
        submittedAt,
      });
      const application = await startApplication(tx, kind, {
        provinceCode: province,
        subject: { id: item.id },
        applicantId,
        organizationPath: pathOf(username).split(PATH_SEPARATOR),
      });
      item.applicationId = application.id;
      return { item, application };
    });
  };

  beforeAll(async () => {
    subgraph = await startTestSubgraph(certificationSubgraph, driver);
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  it("warns Beijing's reviewers once about the batch past 48 h, and escalates each case past 72 h once", async () => {
    const first = await submit("bjcandidate1", "11", ReturningCandidateCertification, 50);
    // Another Beijing candidate of the same district (the demo has one; the case is what matters).
    await submit("bjcandidate1", "11", ReturningCandidateCertification, 49, randomUUID());
    await submit("bjcandidate1", "11", ReturningCandidateCertification, 10, randomUUID()); // too recent
    const late = await submit("candidate3", "15", TransferInCertification, 80);

    expect(await checkWorkflowSla(em(), now, "certification")).toEqual({ warned: 2, escalated: 1 });
    const [warning, ...otherWarnings] = await warnings();
    expect(otherWarnings).toEqual([]);
    const beijing = pathOf("bjcandidate1").split("/")[0]!;
    expect(warning?.payload).toEqual({
      kind: "certification.returning-candidate",
      kindName: "返京成绩认定",
      provinceCode: "11",
      step: { key: "institute-review", name: "北京教育考试院审核认定", level: "PROVINCE", actorRole: "CERTIFICATION_REVIEWER", actingOrganizationPath: [beijing] },
      count: 2,
      warnAtHours: 48,
      earliestDueAt: new Date(first.item.submittedAt!.getTime() + 72 * HOUR).toISOString(),
    });
    expect(warning?.producer).toBe("certification");
    const county = pathOf("candidate3").split("/").slice(0, 3);
    expect((await escalations()).map((event) => event.payload)).toEqual([
      {
        applicationId: late.application.id,
        kind: "certification.transfer-in",
        kindName: "区外成绩转入认定",
        provinceCode: "15",
        step: { key: "county-review", name: "旗县区审核", level: "COUNTY", actorRole: "COUNTY_AGENCY", actingOrganizationPath: county },
        slaHours: 72,
        dueAt: new Date(late.item.submittedAt!.getTime() + 72 * HOUR).toISOString(),
      },
    ]);

    // Again, and an hour later: nothing new.
    expect(await checkWorkflowSla(em(), now, "certification")).toEqual({ warned: 0, escalated: 0 });
    expect(await checkWorkflowSla(em(), new Date(now.getTime() + HOUR), "certification")).toEqual({ warned: 0, escalated: 0 });
    expect(await published()).toHaveLength(2 + 4); // + the four submissions

    // 23 h later the first two Beijing cases pass 72 h: escalated, each once.
    expect(await checkWorkflowSla(em(), new Date(now.getTime() + 23 * HOUR), "certification")).toEqual({ warned: 0, escalated: 2 });
    expect((await escalations()).map((event) => event.payload.provinceCode)).toEqual(["15", "11", "11"]);
  });

  it.runIf(driver === "postgresql")("tells once when two runs overlap (replicas whose lease ran out)", async () => {
    const before = (await published()).length;
    await submit("candidate4", "15", TransferInCertification, 50);
    const results = await Promise.all([checkWorkflowSla(em(), now, "certification"), checkWorkflowSla(em(), now, "certification")]);
    expect(results.map((result) => result.warned).sort()).toEqual([0, 1]);
    expect((await published()).length).toBe(before + 2); // its submission and one warning
  });

  it("runs as the subgraph's scheduled job on its clock", async () => {
    expect(subgraph.service.scheduler).not.toBeNull();
    const results = await subgraph.service.scheduler!.runDue("workflow-sla");
    expect(results).toEqual([{ job: "workflow-sla", outcome: "ran" }]);
  });
});
