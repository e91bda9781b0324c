import { deflateSync } from "node:zlib";
import { demoOrganizationPath, demoProvinceCodeOf, demoUserId, demoUsers } from "@xuekao/demo-data";
import { hoursFrom, splitPath, startApplication, type Clock } from "@xuekao/subgraph-kit";
import type { CertificationContext } from "../certification-context.js";
import { CandidateFact, CandidateFactKind, CandidateName } from "../modules/candidate-fact/candidate-fact.entity.js";
import { seedDemoCertificationWindow } from "../modules/certification-config/certification-config.seeds.js";
import { CertificationConfigService } from "../modules/certification-config/certification-config.service.js";
import { CertificationCase, CertificationCaseStatus } from "../modules/certification-case/certification-case.entity.js";
import { seedCertificateDemo } from "../modules/certificate/certificate.demo.js";
import { CertificationEvidenceSlot } from "../modules/certification-case/certification-case.inputs.js";
import { EVIDENCE_SLOTS, pendingKeyOf, SLOTS_OF_KIND } from "../modules/certification-case/certification-case.service.js";
import { ReturningCandidateCertification, TransferInCertification } from "../modules/certification-case/certification.workflow.js";

/**
 * One pending case per demo province (development only): Beijing's returning candidate (返京成绩
 * 认定, reviewed by the institute; `bjcandidate2`) and an Inner Mongolia student who arrived from
 * Hebei (转入, county → league/city → province; `candidate30`, with the three proofs), so both
 * consoles have a case to show. Submitted relative to the first start, so the demo shows the
 * review time limit on any day: Beijing's case has waited past the 48-hour warning, Inner
 * Mongolia's past the 72-hour deadline of its first step. `bjcandidate1` has none: they start one
 * in the open demo window.
 */
const demoCases = [
  { username: "bjcandidate2", originProvinceCode: "13", certifyingProvinceCode: "11", kind: ReturningCandidateCertification, waitedHours: 50 },
  { username: "candidate30", originProvinceCode: "13", certifyingProvinceCode: "15", kind: TransferInCertification, waitedHours: 80 },
];

const fixedAt = (instant: Date): Clock => ({ now: () => instant });

/** A small grey PNG standing in for a scanned proof (what the reviewer's viewer shows), made here so no binary is committed. */
function demoScan(shade: number): Buffer {
  const width = 240;
  const height = 160;
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (bytes: Buffer) => {
    let c = 0xffffffff;
    for (const byte of bytes) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const check = Buffer.alloc(4);
    check.writeUInt32BE(crc(body));
    return Buffer.concat([length, body, check]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 0; // greyscale
  // Rows of text-like stripes on paper, so zoom and rotation visibly do something.
  const rows = Array.from({ length: height }, (_, y) => {
    const line = Buffer.alloc(width + 1);
    for (let x = 0; x < width; x++) line[x + 1] = y % 20 < 6 && x > 20 && x < 20 + ((y * 37) % 180) ? 60 : shade;
    return line;
  });
  return Buffer.concat([Buffer.from("89504e470d0a1a0a", "hex"), chunk("IHDR", header), chunk("IDAT", deflateSync(Buffer.concat(rows))), chunk("IEND", Buffer.alloc(0))]);
}

/**
 * Idempotent: the demo candidates' names (identity's seeder does not announce them), the Beijing
 * in-school students' records, then the cases that are missing, each with its proofs and its application (as the candidate would have).
 */
export async function seedCertificationDemo(ctx: CertificationContext): Promise<void> {
  await seedDemoCertificationWindow(ctx);
  await seedCertificateDemo(ctx);
  const now = ctx.clock.now();
  const named = new Set((await ctx.em.find(CandidateName, {})).map((row) => row.candidateId));
  for (const user of demoUsers) {
    if (user.kind === "STAFF" || named.has(user.id)) continue;
    ctx.em.create(CandidateName, { candidateId: user.id, displayName: user.displayName, changedAt: now });
  }
  // Registry seeds its demo records without events; the Beijing in-school students' registrations
  // are what the school flow needs (a record under the school), as record-registered would tell.
  for (const user of demoUsers) {
    if (user.kind !== "IN_SCHOOL_CANDIDATE" || demoProvinceCodeOf(user.organizationId) !== "11") continue;
    const key = { candidateId: user.id, kind: CandidateFactKind.RECORD_REGISTERED, provinceCode: "11" };
    if (await ctx.em.count(CandidateFact, key)) continue;
    ctx.em.create(CandidateFact, { ...key, organizationPath: demoOrganizationPath(user.organizationId), recordNumber: `G${user.idNumber!}`, candidateKind: "IN_SCHOOL", occurredAt: now });
  }
  await ctx.em.flush();

  for (const demo of demoCases) {
    const candidateId = demoUserId(demo.username);
    if (await ctx.em.count(CertificationCase, { candidateId })) continue;
    const organizationPath = demoOrganizationPath(demoUsers.find((user) => user.id === candidateId)!.organizationId);
    const submittedAt = hoursFrom(now, -demo.waitedHours);
    const window = demo.kind === ReturningCandidateCertification ? await new CertificationConfigService().openWindow(ctx, demo.certifyingProvinceCode, demo.kind.kind, now) : null;
    await ctx.withClock(fixedAt(submittedAt)).transaction(async (tx) => {
      const certificationCase = tx.em.create(CertificationCase, {
        candidateId,
        organizationPath,
        originProvinceCode: demo.originProvinceCode,
        certifyingProvinceCode: demo.certifyingProvinceCode,
        kind: demo.kind.kind,
        status: CertificationCaseStatus.PENDING_REVIEW,
        pendingKey: pendingKeyOf(candidateId, demo.certifyingProvinceCode),
        createdAt: hoursFrom(submittedAt, -1),
        submittedAt,
        startedBy: candidateId,
        windowId: window?.id ?? null,
      });
      for (const [index, slot] of (SLOTS_OF_KIND[demo.kind.kind] ?? [CertificationEvidenceSlot.SCORE_CERTIFICATE]).entries()) {
        await tx.files.storeGenerated(tx, {
          purpose: EVIDENCE_SLOTS[slot].spec.purpose,
          subject: { type: "CertificationCase", id: certificationCase.id },
          organizationPath: splitPath(organizationPath),
          fileName: `${EVIDENCE_SLOTS[slot].name}.png`,
          contentType: "image/png",
          bytes: demoScan(235 - index * 15),
        });
      }
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
