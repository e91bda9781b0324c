import type { EventOf } from "@xuekao/events";
import {
  on,
  WorkflowApplicationDecided,
  WorkflowApplicationSubmitted,
  WorkflowSlaEscalated,
  WorkflowSlaWarning,
  type EventHandler,
} from "@xuekao/subgraph-kit";
import type { NotificationContext, NotificationServices } from "../../notification-context.js";
import { Messenger } from "../messaging/messenger.js";
import { RecipientService } from "../recipient/recipient.service.js";
import { selectWorkflowTemplate } from "./workflow-message-rules.js";
import {
  decidedVariables,
  MOMENT_OF_DECISION,
  slaEscalatedVariables,
  slaWarningVariables,
  submittedVariables,
  variablesOf,
} from "./workflow-message-variables.js";

/**
 * The approval chains' events of every kind and subgraph, as messages: the template comes from
 * the table (workflow-message-rules.ts), the variables from the event, the people from this
 * subgraph's copy of identity's contacts and roles (one query per event).
 * - submitted, decided → the applicant: inbox always, SMS when a mobile is known;
 * - a time limit's warning → who acts at the step (its role, bound at the acting organisation or
 *   above), one message each for the whole batch;
 * - a time limit passed → those same people and the province's institute (督办).
 */
const recipients = new RecipientService();
const messenger = new Messenger();

async function applicationSubmitted(event: EventOf<typeof WorkflowApplicationSubmitted>, ctx: NotificationContext): Promise<void> {
  const { kind, step, applicantId } = event.payload;
  const template = selectWorkflowTemplate({ kind, step: step.key, on: "SUBMITTED" });
  if (!template) return;
  await messenger.send(ctx, event, [await recipients.byId(ctx, applicantId)], template, variablesOf(template, submittedVariables(event)));
}

async function applicationDecided(event: EventOf<typeof WorkflowApplicationDecided>, ctx: NotificationContext): Promise<void> {
  const { kind, step, decision, status, applicantId } = event.payload;
  const template = selectWorkflowTemplate({ kind, step: step.key, on: MOMENT_OF_DECISION[decision], final: status === "APPROVED" });
  if (!template) return;
  await messenger.send(ctx, event, [await recipients.byId(ctx, applicantId)], template, variablesOf(template, decidedVariables(event)));
}

async function slaWarning(event: EventOf<typeof WorkflowSlaWarning>, ctx: NotificationContext): Promise<void> {
  const { kind, step } = event.payload;
  const template = selectWorkflowTemplate({ kind, step: step.key, on: "SLA_WARNING" });
  if (!template) return;
  await messenger.send(ctx, event, await recipients.actorsOf(ctx, step), template, variablesOf(template, slaWarningVariables(event)));
}

async function slaEscalated(event: EventOf<typeof WorkflowSlaEscalated>, ctx: NotificationContext): Promise<void> {
  const { kind, step, provinceCode } = event.payload;
  const template = selectWorkflowTemplate({ kind, step: step.key, on: "SLA_ESCALATED" });
  if (!template) return;
  await messenger.send(ctx, event, await recipients.actorsAndInstitute(ctx, step, provinceCode), template, variablesOf(template, slaEscalatedVariables(event)));
}

export const workflowMessageHandlers: EventHandler<NotificationServices>[] = [
  on(WorkflowApplicationSubmitted, applicationSubmitted),
  on(WorkflowApplicationDecided, applicationDecided),
  on(WorkflowSlaWarning, slaWarning),
  on(WorkflowSlaEscalated, slaEscalated),
];
