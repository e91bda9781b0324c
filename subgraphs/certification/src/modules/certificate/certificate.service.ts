import {
  generateVerificationCode,
  parseCertificateFields,
  parseVerificationCode,
  readCertificateToken,
  renderCertificatePdf,
  verifyCertificateToken,
  type CertificateContent,
  type CertificateFields,
} from "@xuekao/certificates";
import { accessRule, authorize, PATH_SEPARATOR, requireCaller, Role, splitPath, StoredFile } from "@xuekao/subgraph-kit";
import type { CertificationContext } from "../../certification-context.js";
import { Certificate, CertificateKindName, CertificateVerificationLog, VerificationOutcome } from "./certificate.entity.js";
import { CertificateErrors } from "./certificate.errors.js";
import type { CertificateVerification } from "./certificate.inputs.js";

/** The issuing province's institute and its certification reviewers withdraw a certificate issued in error. */
export const REVOKE_CERTIFICATES = accessRule("REVOKE_CERTIFICATES", { roles: [Role.PROVINCE_INSTITUTE, Role.CERTIFICATION_REVIEWER] });

export const CERTIFICATE_PDF_PURPOSE = "certificate-pdf";
const MAX_OWN_CERTIFICATES = 100;

export interface IssueCertificateInput {
  fields: CertificateContent;
  candidateId: string;
  caseId: string | null;
  /** The holder's registration path, province first. */
  organizationPath: readonly string[];
}

export class CertificateService {
  /**
   * Issues a certificate inside the caller's transaction: a fresh verification code, the fields
   * with the issue time from the clock, signed; stored with its audit entry (the PDF is made on
   * the first download). The caller has decided (an approval): this only records the result.
   */
  async issue(tx: CertificationContext, input: IssueCertificateInput): Promise<Certificate> {
    const code = await this.freshCode(tx);
    const issuedAt = tx.clock.now();
    const fields = parseCertificateFields({ ...input.fields, code, issuedAt: issuedAt.toISOString() });
    const token = await tx.services.certificates.signer.sign(fields);
    const certificate = tx.em.create(Certificate, {
      code,
      kind: fields.kind,
      candidateId: input.candidateId,
      caseId: input.caseId,
      organizationPath: input.organizationPath.join(PATH_SEPARATOR),
      provinceCode: fields.provinceCode,
      token,
      fieldsJson: JSON.stringify(fields),
      issuedAt,
    });
    await tx.audit.record({
      action: "certificate.issued",
      subject: { type: "Certificate", id: certificate.id },
      organizationPath: input.organizationPath,
      after: { code, kind: fields.kind, caseId: input.caseId },
    });
    await tx.em.flush();
    return certificate;
  }

  /**
   * Records a certificate another subgraph signed (registry's score certificates), once: the same
   * code arriving again changes nothing. The token is kept as it came; verification judges it.
   */
  async record(tx: CertificationContext, input: { code: string; token: string; candidateId: string; provinceCode: string; issuedAt: string; organizationPath: readonly string[] }): Promise<void> {
    if (await tx.em.findOne(Certificate, { code: input.code })) return;
    const fields = readCertificateToken(input.token);
    tx.em.create(Certificate, {
      code: input.code,
      kind: fields?.kind ?? "SCORE_CERTIFICATE",
      candidateId: input.candidateId,
      caseId: null,
      organizationPath: input.organizationPath.join(PATH_SEPARATOR),
      provinceCode: input.provinceCode,
      token: input.token,
      fieldsJson: JSON.stringify(fields),
      issuedAt: new Date(input.issuedAt),
    });
    await tx.em.flush();
  }

  /** The latest certificate of each case, in the order of `caseIds` (for a field resolver's batch). */
  async byCase(ctx: CertificationContext, caseIds: readonly string[]): Promise<Array<Certificate | null>> {
    const rows = await ctx.em.find(Certificate, { caseId: { $in: [...caseIds] } }, { orderBy: { issuedAt: "asc" } });
    const latest = new Map(rows.map((row) => [row.caseId, row]));
    return caseIds.map((id) => latest.get(id) ?? null);
  }

  /** The signed-in person's own certificates, newest first (a person holds a handful). */
  async mine(ctx: CertificationContext): Promise<Certificate[]> {
    const caller = requireCaller(ctx.caller);
    return ctx.em.find(Certificate, { candidateId: caller.subject }, { orderBy: { issuedAt: "desc", id: "desc" }, limit: MAX_OWN_CERTIFICATES });
  }

  /**
   * Public verification: what the certificate says, whether its signature holds (under the
   * current or a retired key, and for this very code) and whether it was revoked. Every lookup of
   * a well-formed code is logged, found or not; a malformed code is refused with the reason.
   */
  async verify(ctx: CertificationContext, input: string): Promise<CertificateVerification> {
    const parsed = parseVerificationCode(input);
    if (!parsed.ok) throw CertificateErrors.CERTIFICATE_CODE_INVALID({ reason: parsed.reason });
    const code = parsed.code;
    const certificate = await ctx.em.findOne(Certificate, { code });
    let answer: CertificateVerification;
    let outcome: VerificationOutcome;
    if (!certificate) {
      outcome = VerificationOutcome.NOT_FOUND;
      answer = { code, found: false, signatureValid: false, revoked: false, revokedAt: null, revocationReason: null, fields: null };
    } else {
      const checked = await verifyCertificateToken(certificate.token, ctx.services.certificates.signer.publicKeys);
      const signatureValid = checked.signatureValid && checked.fields?.code === code;
      const revoked = certificate.revokedAt !== null;
      outcome = revoked ? VerificationOutcome.REVOKED : signatureValid ? VerificationOutcome.FOUND_VALID : VerificationOutcome.FOUND_INVALID;
      answer = {
        code,
        found: true,
        signatureValid,
        revoked,
        revokedAt: certificate.revokedAt,
        revocationReason: certificate.revocationReason,
        fields: checked.fields ? { ...checked.fields, kind: checked.fields.kind as CertificateKindName } : null,
      };
    }
    await ctx.transaction(async (tx) => {
      tx.em.create(CertificateVerificationLog, {
        certificateId: certificate?.id ?? null,
        code,
        outcome,
        at: tx.clock.now(),
        callerId: tx.caller?.subject ?? null,
        requestId: tx.requestId,
      });
    });
    return answer;
  }

  /** Withdraws a certificate (issued in error): the issuing province's staff, with a reason; audited. Verification then says so. */
  async revoke(ctx: CertificationContext, input: { code: string; reason: string }): Promise<Certificate> {
    const parsed = parseVerificationCode(input.code);
    if (!parsed.ok) throw CertificateErrors.CERTIFICATE_CODE_INVALID({ reason: parsed.reason });
    const reason = input.reason.trim();
    const length = [...reason].length;
    if (length < 2 || length > 200) throw CertificateErrors.CERTIFICATE_REASON_INVALID();
    return ctx.transaction(async (tx) => {
      const certificate = await tx.em.findOne(Certificate, { code: parsed.code });
      if (!certificate) throw CertificateErrors.CERTIFICATE_NOT_FOUND();
      // Scope: the certificate's own path, which begins with its issuing province.
      const path = splitPath(certificate.organizationPath);
      if (path.length === 0) throw CertificateErrors.CERTIFICATE_NOT_FOUND();
      const caller = authorize(tx.caller, REVOKE_CERTIFICATES, { organizationPath: path });
      if (certificate.revokedAt) throw CertificateErrors.CERTIFICATE_ALREADY_REVOKED();
      certificate.revokedAt = tx.clock.now();
      certificate.revokedBy = caller.subject;
      certificate.revocationReason = reason;
      await tx.audit.record({
        action: "certificate.revoked",
        subject: { type: "Certificate", id: certificate.id },
        organizationPath: path,
        before: { code: certificate.code, revokedAt: null },
        after: { code: certificate.code, revokedAt: certificate.revokedAt, reason },
      });
      return certificate;
    });
  }

  /**
   * A download link of the certificate's PDF for the caller (who may see the certificate: the
   * resolver's parent was authorised). Rendered from the signed fields on the first request, then
   * kept in the subgraph's file storage.
   */
  async downloadUrl(ctx: CertificationContext, certificate: Certificate): Promise<string | null> {
    if (!ctx.caller) return null;
    let file = certificate.pdfFileId ? await ctx.em.findOne(StoredFile, { id: certificate.pdfFileId }) : null;
    if (!file) {
      const fields: CertificateFields = readCertificateToken(certificate.token) ?? certificate.fields();
      const pdf = await renderCertificatePdf(fields, { verifyUrl: ctx.services.certificates.verifyUrl(certificate.code), code: certificate.code });
      file = await ctx.transaction(async (tx) => {
        const stored = await tx.files.storeGenerated(tx, {
          purpose: CERTIFICATE_PDF_PURPOSE,
          subject: { type: "Certificate", id: certificate.id },
          organizationPath: splitPath(certificate.organizationPath),
          fileName: `${fields.title}-${certificate.code}.pdf`,
          contentType: "application/pdf",
          bytes: pdf,
        });
        // Of two first downloads at once, both links work; the row keeps one file.
        await tx.em.nativeUpdate(Certificate, { id: certificate.id, pdfFileId: null }, { pdfFileId: stored.id });
        return stored;
      });
    }
    return ctx.files.downloadUrl(ctx, file);
  }

  /** A code no certificate has (45 random bits: a second try is already a rarity). */
  private async freshCode(ctx: CertificationContext): Promise<string> {
    for (;;) {
      const code = generateVerificationCode();
      if ((await ctx.em.count(Certificate, { code })) === 0) return code;
    }
  }
}
