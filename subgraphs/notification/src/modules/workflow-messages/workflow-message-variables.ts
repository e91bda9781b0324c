/**
 * The template variables a workflow event fills: the kind's Chinese name, the step's level and
 * name, the reason, times in Beijing time. Free text written by people (a reason, a step's name)
 * is made fit for a message here — one line, no 【】 (read as a forged SMS signature), no links,
 * within the template's length — because a reviewer's wording must never stop the applicant from
 * being told: the full text stays on the application, the message points there.
 */
import type { EventOf } from "@xuekao/events";
import { formatBeijingMessageTime, ORGANIZATION_LEVEL_LABELS } from "@xuekao/rules";
import type { WorkflowApplicationDecided, WorkflowApplicationSubmitted, WorkflowSlaEscalated, WorkflowSlaWarning } from "@xuekao/subgraph-kit";
import { TEMPLATES, type TemplateKey } from "../templates/template-catalog.js";
import type { WorkflowMoment } from "./workflow-message-rules.js";

/** The longest reason a message carries (the templates' `reason` takes 200 characters). */
export const MESSAGE_REASON_LENGTH = 200;
/** The longest step name (the workflow engine allows 30 characters). */
export const MESSAGE_STEP_NAME_LENGTH = 30;

const CONTROL = /[\p{Cc}\u2028\u2029]+/gu;
const LINK = /(https?:\/\/|www\.)\S*/giu;

/** Free text as a message may carry it: one line, 【】 as 〔〕, links left out, at most `max` characters (… when cut). */
export function messageText(text: string, max: number): string {
  const line = text.replace(CONTROL, " ").replace(/【/g, "〔").replace(/】/g, "〕").replace(LINK, "（网址略）").replace(/\s+/g, " ").trim();
  const characters = [...line];
  return characters.length <= max ? line : `${characters.slice(0, max - 1).join("").trimEnd()}…`;
}

type Step = EventOf<typeof WorkflowApplicationSubmitted>["payload"]["step"];

const stepVariables = (kindName: string, step: Step) => ({
  applicationKind: kindName,
  caseKind: kindName,
  level: ORGANIZATION_LEVEL_LABELS[step.level],
  stepName: messageText(step.name, MESSAGE_STEP_NAME_LENGTH),
});

const hoursText = (hours: number) => String(Math.max(1, Math.round(hours)));

/** Everything a submission can say (WORKFLOW_VARIABLES.SUBMITTED). */
export function submittedVariables({ payload }: EventOf<typeof WorkflowApplicationSubmitted>): Record<string, string> {
  return { ...stepVariables(payload.kindName, payload.step), submittedAt: formatBeijingMessageTime(payload.submittedAt) };
}

/** Everything a decision can say: the step that decided, and the reason of a return or refusal. */
export function decidedVariables({ payload }: EventOf<typeof WorkflowApplicationDecided>): Record<string, string> {
  const variables: Record<string, string> = { ...stepVariables(payload.kindName, payload.step), decidedAt: formatBeijingMessageTime(payload.decidedAt) };
  if (payload.decision !== "APPROVE" && payload.reason) variables.reason = messageText(payload.reason, MESSAGE_REASON_LENGTH);
  return variables;
}

/** A batch of applications at one step and organisation past the warning point. */
export function slaWarningVariables({ payload }: EventOf<typeof WorkflowSlaWarning>): Record<string, string> {
  return {
    ...stepVariables(payload.kindName, payload.step),
    caseCount: String(payload.count),
    elapsedHours: hoursText(payload.warnAtHours),
    deadline: formatBeijingMessageTime(payload.earliestDueAt),
  };
}

/** One application past its step's deadline. */
export function slaEscalatedVariables({ payload }: EventOf<typeof WorkflowSlaEscalated>): Record<string, string> {
  return {
    ...stepVariables(payload.kindName, payload.step),
    caseNumber: payload.applicationId,
    elapsedHours: hoursText(payload.slaHours),
    deadline: formatBeijingMessageTime(payload.dueAt),
  };
}

/** The decision of a `workflow.application-decided` event, as the table names it. */
export const MOMENT_OF_DECISION: Readonly<Record<"APPROVE" | "RETURN" | "REJECT", WorkflowMoment>> = {
  APPROVE: "APPROVED",
  RETURN: "RETURNED",
  REJECT: "REJECTED",
};

/** Of everything the event can say, the variables the chosen template declares (it refuses any other). */
export function variablesOf(template: TemplateKey, available: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    TEMPLATES[template].variables.filter((variable) => Object.hasOwn(available, variable.name)).map((variable) => [variable.name, available[variable.name]!]),
  );
}
