import { beijingDate, schoolYearOf } from "@xuekao/rules";
import { provinceCandidate, provinceSchools, type DemoOrganization, type ProvincePlan } from "@xuekao/demo-data";
import { Role, type Caller } from "@xuekao/subgraph-kit";
import type { RegistryContext } from "../registry-context.js";
import { ExamRecord, ExamRecordStatus } from "../modules/exam-record/exam-record.entity.js";
import { ExamSession } from "../modules/exam-session/exam-session.entity.js";
import { ExamSubject } from "../modules/exam-subject/exam-subject.entity.js";
import { DirectoryOrganization, DirectoryOrganizationKind } from "../modules/organization-directory/directory-organization.entity.js";
import { PreRegistrationService } from "../modules/pre-registration/pre-registration.service.js";
import { RosterEntry } from "../modules/roster/roster.entity.js";
import { demoForm } from "./pre-registration.demo.js";

export interface ProvinceSeedProgress {
  (what: string, done: number, total: number): void;
}

const DAY_MS = 86_400_000;
/** Older than any event identity can send: its announcements replace these directory rows. */
const OLDER_THAN_ANY_EVENT = new Date(0);

/**
 * The bench province in registry (benchmarks only): the organisation directory, every candidate's
 * roster entry, a record (REGISTERED, record number G + ID number, province 15, second year) for
 * the registered ones, an open exam session of province 15 offering its whole catalogue; then the
 * pending candidates submit their pre-registration through the real service (applications, audit
 * entries and events as a person's submission writes them), so class teachers' queues have work.
 * Batched like the identity seeder; refuses to run twice (a roster entry of the province exists).
 */
export async function seedRegistryProvince(ctx: RegistryContext, plan: ProvincePlan, options: { batchSize?: number; progress?: ProvinceSeedProgress } = {}): Promise<{ sessionId: string }> {
  const batchSize = options.batchSize ?? 2000;
  const progress = options.progress ?? (() => undefined);
  const em = ctx.em.fork({ clear: true });
  const first = provinceCandidate(plan, 0);
  if (await em.count(RosterEntry, { studentNumber: first.studentNumber })) throw new Error("registry already holds a seeded province: seed into fresh databases");
  const now = ctx.clock.now();
  const pathOf = new Map<string, string>();
  let pending = 0;
  const flush = async () => {
    await em.transactional(async (tx) => tx.flush());
    em.clear();
    pending = 0;
  };
  const known = new Set((await em.find(DirectoryOrganization, { id: plan.province.id }, { fields: ["id"] })).map((row) => row.id));
  const directory = (org: DemoOrganization) => {
    const path = org.parentId ? `${pathOf.get(org.parentId)}/${org.id}` : org.id;
    pathOf.set(org.id, path);
    if (known.has(org.id)) return;
    em.create(DirectoryOrganization, { id: org.id, parentId: org.parentId, path, kind: org.kind as DirectoryOrganizationKind, code: org.code, name: org.name, provinceCode: "15", asOf: OLDER_THAN_ANY_EVENT });
    pending += 1;
  };
  directory(plan.province);
  plan.leagues.forEach(directory);
  plan.counties.forEach(directory);
  for (const { school, classes } of provinceSchools(plan)) {
    directory(school);
    classes.forEach(directory);
    if (pending >= batchSize) await flush();
  }
  await flush();
  progress("registry: directory", plan.schoolCount + plan.classCount, plan.schoolCount + plan.classCount);

  // The open window of the province (the demo's shape: opened five days ago, closes in fifteen).
  let session = await em.findOne(ExamSession, { provinceCode: "15", registrationOpensAt: { $lte: now }, registrationClosesAt: { $gt: now } });
  if (!session) {
    const closesAt = new Date(now.getTime() + 15 * DAY_MS);
    const [year, month] = beijingDate(new Date(closesAt.getTime() + 60 * DAY_MS)).split("-");
    const catalogue = await em.find(ExamSubject, { provinceCode: "15" }, { orderBy: { sortOrder: "asc" } });
    session = em.create(ExamSession, {
      provinceCode: "15",
      code: `${year}-${month}-bench`,
      name: `${year}年${Number(month)}月内蒙古自治区普通高中学业水平合格性考试（基准）`,
      registrationOpensAt: new Date(now.getTime() - 5 * DAY_MS),
      registrationClosesAt: closesAt,
      scoresPublishedAt: null,
      subjectCodesJson: JSON.stringify(catalogue.map((subject) => subject.code)),
      createdAt: now,
    });
    await flush();
  }
  const sessionId = session.id;

  // Second-year students on any day, so that the year-1 rules never stop the subject burst.
  const enrollmentYear = schoolYearOf(now) - 1;
  for (let index = 0; index < plan.candidates; index += 1) {
    const candidate = provinceCandidate(plan, index);
    const organizationPath = `${pathOf.get(candidate.classId)}`;
    em.create(RosterEntry, {
      schoolId: candidate.schoolId,
      classId: candidate.classId,
      organizationPath,
      studentNumber: candidate.studentNumber,
      name: candidate.displayName,
      idNumber: candidate.idNumber,
      idNumberLookup: ctx.personalData.lookup("id-number", candidate.idNumber),
      createdAt: now,
      updatedAt: now,
    });
    pending += 1;
    if (candidate.registered) {
      em.create(ExamRecord, {
        recordNumber: candidate.studentNumber,
        status: ExamRecordStatus.REGISTERED,
        candidateId: candidate.id,
        schoolId: candidate.schoolId,
        organizationPath,
        provinceCode: "15",
        enrollmentYear,
        createdAt: now,
      });
      pending += 1;
    }
    if (pending >= batchSize) {
      await flush();
      progress("registry: roster and records", index + 1, plan.candidates);
    }
  }
  await flush();
  progress("registry: roster and records", plan.candidates, plan.candidates);

  // The pending candidates submit through the real service, one transaction each.
  const service = new PreRegistrationService();
  const pendingCandidates = Array.from({ length: plan.candidates }, (_, index) => index).filter((index) => !provinceCandidate(plan, index).registered);
  let submitted = 0;
  for (const index of pendingCandidates) {
    const candidate = provinceCandidate(plan, index);
    const path = pathOf.get(candidate.classId)!.split("/");
    const caller: Caller = { kind: "user", subject: candidate.id, roles: [{ role: Role.CANDIDATE_IN_SCHOOL, organizationId: candidate.classId, organizationPath: path, provinceCode: "15" }], scopes: [] };
    const user = { id: candidate.id, username: candidate.username, displayName: candidate.displayName, kind: "IN_SCHOOL_CANDIDATE" as const, role: "CANDIDATE_IN_SCHOOL" as const, organizationId: candidate.classId, idNumber: candidate.idNumber };
    // A fresh entity manager per submission: nothing accumulates over thousands of them.
    await service.submit(ctx.actingAs(caller).detached(), {
      form: { ...demoForm(user, now), schoolId: candidate.schoolId },
      expectedVersion: null,
      idempotencyKey: `province-submit-${index}`,
    });
    submitted += 1;
    if (submitted % 500 === 0) progress("registry: pre-registrations under class-teacher review", submitted, pendingCandidates.length);
  }
  progress("registry: pre-registrations under class-teacher review", submitted, pendingCandidates.length);
  return { sessionId };
}
