import { defineWorkflowKind, OrganizationLevelName, Role, WorkflowDecision, type WorkflowDefinitionSeed } from "@xuekao/subgraph-kit";

const { APPROVE, RETURN, REJECT } = WorkflowDecision;

/**
 * A change of name, ID number or ethnicity after registration: filed by the candidate inside the
 * change window (from a session's score publication to the next session's registration opening),
 * approved by the school, then approved and applied by the county agency.
 */
export const InformationChange = defineWorkflowKind({
  kind: "registry.information-change",
  name: "考籍信息变更",
  subjectType: "ExamRecord",
  filingWindow: "CHANGE_WINDOW",
});

export const INFORMATION_CHANGE_CHAINS: WorkflowDefinitionSeed[] = [
  {
    provinceCode: "15",
    kind: InformationChange,
    steps: [
      { key: "school-review", name: "学校审核", actorRole: Role.SCHOOL_ADMIN, level: OrganizationLevelName.SCHOOL, decisions: [APPROVE, RETURN, REJECT], slaHours: null, warnAtHours: null },
      { key: "county-review", name: "旗县区审核并办理", actorRole: Role.COUNTY_AGENCY, level: OrganizationLevelName.COUNTY, decisions: [APPROVE, RETURN, REJECT], slaHours: null, warnAtHours: null },
    ],
  },
];
