import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";
import { federation } from "@module-federation/vite";
import { gatewayUrlFrom, runtimeConfigPlugin } from "./runtime-config";

const port = Number(process.env.SHELL_PORT || 5173);
const graphqlProxy = { "/graphql": { target: gatewayUrlFrom(process.env), changeOrigin: true } };

// The shell is a federation host without static remotes: it registers them at runtime from
// /config.json. It provides the singletons every remote shares.
export default defineConfig({
  plugins: [
    vue(),
    runtimeConfigPlugin(),
    federation({
      name: "xuekao_shell",
      remotes: {},
      dts: false,
      shared: {
        vue: { singleton: true },
        "vue-router": { singleton: true },
        pinia: { singleton: true },
        "vue-i18n": { singleton: true },
        "element-plus": { singleton: true },
      },
    }),
  ],
  define: {
    __VUE_I18N_FULL_INSTALL__: true,
    __VUE_I18N_LEGACY_API__: false,
    __INTLIFY_PROD_DEVTOOLS__: false,
  },
  build: { target: "esnext" },
  server: { port, strictPort: true, proxy: graphqlProxy },
  preview: { port, strictPort: true, proxy: graphqlProxy },
});
