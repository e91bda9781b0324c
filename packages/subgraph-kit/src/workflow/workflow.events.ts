/**
 * The events every approval chain publishes, whatever its kind and subgraph: the notification
 * subgraph turns them into messages by template (kind, step, decision) without a code path per
 * kind. Types start with `workflow.`; the envelope's producer says which subgraph runs the kind.
 */
import { defineEvent } from "@xuekao/events";
import { z } from "zod";
import { splitPath } from "../auth/scope-query.js";
import type { WorkflowApplication } from "./workflow-application.entity.js";

const provinceCode = z.string().regex(/^\d{2}$/);
const instant = z.iso.datetime({ offset: true });
const step = z.object({
  key: z.string().min(1),
  name: z.string().min(1),
  level: z.enum(["PROVINCE", "LEAGUE", "COUNTY", "SCHOOL", "CLASS"]),
  actorRole: z.string().min(1),
  /** The acting organisation's path: who is expected to act (their binding holds it). */
  actingOrganizationPath: z.array(z.string().min(1)),
});
const application = {
  applicationId: z.uuid(),
  kind: z.string().min(1),
  kindName: z.string().min(1),
  provinceCode,
  subjectType: z.string().min(1),
  subjectId: z.string().min(1),
  applicantId: z.uuid(),
  round: z.number().int().positive(),
};

/** An application was submitted (first time or after correction) and waits at its first step. */
export const WorkflowApplicationSubmitted = defineEvent({
  type: "workflow.application-submitted",
  version: 1,
  description: "申请已提交（或修改后重新提交），进入第一个审核环节",
  payload: z.object({ ...application, resubmitted: z.boolean(), step, submittedAt: instant }),
});

/** A step decided: approved (on to `nextStep`, or done), returned for correction, or rejected. */
export const WorkflowApplicationDecided = defineEvent({
  type: "workflow.application-decided",
  version: 1,
  description: "审核环节作出决定：通过、退回修改或不予通过",
  payload: z.object({
    ...application,
    step,
    decision: z.enum(["APPROVE", "RETURN", "REJECT"]),
    reason: z.string().nullable(),
    status: z.enum(["IN_PROGRESS", "RETURNED", "APPROVED", "REJECTED"]),
    nextStep: step.nullable(),
    decidedAt: instant,
  }),
});

/** Applications of one step and acting organisation reached the step's warning point (one message per batch). */
export const WorkflowSlaWarning = defineEvent({
  type: "workflow.sla-warning",
  version: 1,
  description: "待审核事项已达预警时点，提醒审核单位在时限前处理",
  payload: z.object({
    kind: z.string().min(1),
    kindName: z.string().min(1),
    provinceCode,
    step,
    count: z.number().int().positive(),
    warnAtHours: z.number().int().positive(),
    /** The earliest deadline among them. */
    earliestDueAt: instant,
  }),
});

/** An application passed its step's deadline: escalated to the province institute, and its acting organisation is told. */
export const WorkflowSlaEscalated = defineEvent({
  type: "workflow.sla-escalated",
  version: 1,
  description: "待审核事项已超过审核时限，报请省级考试院督办",
  payload: z.object({
    applicationId: z.uuid(),
    kind: z.string().min(1),
    kindName: z.string().min(1),
    provinceCode,
    step,
    slaHours: z.number().int().positive(),
    dueAt: instant,
  }),
});

/** The step an application waits at, as every workflow event carries it. */
export function stepPayloadOf(application: WorkflowApplication): z.input<typeof step> {
  return {
    key: application.stepKey,
    name: application.stepName,
    level: application.actorLevel,
    actorRole: application.actorRole,
    actingOrganizationPath: splitPath(application.actingOrganizationPath),
  };
}
