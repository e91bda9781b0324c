import { defineConfig } from "vite";
import vue from "@vitejs/plugin-vue";
import { federation } from "@module-federation/vite";

const port = Number(process.env.CANDIDATE_PORT || 5174);
// GATEWAY_URL is the gateway's base URL; a trailing "/graphql" is accepted too.
const gatewayUrl = (process.env.GATEWAY_URL || "http://localhost:4000").replace(/\/+$/, "").replace(/\/graphql$/, "");
const graphqlProxy = { "/graphql": { target: gatewayUrl, changeOrigin: true } };

// A federation remote loaded by the shell at runtime; `vite` / `vite preview` here also serve it
// standalone (index.html + src/standalone.ts) for development.
export default defineConfig({
  plugins: [
    vue(),
    federation({
      name: "xuekao_candidate",
      filename: "remoteEntry.js",
      exposes: { "./routes": "./src/routes.ts", "./Summary": "./src/Summary.vue" },
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
  build: { target: "esnext", chunkSizeWarningLimit: 1200 },
  // The shell loads remoteEntry.js and its chunks cross-origin.
  server: { port, strictPort: true, cors: true, origin: `http://localhost:${port}`, proxy: graphqlProxy },
  preview: { port, strictPort: true, cors: true, proxy: graphqlProxy },
});
