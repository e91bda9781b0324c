/**
 * The one engine behind every approval chain: start an application, list the queue a caller may
 * act on, decide, resubmit after a return, withdraw. Every transition writes the application's new
 * state, a history entry, an audit entry and an outbox event in one transaction, and calls the
 * kind's `onTransition` in it too, so the domain object (a case, a record) moves with it.
 */
import type { FilterQuery } from "@mikro-orm/core";
import { levelDepth } from "@xuekao/rules";
import { actingBinding, authorize, requireCaller } from "../auth/authorization.js";
import { CANDIDATE_ROLES, type Caller, type Role } from "../auth/caller.js";
import { PATH_SEPARATOR, scopeWhere, splitPath } from "../auth/scope-query.js";
import type { RequestContext } from "../context.js";
import { textLength } from "../input.js";
import { clampPageSize, decodeCursor, keysetAfter, keysetOrder, pageFrom, type KeysetField, type Page } from "../pagination.js";
import { activeDefinition } from "./workflow-definitions.js";
import { WorkflowDefinition } from "./workflow-definition.entity.js";
import { WorkflowApplication, WorkflowHistoryEntry } from "./workflow-application.entity.js";
import { WorkflowErrors } from "./workflow.errors.js";
import { stepPayloadOf, WorkflowApplicationDecided, WorkflowApplicationSubmitted } from "./workflow.events.js";
import {
  WorkflowAction,
  WorkflowDecision,
  WorkflowStatus,
  workflowKind,
  type WorkflowKindSpec,
  type WorkflowStepSpec,
} from "./workflow.types.js";

const HOUR_MS = 3_600_000;
const ACTION_OF_DECISION: Record<WorkflowDecision, WorkflowAction> = {
  [WorkflowDecision.APPROVE]: WorkflowAction.APPROVE,
  [WorkflowDecision.RETURN]: WorkflowAction.RETURN,
  [WorkflowDecision.REJECT]: WorkflowAction.REJECT,
};
const IDEMPOTENCY_KEY = /^[A-Za-z0-9-]{8,80}$/;

/** Immutable once written: a version's steps are cached by id for the life of the process. */
const stepsCache = new Map<string, WorkflowStepSpec[]>();

async function stepsOf(ctx: RequestContext, application: WorkflowApplication): Promise<WorkflowStepSpec[]> {
  const cached = stepsCache.get(application.definitionId);
  if (cached) return cached;
  const definition = await ctx.em.findOneOrFail(WorkflowDefinition, { id: application.definitionId });
  stepsCache.set(definition.id, definition.steps());
  return definition.steps();
}

/** The path of the organisation that acts at `step` for this application: a routed path, or the applicant's own path cut at the step's level. */
function actingPathOf(step: WorkflowStepSpec, provinceCode: string, applicantPath: string[], routes: Record<string, string>): string[] {
  const routed = routes[step.key];
  if (routed) return splitPath(routed);
  const depth = levelDepth(step.level, provinceCode);
  if (depth === null || depth > applicantPath.length) throw WorkflowErrors.ROUTE_INVALID(step.name);
  return applicantPath.slice(0, depth);
}

/** Puts the application at `index`: who acts, by when, in which queue position. */
function enterStep(application: WorkflowApplication, steps: WorkflowStepSpec[], index: number, now: Date): WorkflowStepSpec {
  const step = steps[index]!;
  application.status = WorkflowStatus.IN_PROGRESS;
  application.stepIndex = index;
  application.stepKey = step.key;
  application.stepName = step.name;
  application.actorRole = step.actorRole;
  application.actorLevel = step.level;
  application.actingOrganizationPath = actingPathOf(step, application.provinceCode, splitPath(application.organizationPath), application.routes()).join(PATH_SEPARATOR);
  application.stepEnteredAt = now;
  application.dueAt = step.slaHours ? new Date(now.getTime() + step.slaHours * HOUR_MS) : null;
  application.warnAt = step.warnAtHours ? new Date(now.getTime() + step.warnAtHours * HOUR_MS) : null;
  application.queueOrderAt = application.dueAt ?? now;
  application.slaWarnedAt = null;
  application.slaEscalatedAt = null;
  return step;
}


const applicationPayload = (application: WorkflowApplication) => ({
  applicationId: application.id,
  kind: application.kind,
  kindName: application.kindName,
  provinceCode: application.provinceCode,
  subjectType: application.subjectType,
  subjectId: application.subjectId,
  applicantId: application.applicantId,
  round: application.round,
});

/** The state stored in the row, as the conditional update writes it. */
const stateOf = (application: WorkflowApplication) => ({
  status: application.status,
  stepIndex: application.stepIndex,
  stepKey: application.stepKey,
  stepName: application.stepName,
  actorRole: application.actorRole,
  actorLevel: application.actorLevel,
  actingOrganizationPath: application.actingOrganizationPath,
  stepEnteredAt: application.stepEnteredAt,
  dueAt: application.dueAt,
  warnAt: application.warnAt,
  queueOrderAt: application.queueOrderAt,
  slaWarnedAt: application.slaWarnedAt,
  slaEscalatedAt: application.slaEscalatedAt,
  round: application.round,
  version: application.version,
  updatedAt: application.updatedAt,
  closedAt: application.closedAt,
  lastReason: application.lastReason,
});

function requireKind(kind: string): WorkflowKindSpec {
  const spec = workflowKind(kind);
  if (!spec) throw new Error(`Workflow kind "${kind}" is not declared in this process`);
  return spec;
}

function checkIdempotencyKey(key: string): string {
  const trimmed = key.trim();
  if (!IDEMPOTENCY_KEY.test(trimmed)) throw WorkflowErrors.IDEMPOTENCY_KEY_INVALID();
  return trimmed;
}

export interface StartApplicationInput {
  provinceCode: string;
  subject: { type?: string; id: string };
  applicantId: string;
  /** The applicant's organisation path, province first (where their record or registration sits). */
  organizationPath: readonly string[];
  /** Paths of routed steps (see WorkflowKindSpec.routedSteps). */
  routes?: Record<string, readonly string[]>;
}

/**
 * Starts an application of `kind` under the province's current definition, at its first step.
 * Runs in the caller's transaction when there is one (the domain object is created with it).
 */
export async function startApplication(ctx: RequestContext, kind: WorkflowKindSpec, input: StartApplicationInput): Promise<WorkflowApplication> {
  return ctx.transaction(async (tx) => {
    const definition = await activeDefinition(tx.em, input.provinceCode, kind.kind);
    if (!definition) throw WorkflowErrors.NO_DEFINITION(kind.name);
    stepsCache.set(definition.id, definition.steps());
    const now = tx.clock.now();
    const application = tx.em.create(WorkflowApplication, {
      kind: kind.kind,
      kindName: kind.name,
      provinceCode: input.provinceCode,
      definitionId: definition.id,
      definitionVersion: definition.version,
      subjectType: input.subject.type ?? kind.subjectType,
      subjectId: input.subject.id,
      applicantId: input.applicantId,
      organizationPath: input.organizationPath.join(PATH_SEPARATOR),
      routesJson: input.routes
        ? JSON.stringify(Object.fromEntries(Object.entries(input.routes).map(([step, path]) => [step, path.join(PATH_SEPARATOR)])))
        : null,
      round: 1,
      version: 1,
      submittedAt: now,
      updatedAt: now,
    } as WorkflowApplication);
    enterStep(application, definition.steps(), 0, now);
    await afterTransition(tx, kind, application, { action: WorkflowAction.SUBMIT, reason: null, idempotencyKey: null, stepKey: null, stepName: null });
    return application;
  });
}

export interface DecideInput {
  applicationId: string;
  decision: WorkflowDecision;
  reason?: string | null;
  /** The version the decider saw; another decision in between makes this one a CONFLICT. */
  expectedVersion: number;
  /** Chosen by the client per attempt: a retry with the same key gets the same answer, nothing twice. */
  idempotencyKey: string;
}

/** An application a caller may act on now, or the reason they may not. */
async function loadForDecision(ctx: RequestContext, applicationId: string): Promise<WorkflowApplication> {
  const application = await ctx.em.findOne(WorkflowApplication, { id: applicationId }, { refresh: true });
  if (!application) throw WorkflowErrors.APPLICATION_NOT_FOUND();
  return application;
}

/**
 * A decision at the application's current step by someone who acts there: the caller holds the
 * step's role on an organisation whose subtree holds the step's acting organisation.
 */
export async function decideApplication(ctx: RequestContext, input: DecideInput): Promise<WorkflowApplication> {
  const caller = requireCaller(ctx.caller);
  const idempotencyKey = checkIdempotencyKey(input.idempotencyKey);
  const replay = await replayed(ctx, caller, idempotencyKey, input.applicationId, input.decision);
  if (replay) return replay;

  const reason = input.reason?.trim() || null;
  // Needed for a return or a rejection; an approval may carry one too, within the same length.
  if (input.decision !== WorkflowDecision.APPROVE && (!reason || textLength(reason) < 2)) throw WorkflowErrors.REASON_REQUIRED();
  if (reason && textLength(reason) > 500) throw WorkflowErrors.REASON_REQUIRED();

  try {
    return await ctx.transaction(async (tx) => {
      const application = await loadForDecision(tx, input.applicationId);
      // Nothing about the application is said to someone who could never see it. Staff who could
      // (it moved on from their step, or closed, after they loaded it) learn that it changed.
      if (application.version !== input.expectedVersion && staffSees(caller, application)) throw WorkflowErrors.CONFLICT();
      authorize(caller, { roles: [application.actorRole] }, { organizationPath: splitPath(application.actingOrganizationPath) });
      if (application.status !== WorkflowStatus.IN_PROGRESS) throw WorkflowErrors.APPLICATION_CLOSED();
      if (application.version !== input.expectedVersion) throw WorkflowErrors.CONFLICT();
      const steps = await stepsOf(tx, application);
      const step = steps[application.stepIndex]!;
      if (!step.decisions.includes(input.decision)) throw WorkflowErrors.DECISION_NOT_ALLOWED(step.name);

      const now = tx.clock.now();
      const decidedStep = { key: application.stepKey, name: application.stepName };
      const previous = stepPayloadOf(application);
      application.version += 1;
      application.updatedAt = now;
      if (input.decision === WorkflowDecision.APPROVE) {
        application.lastReason = null;
        if (application.stepIndex + 1 < steps.length) {
          enterStep(application, steps, application.stepIndex + 1, now);
        } else {
          application.status = WorkflowStatus.APPROVED;
          application.closedAt = now;
        }
      } else {
        application.lastReason = reason;
        application.status = input.decision === WorkflowDecision.RETURN ? WorkflowStatus.RETURNED : WorkflowStatus.REJECTED;
        if (application.status === WorkflowStatus.REJECTED) application.closedAt = now;
      }
      // The row changes only if nobody decided in between: the conditional update is the lock.
      const won = await tx.em.nativeUpdate(WorkflowApplication, { id: application.id, version: input.expectedVersion }, stateOf(application));
      if (won !== 1) throw WorkflowErrors.CONFLICT();
      const kind = requireKind(application.kind);
      await afterTransition(tx, kind, application, {
        action: ACTION_OF_DECISION[input.decision],
        reason,
        idempotencyKey,
        stepKey: decidedStep.key,
        stepName: decidedStep.name,
      });
      tx.events.record(
        WorkflowApplicationDecided,
        {
          ...applicationPayload(application),
          step: previous,
          decision: input.decision,
          reason,
          status: application.status as "IN_PROGRESS" | "RETURNED" | "APPROVED" | "REJECTED",
          nextStep: application.status === WorkflowStatus.IN_PROGRESS ? stepPayloadOf(application) : null,
          decidedAt: now.toISOString(),
        },
        { organizationPath: splitPath(application.organizationPath) },
      );
      return application;
    });
  } catch (error) {
    // Two retries of one request at once: the loser finds the winner's entry and answers like it.
    if ((error as { code?: string }).code === "CONFLICT") {
      const again = await replayed(ctx, caller, idempotencyKey, input.applicationId, input.decision);
      if (again) return again;
    }
    throw error;
  }
}

/** A request already answered under this key: the application as it is, or IDEMPOTENCY_KEY_REUSED for another operation. */
async function replayed(
  ctx: RequestContext,
  caller: Caller,
  idempotencyKey: string,
  applicationId: string,
  action: WorkflowDecision | WorkflowAction,
): Promise<WorkflowApplication | null> {
  const entry = await ctx.em.findOne(WorkflowHistoryEntry, { actorId: caller.subject, idempotencyKey }, { refresh: true });
  if (!entry) return null;
  if (entry.applicationId !== applicationId || entry.action !== (action as string)) throw WorkflowErrors.IDEMPOTENCY_KEY_REUSED();
  return ctx.em.findOneOrFail(WorkflowApplication, { id: applicationId }, { refresh: true });
}

export interface ApplicantActionInput {
  applicationId: string;
  expectedVersion: number;
  idempotencyKey: string;
  /**
   * The caller acts for the applicant and the kind's module has authorised them itself (a school
   * resubmitting the case it filed for its student); otherwise only the applicant may act.
   */
  authorizedForApplicant?: boolean;
}

/**
 * What the applicant does to their own application (resubmit, withdraw): one way for both — the
 * retried request answered alike, the owner authorised, the version checked, the new state won by
 * a conditional update, then history, audit, the kind's reaction and events.
 */
async function applicantAction(
  ctx: RequestContext,
  input: ApplicantActionInput,
  action: WorkflowAction.RESUBMIT | WorkflowAction.WITHDRAW,
  change: (tx: RequestContext, application: WorkflowApplication, now: Date) => Promise<{ stepKey: string | null; stepName: string | null }>,
): Promise<WorkflowApplication> {
  const caller = requireCaller(ctx.caller);
  const idempotencyKey = checkIdempotencyKey(input.idempotencyKey);
  const replay = await replayed(ctx, caller, idempotencyKey, input.applicationId, action);
  if (replay) return replay;
  return ctx.transaction(async (tx) => {
    const application = await loadForDecision(tx, input.applicationId);
    if (!input.authorizedForApplicant) {
      authorize(caller, { roles: [...CANDIDATE_ROLES] as Role[] }, { organizationPath: splitPath(application.organizationPath), ownerUserId: application.applicantId });
    }
    const now = tx.clock.now();
    const decidedAt = await change(tx, application, now);
    if (application.version !== input.expectedVersion) throw WorkflowErrors.CONFLICT();
    application.version += 1;
    application.updatedAt = now;
    const won = await tx.em.nativeUpdate(WorkflowApplication, { id: application.id, version: input.expectedVersion }, stateOf(application));
    if (won !== 1) throw WorkflowErrors.CONFLICT();
    await afterTransition(tx, requireKind(application.kind), application, { action, reason: null, idempotencyKey, ...decidedAt });
    return application;
  });
}

/**
 * The applicant sends a returned application again after correcting it: it starts over at the
 * first step of its definition (the data changed, so every step looks again), in a new round.
 */
export function resubmitApplication(ctx: RequestContext, input: ApplicantActionInput): Promise<WorkflowApplication> {
  return applicantAction(ctx, input, WorkflowAction.RESUBMIT, async (tx, application, now) => {
    if (application.status !== WorkflowStatus.RETURNED) throw WorkflowErrors.NOT_RETURNED();
    const steps = await stepsOf(tx, application);
    application.round += 1;
    enterStep(application, steps, 0, now);
    return { stepKey: null, stepName: null };
  });
}

/** The applicant withdraws an application not yet decided (waiting, or returned to them). */
export function withdrawApplication(ctx: RequestContext, input: ApplicantActionInput): Promise<WorkflowApplication> {
  return applicantAction(ctx, input, WorkflowAction.WITHDRAW, async (_tx, application, now) => {
    if (application.status !== WorkflowStatus.IN_PROGRESS && application.status !== WorkflowStatus.RETURNED) throw WorkflowErrors.APPLICATION_CLOSED();
    const waiting = application.status === WorkflowStatus.IN_PROGRESS;
    const at = { stepKey: waiting ? application.stepKey : null, stepName: waiting ? application.stepName : null };
    application.status = WorkflowStatus.WITHDRAWN;
    application.closedAt = now;
    return at;
  });
}

/** History, audit, the kind's own reaction and (for submissions) the event, in the transition's transaction. */
async function afterTransition(
  tx: RequestContext,
  kind: WorkflowKindSpec,
  application: WorkflowApplication,
  transition: { action: WorkflowAction; reason: string | null; idempotencyKey: string | null; stepKey: string | null; stepName: string | null },
): Promise<void> {
  const caller = tx.caller;
  const binding = caller ? actingBinding(caller, splitPath(application.actingOrganizationPath)) : undefined;
  tx.em.create(WorkflowHistoryEntry, {
    applicationId: application.id,
    round: application.round,
    action: transition.action,
    stepKey: transition.stepKey,
    stepName: transition.stepName,
    reason: transition.reason,
    actorId: caller?.subject ?? "system",
    actorRole: (binding?.role as Role | undefined) ?? null,
    actorOrganizationId: binding?.organizationId ?? null,
    occurredAt: tx.clock.now(),
    idempotencyKey: transition.idempotencyKey,
    resultStatus: application.status,
    resultVersion: application.version,
  } as WorkflowHistoryEntry);
  await tx.audit.record({
    action: `workflow.${transition.action.toLowerCase()}`,
    subject: { type: application.subjectType, id: application.subjectId },
    organizationPath: splitPath(application.organizationPath),
    after: {
      applicationId: application.id,
      kind: application.kind,
      step: transition.stepKey,
      reason: transition.reason,
      status: application.status,
      nextStep: application.status === WorkflowStatus.IN_PROGRESS ? application.stepKey : null,
      version: application.version,
    },
  });
  if (transition.action === WorkflowAction.SUBMIT || transition.action === WorkflowAction.RESUBMIT) {
    tx.events.record(
      WorkflowApplicationSubmitted,
      {
        ...applicationPayload(application),
        resubmitted: transition.action === WorkflowAction.RESUBMIT,
        step: stepPayloadOf(application),
        submittedAt: application.stepEnteredAt.toISOString(),
      },
      { organizationPath: splitPath(application.organizationPath) },
    );
  }
  await kind.onTransition?.(tx, { action: transition.action, stepKey: transition.stepKey, reason: transition.reason, application });
}

/** The queue order: by deadline (or entry into the step), then id. */
const QUEUE_ORDER: KeysetField[] = [
  { field: "queueOrderAt", direction: "asc" },
  { field: "id", direction: "asc" },
];

/**
 * The condition "waiting at a step the caller acts on", for any table that keeps the current step's
 * role and acting organisation path (the engine's applications, or a module's own rows that mirror
 * them so a queue can also filter on the module's columns in one SQL query). Null: the caller acts
 * nowhere (candidates, third parties, a password still to change).
 */
export function actingScopeWhere(
  caller: Caller,
  fields: { role: string; path: string } = { role: "actorRole", path: "actingOrganizationPath" },
): Record<string, unknown> | null {
  if (caller.passwordChangeRequired || caller.kind !== "user") return null;
  const alternatives: Record<string, unknown>[] = [];
  for (const binding of caller.roles) {
    if (CANDIDATE_ROLES.includes(binding.role) || binding.organizationPath.length === 0) continue;
    const inScope = scopeWhere({ organizationPathPrefixes: [binding.organizationPath] }, { path: fields.path });
    alternatives.push({ $and: [{ [fields.role]: binding.role }, inScope] });
  }
  return alternatives.length ? { $or: alternatives } : null;
}

/**
 * The applications waiting at a step the caller acts on, inside the caller's scope: for each of
 * the caller's bindings, those whose step role is the binding's role and whose acting organisation
 * lies in the binding's subtree. Ordered by deadline; one SQL query per page.
 */
export async function applicationQueue(
  ctx: RequestContext,
  options: { kinds?: readonly string[]; first?: number | null; after?: string | null },
): Promise<Page<WorkflowApplication>> {
  const acting = actingScopeWhere(requireCaller(ctx.caller));
  if (!acting) return { items: [], nextCursor: null };
  const size = clampPageSize(options.first);
  const where: FilterQuery<WorkflowApplication>[] = [{ status: WorkflowStatus.IN_PROGRESS }, acting as FilterQuery<WorkflowApplication>];
  if (options.kinds?.length) where.push({ kind: { $in: [...options.kinds] } });
  if (options.after) {
    const [orderAt, id] = decodeCursor(options.after, ["date", "uuid"]);
    where.push(keysetAfter(QUEUE_ORDER, [new Date(orderAt as string), id]) as FilterQuery<WorkflowApplication>);
  }
  const rows = await ctx.em.find(WorkflowApplication, { $and: where }, { orderBy: keysetOrder(QUEUE_ORDER), limit: size + 1 });
  return pageFrom(rows, size, (row) => [row.queueOrderAt.toISOString(), row.id]);
}

const within = (path: readonly string[], prefix: readonly string[]) => prefix.length > 0 && prefix.length <= path.length && prefix.every((id, index) => path[index] === id);

/** Staff whose scope holds the applicant or the acting organisation: they may know the application exists. */
function staffSees(caller: Caller, application: WorkflowApplication): boolean {
  const applicant = splitPath(application.organizationPath);
  const acting = splitPath(application.actingOrganizationPath);
  return caller.roles.some(
    (binding) => !CANDIDATE_ROLES.includes(binding.role) && (within(applicant, binding.organizationPath) || within(acting, binding.organizationPath)),
  );
}

/** Whether the caller may decide this application now (for pages: show or hide the buttons). */
export function canDecide(caller: Caller | null, application: WorkflowApplication): boolean {
  if (!caller || caller.passwordChangeRequired || application.status !== WorkflowStatus.IN_PROGRESS) return false;
  const path = splitPath(application.actingOrganizationPath);
  return caller.roles.some((binding) => binding.role === application.actorRole && within(path, binding.organizationPath));
}

/** Test helper for suites that need a clean steps cache (a definition deleted under them). */
export const forgetWorkflowDefinitionCache = () => stepsCache.clear();
