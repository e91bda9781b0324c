// @vitest-environment node
// (real servers below: the dev server and `vite preview` proxying to a stand-in gateway)
import { createHash, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer, preview, type PluginOption } from "vite";
import { SHARED_SINGLETONS, defineRemoteConfig, gatewayProxy, gatewayUrlFrom, sharedSingletons } from "./vite";

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

  it("serves a remote on its port with CORS and /graphql and /files/ proxied to the gateway", () => {
    const options = { name: "school", portEnv: "SCHOOL_PORT", defaultPort: 5175, exposes: { "./routes": "./src/routes.ts" } };
    const byDefault = defineRemoteConfig({ ...options, env: {} });
    expect(byDefault.server).toMatchObject({ port: 5175, strictPort: true, cors: true, origin: "http://localhost:5175" });
    expect(byDefault.server?.proxy).toEqual({
      "/graphql": { target: "http://localhost:4000", changeOrigin: true },
      "/files/": { target: "http://localhost:4000", changeOrigin: true },
    });
    expect(byDefault.build).toMatchObject({ target: "esnext" });
    expect(byDefault.define).toMatchObject({ __VUE_I18N_LEGACY_API__: false });

    const configured = defineRemoteConfig({ ...options, env: { SCHOOL_PORT: "6175", GATEWAY_URL: "http://gw:4000/graphql" } });
    expect(configured.preview).toMatchObject({
      port: 6175,
      cors: true,
      proxy: { "/graphql": { target: "http://gw:4000" }, "/files/": { target: "http://gw:4000" } },
    });
    expect(pluginNames(configured.plugins)).toContain("vite:vue");
  });
});

const MiB = 1024 * 1024;
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

describe("the frontend servers' proxy to the gateway", () => {
  /** What the stand-in gateway saw: every request, with its body's size and hash. */
  const seen: Array<{ method: string; url: string; headers: IncomingHttpHeaders; received: number; sha256?: string }> = [];
  const file = randomBytes(3 * MiB);
  let gateway: Server;
  let gatewayUrl: string;
  let root: string;

  beforeAll(async () => {
    gateway = createHttpServer((request, response) => {
      const entry: (typeof seen)[number] = { method: request.method!, url: request.url!, headers: request.headers, received: 0 };
      seen.push(entry);
      const hash = createHash("sha256");
      request.on("data", (chunk: Buffer) => {
        entry.received += chunk.length;
        hash.update(chunk);
      });
      request.on("end", () => {
        entry.sha256 = hash.digest("hex");
        if (request.method === "GET" && request.url!.startsWith("/files/")) {
          response.writeHead(200, { "content-type": "application/pdf", "content-length": String(file.length), "content-disposition": "attachment" });
          response.end(file);
        } else {
          response.writeHead(200, { "content-type": "application/json" });
          response.end(JSON.stringify({ received: entry.received, sha256: entry.sha256 }));
        }
      });
    });
    await new Promise<void>((resolve) => gateway.listen(0, "127.0.0.1", resolve));
    gatewayUrl = `http://127.0.0.1:${(gateway.address() as AddressInfo).port}`;
    root = mkdtempSync(join(tmpdir(), "xuekao-vite-proxy-"));
    writeFileSync(join(root, "index.html"), "<!doctype html><title>proxy</title>");
  });

  afterAll(async () => {
    await new Promise((resolve) => gateway.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  /** A PUT of `body` through `base`, its second half sent only once the gateway has bytes of the first. */
  const streamedPut = (base: string, path: string, body: Buffer) =>
    new Promise<{ status: number; body: string }>((resolve, reject) => {
      const before = seen.length;
      const request = httpRequest(`${base}${path}`, { method: "PUT", headers: { "content-type": "application/octet-stream", "content-length": String(body.length) } }, (response) => {
        let text = "";
        response.on("data", (chunk: Buffer) => (text += chunk.toString()));
        response.on("end", () => resolve({ status: response.statusCode!, body: text }));
      });
      request.on("error", reject);
      request.write(body.subarray(0, MiB));
      const deadline = Date.now() + 5_000;
      const waitForFirstBytes = () => {
        if ((seen[before]?.received ?? 0) > 0) return request.end(body.subarray(MiB));
        if (Date.now() > deadline) return reject(new Error("the proxy held the upload back"));
        setTimeout(waitForFirstBytes, 10);
      };
      waitForFirstBytes();
    });

  const servers = {
    "vite (dev server)": async () => {
      const server = await createServer({
        configFile: false,
        root,
        logLevel: "silent",
        optimizeDeps: { noDiscovery: true, entries: [] },
        server: { host: "127.0.0.1", port: 0, watch: null, proxy: gatewayProxy({ GATEWAY_URL: gatewayUrl }) },
      });
      await server.listen();
      return { url: `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}`, close: () => server.close() };
    },
    "vite preview": async () => {
      const server = await preview({
        configFile: false,
        root,
        logLevel: "silent",
        build: { outDir: root },
        preview: { host: "127.0.0.1", port: 0, proxy: gatewayProxy({ GATEWAY_URL: gatewayUrl }) },
      });
      return { url: `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}`, close: () => server.close() };
    },
  };

  it.each(Object.keys(servers))("%s streams /files/ uploads and downloads and passes /graphql to the gateway", async (name) => {
    const server = await servers[name as keyof typeof servers]();
    try {
      const upload = await streamedPut(server.url, "/files/registry/uploads/evidence.pdf?signature=abc", file);
      expect(upload.status).toBe(200);
      expect(JSON.parse(upload.body)).toEqual({ received: file.length, sha256: sha256(file) });
      expect(seen.at(-1)).toMatchObject({ method: "PUT", url: "/files/registry/uploads/evidence.pdf?signature=abc" });

      const download = await fetch(`${server.url}/files/registry/docs/report.pdf`, { headers: { authorization: "Bearer t" } });
      expect(download.status).toBe(200);
      expect(download.headers.get("content-disposition")).toBe("attachment");
      expect(sha256(Buffer.from(await download.arrayBuffer()))).toBe(sha256(file));
      expect(seen.at(-1)?.headers.authorization).toBe("Bearer t");

      const graphql = await fetch(`${server.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
      expect(graphql.status).toBe(200);
      expect(seen.at(-1)).toMatchObject({ method: "POST", url: "/graphql" });

      // Only /files/… and /graphql go to the gateway; the app's own pages stay with the frontend.
      const before = seen.length;
      await fetch(`${server.url}/filesystem`);
      expect(seen.length).toBe(before);
    } finally {
      await server.close();
    }
  });
});
