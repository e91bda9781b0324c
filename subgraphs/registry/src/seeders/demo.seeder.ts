import type { EntityManager } from "@mikro-orm/core";
import { demoOrganizationPath, demoOrgId, demoUsers } from "@xuekao/demo-data";
import { parseBeijingLocal } from "@xuekao/rules";
import { ExamRecord, ExamRecordStatus } from "../modules/exam-record/exam-record.entity.js";
import { ExamSession } from "../modules/exam-session/exam-session.entity.js";

// Windows are announced in Beijing time (UTC+8, no DST): parseBeijingLocal reads them as such.
const demoSessions = [
  {
    provinceCode: "15",
    code: "2026-06",
    name: "2026年6月内蒙古自治区普通高中学业水平合格性考试",
    registrationOpensAt: parseBeijingLocal("2026-03-20T09:00:00"),
    registrationClosesAt: parseBeijingLocal("2026-03-30T18:00:00"),
    scoresPublishedAt: parseBeijingLocal("2026-07-20T10:00:00"),
  },
  {
    provinceCode: "15",
    code: "2027-01",
    name: "2027年1月内蒙古自治区普通高中学业水平合格性考试",
    registrationOpensAt: parseBeijingLocal("2026-11-10T09:00:00"),
    registrationClosesAt: parseBeijingLocal("2026-11-30T18:00:00"),
    scoresPublishedAt: null,
  },
  {
    provinceCode: "11",
    code: "2027-01",
    name: "2027年1月北京市普通高中学业水平合格性考试",
    registrationOpensAt: parseBeijingLocal("2026-11-15T09:00:00"),
    registrationClosesAt: parseBeijingLocal("2026-11-25T17:00:00"),
    scoresPublishedAt: null,
  },
];

/** Idempotent: adds the demo exam sessions and the in-school candidates' records that are missing. */
export async function seedRegistryDemo(em: EntityManager): Promise<void> {
  for (const session of demoSessions) {
    if (await em.count(ExamSession, { provinceCode: session.provinceCode, code: session.code })) continue;
    em.create(ExamSession, { ...session, createdAt: new Date() });
  }
  const existing = new Set((await em.find(ExamRecord, {}, { fields: ["candidateId"] })).map((row) => row.candidateId));
  for (const candidate of demoUsers.filter((user) => user.kind === "IN_SCHOOL_CANDIDATE")) {
    if (existing.has(candidate.id)) continue;
    em.create(ExamRecord, {
      // An in-school candidate's record number is the national student record number: G + ID number.
      recordNumber: `G${candidate.idNumber}`,
      status: ExamRecordStatus.REGISTERED,
      candidateId: candidate.id,
      schoolId: demoOrgId("im-school"),
      organizationPath: demoOrganizationPath(candidate.organizationId),
      createdAt: new Date(),
    });
  }
  await em.flush();
}
