import {
  defineWorkflowKind,
  OrganizationLevelName,
  Role,
  WorkflowDecision,
  WorkflowStatus,
  type RequestContext,
  type WorkflowDefinitionSeed,
  type WorkflowTransition,
} from "@xuekao/subgraph-kit";
import { CertificationCase, CertificationCaseStatus } from "./certification-case.entity.js";

const { APPROVE, RETURN, REJECT } = WorkflowDecision;

/** The case follows its application: under review, returned, or closed with the outcome. */
async function followApplication(tx: RequestContext, { application }: WorkflowTransition): Promise<void> {
  const certificationCase = await tx.em.findOneOrFail(CertificationCase, { id: application.subjectId });
  const now = tx.clock.now();
  switch (application.status) {
    case WorkflowStatus.IN_PROGRESS:
      certificationCase.status = CertificationCaseStatus.PENDING_REVIEW;
      return;
    case WorkflowStatus.RETURNED:
      certificationCase.status = CertificationCaseStatus.RETURNED;
      return;
    case WorkflowStatus.APPROVED:
      certificationCase.close(CertificationCaseStatus.APPROVED, now);
      return;
    case WorkflowStatus.REJECTED:
      certificationCase.close(CertificationCaseStatus.REJECTED, now);
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
