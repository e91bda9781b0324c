import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";
export default defineConfig({ root: fileURLToPath(new URL("../../..", import.meta.url)), test: { include: ["src/browser/scratch/*.ts", "test/browser/*.e2e-spec.ts"], exclude: ["**/vitest.config.ts"], testTimeout: 120_000, hookTimeout: 180_000, fileParallelism: false } });
