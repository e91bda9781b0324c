// Serves the four built frontends with `vite preview` on free loopback ports, the shell pointed at
// a gateway and at the three remotes, the way they run in production: separately deployed.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";

export const FRONTEND_NAMES = ["shell", "candidate", "school", "bureau"] as const;
export type FrontendName = (typeof FRONTEND_NAMES)[number];
export type RemoteName = Exclude<FrontendName, "shell">;

const frontendsDir = fileURLToPath(new URL("../../../frontends/", import.meta.url));
const frontendDir = (name: FrontendName) => `${frontendsDir}${name}`;

export interface StartFrontendsOptions {
  /** Where the shell (and each standalone remote) proxies /graphql. */
  gatewayUrl: string;
  /** Override the remoteEntry.js URL the shell is given, e.g. a dead URL to test the failure path. */
  remoteEntryOverrides?: Partial<Record<RemoteName, string>>;
  /** Run `vite build` first: "missing" (default) only where dist/ is absent, "always", or "never". */
  build?: "missing" | "always" | "never";
  /** Which frontends to serve; the shell is always served. Default: all four. */
  only?: RemoteName[];
}

export interface RunningFrontends {
  shellUrl: string;
  /** Base URL of each served remote (its standalone page); `${url}/remoteEntry.js` is its entry. */
  remoteUrls: Partial<Record<RemoteName, string>>;
  stop(): Promise<void>;
}

/** A port the OS just handed out and released; good enough on loopback for test processes. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function viteBin(name: FrontendName): string {
  return `${frontendDir(name)}/node_modules/vite/bin/vite.js`;
}

/**
 * The environment without the test runner's markers: @module-federation/vite turns itself off
 * when it sees NODE_ENV=test or VITEST, which would build and serve frontends without federation.
 */
function childEnv(extra: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith("VITEST") || key === "JEST_WORKER_ID") delete env[key];
  if (env.NODE_ENV === "test") delete env.NODE_ENV;
  return { ...env, ...extra };
}

function run(name: FrontendName, args: string[], env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [viteBin(name), ...args], {
    cwd: frontendDir(name),
    env: childEnv(env),
    stdio: ["ignore", "pipe", "pipe"],
  });
}

async function build(name: FrontendName): Promise<void> {
  const child = run(name, ["build", "--logLevel", "warn"], {});
  let output = "";
  child.stdout?.on("data", (d) => (output += d));
  child.stderr?.on("data", (d) => (output += d));
  const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
  if (code !== 0) throw new Error(`vite build of ${name} failed (${code}):\n${output}`);
}

async function waitForHttp(url: string, child: ChildProcess, log: () => string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url}: server exited with ${child.exitCode}\n${log()}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms\n${log()}`);
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

export async function startFrontends(options: StartFrontendsOptions): Promise<RunningFrontends> {
  const remotes: RemoteName[] = options.only ?? ["candidate", "school", "bureau"];
  const served: FrontendName[] = ["shell", ...remotes];
  const buildMode = options.build ?? "missing";
  for (const name of served) {
    if (buildMode === "always" || (buildMode === "missing" && !existsSync(`${frontendDir(name)}/dist/index.html`))) await build(name);
  }

  const ports = Object.fromEntries(await Promise.all(served.map(async (name) => [name, await freePort()] as const))) as Record<FrontendName, number>;
  const origin = (name: FrontendName) => `http://127.0.0.1:${ports[name]}`;
  const remoteUrls: Partial<Record<RemoteName, string>> = {};
  for (const name of remotes) remoteUrls[name] = origin(name);

  const env: NodeJS.ProcessEnv = { GATEWAY_URL: options.gatewayUrl };
  for (const name of ["candidate", "school", "bureau"] as const) {
    const entry = options.remoteEntryOverrides?.[name] ?? (remoteUrls[name] ? `${remoteUrls[name]}/remoteEntry.js` : undefined);
    if (entry) env[`${name.toUpperCase()}_REMOTE_URL`] = entry;
    env[`${name.toUpperCase()}_PORT`] = String(ports[name] ?? "");
  }
  env.SHELL_PORT = String(ports.shell);

  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(children.map(stopChild));
  };
  try {
    await Promise.all(
      served.map(async (name) => {
        const child = run(name, ["preview", "--host", "127.0.0.1", "--port", String(ports[name]), "--strictPort"], env);
        children.push(child);
        let log = "";
        child.stdout?.on("data", (d) => (log += d));
        child.stderr?.on("data", (d) => (log += d));
        await waitForHttp(`${origin(name)}/`, child, () => log);
      }),
    );
  } catch (error) {
    await stop();
    throw error;
  }
  return { shellUrl: origin("shell"), remoteUrls, stop };
}

/** A loopback URL nothing listens on: a remote that is down. */
export async function deadUrl(path = "/remoteEntry.js"): Promise<string> {
  return `http://127.0.0.1:${await freePort()}${path}`;
}
