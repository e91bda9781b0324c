// Build config shared by the shell (host) and the remotes, imported as "@xuekao/ui/vite" from their
// vite.config.ts. Keeping the singleton list here means host and remotes cannot share different sets.
import { defineConfig, type ProxyOptions, type UserConfig } from "vite";
import vue from "@vitejs/plugin-vue";
import { federation } from "@module-federation/vite";

/** One copy each, the shell's, for the host and every remote. */
export const SHARED_SINGLETONS = ["vue", "vue-router", "pinia", "vue-i18n", "element-plus"] as const;
export type SharedSingleton = (typeof SHARED_SINGLETONS)[number];

/** The `shared` option of the federation plugin, the same for host and remotes. */
export function sharedSingletons(): Record<SharedSingleton, { singleton: true }> {
  return Object.fromEntries(SHARED_SINGLETONS.map((name) => [name, { singleton: true }])) as Record<SharedSingleton, { singleton: true }>;
}

/** vue-i18n's compile-time flags: composition API only, no devtools in production. */
export const VUE_I18N_DEFINES = {
  __VUE_I18N_FULL_INSTALL__: true,
  __VUE_I18N_LEGACY_API__: false,
  __INTLIFY_PROD_DEVTOOLS__: false,
} as const;

// Element Plus is installed whole (one shared singleton for every remote), hence the large chunk.
export const BUILD_OPTIONS = { target: "esnext", chunkSizeWarningLimit: 1200 } as const;

/** The gateway's base URL, which /graphql and /files/ are proxied to; a trailing "/graphql" is accepted too. */
export function gatewayUrlFrom(env: NodeJS.ProcessEnv): string {
  return (env.GATEWAY_URL || "http://localhost:4000").replace(/\/+$/, "").replace(/\/graphql$/, "");
}

/**
 * Every frontend server (`vite` and `vite preview`) proxies to the gateway what the browser asks
 * of it, so the browser always talks same-origin: /graphql, and /files/<subgraph>/… (uploads and
 * downloads, streamed both ways by the proxy; the gateway passes them on to the subgraph).
 */
export function gatewayProxy(env: NodeJS.ProcessEnv): Record<string, ProxyOptions> {
  const target = gatewayUrlFrom(env);
  return {
    "/graphql": { target, changeOrigin: true },
    "/files/": { target, changeOrigin: true },
  };
}

export interface RemoteConfigOptions {
  /** The remote's name ("candidate"); its federation container is `xuekao_<name>`, as the shell expects. */
  name: string;
  /** Environment variable with the port, e.g. "CANDIDATE_PORT". */
  portEnv: string;
  defaultPort: number;
  /** Modules the shell loads, e.g. { "./routes": "./src/routes.ts" }. */
  exposes: Record<string, string>;
  env?: NodeJS.ProcessEnv;
}

/**
 * A federation remote loaded by the shell at runtime; `vite` / `vite preview` in its folder also
 * serve it standalone (index.html + src/standalone.ts) for development.
 */
export function defineRemoteConfig({ name, portEnv, defaultPort, exposes, env = process.env }: RemoteConfigOptions): UserConfig {
  const port = Number(env[portEnv] || defaultPort);
  const proxy = gatewayProxy(env);
  return defineConfig({
    plugins: [
      vue(),
      federation({ name: `xuekao_${name}`, filename: "remoteEntry.js", exposes, dts: false, shared: sharedSingletons() }),
    ],
    define: VUE_I18N_DEFINES,
    build: BUILD_OPTIONS,
    // The shell loads remoteEntry.js and its chunks cross-origin.
    server: { port, strictPort: true, cors: true, origin: `http://localhost:${port}`, proxy },
    preview: { port, strictPort: true, cors: true, proxy },
  });
}
