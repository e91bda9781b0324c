import { defineWorkflowKind, OrganizationLevelName, Role, WorkflowDecision, type WorkflowDefinitionSeed } from "@xuekao/subgraph-kit";

const { APPROVE, RETURN, REJECT } = WorkflowDecision;

/**
 * 考籍预注册 of an in-school candidate (docs/domain.md "Record registration"): the class teacher
 * reviews, then the county agency of the school collects identity and photo and registers.
 */
export const InSchoolPreRegistration = defineWorkflowKind({
  kind: "registry.in-school-pre-registration",
  name: "在校生考籍预注册",
  subjectType: "PreRegistration",
  filingWindow: "REGISTRATION_PERIOD",
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
