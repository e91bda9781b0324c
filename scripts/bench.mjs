#!/usr/bin/env node
// `npm run bench [-- --candidates N] [-- --database postgresql|libsql] [-- --reseed]`: runs the real
// platform (the embedded backend and the gateway, over HTTP, as `npm start` does) on a seeded
// province and measures, through the gateway: a class teacher's pre-registration queue, a county's
// and the province's record pages (first page and deep in the cursor chain), candidates signing
// in, and a burst of 1,000 distinct candidates entering subjects at once. Prints a table and writes
// bench/results/<timestamp>.json. The province is seeded once per (database, size) with
// `node backend/dist/cli.js province seed` and reused by later runs (PostgreSQL databases
// xkbench_<N>_<subgraph>, or libsql files in .data/bench-<N>/). Build first (`npm run build`).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const arg = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : fallback;
};
const CANDIDATES = Number(arg("candidates", 100_000));
const BURST = Number(arg("burst", Math.min(1000, Math.floor(CANDIDATES * 0.9))));
// --county K: which county agency reads its records (default: the middle one of 96).
const BURST_CONCURRENCY = Number(arg("concurrency", 100));
const REQUESTS = Number(arg("requests", 300));
const PG_BASE = process.env.PG_URL || "postgres://postgres@127.0.0.1:5432/postgres";

// Ports of their own, so that a bench never meets an `npm start` on the same machine.
const BASE_PORT = Number(arg("port", 4100));
const names = ["gateway", "identity", "registry", "certification", "notification"];
names.forEach((name, index) => (process.env[`${name.toUpperCase()}_PORT`] ??= String(BASE_PORT + index)));
const { PORTS, platformEnv } = await import("./services.mjs");
const demo = await import("../packages/demo-data/dist/index.js");

function pgAnswers() {
  const result = spawnSync("psql", [PG_BASE, "-tAc", "select 1"], { encoding: "utf8" });
  return result.status === 0;
}
const driver = arg("database", pgAnswers() ? "postgresql" : "libsql");
const dataDir = join(root, ".data", `bench-${driver}-${CANDIDATES}`);
mkdirSync(dataDir, { recursive: true });
const env = { ...platformEnv(root), DATA_DIR: dataDir, LOG_LEVEL: "warn", SMS_LOG_FILE: join(dataDir, "sms.log") };
delete env.SEED_DEMO;
const pgPrefix = `xkbench_${CANDIDATES}`;
if (driver === "postgresql") {
  const url = new URL(PG_BASE);
  url.pathname = `/${pgPrefix}`;
  env.DATABASE_URL = url.toString();
} else delete env.DATABASE_URL;

const say = (line) => process.stdout.write(`${line}\n`);
const marker = join(dataDir, "seeded.json");
let seeding = null;
if (process.argv.includes("--reseed") || !existsSync(marker)) {
  if (driver === "postgresql") {
    for (const subgraph of ["identity", "registry", "certification", "notification"]) spawnSync("psql", [PG_BASE, "-qc", `drop database if exists ${pgPrefix}_${subgraph}`], { stdio: "inherit" });
  } else {
    for (const subgraph of ["identity", "registry", "certification", "notification"]) spawnSync("rm", ["-f", join(dataDir, `${subgraph}.db`)]);
  }
  say(`Seeding ${CANDIDATES} candidates (${driver})…`);
  const started = performance.now();
  // Progress as it goes (the subgraphs' own warnings are JSON lines on the same stream).
  const result = spawnSync(process.execPath, [join(root, "backend/dist/cli.js"), "province", "seed", "--candidates", String(CANDIDATES)], { env, stdio: ["ignore", "inherit", "inherit"] });
  if (result.status !== 0) process.exit(1);
  seeding = { seconds: (performance.now() - started) / 1000 };
  writeFileSync(marker, JSON.stringify({ candidates: CANDIDATES, driver, seededAt: new Date().toISOString(), seconds: seeding.seconds }, null, 2));
}
const seeded = JSON.parse(readFileSync(marker, "utf8"));

// The platform, as `npm start` runs it (no demo data: the province is the data).
const children = [];
function start(name, cwd, ready) {
  const child = spawn(process.execPath, ["dist/main.js"], { cwd: join(root, cwd), env, stdio: ["ignore", "ignore", "pipe"] });
  child.stderr.on("data", (chunk) => process.stderr.write(`[${name}] ${chunk}`));
  children.push(child);
  return waitReady(ready, child, name).then(() => child);
}
async function waitReady(urls, child, name) {
  const deadline = Date.now() + 300_000;
  for (const url of urls) {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${name} exited (${child.exitCode})`);
      if (Date.now() > deadline) throw new Error(`${name} not ready at ${url}`);
      try {
        if ((await fetch(url)).ok) break;
      } catch {
        // not yet listening
      }
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
const stopAll = () => children.forEach((child) => child.exitCode === null && child.kill("SIGTERM"));
process.on("SIGINT", () => (stopAll(), process.exit(130)));

const rssMiB = (pid) => {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Math.round(Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024);
};

const GATEWAY = `http://127.0.0.1:${PORTS.gateway}/graphql`;
async function gql(query, variables, token) {
  const response = await fetch(GATEWAY, {
    method: "POST",
    headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (!response.ok || body.errors?.length) throw new Error(JSON.stringify(body.errors ?? body).slice(0, 300));
  return body.data;
}

/** Runs `count` calls of `work(i)` with `concurrency` in flight; latencies in ms. */
async function load(label, count, concurrency, work) {
  const latencies = [];
  const errors = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        const i = next++;
        const t0 = performance.now();
        try {
          await work(i);
          latencies.push(performance.now() - t0);
        } catch (error) {
          errors.push(error.message);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p) => (latencies.length ? latencies[Math.min(latencies.length - 1, Math.ceil((p / 100) * latencies.length) - 1)] : NaN);
  const row = { scenario: label, requests: count, concurrency, errors: errors.length, p50Ms: round(pct(50)), p99Ms: round(pct(99)), maxMs: round(latencies.at(-1) ?? NaN), rps: round(latencies.length / seconds) };
  if (errors.length) row.firstError = errors[0];
  say(`  ${label}: p50 ${row.p50Ms} ms, p99 ${row.p99Ms} ms, ${row.rps} req/s${errors.length ? `, ${errors.length} errors (${errors[0]})` : ""}`);
  return row;
}
const round = (value) => Math.round(value * 10) / 10;

const LOGIN = `mutation BenchLogin($input: LoginInput!) { login(input: $input) { accessToken } }`;
const signIn = async (username) => (await gql(LOGIN, { input: { username, password: demo.PROVINCE_PASSWORD } })).login.accessToken;

// The queries the consoles send (school: exam-records.query.ts, pre-registration-review.query.ts).
const QUEUE = `query BenchQueue($first: Int, $after: String) {
  preRegistrationQueue(first: $first, after: $after) {
    items { id name idNumber studentNumber gender birthDate stepKey status submittedAt
      schoolClass { id name } school { name }
      application { id version round stepName canDecide lastReason history { id round action stepName reason occurredAt actorRole } } }
    nextCursor
  }
  me { id roles { role organization { id name kind } } }
}`;
const RECORDS = `query BenchRecords($first: Int, $after: String) {
  examRecordPage(first: $first, after: $after) {
    items { id recordNumber status candidate { id displayName } school { name } }
    nextCursor
  }
}`;
const ENTER = `mutation BenchEnter($input: EnterSubjectsInput!) { enterSubjects(input: $input) { id subjectCode } }`;
const SESSIONS = `query BenchSessions { examSessions { id provinceCode registrationOpensAt registrationClosesAt } }`;

const results = { startedAt: new Date().toISOString(), machine: { cpus: (await import("node:os")).cpus().length, node: process.version }, candidates: CANDIDATES, driver, seeding: seeding ?? { reused: seeded }, scenarios: [], memory: {} };
try {
  say(`Starting the backend and the gateway on ${driver} (${driver === "postgresql" ? `${pgPrefix}_*` : dataDir})…`);
  const t0 = performance.now();
  const backend = await start("backend", "backend", ["identity", "registry", "certification", "notification"].map((name) => `http://127.0.0.1:${PORTS[name]}/readyz`));
  const gateway = await start("gateway", "gateway", [`http://127.0.0.1:${PORTS.gateway}/readyz`]);
  results.startupSeconds = round((performance.now() - t0) / 1000);
  await new Promise((resolve) => setTimeout(resolve, 2000)); // let the relays and schedulers settle
  results.memory.before = { backendMiB: rssMiB(backend.pid), gatewayMiB: rssMiB(gateway.pid) };
  say(`Ready in ${results.startupSeconds} s; RSS backend ${results.memory.before.backendMiB} MiB, gateway ${results.memory.before.gatewayMiB} MiB`);

  const plan = demo.provincePlan(CANDIDATES);
  const teacher = await signIn(demo.provinceTeacherUsername(0, 0));
  // A county in the middle of the record-number order (record numbers begin with the county's area code).
  const countyIndex = Number(arg("county", Math.floor(plan.counties.length / 2)));
  const county = await signIn(demo.provinceCountyUsername(countyIndex));
  results.county = { index: countyIndex, name: plan.counties[countyIndex].name };
  const province = await signIn("bench-province");

  // The machine may be shared: the load average says how much the numbers are worth.
  results.loadAverageAtStart = (await import("node:os")).loadavg().map(round);
  say(`Scenarios (load average ${results.loadAverageAtStart.join(" ")}):`);
  results.scenarios.push(await load("(a) class teacher: preRegistrationQueue first 50", REQUESTS, 10, () => gql(QUEUE, { first: 50 }, teacher)));
  results.scenarios.push(await load("(a1) the same, one at a time", 50, 1, () => gql(QUEUE, { first: 50 }, teacher)));
  results.scenarios.push(await load("(b1) county: examRecordPage first page (50)", REQUESTS, 10, () => gql(RECORDS, { first: 50 }, county)));
  results.scenarios.push(await load("(b1') the same, one at a time", 50, 1, () => gql(RECORDS, { first: 50 }, county)));
  // Deep in the chain: walk the county's cursors to its last page, then ask that page repeatedly.
  const walk = async (token, size, maxPages) => {
    let after = null;
    let pages = 0;
    let lastCursor = null;
    for (; pages < maxPages; pages += 1) {
      const page = (await gql(RECORDS, { first: size, after }, token)).examRecordPage;
      if (!page.nextCursor) break;
      lastCursor = after;
      after = page.nextCursor;
    }
    return { cursor: after ?? lastCursor, pages };
  };
  const walkStart = performance.now();
  const countyDeep = await walk(county, 50, 1000);
  const walkMs = performance.now() - walkStart;
  say(`  county cursor chain: ${countyDeep.pages} pages of 50 walked in ${round(walkMs)} ms`);
  results.countyChain = { pages: countyDeep.pages, walkMs: round(walkMs) };
  results.scenarios.push(await load(`(b2) county: examRecordPage page ${countyDeep.pages + 1} (deep cursor)`, REQUESTS, 10, () => gql(RECORDS, { first: 50, after: countyDeep.cursor }, county)));
  const provinceDeep = await walk(province, 200, 100);
  results.scenarios.push(await load("(b3) province: examRecordPage first page (200)", Math.ceil(REQUESTS / 3), 10, () => gql(RECORDS, { first: 200 }, province)));
  results.scenarios.push(await load("(b3') the same, one at a time", 30, 1, () => gql(RECORDS, { first: 200 }, province)));
  results.scenarios.push(await load(`(b4) province: examRecordPage page ${provinceDeep.pages + 1} of 200 (deep cursor)`, Math.ceil(REQUESTS / 3), 10, () => gql(RECORDS, { first: 200, after: provinceDeep.cursor }, province)));

  // The burst: distinct registered candidates, a fresh sample every run (entries already made by an earlier run would make it a no-op).
  const picked = [];
  const seen = new Set();
  while (picked.length < BURST) {
    const index = Math.floor(Math.random() * CANDIDATES);
    if (seen.has(index)) continue;
    seen.add(index);
    if (demo.provinceCandidate(plan, index).registered) picked.push(index);
  }
  const tokens = new Array(picked.length);
  results.scenarios.push(await load(`(c0) ${picked.length} candidates sign in (login)`, picked.length, 20, async (i) => (tokens[i] = await signIn(demo.provinceCandidateUsername(picked[i])))));
  const now = Date.now();
  const open = (await gql(SESSIONS, {}, tokens.find(Boolean))).examSessions.find((s) => s.provinceCode === "15" && Date.parse(s.registrationOpensAt) <= now && Date.parse(s.registrationClosesAt) > now);
  if (!open) throw new Error("no open session of province 15");
  const SUBJECTS = [["CHINESE", "MATHEMATICS"], ["FOREIGN_LANGUAGE", "PHYSICS"], ["HISTORY", "GEOGRAPHY"]];
  results.scenarios.push(
    await load(`(c) enterSubjects burst: ${picked.length} distinct candidates`, picked.length, BURST_CONCURRENCY, (i) =>
      gql(ENTER, { input: { sessionId: open.id, subjectCodes: SUBJECTS[i % SUBJECTS.length] } }, tokens[i]),
    ),
  );
  results.loadAverageAtEnd = (await import("node:os")).loadavg().map(round);
  results.memory.after = { backendMiB: rssMiB(backend.pid), gatewayMiB: rssMiB(gateway.pid) };
} finally {
  stopAll();
}

say("");
say(`Candidates ${CANDIDATES} on ${driver}; RSS backend ${results.memory.before?.backendMiB} → ${results.memory.after?.backendMiB} MiB, gateway ${results.memory.before?.gatewayMiB} → ${results.memory.after?.gatewayMiB} MiB`);
console.table(results.scenarios.map(({ scenario, requests, concurrency, errors, p50Ms, p99Ms, rps }) => ({ scenario, requests, concurrency, errors, "p50 ms": p50Ms, "p99 ms": p99Ms, "req/s": rps })));
mkdirSync(join(root, "bench/results"), { recursive: true });
const file = join(root, "bench/results", `${results.startedAt.replaceAll(":", "-")}.json`);
writeFileSync(file, JSON.stringify(results, null, 2));
say(`Report: ${file}`);
process.exit(results.scenarios.some((row) => row.errors > 0) ? 1 : 0);
