import type { EntityManager } from "@mikro-orm/core";
import { demoUserId } from "@xuekao/demo-data";
import { CertificationCase, CertificationCaseStatus } from "../modules/certification-case/certification-case.entity.js";
import { pendingKeyOf } from "../modules/certification-case/certification-case.service.js";

/** Idempotent: the returning-to-Beijing candidate has one case pending review (development only). */
export async function seedCertificationDemo(em: EntityManager): Promise<void> {
  const candidateId = demoUserId("bjcandidate1");
  if (await em.count(CertificationCase, { candidateId })) return;
  em.create(CertificationCase, {
    candidateId,
    originProvinceCode: "13",
    certifyingProvinceCode: "11",
    status: CertificationCaseStatus.PENDING_REVIEW,
    pendingKey: pendingKeyOf(candidateId, "11"),
    submittedAt: new Date("2026-11-20T02:30:00Z"),
  });
  await em.flush();
}
