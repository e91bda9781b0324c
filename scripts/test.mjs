#!/usr/bin/env node
// `npm test`: install, make sure Chromium is there for the browser tests, build, then typecheck,
// lint and test every package (turbo). Integration tests run on libsql and, when it answers at
// PG_URL (default 127.0.0.1:5432), PostgreSQL; REQUIRE_PG=1 turns its absence into a failure.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { join, relative } from "node:path";
import { pnpm, pnpmOutput } from "./pnpm.mjs";
import { checkNode, step } from "./steps.mjs";

checkNode();

step("Installing dependencies (pnpm)");
if (pnpm(["install", "--frozen-lockfile", "--prefer-offline"]) !== 0) process.exit(1);

step("Checking for Chromium (browser tests drive Debian's chromium through playwright-core)");
const chromium = ensureChromium();
console.log(`using ${chromium}`);

step("Building");
if (pnpm(["exec", "turbo", "run", "build", "--output-logs=errors-only"]) !== 0) process.exit(1);

const packages = JSON.parse(pnpmOutput(["-r", "ls", "--depth", "-1", "--json"]) || "[]").map((item) => item.path);
const reportOf = (dir) => join(dir, "test-results", "vitest.json");
for (const dir of packages) rmSync(reportOf(dir), { force: true });

step("Typecheck and lint");
const staticStatus = pnpm(["exec", "turbo", "run", "typecheck", "lint", "--concurrency=2", "--continue", "--output-logs=errors-only"]);

step("Tests: units, integration on libsql and PostgreSQL, federation, browser");
// The reporter flags go to vitest in every package (turbo passes what follows `--` to the task).
const testStatus = pnpm(
  ["exec", "turbo", "run", "test", "--concurrency=2", "--continue", "--", "--reporter=default", "--reporter=json", "--outputFile.json=test-results/vitest.json"],
  { env: { ...process.env, CHROMIUM_PATH: chromium } },
);
const status = staticStatus || testStatus;

// One closing line for the whole suite, summed from every package's vitest JSON report.
let passed = 0;
let failed = 0;
let skipped = 0;
let suitesFailed = 0;
// Each failure again at the very end: CI shows only the tail of the log, and a package's own
// output may have scrolled far above it while the slower packages were still running.
const failures = [];
for (const dir of packages) {
  if (!existsSync(reportOf(dir))) continue;
  const report = JSON.parse(readFileSync(reportOf(dir), "utf8"));
  for (const file of report.testResults ?? []) {
    const where = relative(process.cwd(), file.name);
    if (file.status === "failed" && !(file.assertionResults ?? []).some((test) => test.status === "failed")) failures.push(`${where}: ${firstLines(file.message)}`);
    for (const test of file.assertionResults ?? []) {
      if (test.status === "failed") failures.push(`${where} › ${test.fullName}: ${firstLines((test.failureMessages ?? []).join("\n"))}`);
    }
  }
  passed += report.numPassedTests;
  failed += report.numFailedTests;
  skipped += report.numPendingTests + report.numTodoTests;
  suitesFailed += report.numFailedTestSuites;
}
if (suitesFailed > 0 && failed === 0) failed = suitesFailed;
if (failures.length) console.log(`\nFailed:\n${failures.map((failure) => `- ${failure}`).join("\n")}`);
console.log(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(status !== 0 || failed > 0 ? 1 : 0);

function ensureChromium() {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(Boolean);
  const found = candidates.find((path) => existsSync(path));
  if (found) return found;
  if (process.getuid?.() !== 0) {
    console.error(
      "Chromium is not installed. The browser tests need it: run `sudo apt-get install -y chromium` " +
        "(Debian/Ubuntu) or set CHROMIUM_PATH to a Chromium binary, then run `npm test` again.",
    );
    process.exit(1);
  }
  console.log("installing Debian's chromium package (apt-get)…");
  const apt = (args) => spawnSync("apt-get", args, { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } }).status;
  if (apt(["update"]) !== 0 || apt(["install", "-y", "--no-install-recommends", "chromium"]) !== 0 || !existsSync("/usr/bin/chromium")) {
    console.error("Installing chromium with apt-get failed; install it by hand or set CHROMIUM_PATH.");
    process.exit(1);
  }
  return "/usr/bin/chromium";
}

function firstLines(text = "", count = 6) {
  return String(text).split("\n").filter((line) => line.trim()).slice(0, count).join("\n    ");
}
