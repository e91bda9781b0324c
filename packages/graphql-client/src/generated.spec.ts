import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { generate } from "@graphql-codegen/cli";
import { describe, expect, it } from "vitest";
import config from "../codegen.js";

const packageDir = fileURLToPath(new URL("..", import.meta.url));

describe("generated typed operations", () => {
  it("match the committed API schema and the frontends' documents (run `npm run compose` when stale)", async () => {
    const previousCwd = process.cwd();
    process.chdir(packageDir); // codegen.ts paths are relative to the package
    try {
      const outputs = await generate({ ...config, silent: true }, false);
      expect(outputs.length).toBeGreaterThan(0);
      for (const output of outputs) {
        expect(output.content, output.filename).toBe(readFileSync(new URL(`../${output.filename}`, import.meta.url), "utf8"));
      }
    } finally {
      process.chdir(previousCwd);
    }
  }, 60_000);
});
