import { defineConfig } from "vitest/config";

export default defineConfig({
  resolve: {
    // graphql must be one module instance, or type-graphql and Apollo see "another realm".
    alias: [{ find: /^graphql$/, replacement: "graphql/index.js" }],
  },
  test: {
    include: ["src/**/*.spec.ts", "test/**/*.e2e-spec.ts"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
