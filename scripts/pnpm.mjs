#!/usr/bin/env node
// Runs pnpm without requiring it to be installed: a fresh machine has only Node and npm, and
// corepack cannot fetch pnpm offline, so we go through `npx -y pnpm@<pinned>`.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
export const pnpmVersion = JSON.parse(readFileSync(`${root}/package.json`, "utf8")).packageManager.split("@")[1];

export function pnpm(args, options = {}) {
  const result = spawnSync("npx", ["-y", `pnpm@${pnpmVersion}`, ...args], {
    cwd: root,
    stdio: "inherit",
    ...options,
  });
  return result.status ?? 1;
}

/** Runs pnpm and returns what it printed on stdout. */
export function pnpmOutput(args) {
  return spawnSync("npx", ["-y", `pnpm@${pnpmVersion}`, ...args], { cwd: root, encoding: "utf8" }).stdout ?? "";
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  process.exit(pnpm(process.argv.slice(2)));
}
