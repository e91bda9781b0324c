/**
 * Which message an approval chain's event becomes, for every kind of every subgraph, as data:
 * the kit's workflow events (`workflow.application-submitted`, `-decided`, `workflow.sla-warning`,
 * `-escalated`) carry the kind, the step and the decision; a row of the table below names the
 * template for a (kind, step, moment) and the most specific matching row wins. A new kind of
 * application needs no code here: the generic rows (kind `*`) give it messages with its own
 * Chinese name; a row is added only where a kind deserves its own wording.
 */
import { TEMPLATES, type TemplateKey } from "../templates/template-catalog.js";

/** What happened, as the table names it: a submission, a step's decision, or a review time limit. */
export type WorkflowMoment = "SUBMITTED" | "APPROVED" | "RETURNED" | "REJECTED" | "SLA_WARNING" | "SLA_ESCALATED";

export const WORKFLOW_MOMENTS: readonly WorkflowMoment[] = ["SUBMITTED", "APPROVED", "RETURNED", "REJECTED", "SLA_WARNING", "SLA_ESCALATED"];

export interface WorkflowMessageRule {
  /**
   * An exact kind (`certification.transfer-in`), or a pattern in which `*` stands for any
   * characters (`certification.*`, `registry.*pre-registration`, `*` for every kind).
   */
  kind: string;
  /** The step's key (the step that decided, or where the applications wait); absent: any step. */
  step?: string;
  on: WorkflowMoment;
  /** APPROVED only: true when the approval completed the application, false when a next step follows; absent: either. */
  final?: boolean;
  /**
   * The message, or null when another event tells the person instead (a completed
   * pre-registration: registry's `registry.record-registered` carries the record number).
   */
  template: TemplateKey | null;
}

/**
 * The variables each moment's event can fill (see workflow-message-variables.ts). A template that
 * needs anything else cannot be chosen for that moment: `validateWorkflowMessageRules` refuses the
 * table at load, so such a row never reaches a candidate as a failed message.
 */
export const WORKFLOW_VARIABLES: Readonly<Record<WorkflowMoment, readonly string[]>> = {
  SUBMITTED: ["applicationKind", "caseKind", "level", "stepName", "submittedAt"],
  APPROVED: ["applicationKind", "caseKind", "level", "stepName", "decidedAt"],
  RETURNED: ["applicationKind", "caseKind", "level", "stepName", "decidedAt", "reason"],
  REJECTED: ["applicationKind", "caseKind", "level", "stepName", "decidedAt", "reason"],
  SLA_WARNING: ["applicationKind", "caseKind", "level", "stepName", "caseCount", "elapsedHours", "deadline"],
  SLA_ESCALATED: ["applicationKind", "caseKind", "level", "stepName", "caseNumber", "elapsedHours", "deadline"],
};

/**
 * The table. Most specific row wins: an exact kind before a pattern, a pattern with more literal
 * characters before one with fewer, then a row naming the step before one that does not, then a
 * row naming `final` before one that does not; between rows equally specific, the earlier.
 *
 * Templates the events cannot fill, and so never chosen here:
 * - `registration.completed` needs the record number (考籍号), which registry assigns when it
 *   registers the candidate at the last step: it comes from registry's `record-registered` event
 *   (the pre-registration's final approval has no message of its own, `template: null`);
 * - `certification.approved` and `certification.not-approved` need the viewing deadline of the
 *   results (查看截止时间), which the decision does not carry; a certification case's result goes
 *   out as `certification.certified` / `-not-certified` / `-returned` instead (rows below);
 * - `sms-code.*` (identity's codes) and `exam-session.*` (registry's window reminders) are not
 *   approvals at all.
 */
export const WORKFLOW_MESSAGE_RULES: readonly WorkflowMessageRule[] = [
  // Every kind, whatever its subgraph: the applicant hears of each step, the actors of time limits.
  { kind: "*", on: "SUBMITTED", template: "workflow.submitted" },
  { kind: "*", on: "APPROVED", final: false, template: "workflow.step-approved" },
  { kind: "*", on: "APPROVED", final: true, template: "workflow.approved" },
  { kind: "*", on: "RETURNED", template: "workflow.returned" },
  { kind: "*", on: "REJECTED", template: "workflow.rejected" },
  { kind: "*", on: "SLA_WARNING", template: "workflow.sla-warning" },
  { kind: "*", on: "SLA_ESCALATED", template: "workflow.sla-escalated" },

  // Score certification (Beijing's returning candidates and school uploads, Inner Mongolia's
  // transfer-in): the BJEEA notice's "pending review, the result comes by SMS".
  { kind: "certification.*", on: "SUBMITTED", template: "certification.submitted" },
  // The result, once per decision, by SMS and in the inbox, for every kind (returning candidate,
  // school upload, transfer-in): 认定通过 at the final approval (a step's approval in Inner
  // Mongolia's chain stays the generic "passed this level"), 未予认定 with the reason at a
  // refusal, 退回修改 with the reason at a return. Certification's own case-decided event is not
  // turned into a message: it would be a second message for the same decision.
  { kind: "certification.*", on: "APPROVED", final: true, template: "certification.certified" },
  { kind: "certification.*", on: "REJECTED", template: "certification.not-certified" },
  { kind: "certification.*", on: "RETURNED", template: "certification.returned" },
  // A school uploaded the scan for its student: the school, not the student, sends it again.
  { kind: "certification.school-upload", on: "RETURNED", template: "certification.school-returned" },

  // Pre-registration (in-school and social): a return asks to correct the registration details;
  // once the step before the county's collection approves, the candidate is told to go and
  // have identity information and a photo collected (DOMAIN: registration steps).
  { kind: "registry.*pre-registration", on: "RETURNED", template: "registration.returned" },
  { kind: "registry.in-school-pre-registration", step: "class-teacher-review", on: "APPROVED", final: false, template: "registration.collection-pending" },
  { kind: "registry.social-pre-registration", step: "province-review", on: "APPROVED", final: false, template: "registration.collection-pending" },
  // Collection completes it: the candidate hears of it once, with the record number, from
  // registry's record-registered event (registration.completed), not twice.
  { kind: "registry.*pre-registration", on: "APPROVED", final: true, template: null },
];

/** What an event says, as the table matches it. */
export interface WorkflowMessageQuery {
  kind: string;
  step: string;
  on: WorkflowMoment;
  /** APPROVED: whether the application is now approved as a whole. */
  final?: boolean;
}

const patternCache = new Map<string, RegExp>();

function kindPattern(pattern: string): RegExp {
  let regex = patternCache.get(pattern);
  if (!regex) {
    regex = new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*")}$`);
    patternCache.set(pattern, regex);
  }
  return regex;
}

export function ruleMatches(rule: WorkflowMessageRule, query: WorkflowMessageQuery): boolean {
  if (rule.on !== query.on) return false;
  if (rule.step !== undefined && rule.step !== query.step) return false;
  if (rule.final !== undefined && rule.final !== (query.final ?? false)) return false;
  return rule.kind.includes("*") ? kindPattern(rule.kind).test(query.kind) : rule.kind === query.kind;
}

/** How specific a row is, compared element by element (greater wins). */
export function ruleSpecificity(rule: WorkflowMessageRule): [number, number, number, number] {
  const exact = rule.kind.includes("*") ? 0 : 1;
  return [exact, rule.kind.replaceAll("*", "").length, rule.step !== undefined ? 1 : 0, rule.final !== undefined ? 1 : 0];
}

const moreSpecific = (a: readonly number[], b: readonly number[]): boolean => {
  for (let index = 0; index < a.length; index += 1) {
    if (a[index]! !== b[index]!) return a[index]! > b[index]!;
  }
  return false;
};

/** The row that decides an event's message: the most specific match (the earlier of equals); null when none matches. */
export function selectWorkflowRule(query: WorkflowMessageQuery, rules: readonly WorkflowMessageRule[] = WORKFLOW_MESSAGE_RULES): WorkflowMessageRule | null {
  let best: WorkflowMessageRule | null = null;
  for (const rule of rules) {
    if (!ruleMatches(rule, query)) continue;
    if (!best || moreSpecific(ruleSpecificity(rule), ruleSpecificity(best))) best = rule;
  }
  return best;
}

/** The template of an event's message (null: another event tells); the generic rows guarantee a row for any kind and step. */
export function selectWorkflowTemplate(query: WorkflowMessageQuery, rules: readonly WorkflowMessageRule[] = WORKFLOW_MESSAGE_RULES): TemplateKey | null {
  const rule = selectWorkflowRule(query, rules);
  if (!rule) throw new Error(`no workflow message rule for ${JSON.stringify(query)} (the table lacks its generic rows)`);
  return rule.template;
}

/**
 * The problems of a table, in words (empty: sound): a template the moment's event cannot fill,
 * one meant for the wrong audience (time limits go to staff, everything else to the applicant),
 * `final` on a moment other than APPROVED, the same row twice, or a moment without a generic row.
 */
export function workflowMessageRuleProblems(rules: readonly WorkflowMessageRule[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  rules.forEach((rule, index) => {
    const where = `row ${index + 1} (${rule.kind}${rule.step ? ` ${rule.step}` : ""} ${rule.on}${rule.final === undefined ? "" : rule.final ? " final" : " not final"})`;
    if (rule.template === null) {
      if (rule.kind === "*") problems.push(`${where}: a generic row must name a message`);
      return;
    }
    const template = TEMPLATES[rule.template];
    if (!template) {
      problems.push(`${where}: unknown template ${rule.template}`);
      return;
    }
    const provided = new Set(WORKFLOW_VARIABLES[rule.on]);
    const missing = template.variables.map((variable) => variable.name as string).filter((name) => !provided.has(name));
    if (missing.length > 0) problems.push(`${where}: ${rule.template} needs ${missing.join(", ")}, which the event does not carry`);
    const audience = rule.on === "SLA_WARNING" || rule.on === "SLA_ESCALATED" ? "staff" : "candidate";
    if (template.audience !== audience) problems.push(`${where}: ${rule.template} is for ${template.audience}, this moment's message for ${audience}`);
    if (rule.final !== undefined && rule.on !== "APPROVED") problems.push(`${where}: final applies to APPROVED only`);
    const key = JSON.stringify([rule.kind, rule.step ?? null, rule.on, rule.final ?? null]);
    if (seen.has(key)) problems.push(`${where}: the same row twice`);
    seen.add(key);
  });
  for (const on of WORKFLOW_MOMENTS) {
    for (const final of on === "APPROVED" ? [false, true] : [undefined]) {
      const generic = rules.some((rule) => rule.kind === "*" && rule.step === undefined && rule.on === on && (rule.final === undefined || rule.final === final));
      if (!generic) problems.push(`no generic row (kind *) for ${on}${final === undefined ? "" : final ? " final" : " not final"}: some kind would get no message`);
    }
  }
  return problems;
}

// Checked when the subgraph loads: a table that could pick an unfillable template never runs.
const problems = workflowMessageRuleProblems(WORKFLOW_MESSAGE_RULES);
if (problems.length > 0) throw new Error(`WORKFLOW_MESSAGE_RULES:\n${problems.join("\n")}`);
