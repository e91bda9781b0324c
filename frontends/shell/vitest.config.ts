import { defineConfig } from "vitest/config";
import vue from "@vitejs/plugin-vue";

export default defineConfig({
  plugins: [vue()],
  define: { __SHARED_VERSIONS__: "{}" },
  test: { environment: "happy-dom", include: ["src/**/*.spec.ts"] },
});
