import { createRequire } from "node:module";
import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";
import { federation } from "@module-federation/vite";
import { gatewayUrlFrom, runtimeConfigPlugin } from "./runtime-config.ts";

const SHARED = ["vue", "vue-router", "pinia", "vue-i18n", "element-plus"] as const;
const require = createRequire(import.meta.url);
/** Installed versions of the shared singletons, for the runtime fallback in federation-loader.ts. */
const sharedVersions = Object.fromEntries(SHARED.map((name) => [name, (require(`${name}/package.json`) as { version: string }).version]));

const port = Number(process.env.SHELL_PORT || 5173);
const graphqlProxy = { "/graphql": { target: gatewayUrlFrom(process.env), changeOrigin: true } };

// The shell is a federation host without static remotes: it registers them at runtime from
// /config.json. It provides the singletons every remote shares.
export default defineConfig({
  plugins: [
    vue(),
    runtimeConfigPlugin(),
    federation({
      name: "xuekao_shell", // HOST_NAME in src/remotes/federation-loader.ts
      remotes: {},
      dts: false,
      shared: Object.fromEntries(SHARED.map((name) => [name, { singleton: true }])),
    }),
  ],
  define: {
    __SHARED_VERSIONS__: JSON.stringify(sharedVersions),
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  // Element Plus is installed whole (one shared singleton for every remote), hence the large chunk.
  build: { target: "esnext", chunkSizeWarningLimit: 1200 },
  server: { port, strictPort: true, proxy: graphqlProxy },
  preview: { port, strictPort: true, proxy: graphqlProxy },
});
