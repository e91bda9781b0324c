import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.e2e-spec.ts"],
    testTimeout: 120_000,
    hookTimeout: 180_000,
    // Each file boots the whole platform; one at a time on a 2-core machine.
    fileParallelism: false,
  },
});
