import type { EntityManager } from "@mikro-orm/core";
import { recordEvent } from "@xuekao/events";
import { splitPath } from "../auth/scope-query.js";
import type { ScheduledJob } from "../scheduler/scheduler.js";
import { WorkflowApplication } from "./workflow-application.entity.js";
import { stepPayloadOf, WorkflowSlaEscalated, WorkflowSlaWarning } from "./workflow.events.js";
import { WorkflowStatus } from "./workflow.types.js";

const HOUR_MS = 3_600_000;
const hoursBetween = (from: Date, to: Date) => Math.max(1, Math.round((to.getTime() - from.getTime()) / HOUR_MS));


/**
 * One pass of the review time limits of every kind, from each step's own configuration (stored
 * on the application when it entered the step): applications past their step's warning point are
 * announced to the acting organisation, one message per step and organisation; applications past
 * the deadline are escalated one by one. Each application is marked in the same transaction as
 * its event, by a conditional update, so it is warned and escalated once whatever replica runs
 * the job and however often. Works in batches, so a province's backlog never sits in memory.
 */
export async function checkWorkflowSla(em: EntityManager, now: Date, producer: string, batchSize = 500): Promise<{ warned: number; escalated: number }> {
  let warned = 0;
  let escalated = 0;
  for (;;) {
    const count = await em.fork().transactional(async (tx) => {
      const due = await tx.find(
        WorkflowApplication,
        // Past the deadline an application is escalated instead: a warning then would only repeat it.
        { status: WorkflowStatus.IN_PROGRESS, slaWarnedAt: null, warnAt: { $ne: null, $lte: now }, dueAt: { $gt: now } },
        { orderBy: { dueAt: "asc", id: "asc" }, limit: batchSize },
      );
      const groups = new Map<string, WorkflowApplication[]>();
      for (const application of due) {
        if ((await tx.nativeUpdate(WorkflowApplication, { id: application.id, slaWarnedAt: null }, { slaWarnedAt: now })) !== 1) continue;
        const key = [application.kind, application.provinceCode, application.stepKey, application.actingOrganizationPath].join("|");
        groups.set(key, [...(groups.get(key) ?? []), application]);
      }
      for (const applications of groups.values()) {
        const first = applications[0]!;
        recordEvent(
          tx,
          WorkflowSlaWarning.create(
            {
              kind: first.kind,
              kindName: first.kindName,
              provinceCode: first.provinceCode,
              step: stepPayloadOf(first),
              count: applications.length,
              warnAtHours: hoursBetween(first.stepEnteredAt, first.warnAt!),
              earliestDueAt: first.dueAt!.toISOString(),
            },
            { producer, organizationPath: splitPath(first.actingOrganizationPath), now },
          ),
        );
      }
      warned += [...groups.values()].flat().length;
      return due.length;
    });
    if (count < batchSize) break;
  }
  for (;;) {
    const count = await em.fork().transactional(async (tx) => {
      const late = await tx.find(
        WorkflowApplication,
        { status: WorkflowStatus.IN_PROGRESS, slaEscalatedAt: null, dueAt: { $ne: null, $lte: now } },
        { orderBy: { dueAt: "asc", id: "asc" }, limit: batchSize },
      );
      for (const application of late) {
        if ((await tx.nativeUpdate(WorkflowApplication, { id: application.id, slaEscalatedAt: null }, { slaEscalatedAt: now })) !== 1) continue;
        escalated += 1;
        recordEvent(
          tx,
          WorkflowSlaEscalated.create(
            {
              applicationId: application.id,
              kind: application.kind,
              kindName: application.kindName,
              provinceCode: application.provinceCode,
              step: stepPayloadOf(application),
              slaHours: hoursBetween(application.stepEnteredAt, application.dueAt!),
              dueAt: application.dueAt!.toISOString(),
            },
            { producer, organizationPath: splitPath(application.organizationPath), now },
          ),
        );
      }
      return late.length;
    });
    if (count < batchSize) break;
  }
  return { warned, escalated };
}

/** The job every subgraph with approval chains runs (every 10 minutes). */
export const workflowSlaJob = (producer: string): ScheduledJob => ({
  name: "workflow-sla",
  everyMs: 10 * 60_000,
  run: async ({ em, now }) => {
    await checkWorkflowSla(em, now, producer);
  },
});
