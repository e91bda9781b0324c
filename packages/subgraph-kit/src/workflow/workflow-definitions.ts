import { UniqueConstraintViolationException, type EntityManager, type MikroORM } from "@mikro-orm/core";
import { isProvinceCode, levelDepth } from "@xuekao/rules";
import { authorize } from "../auth/authorization.js";
import { provinceScope } from "../auth/authorization.js";
import { Role } from "../auth/caller.js";
import { accessRule } from "../auth/rules.js";
import type { Clock } from "../clock.js";
import type { RequestContext } from "../context.js";
import { flushUnique, textLength } from "../input.js";
import { WorkflowDefinition } from "./workflow-definition.entity.js";
import { WorkflowErrors } from "./workflow.errors.js";
import {
  LEVEL_OF_ROLE,
  WorkflowDecision,
  workflowKind,
  type WorkflowDefinitionSeed,
  type WorkflowKindSpec,
  type WorkflowStepSpec,
} from "./workflow.types.js";

/** The province institute configures its province's approval chains (DOMAIN: rules are data). */
export const CONFIGURE_WORKFLOWS = accessRule("CONFIGURE_WORKFLOWS", { roles: [Role.PROVINCE_INSTITUTE] });

/** Staff of a province read its chains (to know where an application goes next). */
export const READ_WORKFLOWS = accessRule("READ_WORKFLOWS", {
  roles: [
    Role.PROVINCE_INSTITUTE,
    Role.CERTIFICATION_REVIEWER,
    Role.LEAGUE_AGENCY,
    Role.COUNTY_AGENCY,
    Role.SCHOOL_ADMIN,
    Role.SCHOOL_STAFF,
    Role.CLASS_TEACHER,
  ],
});

export const MAX_STEPS = 10;
export const MAX_SLA_HOURS = 24 * 60;
const STEP_KEY = /^[a-z][a-z0-9-]{1,39}$/;
const DECISIONS = new Set<string>(Object.values(WorkflowDecision));

/**
 * A definition's steps, checked and normalised, or DEFINITION_INVALID naming the first problem
 * (in Chinese, with the step's position): a definition that cannot run is never stored.
 */
export function validateSteps(provinceCode: string, steps: readonly WorkflowStepSpec[]): WorkflowStepSpec[] {
  const invalid = (problem: string) => WorkflowErrors.DEFINITION_INVALID(problem);
  if (steps.length === 0) throw invalid("至少需要一个审核环节");
  if (steps.length > MAX_STEPS) throw invalid(`审核环节不能超过 ${MAX_STEPS} 个`);
  const keys = new Set<string>();
  return steps.map((step, index) => {
    const where = `第 ${index + 1} 个环节`;
    const key = step.key.trim();
    const name = step.name.trim();
    if (!STEP_KEY.test(key)) throw invalid(`${where}的代码须为小写字母开头的 2 至 40 位小写字母、数字或连字符`);
    if (keys.has(key)) throw invalid(`${where}的代码“${key}”与前面的环节重复`);
    keys.add(key);
    if (textLength(name) < 2 || textLength(name) > 30) throw invalid(`${where}的名称须为 2 至 30 个字`);
    const expectedLevel = LEVEL_OF_ROLE[step.actorRole];
    if (!expectedLevel) throw invalid(`${where}的审核角色不能是考生或第三方系统`);
    if (expectedLevel !== step.level) throw invalid(`${where}的审核角色与层级不符`);
    if (levelDepth(step.level, provinceCode) === null) throw invalid(`${where}：本省没有该层级的机构`);
    const decisions = [...new Set(step.decisions)];
    if (!decisions.every((decision) => DECISIONS.has(decision))) throw invalid(`${where}的审核决定无效`);
    if (!decisions.includes(WorkflowDecision.APPROVE)) throw invalid(`${where}须能作出“通过”的决定`);
    const slaHours = step.slaHours ?? null;
    const warnAtHours = step.warnAtHours ?? null;
    if (slaHours !== null && !(Number.isInteger(slaHours) && slaHours >= 1 && slaHours <= MAX_SLA_HOURS)) {
      throw invalid(`${where}的审核时限须为 1 至 ${MAX_SLA_HOURS} 小时`);
    }
    if (warnAtHours !== null) {
      if (slaHours === null) throw invalid(`${where}没有审核时限，不能设置预警时点`);
      if (!(Number.isInteger(warnAtHours) && warnAtHours >= 1 && warnAtHours < slaHours)) throw invalid(`${where}的预警时点须早于审核时限`);
    }
    return { key, name, actorRole: step.actorRole, level: step.level, decisions, slaHours, warnAtHours };
  });
}

/** The version new applications of this kind use in this province, or null when none is configured. */
export function activeDefinition(em: EntityManager, provinceCode: string, kind: string): Promise<WorkflowDefinition | null> {
  return em.findOne(WorkflowDefinition, { provinceCode, kind, retiredAt: null });
}

/**
 * The initial configuration (DOMAIN's chains for each province): written once per province and
 * kind, at start, when that province has no definition of the kind yet. From then on it is data,
 * edited by the province institute.
 */
export async function seedWorkflowDefinitions(orm: MikroORM, seeds: readonly WorkflowDefinitionSeed[], clock: Clock): Promise<void> {
  const em = orm.em.fork();
  for (const seed of seeds) {
    if (await em.count(WorkflowDefinition, { provinceCode: seed.provinceCode, kind: seed.kind.kind })) continue;
    em.create(WorkflowDefinition, {
      provinceCode: seed.provinceCode,
      kind: seed.kind.kind,
      kindName: seed.kind.name,
      version: 1,
      stepsJson: JSON.stringify(validateSteps(seed.provinceCode, seed.steps)),
      createdAt: clock.now(),
      createdBy: null,
      retiredAt: null,
    });
  }
  try {
    await em.flush();
  } catch (error) {
    // Replicas starting at once: the unique (province, kind, version) keeps one of each.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
  }
}

function requireKind(kinds: readonly WorkflowKindSpec[], kind: string): WorkflowKindSpec {
  const spec = kinds.find((candidate) => candidate.kind === kind) ?? workflowKind(kind);
  if (!spec || !kinds.includes(spec)) throw WorkflowErrors.DEFINITION_KIND_UNKNOWN();
  return spec;
}

/** The chains of one province (current versions, or every version), for the province's staff. */
export async function listWorkflowDefinitions(
  ctx: RequestContext,
  provinceCode: string,
  options: { includeRetired?: boolean } = {},
): Promise<WorkflowDefinition[]> {
  if (!isProvinceCode(provinceCode)) throw WorkflowErrors.PROVINCE_INVALID();
  // Staff anywhere in the province read its chains: judged on the caller's own binding there (the
  // province's path would admit only bindings at the province level), else on the province.
  const binding = ctx.caller?.roles.find((role) => role.provinceCode === provinceCode && READ_WORKFLOWS.roles.includes(role.role));
  authorize(ctx.caller, READ_WORKFLOWS, binding ? { organizationPath: binding.organizationPath } : provinceScope(ctx.caller, provinceCode));
  return ctx.em.find(
    WorkflowDefinition,
    options.includeRetired ? { provinceCode } : { provinceCode, retiredAt: null },
    { orderBy: { kind: "asc", version: "desc" } },
  );
}

/**
 * A new version of a province's chain for one kind, written by that province's institute. The
 * version it was edited from must still be current (else DEFINITION_VERSION_CONFLICT): two editors
 * never overwrite each other. Applications already started keep their version.
 */
export async function updateWorkflowDefinition(
  ctx: RequestContext,
  kinds: readonly WorkflowKindSpec[],
  input: { provinceCode: string; kind: string; expectedVersion: number; steps: readonly WorkflowStepSpec[] },
): Promise<WorkflowDefinition> {
  if (!isProvinceCode(input.provinceCode)) throw WorkflowErrors.PROVINCE_INVALID();
  const scope = provinceScope(ctx.caller, input.provinceCode);
  const caller = authorize(ctx.caller, CONFIGURE_WORKFLOWS, scope);
  const kind = requireKind(kinds, input.kind);
  const steps = validateSteps(input.provinceCode, input.steps);
  return ctx.transaction(async (tx) => {
    const current = await activeDefinition(tx.em, input.provinceCode, kind.kind);
    if (!current || current.version !== input.expectedVersion) throw WorkflowErrors.DEFINITION_VERSION_CONFLICT();
    const now = tx.clock.now();
    const retired = await tx.em.nativeUpdate(WorkflowDefinition, { id: current.id, retiredAt: null }, { retiredAt: now });
    if (retired !== 1) throw WorkflowErrors.DEFINITION_VERSION_CONFLICT();
    const next = tx.em.create(WorkflowDefinition, {
      provinceCode: input.provinceCode,
      kind: kind.kind,
      kindName: kind.name,
      version: current.version + 1,
      stepsJson: JSON.stringify(steps),
      createdAt: now,
      createdBy: caller.subject,
      retiredAt: null,
    });
    await tx.audit.record({
      action: "workflow-definition.updated",
      subject: { type: "WorkflowDefinition", id: `${input.provinceCode}:${kind.kind}` },
      organizationPath: scope.organizationPath,
      before: { version: current.version, steps: current.steps() },
      after: { version: next.version, steps },
    });
    await flushUnique(tx.em, () => WorkflowErrors.DEFINITION_VERSION_CONFLICT());
    return next;
  });
}
