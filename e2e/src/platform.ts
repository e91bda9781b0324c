import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_PG_URL, dropPostgresDatabase, type DatabaseDriver } from "@xuekao/subgraph-kit";
import { freePort, waitForHttp } from "./ports.js";

/**
 * Runs the built platform the way `npm start` does — the backend (every subgraph in one process,
 * sharing the in-process event bus) and the gateway, talking HTTP on loopback — but on free
 * ports and a fresh data folder, so tests never meet a developer's running platform or data.
 * `topology: "separate"` runs each subgraph as its own process instead, as production does (with
 * NATS_URL in `env` for events), so a test can stop one of them.
 */

const ROOT = fileURLToPath(new URL("../..", import.meta.url));

export const SUBGRAPH_NAMES = ["identity", "registry", "certification", "notification"] as const;
export type SubgraphName = (typeof SUBGRAPH_NAMES)[number];
export type ServiceName = SubgraphName | "gateway" | "backend";

interface RunningService {
  process: ChildProcess;
  output: string[];
}

export interface Platform {
  gatewayUrl: string;
  /** Where the development SMS driver writes each message (`<time>\t<mobile>\t<text>`): read codes here. */
  smsLogFile: string;
  subgraphUrls: Record<SubgraphName, string>;
  ports: Record<SubgraphName | "gateway", number>;
  /** Stops one service (SIGTERM, waits for exit): to test what the others do without it. */
  stopService(name: ServiceName): Promise<void>;
  /** Starts a stopped service again on the same port and data, and waits until it is ready. */
  startService(name: ServiceName): Promise<void>;
  /** How a stopped service ended: its exit code (0 after a clean SIGTERM shutdown). */
  exitCode(name: ServiceName): number | null;
  /** The last lines a service printed (for failure messages). */
  logs(name: ServiceName): string;
  stop(): Promise<void>;
}

export interface PlatformOptions {
  /** libsql files in a temporary folder (default), or fresh PostgreSQL databases at PG_URL. */
  driver?: DatabaseDriver;
  /** Extra environment for every service. */
  env?: Record<string, string>;
  /** "embedded" (default): one backend process, in-process events; "separate": a process per subgraph. */
  topology?: "embedded" | "separate";
}

export async function startPlatform(options: PlatformOptions = {}): Promise<Platform> {
  const dataDir = mkdtempSync(join(tmpdir(), "xuekao-platform-"));
  // On PostgreSQL each subgraph creates its own database `<prefix>_<subgraph>` at start.
  const pgUrl = process.env.PG_URL ?? DEFAULT_PG_URL;
  const pgPrefix = `xuekao_e2e_${process.pid}_${randomBytes(3).toString("hex")}`;
  const databaseEnv: Record<string, string> =
    options.driver === "postgresql" ? { DATABASE_URL: Object.assign(new URL(pgUrl), { pathname: `/${pgPrefix}` }).toString() } : {};
  const ports = {} as Record<SubgraphName | "gateway", number>;
  for (const name of [...SUBGRAPH_NAMES, "gateway"] as const) ports[name] = await freePort();

  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    NODE_ENV: "development",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "warn",
    HOST: "127.0.0.1",
    DATA_DIR: dataDir,
    SEED_DEMO: "1",
    SMS_LOG_FILE: join(dataDir, "sms.log"),
    GATEWAY_PORT: String(ports.gateway),
    ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_PORT`, String(ports[name])])),
    ...databaseEnv,
    ...options.env,
  };
  const services = new Map<ServiceName, RunningService>();

  const entry = (name: ServiceName) =>
    name === "gateway" ? join(ROOT, "gateway/dist/main.js") : name === "backend" ? join(ROOT, "backend/dist/main.js") : join(ROOT, `subgraphs/${name}/dist/main.js`);
  const readyUrls = (name: ServiceName) =>
    (name === "backend" ? SUBGRAPH_NAMES : [name]).map((service) => `http://127.0.0.1:${ports[service]}/readyz`);

  async function startService(name: ServiceName): Promise<void> {
    const child = spawn(process.execPath, [entry(name)], { env, stdio: ["ignore", "pipe", "pipe"] });
    const output: string[] = [];
    const keep = (chunk: Buffer) => {
      output.push(...String(chunk).split("\n").filter(Boolean));
      if (output.length > 200) output.splice(0, output.length - 200);
    };
    child.stdout?.on("data", keep);
    child.stderr?.on("data", keep);
    services.set(name, { process: child, output });
    const exited = new Promise<never>((_, reject) =>
      child.once("exit", (code) => reject(new Error(`${name} exited with code ${code}:\n${output.join("\n")}`))),
    );
    exited.catch(() => {}); // only a failure while starting matters; a later exit is reported by exitCode()
    await Promise.race([(async () => { for (const url of readyUrls(name)) await waitForHttp(url); })(), exited]);
  }

  async function stopService(name: ServiceName): Promise<void> {
    const service = services.get(name);
    if (!service || service.process.exitCode !== null || service.process.signalCode !== null) return;
    const exited = new Promise((resolve) => service.process.once("exit", resolve));
    service.process.kill("SIGTERM");
    const timer = setTimeout(() => service.process.kill("SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }

  const stop = async () => {
    await Promise.all([...services.keys()].map(stopService));
    rmSync(dataDir, { recursive: true, force: true });
    if (options.driver === "postgresql") {
      for (const name of SUBGRAPH_NAMES) await dropPostgresDatabase(pgUrl, `${pgPrefix}_${name}`);
    }
  };

  try {
    // Subgraphs first (each migrates and seeds its own database), then the gateway.
    if (options.topology === "separate") await Promise.all(SUBGRAPH_NAMES.map(startService));
    else await startService("backend");
    await startService("gateway");
  } catch (error) {
    await stop();
    throw error;
  }

  return {
    gatewayUrl: `http://127.0.0.1:${ports.gateway}/graphql`,
    smsLogFile: join(dataDir, "sms.log"),
    subgraphUrls: Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, `http://127.0.0.1:${ports[name]}/graphql`])) as Record<
      SubgraphName,
      string
    >,
    ports,
    stopService,
    startService,
    exitCode: (name) => services.get(name)?.process.exitCode ?? null,
    logs: (name) => services.get(name)?.output.join("\n") ?? "",
    stop,
  };
}
