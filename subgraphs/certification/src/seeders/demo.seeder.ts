import type { EntityManager } from "@mikro-orm/core";
import { demoOrganizationPath, demoUserId, demoUsers } from "@xuekao/demo-data";
import { CertificationCase, CertificationCaseStatus } from "../modules/certification-case/certification-case.entity.js";
import { pendingKeyOf } from "../modules/certification-case/certification-case.service.js";

/**
 * One pending case per demo province (development only): Beijing's returning candidate (返京成绩
 *认定, reviewed by the institute) and an Inner Mongolia student who arrived from Hebei (转入,
 * county → league/city → province), so both consoles have a case to show.
 */
const demoCases = [
  { username: "bjcandidate1", originProvinceCode: "13", certifyingProvinceCode: "11", submittedAt: new Date("2026-11-20T02:30:00Z") },
  { username: "candidate30", originProvinceCode: "13", certifyingProvinceCode: "15", submittedAt: new Date("2026-11-18T01:00:00Z") },
];

/** Idempotent: adds the cases that are missing. */
export async function seedCertificationDemo(em: EntityManager): Promise<void> {
  for (const demo of demoCases) {
    const candidateId = demoUserId(demo.username);
    const organizationPath = demoOrganizationPath(demoUsers.find((user) => user.id === candidateId)!.organizationId);
    const existing = await em.findOne(CertificationCase, { candidateId }, { orderBy: { submittedAt: "asc" } });
    if (existing) {
      // A demo database from before cases carried their organisation path: give the demo case its path.
      if (existing.organizationPath === "") existing.organizationPath = organizationPath;
      continue;
    }
    em.create(CertificationCase, {
      candidateId,
      organizationPath,
      originProvinceCode: demo.originProvinceCode,
      certifyingProvinceCode: demo.certifyingProvinceCode,
      status: CertificationCaseStatus.PENDING_REVIEW,
      pendingKey: pendingKeyOf(candidateId, demo.certifyingProvinceCode),
      submittedAt: demo.submittedAt,
    });
  }
  await em.flush();
}
