import {
  defineWorkflowKind,
  OrganizationLevelName,
  Role,
  splitPath,
  WorkflowDecision,
  WorkflowStatus,
  type RequestContext,
  type WorkflowDefinitionSeed,
  type WorkflowTransition,
} from "@xuekao/subgraph-kit";
import { RecordRegistered } from "../../events.js";
import { ExamRecord, ExamRecordStatus } from "../exam-record/exam-record.entity.js";
import { PreRegistration, PreRegistrationStatus } from "./pre-registration.entity.js";
import { recordNumberFor } from "./record-number.js";

const { APPROVE, RETURN, REJECT } = WorkflowDecision;

/** The step at which the county agency collects identity and photo: approving it registers the record. */
export const COLLECTION_STEP = "county-collection";

/**
 * Keeps the pre-registration in step with its application, in the transition's transaction: its
 * status, the mirrored current step (for the queues), and on the last approval the record itself
 * — the record number is the student record number (in-school) or G + the ID number (social),
 * given once and for life.
 */
async function followApplication(tx: RequestContext, { application }: WorkflowTransition): Promise<void> {
  const row = await tx.em.findOneOrFail(PreRegistration, { id: application.subjectId });
  const now = tx.clock.now();
  row.version += 1;
  row.updatedAt = now;
  const waiting = application.status === WorkflowStatus.IN_PROGRESS;
  row.stepKey = waiting ? application.stepKey : null;
  row.actorRole = waiting ? application.actorRole : null;
  row.actingOrganizationPath = waiting ? application.actingOrganizationPath : null;
  row.queueOrderAt = waiting ? application.queueOrderAt : null;
  switch (application.status) {
    case WorkflowStatus.IN_PROGRESS:
      row.status = application.stepKey === COLLECTION_STEP ? PreRegistrationStatus.AWAITING_COLLECTION : PreRegistrationStatus.UNDER_REVIEW;
      break;
    case WorkflowStatus.RETURNED:
      row.status = PreRegistrationStatus.RETURNED;
      break;
    case WorkflowStatus.REJECTED:
      row.status = PreRegistrationStatus.REJECTED;
      // The ID number is free again for a later, correct pre-registration.
      row.claimedIdNumberLookup = null;
      break;
    case WorkflowStatus.WITHDRAWN:
      row.status = PreRegistrationStatus.WITHDRAWN;
      row.claimedIdNumberLookup = null;
      break;
    case WorkflowStatus.APPROVED: {
      row.status = PreRegistrationStatus.REGISTERED;
      row.registeredAt = now;
      row.recordNumber = await recordNumberFor(tx, row);
      tx.em.create(ExamRecord, {
        recordNumber: row.recordNumber,
        status: ExamRecordStatus.REGISTERED,
        candidateId: row.candidateId,
        schoolId: row.schoolId,
        organizationPath: row.organizationPath,
        provinceCode: row.provinceCode,
        // The sitting rules of year 1 follow from it (in-school candidates; social ones have none).
        enrollmentYear: row.enrollmentYear,
        createdAt: now,
      } as ExamRecord);
      tx.events.record(
        RecordRegistered,
        { candidateId: row.candidateId, recordNumber: row.recordNumber, provinceCode: row.provinceCode, candidateKind: row.candidateKind, registeredAt: now.toISOString() },
        { organizationPath: splitPath(row.organizationPath) },
      );
      await tx.audit.record({
        action: "exam-record.registered",
        subject: { type: "PreRegistration", id: row.id },
        organizationPath: splitPath(row.organizationPath),
        after: { recordNumber: row.recordNumber, candidateKind: row.candidateKind },
      });
      break;
    }
  }
  await tx.em.flush();
}

/**
 * 考籍预注册 of an in-school candidate (docs/domain.md "Record registration"): the class teacher
 * reviews, then the county agency of the school collects identity and photo and registers.
 */
export const InSchoolPreRegistration = defineWorkflowKind({
  kind: "registry.in-school-pre-registration",
  name: "在校生考籍预注册",
  subjectType: "PreRegistration",
  filingWindow: "REGISTRATION_PERIOD",
  onTransition: followApplication,
});

/**
 * 考籍预注册 of a social candidate: the county agency of the household registration approves, the
 * province institute approves, then that county agency collects identity and photo and registers.
 */
export const SocialPreRegistration = defineWorkflowKind({
  kind: "registry.social-pre-registration",
  name: "社会考生考籍预注册",
  subjectType: "PreRegistration",
  filingWindow: "REGISTRATION_PERIOD",
  onTransition: followApplication,
});

/** Inner Mongolia's chains, as its 考籍管理办法 sets them (no review time limit is set there). */
export const PRE_REGISTRATION_CHAINS: WorkflowDefinitionSeed[] = [
  {
    provinceCode: "15",
    kind: InSchoolPreRegistration,
    steps: [
      { key: "class-teacher-review", name: "班主任审核", actorRole: Role.CLASS_TEACHER, level: OrganizationLevelName.CLASS, decisions: [APPROVE, RETURN], slaHours: null, warnAtHours: null },
      { key: "county-collection", name: "旗县区采集身份信息和照片", actorRole: Role.COUNTY_AGENCY, level: OrganizationLevelName.COUNTY, decisions: [APPROVE, RETURN, REJECT], slaHours: null, warnAtHours: null },
    ],
  },
  {
    provinceCode: "15",
    kind: SocialPreRegistration,
    steps: [
      { key: "county-review", name: "户籍所在地旗县区审核", actorRole: Role.COUNTY_AGENCY, level: OrganizationLevelName.COUNTY, decisions: [APPROVE, RETURN, REJECT], slaHours: null, warnAtHours: null },
      { key: "province-review", name: "自治区教育考试院审核", actorRole: Role.PROVINCE_INSTITUTE, level: OrganizationLevelName.PROVINCE, decisions: [APPROVE, RETURN, REJECT], slaHours: null, warnAtHours: null },
      { key: "county-collection", name: "旗县区采集身份信息和照片", actorRole: Role.COUNTY_AGENCY, level: OrganizationLevelName.COUNTY, decisions: [APPROVE, RETURN, REJECT], slaHours: null, warnAtHours: null },
    ],
  },
];
