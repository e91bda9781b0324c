import { describe, expect, it } from "vitest";
import type { PluginOption } from "vite";
import { SHARED_SINGLETONS, defineRemoteConfig, gatewayUrlFrom, sharedSingletons } from "./vite";

const pluginNames = (plugins: PluginOption[] | undefined): string[] =>
  (plugins ?? []).flat(Infinity as 1).flatMap((plugin) => (plugin && typeof plugin === "object" && "name" in plugin ? [plugin.name] : []));

describe("shared vite config", () => {
  it("takes the gateway's base URL from GATEWAY_URL, with or without /graphql", () => {
    expect(gatewayUrlFrom({})).toBe("http://localhost:4000");
    expect(gatewayUrlFrom({ GATEWAY_URL: "http://127.0.0.1:4100/graphql" })).toBe("http://127.0.0.1:4100");
    expect(gatewayUrlFrom({ GATEWAY_URL: "http://127.0.0.1:4100/" })).toBe("http://127.0.0.1:4100");
  });

  it("shares every singleton as one", () => {
    expect(Object.keys(sharedSingletons())).toEqual([...SHARED_SINGLETONS]);
    expect(Object.values(sharedSingletons()).every((entry) => entry.singleton)).toBe(true);
  });

  it("serves a remote on its port with CORS and /graphql proxied to the gateway", () => {
    const options = { name: "school", portEnv: "SCHOOL_PORT", defaultPort: 5175, exposes: { "./routes": "./src/routes.ts" } };
    const byDefault = defineRemoteConfig({ ...options, env: {} });
    expect(byDefault.server).toMatchObject({ port: 5175, strictPort: true, cors: true, origin: "http://localhost:5175" });
    expect(byDefault.server?.proxy).toEqual({ "/graphql": { target: "http://localhost:4000", changeOrigin: true } });
    expect(byDefault.build).toMatchObject({ target: "esnext" });
    expect(byDefault.define).toMatchObject({ __VUE_I18N_LEGACY_API__: false });

    const configured = defineRemoteConfig({ ...options, env: { SCHOOL_PORT: "6175", GATEWAY_URL: "http://gw:4000/graphql" } });
    expect(configured.preview).toMatchObject({ port: 6175, cors: true, proxy: { "/graphql": { target: "http://gw:4000" } } });
    expect(pluginNames(configured.plugins)).toContain("vite:vue");
  });
});
