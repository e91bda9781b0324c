import { mkdtemp, readdir, rm } from "node:fs/promises";
import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { matchRoute, type HttpRoutes } from "../http.js";
import { pngOfSize } from "../testing/files.js";
import { fileErrors } from "./file-errors.js";
import { createFileRoutes, FILE_DOWNLOAD_ROUTE, FILE_UPLOAD_ROUTE, type FileRoutesOptions, type UploadSlot } from "./file-routes.js";
import { LocalDiskStorage } from "./local-disk-storage.js";
import type { ReceivedUpload } from "./receive-upload.js";
import { signFileUrl } from "./signed-url.js";

const secret = Buffer.alloc(32, 7);
const now = new Date("2026-03-01T08:00:00Z");
const expiresAt = new Date("2026-03-01T08:10:00Z");

describe("createFileRoutes", () => {
  const logLines: Array<{ level: number; msg: string; fileId?: string }> = [];
  let root: string;
  let storage: LocalDiskStorage;
  let routes: HttpRoutes = {};
  let server: Server;
  let base: string;
  let slot: UploadSlot | null;
  let stored: (fileId: string, upload: ReceivedUpload) => Promise<void>;
  let verifyToken: FileRoutesOptions["verifyToken"];

  function build(overrides: Partial<FileRoutesOptions> = {}) {
    routes = createFileRoutes({
      subgraph: "registry",
      storage,
      secret,
      verifyToken: (header) => verifyToken(header),
      now: () => now,
      logger: pino({ level: "debug" }, { write: (line: string) => void logLines.push(JSON.parse(line) as (typeof logLines)[number]) }),
      uploads: { slot: async () => slot, stored: (fileId, upload) => stored(fileId, upload) },
      downloads: { file: async () => ({ storageKey: "photos/p-1", contentType: "image/png", fileName: "photo.png", size: 10 }) },
      ...overrides,
    });
  }

  beforeAll(async () => {
    server = createServer((request, response) => {
      const url = new URL(request.url ?? "/", "http://localhost");
      const route = matchRoute(routes, url.pathname);
      if (!route) {
        response.statusCode = 404;
        return response.end();
      }
      void route.handler(request, response, { url, requestId: "req-1", rest: route.rest });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "xuekao-routes-"));
    storage = new LocalDiskStorage(root);
    slot = { maxBytes: 100_000, allowedTypes: ["image/png"], storageKey: "photos/p-1" };
    stored = async () => undefined;
    verifyToken = async (header) => (header === "Bearer token-a" ? { subject: "a" } : null);
    logLines.length = 0;
    build();
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  const url = (op: "upload" | "download", subject?: string) =>
    base + signFileUrl(secret, { subgraph: "registry", op, fileId: "p-1", expiresAt, ...(subject ? { subject } : {}) }).replace("/files/registry/", "/files/");
  const codeOf = async (response: Response) => ((await response.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code;
  const files = async () => (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);

  it("registers the routes it was given parts for", () => {
    expect(Object.keys(routes).sort()).toEqual([FILE_DOWNLOAD_ROUTE, FILE_UPLOAD_ROUTE]);
    build({ downloads: undefined });
    expect(Object.keys(routes)).toEqual([FILE_UPLOAD_ROUTE]);
    expect(() => build({ secret: Buffer.from("short") })).toThrow(/at least 32 bytes/);
  });

  it("removes the bytes again when recording the upload fails, and answers 500 without details", async () => {
    stored = async () => {
      throw new Error("database down");
    };
    const response = await fetch(url("upload"), { method: "PUT", body: pngOfSize(1000) });
    expect(response.status).toBe(500);
    expect(await codeOf(response)).toBe("INTERNAL_SERVER_ERROR");
    expect(await files()).toEqual([]);
    expect(logLines.some((line) => line.level === 50 && line.msg === "file request failed")).toBe(true);
  });

  it("keeps the bytes when the record says another upload won (UPLOAD_ALREADY_COMPLETED)", async () => {
    stored = async () => {
      throw fileErrors.alreadyCompleted();
    };
    const response = await fetch(url("upload"), { method: "PUT", body: pngOfSize(1000) });
    expect(response.status).toBe(409);
    expect(await storage.exists("photos/p-1")).toBe(true);
  });

  it("refuses a completed slot before reading, and a second upload while the first is in flight", async () => {
    slot = { ...slot!, completed: true };
    expect(await codeOf(await fetch(url("upload"), { method: "PUT", body: pngOfSize(1000) }))).toBe("UPLOAD_ALREADY_COMPLETED");

    slot = { ...slot, completed: false };
    let release!: () => void;
    const recorded = new Promise<void>((resolve) => (release = resolve));
    stored = () => recorded;
    const first = fetch(url("upload"), { method: "PUT", body: pngOfSize(1000) });
    await expect.poll(() => storage.exists("photos/p-1")).toBe(true);
    const second = await fetch(url("upload"), { method: "PUT", body: pngOfSize(2000) });
    expect(second.status).toBe(409);
    release();
    expect((await first).status).toBe(200);
  });

  it("stores nothing and logs no failure when the client goes away half-way", async () => {
    const png = pngOfSize(50_000);
    const request = httpRequest(url("upload"), { method: "PUT", headers: { "content-length": String(png.length) } });
    request.on("error", () => undefined);
    request.write(png.subarray(0, 20_000));
    await new Promise((resolve) => setTimeout(resolve, 100));
    request.destroy();
    await expect.poll(() => logLines.some((line) => line.msg === "upload aborted by the client")).toBe(true);
    expect(await files()).toEqual([]);
    expect(logLines.filter((line) => line.level >= 50)).toEqual([]);
  });

  it("treats a token verifier's UNAUTHENTICATED throw as 401 and anything else as 500", async () => {
    verifyToken = async () => {
      throw Object.assign(new Error("登录已过期，请重新登录"), { extensions: { code: "UNAUTHENTICATED" } });
    };
    const expired = await fetch(url("download", "a"), { headers: { authorization: "Bearer old" } });
    expect(expired.status).toBe(401);
    expect(((await expired.json()) as { errors: Array<{ message: string }> }).errors[0]?.message).toBe("登录已过期，请重新登录");
    verifyToken = async () => {
      throw new Error("key set unreachable");
    };
    expect((await fetch(url("download", "a"), { headers: { authorization: "Bearer x" } })).status).toBe(500);
  });

  it("answers 404 (and warns) when a recorded file's bytes are missing", async () => {
    const response = await fetch(url("download"));
    expect(response.status).toBe(404);
    expect(await codeOf(response)).toBe("NOT_FOUND");
    expect(logLines.some((line) => line.level === 40 && line.fileId === "p-1")).toBe(true);
    expect((await fetch(url("download"), { method: "HEAD" })).status).toBe(404);
  });

  it("answers 404 for a malformed file id and 405 for a wrong method", async () => {
    expect(await codeOf(await fetch(`${base}/files/download/a.b`))).toBe("NOT_FOUND");
    expect(await codeOf(await fetch(`${base}/files/download/`))).toBe("NOT_FOUND");
    const response = await fetch(url("download"), { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });
});
