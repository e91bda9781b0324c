import { createRequire } from "node:module";
import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";
import { federation } from "@module-federation/vite";
// "#ui/vite" is @xuekao/ui/vite (package.json "imports"): vite bundles a subpath import into the
// config, while a package import would go to Node unbundled, and Node cannot load TypeScript.
import { BUILD_OPTIONS, SHARED_SINGLETONS, VUE_I18N_DEFINES, gatewayProxy, sharedSingletons } from "#ui/vite";
import { runtimeConfigPlugin } from "./runtime-config.ts";

const require = createRequire(import.meta.url);
/** Installed versions of the shared singletons, for the runtime fallback in federation-loader.ts. */
const sharedVersions = Object.fromEntries(SHARED_SINGLETONS.map((name) => [name, (require(`${name}/package.json`) as { version: string }).version]));

const port = Number(process.env.SHELL_PORT || 5173);
const proxy = gatewayProxy(process.env);

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
      shared: sharedSingletons(),
    }),
  ],
  define: {
    __SHARED_VERSIONS__: JSON.stringify(sharedVersions),
    ...VUE_I18N_DEFINES,
  },
  build: BUILD_OPTIONS,
  server: { port, strictPort: true, proxy },
  preview: { port, strictPort: true, proxy },
});
