// @vitest-environment node
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const REPO = fileURLToPath(new URL("../../..", import.meta.url));

function vueFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === "node_modules" || entry.name === "dist") return [];
    const path = join(directory, entry.name);
    return entry.isDirectory() ? vueFiles(path) : entry.name.endsWith(".vue") ? [path] : [];
  });
}

/**
 * Element Plus puts a select's options in a popper with role="tooltip" whose accessible name comes
 * only from the listbox's aria-label (the select's `aria-label` prop): a `<label for>` names the
 * input, not the popper. Without it axe reports aria-tooltip-name (serious) whenever the list is
 * open with nothing chosen — a failure the browser gate sees only when it checks at that moment.
 */
describe("every el-select of the frontends", () => {
  it("has an aria-label, which names its drop-down list", () => {
    const unnamed: string[] = [];
    for (const file of [...vueFiles(join(REPO, "frontends")), ...vueFiles(join(REPO, "packages/ui/src"))]) {
      const source = readFileSync(file, "utf8");
      for (const match of source.matchAll(/<el-select\b[^>]*>/g)) {
        if (!/\s:?aria-label=/.test(match[0])) unnamed.push(`${relative(REPO, file)}: ${match[0].replace(/\s+/g, " ").slice(0, 80)}`);
      }
    }
    expect(unnamed).toEqual([]);
  });
});
