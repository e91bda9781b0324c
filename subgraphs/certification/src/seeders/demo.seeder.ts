import { demoOrganizationPath, demoUserId, demoUsers } from "@xuekao/demo-data";
import { hoursFrom, splitPath, startApplication, type Clock } from "@xuekao/subgraph-kit";
import type { CertificationContext } from "../certification-context.js";
import { seedDemoCertificationWindow } from "../modules/certification-config/certification-config.seeds.js";
import { CertificationCase, CertificationCaseStatus } from "../modules/certification-case/certification-case.entity.js";
import { seedCertificateDemo } from "../modules/certificate/certificate.demo.js";
import { pendingKeyOf } from "../modules/certification-case/certification-case.service.js";
import { ReturningCandidateCertification, TransferInCertification } from "../modules/certification-case/certification.workflow.js";

/**
 * One pending case per demo province (development only): Beijing's returning candidate (返京成绩
 * 认定, reviewed by the institute) and an Inner Mongolia student who arrived from Hebei (转入,
 * county → league/city → province), so both consoles have a case to show. Submitted relative to
 * the first start, so the demo shows the review time limit on any day: Beijing's case has waited
 * past the 48-hour warning, Inner Mongolia's past the 72-hour deadline of its first step.
 */
const demoCases = [
  { username: "bjcandidate1", originProvinceCode: "13", certifyingProvinceCode: "11", kind: ReturningCandidateCertification, waitedHours: 50 },
  { username: "candidate30", originProvinceCode: "13", certifyingProvinceCode: "15", kind: TransferInCertification, waitedHours: 80 },
];

const fixedAt = (instant: Date): Clock => ({ now: () => instant });

/** Idempotent: adds the cases that are missing, each with its application (as the candidate would have). */
export async function seedCertificationDemo(ctx: CertificationContext): Promise<void> {
  await seedDemoCertificationWindow(ctx);
  await seedCertificateDemo(ctx);
  for (const demo of demoCases) {
    const candidateId = demoUserId(demo.username);
    const existing = await ctx.em.findOne(CertificationCase, { candidateId }, { orderBy: { submittedAt: "asc" } });
    // A demo database from before the workflow engine has the case without its application: give it one.
    if (existing && (existing.applicationId || existing.status !== CertificationCaseStatus.PENDING_REVIEW)) continue;
    const organizationPath = demoOrganizationPath(demoUsers.find((user) => user.id === candidateId)!.organizationId);
    const submittedAt = existing?.submittedAt ?? hoursFrom(ctx.clock.now(), -demo.waitedHours);
    await ctx.withClock(fixedAt(submittedAt)).transaction(async (tx) => {
      const certificationCase =
        (existing && (await tx.em.findOneOrFail(CertificationCase, { id: existing.id }))) ??
        tx.em.create(CertificationCase, {
          candidateId,
          organizationPath,
          originProvinceCode: demo.originProvinceCode,
          certifyingProvinceCode: demo.certifyingProvinceCode,
          kind: demo.kind.kind,
          status: CertificationCaseStatus.PENDING_REVIEW,
          pendingKey: pendingKeyOf(candidateId, demo.certifyingProvinceCode),
          submittedAt,
        });
      certificationCase.kind = demo.kind.kind;
      const application = await startApplication(tx, demo.kind, {
        provinceCode: demo.certifyingProvinceCode,
        subject: { id: certificationCase.id },
        applicantId: candidateId,
        organizationPath: splitPath(organizationPath),
      });
      certificationCase.applicationId = application.id;
    });
  }
}
