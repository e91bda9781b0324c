import { beijingDate, schoolYearOf } from "@xuekao/rules";
import { demoOrganizationPath, demoOrganizations, demoOrgId, demoProvinceCodeOf, demoRosterStudents, demoUserId, demoUsers } from "@xuekao/demo-data";
import { splitPath } from "@xuekao/subgraph-kit";
import type { RegistryContext } from "../registry-context.js";
import { ExamRecord, ExamRecordStatus } from "../modules/exam-record/exam-record.entity.js";
import { ExamSession } from "../modules/exam-session/exam-session.entity.js";
import { ExamSubject } from "../modules/exam-subject/exam-subject.entity.js";
import { DirectoryOrganization } from "../modules/organization-directory/directory-organization.entity.js";
import { OrganizationDirectoryService } from "../modules/organization-directory/organization-directory.service.js";
import { RosterEntry } from "../modules/roster/roster.entity.js";
import { registeredFromStart, seedPreRegistrationDemo } from "./pre-registration.demo.js";
import { SubjectEntry, SubjectResult } from "../modules/subject-entry/subject-entry.entity.js";

/**
 * How old the seeded directory rows count as: older than anything identity can announce, so that
 * any `identity.organization-changed` event, whatever the clock, replaces them.
 */
const OLDER_THAN_ANY_EVENT = new Date(0);

/**
 * The demo organisations, as identity's events would have told this subgraph: so that registry
 * started alone (tests) knows them. An organisation already known is left as identity last told.
 */
async function seedDirectory(ctx: RegistryContext): Promise<void> {
  const known = new Set((await ctx.em.find(DirectoryOrganization, {}, { fields: ["id"] })).map((row) => row.id));
  const codeOf = new Map(demoOrganizations.map((organization) => [organization.id, organization.code]));
  const directory = new OrganizationDirectoryService();
  for (const organization of demoOrganizations) {
    if (known.has(organization.id)) continue;
    const path = splitPath(demoOrganizationPath(organization.id));
    await directory.apply(ctx, { ...organization, path, provinceCode: codeOf.get(path[0]!)!, asOf: OLDER_THAN_ANY_EVENT });
  }
}

/** The school a demo class belongs to (in-school candidates are members of a class). */
const schoolOf = (classId: string) => demoOrganizations.find((organization) => organization.id === classId)!.parentId!;

const DAY_MS = 86_400_000;

/** The sitting a window belongs to, as the province names it: about two months after registration closes. */
function sittingOf(closesAt: Date): { code: string; label: string } {
  const [year, month] = beijingDate(new Date(closesAt.getTime() + 60 * DAY_MS)).split("-");
  return { code: `${year}-${month}`, label: `${year}年${Number(month)}月` };
}

/** The open Inner Mongolia window closes 15 days after the first start. */
const OPEN_WINDOW_CLOSES_IN_DAYS = 15;

/**
 * Windows relative to the first start, so that on any day the demo has a past session with
 * published scores and an open window in each province. Each offers its province's whole catalogue.
 */
function demoSessions(now: Date) {
  const at = (days: number) => new Date(now.getTime() + days * DAY_MS);
  const session = (provinceCode: string, provinceName: string, opensAt: Date, closesAt: Date, scoresPublishedAt: Date | null) => {
    const sitting = sittingOf(closesAt);
    return {
      provinceCode,
      code: sitting.code,
      name: `${sitting.label}${provinceName}普通高中学业水平合格性考试`,
      registrationOpensAt: opensAt,
      registrationClosesAt: closesAt,
      scoresPublishedAt,
    };
  };
  return [
    session("15", "内蒙古自治区", at(-200), at(-190), at(-120)),
    session("15", "内蒙古自治区", at(-5), at(OPEN_WINDOW_CLOSES_IN_DAYS), null),
    session("11", "北京市", at(-2), at(8), null),
  ];
}

/** The demo school's roster (the in-school candidates and ten students without an account): the entries missing are added. */
async function seedRoster(ctx: RegistryContext): Promise<void> {
  const known = new Set((await ctx.em.find(RosterEntry, {}, { fields: ["studentNumber"] })).map((row) => row.studentNumber));
  for (const student of demoRosterStudents) {
    if (known.has(student.studentNumber)) continue;
    ctx.em.create(RosterEntry, {
      schoolId: demoOrgId("im-school"),
      classId: student.classId,
      organizationPath: demoOrganizationPath(student.classId),
      studentNumber: student.studentNumber,
      name: student.name,
      idNumber: student.idNumber,
      idNumberLookup: ctx.personalData.lookup("id-number", student.idNumber),
      createdAt: ctx.clock.now(),
      updatedAt: ctx.clock.now(),
    });
  }
}

/**
 * The demo in-school candidates are in year 2 at the first start (and later): the year-1 rules
 * (first sitting from the second term, at most four subjects) do not stop candidate1 from
 * entering subjects of the open window, or of a session closing soon, on any day.
 */
const demoEnrollmentYear = (now: Date) => schoolYearOf(now) - 1;

/** Published results of the past session: candidate1 passed 语文 and 信息技术 and failed 数学; candidates 2–10 passed 语文. */
const demoResults = (): Array<{ username: string; subjectCode: string; result: SubjectResult; score: number | null }> => [
  { username: "candidate1", subjectCode: "CHINESE", result: SubjectResult.PASS, score: 86 },
  { username: "candidate1", subjectCode: "MATHEMATICS", result: SubjectResult.FAIL, score: 52 },
  { username: "candidate1", subjectCode: "INFORMATION_TECHNOLOGY", result: SubjectResult.PASS, score: null },
  ...Array.from({ length: 9 }, (_, index) => ({ username: `candidate${index + 2}`, subjectCode: "CHINESE", result: SubjectResult.PASS, score: 70 + index })),
];

/**
 * Idempotent: adds the demo exam sessions when there are none (a later start, on another day,
 * would compute other codes), the organisation directory, the in-school candidates' records that
 * are missing (and the province and enrollment year of records from before those columns), and
 * the past session's entries and results once.
 */
export async function seedRegistryDemo(ctx: RegistryContext): Promise<void> {
  const { em, clock } = ctx;
  await seedDirectory(ctx);
  await seedRoster(ctx);
  if ((await em.count(ExamSession, {})) === 0) {
    const catalogue = await em.find(ExamSubject, {}, { orderBy: { sortOrder: "asc" } });
    for (const session of demoSessions(clock.now())) {
      const subjectCodes = catalogue.filter((subject) => subject.provinceCode === session.provinceCode).map((subject) => subject.code);
      em.create(ExamSession, { ...session, subjectCodesJson: JSON.stringify(subjectCodes), createdAt: clock.now() });
    }
    await em.flush();
  }
  const records = new Map((await em.find(ExamRecord, {})).map((row) => [row.candidateId, row]));
  const enrollmentYear = demoEnrollmentYear(clock.now());
  for (const candidate of demoUsers.filter(registeredFromStart)) {
    const existing = records.get(candidate.id);
    if (existing) {
      if (existing.provinceCode === null) existing.provinceCode = demoProvinceCodeOf(candidate.organizationId);
      if (existing.enrollmentYear === null) existing.enrollmentYear = enrollmentYear;
      continue;
    }
    records.set(
      candidate.id,
      em.create(ExamRecord, {
        // An in-school candidate's record number is the national student record number: G + ID number.
        recordNumber: `G${candidate.idNumber}`,
        status: ExamRecordStatus.REGISTERED,
        candidateId: candidate.id,
        schoolId: schoolOf(candidate.organizationId),
        organizationPath: demoOrganizationPath(candidate.organizationId),
        provinceCode: demoProvinceCodeOf(candidate.organizationId),
        enrollmentYear,
        createdAt: clock.now(),
      }),
    );
  }
  await em.flush();

  const past = await em.findOne(ExamSession, { provinceCode: "15", scoresPublishedAt: { $ne: null } }, { orderBy: { registrationOpensAt: "asc" } });
  if (past && (await em.count(SubjectEntry, { sessionId: past.id })) === 0) {
    for (const row of demoResults()) {
      const record = records.get(demoUserId(row.username));
      if (!record) continue;
      em.create(SubjectEntry, {
        sessionId: past.id,
        recordId: record.id,
        recordNumber: record.recordNumber,
        candidateId: record.candidateId,
        organizationPath: record.organizationPath,
        subjectCode: row.subjectCode,
        enteredAt: past.registrationOpensAt,
        result: row.result,
        score: row.score,
        resultRecordedAt: past.scoresPublishedAt,
      });
    }
  }
  await em.flush();
  // Last: the candidates' pre-registrations go through the real service, on the roster above.
  await seedPreRegistrationDemo(ctx);
}
