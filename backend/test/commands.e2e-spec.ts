import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { certificationSubgraph } from "@xuekao/certification";
import { AuditEntry, openDatabase, subgraphEntities } from "@xuekao/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackend } from "../src/backend.js";
import { runCommand } from "../src/commands.js";

/**
 * The operator commands on a real embedded backend's databases: the demo data writes audit
 * entries (each demo certification case's submission) and protected mobiles; then the backend
 * stops, and the commands run as an operator would run them.
 */
describe("operator commands on the embedded backend's data", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "xuekao-commands-"));
  const env = { ...process.env, NODE_ENV: "development", DATA_DIR: dataDir, SEED_DEMO: "1", LOG_LEVEL: "silent", NATS_URL: "", DATABASE_URL: "" } as Record<string, string | undefined>;
  for (const name of ["IDENTITY", "REGISTRY", "CERTIFICATION", "NOTIFICATION"]) {
    env[`${name}_PORT`] = "0";
    delete env[`${name}_DATABASE_URL`];
  }
  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await runCommand(args, env, { write: (line) => lines.push(line) });
    return { code, output: lines.join("\n") };
  };

  beforeAll(async () => {
    const backend = await startBackend(env);
    await backend.stop();
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("finds every chain intact after a normal start", async () => {
    const { code, output } = await run("audit", "verify");
    expect(code).toBe(0);
    expect(output).toMatch(/certification：审计链完好，共 \d+ 条记录/);
    expect(output).toMatch(/identity：审计链完好/);
  });

  it("names the entry an edit in the database broke", async () => {
    // Someone with access to the database file rewrites what an entry says happened.
    const orm = await openDatabase({
      target: { driver: "libsql", location: join(dataDir, "certification.db") },
      entities: subgraphEntities(certificationSubgraph),
      migrations: certificationSubgraph.migrations,
    });
    try {
      expect(await orm.em.fork().nativeUpdate(AuditEntry, { seq: 2 }, { after: JSON.stringify({ status: "APPROVED" }) })).toBe(1);
    } finally {
      await orm.close();
    }
    const { code, output } = await run("audit", "verify", "certification");
    expect(code).toBe(1);
    expect(output).toMatch(/certification：审计链在第 2 条记录（编号 [0-9a-f-]{36}）处断开：第 2 条记录的内容与其摘要不符（已被改动）/);
  });

  it("re-encrypts protected personal data: nothing to do when everything is under the active key, everything with --all", async () => {
    const quiet = await run("personal-data", "reencrypt", "identity");
    expect(quiet.code).toBe(0);
    expect(quiet.output).toMatch(/identity：app_user\.mobile 重写 0 行/);
    const all = await run("personal-data", "reencrypt", "--all", "identity");
    expect(all.code).toBe(0);
    expect(all.output).toMatch(/identity：app_user\.mobile 重写 \d+ 行/);
  });

  it("refuses an unknown subgraph with the usage", async () => {
    const { code, output } = await run("audit", "verify", "billing");
    expect(code).toBe(2);
    expect(output).toContain("未知的子图：billing");
  });
});
