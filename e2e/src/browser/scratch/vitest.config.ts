import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";
export default defineConfig({
  root: fileURLToPath(new URL("../../..", import.meta.url)),
  resolve: { alias: [{ find: /^.*\/src\/platform\.js$/, replacement: fileURLToPath(new URL("./dev-platform.ts", import.meta.url)) }] },
  test: { include: ["src/browser/scratch/look.ts", "test/browser/*.e2e-spec.ts"], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false },
});
