import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, demoOrgId, demoUserId } from "@xuekao/demo-data";
import { InProcessBus, ProcessedEvent } from "@xuekao/events";
import { identitySubgraph } from "@xuekao/identity";
import { AuditEntry, createLogger, FakeClock, JWKS_PATH, splitPath } from "@xuekao/subgraph-kit";
import { recordSqlQueries, signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CertifiedSubject } from "../src/modules/certified-subject/certified-subject.entity.js";
import { SubjectsCertified } from "../src/modules/certified-subject/certified-subject.events.js";
import { ExamRecord } from "../src/modules/exam-record/exam-record.entity.js";
import { ExamSession } from "../src/modules/exam-session/exam-session.entity.js";
import { SubjectEntry } from "../src/modules/subject-entry/subject-entry.entity.js";
import { registrySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();
const silent = createLogger("test", "silent");

const MINE = `{ myCertifiedSubjects { subjectCode subjectName passed detail provinceCode originProvinceCode caseId certifiedAt } }`;
const RECORDS = `query($prefix: String) { examRecordPage(filter: { recordNumberPrefix: $prefix }, first: 200) { items { recordNumber certifiedSubjects { subjectCode passed } } } }`;
const ENTER = `mutation($input: EnterSubjectsInput!) { enterSubjects(input: $input) { subjectCode } }`;

const START = "2026-11-20T00:00:00.000Z";
const CANDIDATE = demoUserId("candidate21");
const OTHER = demoUserId("candidate22");

/** What certification announces on the final approval of an Inner Mongolia transfer-in case. */
const certified = (
  subjects: Array<{ subjectCode: string; passed: boolean; detail?: string | null }>,
  options: { caseId?: string; certifiedAt?: string; candidateId?: string; path?: string[] } = {},
) =>
  SubjectsCertified.create(
    {
      caseId: options.caseId ?? randomUUID(),
      candidateId: options.candidateId ?? CANDIDATE,
      provinceCode: "15",
      originProvinceCode: "13",
      certifiedAt: options.certifiedAt ?? "2026-11-20T02:00:00.000Z",
      subjects: subjects.map((subject) => ({ detail: null, ...subject })),
    },
    { producer: "certification", organizationPath: options.path ?? [demoOrgId("im"), demoOrgId("im-hohhot")] },
  );

describe.each(drivers)("certified subjects on %s", (driver) => {
  let identity: TestSubgraph;
  let registry: TestSubgraph;
  const bus = new InProcessBus({ logger: silent });
  const clock = new FakeClock(START);
  const as = signedInAs(() => identity.url, DEMO_PASSWORD);
  const em = () => registry.service.orm.em.fork();
  const rows = async (candidateId = CANDIDATE) =>
    (await em().find(CertifiedSubject, { candidateId }, { orderBy: { subjectCode: "asc" } })).map((row) => ({
      subjectCode: row.subjectCode,
      passed: row.passed,
      detail: row.detail,
      caseId: row.caseId,
      organizationPath: row.organizationPath,
    }));
  const audits = () => em().count(AuditEntry, { action: "certified-subject.recorded" });
  const refusal = (result: { errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }) => ({
    code: result.errors?.[0]?.extensions?.code,
    message: result.errors?.[0]?.message,
  });
  let record: ExamRecord;
  let session: ExamSession;
  const caseId = randomUUID();

  beforeAll(async () => {
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true, clock });
    registry = await startTestSubgraph(registrySubgraph, driver, { seedDemo: true, clock, bus, jwksUrl: identity.url.replace(/\/graphql$/, JWKS_PATH) });
    record = await em().findOneOrFail(ExamRecord, { candidateId: CANDIDATE });
    const fork = em();
    session = fork.create(ExamSession, {
      code: "C-1",
      name: "认定科目测试考次",
      provinceCode: "15",
      registrationOpensAt: new Date("2026-11-18T00:00:00.000Z"),
      registrationClosesAt: new Date("2026-11-22T10:00:00.000Z"),
      scoresPublishedAt: null,
      subjectCodesJson: JSON.stringify(["CHINESE", "MATHEMATICS", "PHYSICS", "ARTS"]),
      createdAt: new Date(START),
    });
    await fork.flush();
  });
  afterAll(async () => {
    await registry?.stop();
    await identity?.stop();
    await bus.close();
  });

  it("keeps what certification decided, once: a redelivery or the same decision again changes nothing", async () => {
    const event = certified(
      [
        { subjectCode: "CHINESE", passed: true, detail: "等级 B" },
        { subjectCode: "PHYSICS", passed: false, detail: "等级 E" },
        { subjectCode: "ARTS", passed: true },
      ],
      { caseId },
    );
    await bus.publish(event);
    const first = await rows();
    // The record's own path (the class), not the case's envelope: the row sits where the record does.
    expect(first).toEqual([
      { subjectCode: "ARTS", passed: true, detail: null, caseId, organizationPath: record.organizationPath },
      { subjectCode: "CHINESE", passed: true, detail: "等级 B", caseId, organizationPath: record.organizationPath },
      { subjectCode: "PHYSICS", passed: false, detail: "等级 E", caseId, organizationPath: record.organizationPath },
    ]);
    expect(await audits()).toBe(1);
    const audit = await em().findOneOrFail(AuditEntry, { action: "certified-subject.recorded" });
    expect(audit.organizationPath).toBe(record.organizationPath);

    // The same event redelivered (the kit's dedupe), and the same decision in a new event (the service's own check).
    await bus.publish(event);
    await bus.publish(certified([{ subjectCode: "CHINESE", passed: true, detail: "等级 B" }], { caseId }));
    expect(await rows()).toEqual(first);
    expect(await audits()).toBe(1);
    expect(await em().count(ProcessedEvent, { eventId: event.id })).toBe(1);
  });

  it("lets a later certification replace an earlier one, except that a pass stands and a late older one changes nothing", async () => {
    const later = randomUUID();
    await bus.publish(certified([{ subjectCode: "CHINESE", passed: false }, { subjectCode: "MATHEMATICS", passed: true }], { caseId: later, certifiedAt: "2026-11-20T03:00:00.000Z" }));
    await bus.publish(certified([{ subjectCode: "MATHEMATICS", passed: false }], { certifiedAt: "2026-11-20T01:00:00.000Z" }));
    expect((await rows()).map((row) => [row.subjectCode, row.passed, row.caseId])).toEqual([
      ["ARTS", true, caseId],
      ["CHINESE", true, caseId],
      ["MATHEMATICS", true, later],
      ["PHYSICS", false, caseId],
    ]);
    expect(await audits()).toBe(2);
  });

  it("refuses an entry for a subject certified as passed, and takes one for a subject certified as failed", async () => {
    const before = await em().count(SubjectEntry, { sessionId: session.id });
    const enter = async (subjectCodes: string[]) => registry.graphql<{ enterSubjects: Array<{ subjectCode: string }> }>(ENTER, { input: { sessionId: session.id, subjectCodes } }, await as("candidate21"));
    expect(refusal(await enter(["CHINESE"]))).toEqual({ code: "SUBJECT_ALREADY_PASSED", message: "您的语文已认定合格（外省成绩转入认定），无需再次报考" });
    // All or none: a certified pass among the subjects refuses the whole request.
    expect(refusal(await enter(["PHYSICS", "ARTS"]))).toMatchObject({ code: "SUBJECT_ALREADY_PASSED", message: "您的艺术（音乐、美术）已认定合格（外省成绩转入认定），无需再次报考" });
    expect(await em().count(SubjectEntry, { sessionId: session.id })).toBe(before);
    const physics = await enter(["PHYSICS"]);
    expect(physics.errors).toBeUndefined();
    expect(physics.data!.enterSubjects.map((entry) => entry.subjectCode)).toEqual(["PHYSICS"]);
    // Another candidate's certification is nobody else's: candidate22 enters Chinese.
    const other = await registry.graphql(ENTER, { input: { sessionId: session.id, subjectCodes: ["CHINESE"] } }, await as("candidate22"));
    expect(other.errors).toBeUndefined();
  });

  it("shows the candidate their own certified subjects, with names", async () => {
    const mine = await registry.graphql<{ myCertifiedSubjects: Array<Record<string, unknown>> }>(MINE, {}, await as("candidate21"));
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myCertifiedSubjects.map((row) => [row.subjectCode, row.subjectName, row.passed])).toEqual([
      ["ARTS", "艺术", true],
      ["CHINESE", "语文", true],
      ["MATHEMATICS", "数学", true],
      ["PHYSICS", "物理", false],
    ]);
    expect(mine.data!.myCertifiedSubjects[1]).toMatchObject({ detail: "等级 B", provinceCode: "15", originProvinceCode: "13", caseId, certifiedAt: "2026-11-20T02:00:00.000Z" });
    const none = await registry.graphql<{ myCertifiedSubjects: unknown[] }>(MINE, {}, await as("candidate22"));
    expect(none.data!.myCertifiedSubjects).toEqual([]);
    expect(refusal(await registry.graphql(MINE, {}))).toEqual({ code: "UNAUTHENTICATED", message: "请先登录" });
  });

  it("shows a record's certified subjects to whoever may read the record, in one query for a page", async () => {
    const seen = async (username: string, prefix: string | null = record.recordNumber) => {
      const result = await registry.graphql<{ examRecordPage: { items: Array<{ recordNumber: string; certifiedSubjects: Array<{ subjectCode: string }> }> } }>(
        RECORDS,
        { prefix },
        await as(username),
      );
      expect(result.errors).toBeUndefined();
      return result.data!.examRecordPage.items;
    };
    const codes = ["ARTS", "CHINESE", "MATHEMATICS", "PHYSICS"];
    for (const username of ["candidate21", "school1", "county1", "region1"]) {
      expect((await seen(username)).map((item) => item.certifiedSubjects.map((subject) => subject.subjectCode)), username).toEqual([codes]);
    }
    // Someone else's record is not the candidate's to see; the other class's teacher does not see it either.
    expect(await seen("candidate22")).toEqual([]);
    const otherTeacher = splitPath(record.organizationPath).at(-1) === demoOrgId("im-class-1") ? "teacher2" : "teacher1";
    expect(await seen(otherTeacher)).toEqual([]);
    expect(await seen("bjreviewer1")).toEqual([]);

    // A page of the school's records asks for every record's certified subjects at once.
    const headers = await as("school1");
    const sql = await recordSqlQueries(registry.service, () => registry.graphql(RECORDS, { prefix: null }, headers));
    expect(sql.filter((query) => query.includes("certified_subject"))).toHaveLength(1);
    const page = await seen("school1", null);
    expect(page.length).toBeGreaterThan(1);
    expect(page.filter((item) => item.certifiedSubjects.length > 0).map((item) => item.recordNumber)).toEqual([record.recordNumber]);
  });

  it("keeps the case's path when the candidate has no record here yet (the receiving school registers them later)", async () => {
    const newcomer = randomUUID();
    const path = [demoOrgId("im"), demoOrgId("im-hohhot"), demoOrgId("im-xincheng")];
    await bus.publish(certified([{ subjectCode: "BIOLOGY", passed: true }], { candidateId: newcomer, path }));
    expect(await rows(newcomer)).toEqual([{ subjectCode: "BIOLOGY", passed: true, detail: null, caseId: expect.any(String), organizationPath: path.join("/") }]);
    expect(await rows(OTHER)).toEqual([]);
  });
});
