/**
 * `province seed`: writes the bench province (`@xuekao/demo-data`'s provincePlan: Inner Mongolia,
 * leagues → counties → schools → classes, class teachers, county agencies, candidates) into the
 * identity and registry databases the platform then runs on, configured like the subgraphs
 * (DATA_DIR, DATABASE_URL, <SUBGRAPH>_DATABASE_URL, PERSONAL_DATA_KEYS). Each database is migrated
 * first, as the subgraph does at start. Benchmarks only, never `npm start`; refuses to run twice.
 */
import { provincePlan } from "@xuekao/demo-data";
import { identitySubgraph, seedIdentityProvince } from "@xuekao/identity";
import { registrySubgraph, seedRegistryProvince } from "@xuekao/registry";
import { createLogger, createSubgraphService, loadSubgraphConfig, type AnySubgraphDefinition, type SubgraphService } from "@xuekao/subgraph-kit";
import type { CommandOutput } from "./commands.js";

export interface ProvinceSeedOptions {
  candidates: number;
  pendingPerClass: number;
  batchSize: number;
}

export interface ProvinceSeedReport {
  candidates: number;
  schools: number;
  classes: number;
  counties: number;
  pending: number;
  sessionId: string;
  seconds: number;
}

async function openService(definition: AnySubgraphDefinition, env: Record<string, string | undefined>): Promise<SubgraphService> {
  const config = loadSubgraphConfig(definition, { ...env, SEED_DEMO: undefined });
  // Only warnings: the seeder reports its own progress.
  return createSubgraphService(definition, config, createLogger(definition.name, "warn"), env);
}

export async function seedProvince(env: Record<string, string | undefined>, options: ProvinceSeedOptions, out: CommandOutput): Promise<ProvinceSeedReport> {
  const started = performance.now();
  const plan = provincePlan(options.candidates, options.pendingPerClass);
  out.write(`基准省份：${plan.candidates} 名考生，${plan.schoolCount} 所学校，${plan.classCount} 个班级，${plan.counties.length} 个旗县区`);
  let lastLine = 0;
  const progress = (what: string, done: number, total: number) => {
    const now = performance.now();
    if (done < total && now - lastLine < 2000) return;
    lastLine = now;
    out.write(`  ${what}：${done}/${total}（${((now - started) / 1000).toFixed(1)} 秒）`);
  };
  const identity = await openService(identitySubgraph as AnySubgraphDefinition, env);
  try {
    await seedIdentityProvince(identity.systemContext() as Parameters<typeof seedIdentityProvince>[0], plan, { batchSize: options.batchSize, progress });
  } finally {
    await identity.close();
  }
  const registry = await openService(registrySubgraph as AnySubgraphDefinition, env);
  let sessionId: string;
  try {
    ({ sessionId } = await seedRegistryProvince(registry.systemContext() as Parameters<typeof seedRegistryProvince>[0], plan, { batchSize: options.batchSize, progress }));
  } finally {
    await registry.close();
  }
  const pending = countPending(plan);
  const seconds = (performance.now() - started) / 1000;
  out.write(`完成：${seconds.toFixed(1)} 秒；待班主任审核的预注册 ${pending} 份；开放考次 ${sessionId}`);
  return { candidates: plan.candidates, schools: plan.schoolCount, classes: plan.classCount, counties: plan.counties.length, pending, sessionId, seconds };
}

/** Each class keeps its last `pendingPerClass` candidates under review (a class of one keeps none registered). */
const countPending = (plan: ReturnType<typeof provincePlan>) => Math.min(plan.candidates, plan.classCount * plan.pendingPerClass);
