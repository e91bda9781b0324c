import { defineWorkflowKind, OrganizationLevelName, Role, WorkflowDecision, type WorkflowDefinitionSeed } from "@xuekao/subgraph-kit";

const { APPROVE, RETURN, REJECT } = WorkflowDecision;

/** 休籍 (with a suspension of schooling) and 复学: the school, then the province institute. */
export const Suspension = defineWorkflowKind({
  kind: "registry.suspension",
  name: "休籍复学",
  subjectType: "ExamRecord",
  filingWindow: "ANY_TIME",
});

export const SUSPENSION_CHAINS: WorkflowDefinitionSeed[] = [
  {
    provinceCode: "15",
    kind: Suspension,
    steps: [
      { key: "school-review", name: "学校审核", actorRole: Role.SCHOOL_ADMIN, level: OrganizationLevelName.SCHOOL, decisions: [APPROVE, RETURN, REJECT], slaHours: null, warnAtHours: null },
      { key: "province-review", name: "自治区教育考试院审核", actorRole: Role.PROVINCE_INSTITUTE, level: OrganizationLevelName.PROVINCE, decisions: [APPROVE, RETURN, REJECT], slaHours: null, warnAtHours: null },
    ],
  },
];
