import { registerEnumType } from "type-graphql";
import { Role } from "../auth/caller.js";
import type { RequestContext } from "../context.js";
import type { WorkflowApplication } from "./workflow-application.entity.js";

/**
 * Approvals as data (DOMAIN: approval chains per province and kind). A province's definition of a
 * kind is an ordered list of steps; each step names the role that acts and the organisation level
 * it acts at, the decisions it may take, and an optional review time limit (SLA) with a warning
 * point. One engine runs every kind; a kind's own code only reacts to transitions.
 */

/** What an acting organisation may decide at a step. */
export enum WorkflowDecision {
  /** Passes the step: on to the next, or approved at the last. */
  APPROVE = "APPROVE",
  /** Back to the applicant with a reason; once corrected it starts again from the first step. */
  RETURN = "RETURN",
  /** Refused with a reason; the application is closed. */
  REJECT = "REJECT",
}

/** What happens to an application besides decisions: recorded in its history. */
export enum WorkflowAction {
  SUBMIT = "SUBMIT",
  RESUBMIT = "RESUBMIT",
  WITHDRAW = "WITHDRAW",
  APPROVE = "APPROVE",
  RETURN = "RETURN",
  REJECT = "REJECT",
}

export enum WorkflowStatus {
  /** Waiting at a step. */
  IN_PROGRESS = "IN_PROGRESS",
  /** Sent back to the applicant for correction. */
  RETURNED = "RETURNED",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  WITHDRAWN = "WITHDRAWN",
}

/** The organisation tiers (top to bottom), as steps name where they act. */
export enum OrganizationLevelName {
  PROVINCE = "PROVINCE",
  LEAGUE = "LEAGUE",
  COUNTY = "COUNTY",
  SCHOOL = "SCHOOL",
  CLASS = "CLASS",
}

registerEnumType(Role, {
  name: "Role",
  description: "角色：在校考生、社会考生、班主任、学校管理员、学校工作人员、旗县区、盟市、省级考试院、认定审核员、第三方系统",
});
registerEnumType(WorkflowDecision, { name: "WorkflowDecision", description: "审核决定：通过 / 退回修改 / 不予通过" });
registerEnumType(WorkflowAction, { name: "WorkflowAction", description: "办理记录中的动作：提交、重新提交、撤回、通过、退回、不予通过" });
registerEnumType(WorkflowStatus, { name: "WorkflowStatus", description: "申请状态：审核中 / 已退回 / 已通过 / 未通过 / 已撤回" });
registerEnumType(OrganizationLevelName, { name: "OrganizationLevel", description: "组织层级：省级、盟市、旗县区、学校、班级" });

/** The roles that act at each level (a step's role and level must agree). */
export const LEVEL_OF_ROLE: Partial<Record<Role, OrganizationLevelName>> = {
  [Role.CLASS_TEACHER]: OrganizationLevelName.CLASS,
  [Role.SCHOOL_ADMIN]: OrganizationLevelName.SCHOOL,
  [Role.SCHOOL_STAFF]: OrganizationLevelName.SCHOOL,
  [Role.COUNTY_AGENCY]: OrganizationLevelName.COUNTY,
  [Role.LEAGUE_AGENCY]: OrganizationLevelName.LEAGUE,
  [Role.PROVINCE_INSTITUTE]: OrganizationLevelName.PROVINCE,
  [Role.CERTIFICATION_REVIEWER]: OrganizationLevelName.PROVINCE,
};

/** One step of a definition, as stored (JSON) and edited. */
export interface WorkflowStepSpec {
  /** Stable within the kind (lowercase, digits, hyphens): messages and routes refer to it. */
  key: string;
  /** Chinese, as the acting organisation and the applicant see it (e.g. 班主任审核). */
  name: string;
  actorRole: Role;
  level: OrganizationLevelName;
  decisions: WorkflowDecision[];
  /** Review time limit from entering the step, in hours; null: none. */
  slaHours: number | null;
  /** When, in hours from entering the step, the acting organisation is warned; null: no warning. */
  warnAtHours: number | null;
}

/** When an application of a kind may be filed (enforced by the kind's module, stated here as data). */
export type FilingWindow = "REGISTRATION_PERIOD" | "CHANGE_WINDOW" | "CERTIFICATION_WINDOW" | "ANY_TIME";

/** What the engine tells a kind's module after each transition, inside the transaction. */
export interface WorkflowTransition {
  action: WorkflowAction;
  /** The step the action was taken at (null for a withdrawal of a returned application). */
  stepKey: string | null;
  reason: string | null;
  /** The application after the transition. */
  application: WorkflowApplication;
}

/**
 * A kind of application (e.g. `certification.returning-candidate`): its name, what it concerns,
 * and how its module keeps its own state in step with the engine's (`onTransition`, called in the
 * transaction of every transition, so the case and the application never disagree).
 */
export interface WorkflowKindSpec {
  /** `<subgraph>.<kebab-name>`, unique on the platform. */
  kind: string;
  /** Chinese, used in messages (e.g. 返京成绩认定). */
  name: string;
  /** The type of the domain object an application concerns (audit subject, e.g. CertificationCase). */
  subjectType: string;
  filingWindow: FilingWindow;
  onTransition?: (tx: RequestContext, transition: WorkflowTransition) => Promise<void>;
  /**
   * Steps that act somewhere other than on the applicant's own path (a transfer's receiving
   * school): the kind's module passes those paths when it starts the application.
   */
  routedSteps?: string[];
}

const kinds = new Map<string, WorkflowKindSpec>();

/** Declares a kind (once, at module load); the engine finds it again by name from an application. */
export function defineWorkflowKind(spec: WorkflowKindSpec): WorkflowKindSpec {
  if (!/^[a-z][a-z0-9-]*\.[a-z][a-z0-9-]*$/.test(spec.kind)) throw new Error(`Workflow kind "${spec.kind}" must look like "<subgraph>.<kebab-name>"`);
  const existing = kinds.get(spec.kind);
  if (existing && existing !== spec) throw new Error(`Workflow kind "${spec.kind}" is declared twice`);
  kinds.set(spec.kind, spec);
  return spec;
}

export function workflowKind(kind: string): WorkflowKindSpec | undefined {
  return kinds.get(kind);
}

/** The initial definition of a kind in a province: what a province starts with (seeded once, then edited as data). */
export interface WorkflowDefinitionSeed {
  provinceCode: string;
  kind: WorkflowKindSpec;
  steps: WorkflowStepSpec[];
}
