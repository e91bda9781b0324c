import { defineWorkflowKind, OrganizationLevelName, Role, WorkflowDecision, type WorkflowDefinitionSeed } from "@xuekao/subgraph-kit";

const { APPROVE, RETURN, REJECT } = WorkflowDecision;

/**
 * 转籍 inside the province (the student record already transferred out): the sending school and
 * the receiving school approve, each on its own side, then the province institute changes the
 * school. The two school steps act away from the applicant's own path, so the transfer module
 * routes them to the sending and receiving schools when it starts the application.
 */
export const InProvinceTransfer = defineWorkflowKind({
  kind: "registry.in-province-transfer",
  name: "区内转籍",
  subjectType: "ExamRecord",
  filingWindow: "CHANGE_WINDOW",
  routedSteps: ["sending-school-review", "receiving-school-review"],
});

export const TRANSFER_CHAINS: WorkflowDefinitionSeed[] = [
  {
    provinceCode: "15",
    kind: InProvinceTransfer,
    steps: [
      { key: "sending-school-review", name: "转出学校审核", actorRole: Role.SCHOOL_ADMIN, level: OrganizationLevelName.SCHOOL, decisions: [APPROVE, RETURN, REJECT], slaHours: null, warnAtHours: null },
      { key: "receiving-school-review", name: "转入学校审核", actorRole: Role.SCHOOL_ADMIN, level: OrganizationLevelName.SCHOOL, decisions: [APPROVE, RETURN, REJECT], slaHours: null, warnAtHours: null },
      { key: "province-update", name: "自治区教育考试院变更学籍学校", actorRole: Role.PROVINCE_INSTITUTE, level: OrganizationLevelName.PROVINCE, decisions: [APPROVE, RETURN, REJECT], slaHours: null, warnAtHours: null },
    ],
  },
];
