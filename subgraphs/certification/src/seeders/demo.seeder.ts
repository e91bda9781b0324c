import type { EntityManager } from "@mikro-orm/core";
import { hoursFrom, type Clock } from "@xuekao/subgraph-kit";
import { demoOrganizationPath, demoUserId, demoUsers } from "@xuekao/demo-data";
import { CertificationCase, CertificationCaseStatus } from "../modules/certification-case/certification-case.entity.js";
import { pendingKeyOf } from "../modules/certification-case/certification-case.service.js";

/**
 * One pending case per demo province (development only): Beijing's returning candidate (返京成绩
 *认定, reviewed by the institute) and an Inner Mongolia student who arrived from Hebei (转入,
 * county → league/city → province), so both consoles have a case to show.
 */
/**
 * Submitted relative to the first start, so the demo shows the review SLA on any day: Beijing's
 * case has waited past the 48-hour warning, Inner Mongolia's past the 72-hour escalation.
 */
const demoCases = [
  { username: "bjcandidate1", originProvinceCode: "13", certifyingProvinceCode: "11", waitedHours: 50 },
  { username: "candidate30", originProvinceCode: "13", certifyingProvinceCode: "15", waitedHours: 80 },
];

/** Idempotent: adds the cases that are missing. */
export async function seedCertificationDemo(em: EntityManager, { clock }: { clock: Clock }): Promise<void> {
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
      submittedAt: hoursFrom(clock.now(), -demo.waitedHours),
    });
  }
  await em.flush();
}
