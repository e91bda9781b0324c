import { randomUUID } from "node:crypto";
import { generateVerificationCode, parseCertificateFields, renderCertificatePdf } from "@xuekao/certificates";
import { maskIdNumber, provinceName } from "@xuekao/rules";
import { accessRule, authorize, isUuid, Role, splitPath, StoredFile } from "@xuekao/subgraph-kit";
import { CertificateIssued } from "../../events.js";
import type { RegistryContext } from "../../registry-context.js";
import { ExamRecord } from "../exam-record/exam-record.entity.js";
import { ExamSession } from "../exam-session/exam-session.entity.js";
import { ExamSubject } from "../exam-subject/exam-subject.entity.js";
import { PreRegistration } from "../pre-registration/pre-registration.entity.js";
import { RosterEntry } from "../roster/roster.entity.js";
import { SubjectEntry, SubjectResult } from "../subject-entry/subject-entry.entity.js";
import { ScoreCertificate } from "./score-certificate.entity.js";
import { ScoreCertificateErrors } from "./score-certificate.errors.js";

/** The candidate for their own record (e.g. when leaving the province), and the county agency of the record. */
export const ISSUE_SCORE_CERTIFICATES = accessRule("ISSUE_SCORE_CERTIFICATES", { roles: [Role.CANDIDATE_IN_SCHOOL, Role.CANDIDATE_SOCIAL, Role.COUNTY_AGENCY] });

export const SCORE_CERTIFICATE_TITLE = "普通高中学业水平合格性考试成绩证明";
const PDF_PURPOSE = "score-certificate-pdf";

export class ScoreCertificateService {
  /**
   * Issues the record's score certificate as of now: every subject whose result is published
   * (the session's publication time passed), signed, its PDF stored, announced to certification.
   * Each request issues a new certificate (results may have changed since the last one).
   */
  async issue(ctx: RegistryContext, recordId: string): Promise<ScoreCertificate> {
    const record = isUuid(recordId) ? await ctx.em.findOne(ExamRecord, { id: recordId }) : null;
    if (!record) throw ScoreCertificateErrors.SCORE_CERTIFICATE_RECORD_NOT_FOUND();
    const organizationPath = splitPath(record.organizationPath);
    authorize(ctx.caller, ISSUE_SCORE_CERTIFICATES, { organizationPath, ownerUserId: record.candidateId });
    const provinceCode = record.provinceCode ?? "";
    const now = ctx.clock.now();

    const entries = await ctx.em.find(SubjectEntry, { recordId: record.id, result: { $ne: null } }, { orderBy: { enteredAt: "asc" } });
    const sessions = new Map((await ctx.em.find(ExamSession, { id: { $in: [...new Set(entries.map((entry) => entry.sessionId))] } })).map((item) => [item.id, item]));
    const published = entries.filter((entry) => sessions.get(entry.sessionId)?.scoresPublishedAtOrBefore(now));
    if (published.length === 0) throw ScoreCertificateErrors.SCORE_CERTIFICATE_NO_RESULTS();
    const subjectNames = new Map((await ctx.em.find(ExamSubject, { provinceCode })).map((subject) => [subject.code, subject]));
    // The latest published result of each subject counts (a resit replaces a failed attempt).
    const latest = new Map<string, SubjectEntry>();
    for (const entry of published) latest.set(entry.subjectCode, entry);
    const subjects = [...latest.values()]
      .sort((a, b) => (subjectNames.get(a.subjectCode)?.sortOrder ?? 999) - (subjectNames.get(b.subjectCode)?.sortOrder ?? 999))
      .map((entry) => ({
        code: entry.subjectCode,
        name: subjectNames.get(entry.subjectCode)?.name ?? entry.subjectCode,
        result: entry.result === SubjectResult.PASS ? ("合格" as const) : ("不合格" as const),
        detail: [sessions.get(entry.sessionId)?.name, entry.score !== null ? `${entry.score} 分` : null].filter(Boolean).join("，") || null,
      }));

    const person = await this.personOf(ctx, record);
    if (!person) throw ScoreCertificateErrors.SCORE_CERTIFICATE_PERSON_UNKNOWN();

    const code = await this.freshCode(ctx);
    const fields = parseCertificateFields({
      code,
      kind: "SCORE_CERTIFICATE",
      title: SCORE_CERTIFICATE_TITLE,
      issuerName: `${provinceName(provinceCode)}教育考试院`,
      provinceCode,
      holderName: person.name,
      idNumberMasked: maskIdNumber(person.idNumber),
      recordNumber: record.recordNumber,
      originProvinceName: null,
      subjects,
      issuedAt: now.toISOString(),
    });
    const token = await ctx.services.certificates.signer.sign(fields);
    const pdf = await renderCertificatePdf(fields, { verifyUrl: ctx.services.certificates.verifyUrl(code), code });
    return ctx.transaction(async (tx) => {
      const id = randomUUID();
      const file = await tx.files.storeGenerated(tx, {
        purpose: PDF_PURPOSE,
        subject: { type: "ScoreCertificate", id },
        organizationPath,
        fileName: `${SCORE_CERTIFICATE_TITLE}-${code}.pdf`,
        contentType: "application/pdf",
        bytes: pdf,
      });
      const certificate = tx.em.create(ScoreCertificate, { id, code, recordId: record.id, candidateId: record.candidateId, organizationPath: record.organizationPath, provinceCode, token, issuedAt: now, pdfFileId: file.id });
      await tx.audit.record({ action: "score-certificate.issued", subject: { type: "ScoreCertificate", id: certificate.id }, organizationPath, after: { code, recordId: record.id } });
      tx.events.record(CertificateIssued, { code, token, candidateId: record.candidateId, provinceCode, issuedAt: fields.issuedAt }, { organizationPath });
      return certificate;
    });
  }

  async downloadUrl(ctx: RegistryContext, certificate: ScoreCertificate): Promise<string | null> {
    if (!ctx.caller) return null;
    const file = await ctx.em.findOne(StoredFile, { id: certificate.pdfFileId });
    return file ? ctx.files.downloadUrl(ctx, file) : null;
  }

  /**
   * Name and ID number of the record's holder: from their pre-registration, or, for an in-school
   * student registered from the roster, the roster entry of the ID number inside the 学籍号 (G + ID number).
   */
  private async personOf(ctx: RegistryContext, record: ExamRecord): Promise<{ name: string; idNumber: string } | null> {
    const preRegistration = await ctx.em.findOne(PreRegistration, { candidateId: record.candidateId });
    if (preRegistration?.name && preRegistration.idNumber) return { name: preRegistration.name, idNumber: preRegistration.idNumber };
    const idNumber = /^G(\d{17}[\dX])$/.exec(record.recordNumber)?.[1];
    if (!idNumber) return null;
    const entry = await ctx.em.findOne(RosterEntry, { idNumberLookup: ctx.personalData.lookup("id-number", idNumber) });
    return entry ? { name: entry.name, idNumber } : null;
  }

  private async freshCode(ctx: RegistryContext): Promise<string> {
    for (;;) {
      const code = generateVerificationCode();
      if ((await ctx.em.count(ScoreCertificate, { code })) === 0) return code;
    }
  }
}
