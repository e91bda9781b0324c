/**
 * Operator commands over the subgraphs' databases, configured like the subgraphs themselves
 * (DATA_DIR, DATABASE_URL, <SUBGRAPH>_DATABASE_URL, PERSONAL_DATA_KEYS):
 *
 *   node backend/dist/cli.js audit verify [subgraph…]              every audit chain, or the ones named
 *   node backend/dist/cli.js personal-data reencrypt [--all] [subgraph…]
 *   node backend/dist/cli.js organizations announce
 *
 * `audit verify` walks each chain and names the first entry that does not hold (edited, missing,
 * or out of order); it exits 1 when any chain is broken. `personal-data reencrypt` brings every
 * protected column under the active key of PERSONAL_DATA_KEYS (after adding a new key as active
 * and keeping the old one listed); `--all` rewrites every row (after changing the lookup key).
 * `organizations announce` puts every organisation of identity in its outbox again
 * (`identity.organization-changed`), which the running identity publishes: other subgraphs'
 * directories (registry's) then know organisations created before they kept one.
 */
import {
  loadPersonalDataKeys,
  loadSubgraphConfig,
  openDatabase,
  reencryptPersonalData,
  registerPersonalDataKeys,
  subgraphEntities,
  systemClock,
  verifyAuditChain,
  type AnySubgraphDefinition,
} from "@xuekao/subgraph-kit";
import { announceOrganizations, identitySubgraph } from "@xuekao/identity";
import { join } from "node:path";
import { SUBGRAPHS } from "./backend.js";
import { seedProvince } from "./province.js";

export interface CommandOutput {
  write(line: string): void;
}

const USAGE = [
  "用法：",
  "  audit verify [子图…]                      校验审计链（默认全部子图）",
  "  personal-data reencrypt [--all] [子图…]   以当前密钥重新加密个人信息（--all：全部重写，含查找索引）",
  "  organizations announce                    重新发布全部组织（供其他子图的组织目录同步）",
  "  province seed --candidates N [--pending-per-class K] [--batch-size B] [--database URL] [--data-dir DIR]",
  "                                           写入基准测试用的省级数据（身份、登记子图；仅用于基准测试，不可重复写入）",
  `  子图：${SUBGRAPHS.map((definition) => definition.name).join("、")}`,
].join("\n");

async function withDatabase<T>(definition: AnySubgraphDefinition, env: Record<string, string | undefined>, work: (orm: Awaited<ReturnType<typeof openDatabase>>) => Promise<T>): Promise<T> {
  const config = loadSubgraphConfig(definition, env);
  const orm = await openDatabase({ target: config.database, entities: subgraphEntities(definition), migrations: definition.migrations, contextName: `${definition.name}-command` });
  try {
    registerPersonalDataKeys(
      orm,
      loadPersonalDataKeys({ env, nodeEnv: config.nodeEnv, developmentKeyFile: config.nodeEnv === "development" ? join(config.dataDir, "personal-data-keys.json") : undefined }),
    );
    return await work(orm);
  } finally {
    await orm.close();
  }
}

/** Runs one command; returns the exit code (0 fine, 1 a broken chain, 2 a usage error). */
export async function runCommand(args: readonly string[], env: Record<string, string | undefined>, out: CommandOutput): Promise<number> {
  const [area, verb, ...rest] = args;
  if (area === "province" && verb === "seed") return provinceCommand(rest, env, out);
  const all = rest.includes("--all");
  const names = rest.filter((arg) => !arg.startsWith("--"));
  const unknown = names.filter((name) => !SUBGRAPHS.some((definition) => definition.name === name));
  if (unknown.length > 0) {
    out.write(`未知的子图：${unknown.join("、")}\n${USAGE}`);
    return 2;
  }
  const chosen = names.length > 0 ? SUBGRAPHS.filter((definition) => names.includes(definition.name)) : SUBGRAPHS;

  if (area === "audit" && verb === "verify") {
    let broken = 0;
    for (const definition of chosen) {
      const verdict = await withDatabase(definition, env, (orm) => verifyAuditChain(orm.em.fork()));
      if (verdict.intact) {
        out.write(`${definition.name}：审计链完好，共 ${verdict.entries} 条记录`);
      } else {
        broken += 1;
        const id = verdict.brokenAt.id ? `（编号 ${verdict.brokenAt.id}）` : "";
        out.write(`${definition.name}：审计链在第 ${verdict.brokenAt.seq} 条记录${id}处断开：${verdict.reason}`);
      }
    }
    return broken > 0 ? 1 : 0;
  }

  if (area === "personal-data" && verb === "reencrypt") {
    for (const definition of chosen) {
      const report = await withDatabase(definition, env, (orm) =>
        reencryptPersonalData(orm, { all, onProgress: (column, done) => out.write(`${definition.name}：${column} 已处理 ${done} 行`) }),
      );
      const columns = Object.entries(report.rewritten);
      out.write(
        columns.length === 0
          ? `${definition.name}：没有受保护的字段`
          : `${definition.name}：${columns.map(([column, count]) => `${column} 重写 ${count} 行`).join("，")}`,
      );
    }
    return 0;
  }

  if (area === "organizations" && verb === "announce") {
    const count = await withDatabase(identitySubgraph, env, (orm) => announceOrganizations(orm.em.fork(), systemClock.now()));
    out.write(`identity：已将 ${count} 个组织写入待发布事件，运行中的身份子图将发布给其他子图`);
    return 0;
  }

  out.write(USAGE);
  return 2;
}

function optionValue(args: readonly string[], name: string): string | undefined {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : args.find((arg) => arg.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function provinceCommand(args: readonly string[], env: Record<string, string | undefined>, out: CommandOutput): Promise<number> {
  const candidates = Number(optionValue(args, "--candidates") ?? 100_000);
  const pendingPerClass = Number(optionValue(args, "--pending-per-class") ?? 1);
  const batchSize = Number(optionValue(args, "--batch-size") ?? 2000);
  if (!Number.isInteger(candidates) || candidates < 1 || candidates > 300_000 || !Number.isInteger(pendingPerClass) || pendingPerClass < 0 || pendingPerClass > 40 || !Number.isInteger(batchSize) || batchSize < 1) {
    out.write(`参数无效：--candidates 1…300000，--pending-per-class 0…40，--batch-size ≥ 1\n${USAGE}`);
    return 2;
  }
  // --database / --data-dir: the same as DATABASE_URL / DATA_DIR (postgres://…/<prefix> gives <prefix>_identity and <prefix>_registry).
  const database = optionValue(args, "--database");
  const dataDir = optionValue(args, "--data-dir");
  const target = { ...env, ...(database ? { DATABASE_URL: database } : {}), ...(dataDir ? { DATA_DIR: dataDir } : {}) };
  try {
    await seedProvince(target, { candidates, pendingPerClass, batchSize }, out);
    return 0;
  } catch (error) {
    out.write(`写入失败：${(error as Error).message}`);
    return 1;
  }
}
