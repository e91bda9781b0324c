// The vitest configuration of every Node package (kit, subgraphs, gateway): each package's
// vitest.config.ts re-exports this, so the graphql alias and timeouts live in one place.
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
    // Integration suites start servers and databases; one file at a time on a 2-core machine.
    fileParallelism: false,
  },
});
