import { maskIdNumber, provinceName } from "@xuekao/rules";
import {
  defineWorkflowKind,
  splitPath,
  WorkflowAction,
  OrganizationLevelName,
  Role,
  WorkflowDecision,
  WorkflowStatus,
  type RequestContext,
  type WorkflowDefinitionSeed,
  type WorkflowTransition,
} from "@xuekao/subgraph-kit";
import type { CertificationContext } from "../../certification-context.js";
import { CertificationCaseDecided, SubjectsCertified } from "../../events.js";
import { CandidateFact, CandidateFactKind, CandidateName } from "../candidate-fact/candidate-fact.entity.js";
import { CertificateService } from "../certificate/certificate.service.js";
import { CertificationCase, CertificationCaseStatus } from "./certification-case.entity.js";
import { CertificationCaseErrors } from "./certification-case.errors.js";

const { APPROVE, RETURN, REJECT } = WorkflowDecision;

/**
 * The case follows its application: under review, returned, or closed with the outcome. A
 * decision the candidate hears about (the final approval, a rejection, a return) is announced as
 * `certification.case-decided`; the final approval first needs the subjects recorded, then issues
 * the certificate — all in the decision's transaction, so nothing is half done.
 */
async function followApplication(tx: RequestContext, { action, reason, application }: WorkflowTransition): Promise<void> {
  const certificationCase = await tx.em.findOneOrFail(CertificationCase, { id: application.subjectId });
  const now = tx.clock.now();
  switch (application.status) {
    case WorkflowStatus.IN_PROGRESS:
      certificationCase.status = CertificationCaseStatus.PENDING_REVIEW;
      if (action === WorkflowAction.SUBMIT || action === WorkflowAction.RESUBMIT) certificationCase.submittedAt = now;
      return;
    case WorkflowStatus.RETURNED:
      certificationCase.status = CertificationCaseStatus.RETURNED;
      announceDecision(tx, certificationCase, "RETURNED", reason, null);
      return;
    case WorkflowStatus.APPROVED: {
      const certificate = await issueCertificationResult(tx as CertificationContext, certificationCase);
      certificationCase.close(CertificationCaseStatus.APPROVED, now);
      announceDecision(tx, certificationCase, "APPROVED", reason, certificate.code);
      if (certificationCase.kind === TRANSFER_IN) {
        tx.events.record(
          SubjectsCertified,
          {
            caseId: certificationCase.id,
            candidateId: certificationCase.candidateId,
            provinceCode: certificationCase.certifyingProvinceCode,
            originProvinceCode: certificationCase.originProvinceCode,
            certifiedAt: now.toISOString(),
            subjects: certificationCase.storedSubjects().map((subject) => ({ subjectCode: subject.subjectCode, passed: subject.passed, detail: subject.explanation })),
          },
          { organizationPath: splitPath(certificationCase.organizationPath) },
        );
      }
      return;
    }
    case WorkflowStatus.REJECTED:
      certificationCase.close(CertificationCaseStatus.REJECTED, now);
      announceDecision(tx, certificationCase, "REJECTED", reason, null);
      return;
    case WorkflowStatus.WITHDRAWN:
      certificationCase.close(CertificationCaseStatus.WITHDRAWN, now);
      return;
    default: {
      const unknown: never = application.status;
      throw new Error(`unknown application status ${String(unknown)}`);
    }
  }
}

function announceDecision(tx: RequestContext, certificationCase: CertificationCase, status: "APPROVED" | "REJECTED" | "RETURNED", reason: string | null, certificateCode: string | null): void {
  tx.events.record(
    CertificationCaseDecided,
    {
      caseId: certificationCase.id,
      candidateId: certificationCase.candidateId,
      kind: certificationCase.kind,
      status,
      provinceCode: certificationCase.certifyingProvinceCode,
      originProvinceCode: certificationCase.originProvinceCode,
      reason,
      certificateCode,
      decidedAt: tx.clock.now().toISOString(),
    },
    { organizationPath: splitPath(certificationCase.organizationPath) },
  );
}

const TRANSFER_IN = "certification.transfer-in";

/**
 * Who issues: the certifying province's institute, by the name it signs with. Provinces not listed
 * sign as "<province>教育考试院", like registry's score certificates.
 */
const INSTITUTE_NAMES: Record<string, string> = {
  "11": "北京教育考试院",
  "15": "内蒙古自治区教育招生考试中心",
};
export const instituteName = (provinceCode: string) => INSTITUTE_NAMES[provinceCode] ?? `${provinceName(provinceCode)}教育考试院`;

/** What the certificate says when certification does not know the ID number (no record registered here carries it). */
const ID_NUMBER_UNKNOWN = "未登记";

/**
 * The signed certification result of an approved case: the subjects as recorded (passed or failed
 * with the reason), the holder as identity named them, the ID number masked when a record here
 * carries it (学籍号 = G + ID number).
 */
async function issueCertificationResult(tx: CertificationContext, certificationCase: CertificationCase) {
  const subjects = certificationCase.storedSubjects();
  if (subjects.length === 0) throw CertificationCaseErrors.CERTIFICATION_SUBJECTS_MISSING();
  const holder = await tx.em.findOne(CandidateName, { candidateId: certificationCase.candidateId });
  if (!holder) throw CertificationCaseErrors.CERTIFICATION_HOLDER_UNKNOWN();
  const record = await tx.em.findOne(CandidateFact, {
    candidateId: certificationCase.candidateId,
    kind: CandidateFactKind.RECORD_REGISTERED,
    provinceCode: certificationCase.certifyingProvinceCode,
  });
  const idNumber = record?.recordNumber ? /^G(\d{17}[\dX])$/.exec(record.recordNumber)?.[1] : undefined;
  return new CertificateService().issue(tx, {
    candidateId: certificationCase.candidateId,
    caseId: certificationCase.id,
    organizationPath: splitPath(certificationCase.organizationPath),
    fields: {
      kind: "CERTIFICATION_RESULT",
      title:
        certificationCase.kind === TRANSFER_IN
          ? "区外普通高中学业水平合格性考试成绩转入认定结果"
          : "外省普通高中学业水平合格性考试成绩认定结果",
      issuerName: instituteName(certificationCase.certifyingProvinceCode),
      provinceCode: certificationCase.certifyingProvinceCode,
      holderName: holder.displayName,
      idNumberMasked: idNumber ? maskIdNumber(idNumber) : ID_NUMBER_UNKNOWN,
      recordNumber: record?.recordNumber ?? null,
      originProvinceName: provinceName(certificationCase.originProvinceCode),
      subjects: subjects.map((subject) => ({
        code: subject.subjectCode,
        name: subject.subjectName,
        result: subject.passed ? "合格" : "不合格",
        detail: subject.explanation.slice(0, 200),
      })),
    },
  });
}

/**
 * Beijing's 返京成绩认定: a candidate who took the qualification exam elsewhere, registered as a
 * social candidate, uploads the stamped certificate; the institute's reviewers decide, normally
 * within 72 hours (BJEEA notice).
 */
export const ReturningCandidateCertification = defineWorkflowKind({
  kind: "certification.returning-candidate",
  name: "返京成绩认定",
  subjectType: "CertificationCase",
  filingWindow: "CERTIFICATION_WINDOW",
  onTransition: followApplication,
});

/** Beijing's certification for a student transferred into a Beijing school: the school uploads, the institute finalises. */
export const SchoolUploadCertification = defineWorkflowKind({
  kind: "certification.school-upload",
  name: "转入学生成绩认定",
  subjectType: "CertificationCase",
  filingWindow: "ANY_TIME",
  onTransition: followApplication,
});

/**
 * Inner Mongolia's 区外成绩转入认定: county → league/city → the region's institute certifies; the
 * receiving school then does the supplementary registration.
 */
export const TransferInCertification = defineWorkflowKind({
  kind: "certification.transfer-in",
  name: "区外成绩转入认定",
  subjectType: "CertificationCase",
  filingWindow: "ANY_TIME",
  onTransition: followApplication,
});

/**
 * The initial chains. Beijing's 72-hour review with a warning at 48 hours is the BJEEA notice's;
 * the Inner Mongolia 办法 sets no time limit, and the platform starts each of its steps with the
 * same 72 hours (warning at 48) so that nothing waits unseen — the region's institute edits it.
 */
export const CERTIFICATION_CHAINS: WorkflowDefinitionSeed[] = [
  {
    provinceCode: "11",
    kind: ReturningCandidateCertification,
    steps: [
      { key: "institute-review", name: "北京教育考试院审核认定", actorRole: Role.CERTIFICATION_REVIEWER, level: OrganizationLevelName.PROVINCE, decisions: [APPROVE, RETURN, REJECT], slaHours: 72, warnAtHours: 48 },
    ],
  },
  {
    provinceCode: "11",
    kind: SchoolUploadCertification,
    steps: [
      { key: "institute-review", name: "北京教育考试院审核认定", actorRole: Role.CERTIFICATION_REVIEWER, level: OrganizationLevelName.PROVINCE, decisions: [APPROVE, RETURN, REJECT], slaHours: 72, warnAtHours: 48 },
    ],
  },
  {
    provinceCode: "15",
    kind: TransferInCertification,
    steps: [
      { key: "county-review", name: "旗县区审核", actorRole: Role.COUNTY_AGENCY, level: OrganizationLevelName.COUNTY, decisions: [APPROVE, RETURN, REJECT], slaHours: 72, warnAtHours: 48 },
      { key: "league-review", name: "盟市审核", actorRole: Role.LEAGUE_AGENCY, level: OrganizationLevelName.LEAGUE, decisions: [APPROVE, RETURN, REJECT], slaHours: 72, warnAtHours: 48 },
      { key: "province-certification", name: "自治区教育考试院认定", actorRole: Role.PROVINCE_INSTITUTE, level: OrganizationLevelName.PROVINCE, decisions: [APPROVE, RETURN, REJECT], slaHours: 72, warnAtHours: 48 },
    ],
  },
];

export const CERTIFICATION_KINDS = [ReturningCandidateCertification, SchoolUploadCertification, TransferInCertification];
