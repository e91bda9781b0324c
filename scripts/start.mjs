#!/usr/bin/env node
// `npm start`: install, build (turbo-cached: a second start reuses what is built), then run the
// platform on the embedded default (libsql files under .data/, in-process events): the backend
// (four subgraphs in one process), the gateway and the four frontends. Each subgraph migrates its
// own database and seeds the demo data at start. Ctrl-C stops everything.
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { pnpm } from "./pnpm.mjs";
import { checkNode, step } from "./steps.mjs";
import { PORTS, platformEnv, serviceCommands } from "./services.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
checkNode();

step("Installing dependencies (pnpm)");
if (pnpm(["install", "--frozen-lockfile", "--prefer-offline"]) !== 0) process.exit(1);
step("Building (turbo; unchanged packages come from the cache)");
if (pnpm(["exec", "turbo", "run", "build", "--output-logs=errors-only"]) !== 0) process.exit(1);

const env = platformEnv(root);
const children = new Map();
let stopping = false;

function prefixLines(name, stream, target) {
  let buffer = "";
  stream.on("data", (chunk) => {
    buffer += chunk;
    const lines = buffer.split("\n");
    buffer = lines.pop() ?? "";
    for (const line of lines) if (line.trim()) target.write(`[${name.padEnd(13)}] ${line}\n`);
  });
}

async function waitReady(name, urls, child) {
  const deadline = Date.now() + 120_000;
  for (const url of [urls].flat()) {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
      if (Date.now() > deadline) throw new Error(`${name} did not become ready at ${url}`);
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

function start(service) {
  const child = spawn(service.command, service.args, {
    cwd: service.cwd,
    env: { ...env, ...service.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.set(service.name, child);
  prefixLines(service.name, child.stdout, process.stdout);
  prefixLines(service.name, child.stderr, process.stderr);
  child.on("exit", (code, signal) => {
    if (!stopping) {
      process.stderr.write(`\n${service.name} stopped unexpectedly (${signal ?? `exit ${code}`}); stopping the platform.\n`);
      void stopAll(1);
    }
  });
  return waitReady(service.name, service.ready, child);
}

async function stopAll(exitCode = 0) {
  if (stopping) return;
  stopping = true;
  step("Stopping all services");
  await Promise.all(
    [...children.values()].map(
      (child) =>
        new Promise((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once("exit", resolve);
          child.kill("SIGTERM");
          setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
        }),
    ),
  );
  process.exit(exitCode);
}
process.on("SIGINT", () => void stopAll(0));
process.on("SIGTERM", () => void stopAll(0));

const services = serviceCommands(root);
try {
  step("Starting the subgraphs (one process; migrations and demo data run at start)");
  await start(services.find((s) => s.name === "backend"));
  step("Starting the gateway and the frontends");
  await start(services.find((s) => s.name === "gateway"));
  await Promise.all(services.filter((s) => ["candidate", "school", "bureau", "shell"].includes(s.name)).map(start));
} catch (error) {
  process.stderr.write(`\nStart failed: ${error.message}\n`);
  await stopAll(1);
}

console.log(`
xuekao is running (embedded default: libsql files in ${env.DATA_DIR}, in-process events).

  Shell (open this)   http://localhost:${PORTS.shell}/
  Gateway GraphQL     http://127.0.0.1:${PORTS.gateway}/graphql
  Subgraphs (backend) identity :${PORTS.identity}  registry :${PORTS.registry}  certification :${PORTS.certification}  notification :${PORTS.notification}
  Remotes             candidate :${PORTS.candidate}  school :${PORTS.school}  bureau :${PORTS.bureau}

Development SMS: every text message is appended to ${env.SMS_LOG_FILE}
Press Ctrl-C to stop everything.
`);
