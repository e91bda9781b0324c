import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import type { Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ApolloServer } from "@apollo/server";
import { generateKeyPair, SignJWT } from "jose";
import { pino } from "pino";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  closeServer,
  createFileRoutes,
  createGraphQLHttpServer,
  createTokenVerifier,
  listen,
  LocalDiskStorage,
  signFileUrl,
  subjectFromAuthorization,
  TOKEN_AUDIENCE,
  TOKEN_ISSUER,
  type DownloadableFile,
  type ReceivedUpload,
  type UploadSlot,
} from "../src/index.js";
import { GIF_BYTES, pngOfSize } from "../src/testing/files.js";

/**
 * The file routes over real HTTP, inside the kit's own node:http front, with the kit's token
 * verifier and the local disk driver. The gateway (which maps `/files/<subgraph>/<rest>` to the
 * subgraph's `/files/<rest>`) is played by `viaGateway`.
 */
const SUBGRAPH = "certification";
const MB = 1024 * 1024;
const USER_A = "0b6c1f3e-user-a";
const USER_B = "7d2e9a10-user-b";
const FILE_NAME = "北京市成绩证明（张三）.png";
const secret = Buffer.from("e2e-file-url-secret-of-at-least-32-bytes");

interface ErrorBody {
  errors: Array<{ message: string; extensions: { code: string } }>;
}

describe("file uploads and downloads beside GraphQL", () => {
  const logLines: string[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void logLines.push(line) });
  let root: string;
  let storage: LocalDiskStorage;
  let server: Server;
  let apollo: ApolloServer;
  let base: string;
  let now = new Date("2026-03-01T08:00:00Z");
  const slots = new Map<string, UploadSlot>();
  const recorded = new Map<string, ReceivedUpload>();
  const tokens: Record<string, string> = {};

  const later = (minutes: number) => new Date(now.getTime() + minutes * 60_000);
  const viaGateway = (signed: string) => signed.replace(`/files/${SUBGRAPH}/`, "/files/");
  const bearer = (subject: string) => ({ authorization: `Bearer ${tokens[subject]}` });
  /** `subject` null: a public URL. */
  const uploadUrl = (fileId: string, subject: string | null = USER_A, minutes = 15) =>
    `${base}${viaGateway(signFileUrl(secret, { subgraph: SUBGRAPH, op: "upload", fileId, expiresAt: later(minutes), ...(subject ? { subject } : {}) }))}`;
  const downloadUrl = (fileId: string, subject: string | null = USER_A, minutes = 5) =>
    `${base}${viaGateway(signFileUrl(secret, { subgraph: SUBGRAPH, op: "download", fileId, expiresAt: later(minutes), ...(subject ? { subject } : {}) }))}`;
  const put = (url: string, body: NonNullable<RequestInit["body"]>, headers: Record<string, string> = bearer(USER_A)) => fetch(url, { method: "PUT", body, headers });

  async function expectError(response: Response, status: number, code: string): Promise<string> {
    expect(response.status, code).toBe(status);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    const body = (await response.json()) as ErrorBody;
    expect(body.errors[0]?.extensions.code).toBe(code);
    expect(body.errors[0]?.message).toMatch(/[\u4e00-\u9fff]/);
    return body.errors[0]!.message;
  }

  async function storedFiles(): Promise<string[]> {
    const entries = await readdir(storage.root, { recursive: true, withFileTypes: true }).catch(() => []);
    return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name).slice(storage.root.length + 1)).sort();
  }

  const certificateSlot = (fileId: string, subject = USER_A): UploadSlot => ({
    maxBytes: 1 * MB,
    allowedTypes: ["image/jpeg", "image/png"],
    storageKey: `certificates/${fileId}`,
    subject,
  });

  beforeAll(async () => {
    root = await mkdtemp(join(tmpdir(), "xuekao-files-e2e-"));
    storage = new LocalDiskStorage(join(root, "files", SUBGRAPH));
    const { privateKey, publicKey } = await generateKeyPair("ES256");
    for (const subject of [USER_A, USER_B]) {
      tokens[subject] = await new SignJWT({ typ: "user", roles: [] })
        .setProtectedHeader({ alg: "ES256" })
        .setSubject(subject)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime("10m")
        .sign(privateKey);
    }

    apollo = new ApolloServer({ typeDefs: `type Query { hello: String }`, resolvers: { Query: { hello: () => "你好" } } });
    await apollo.start();
    server = createGraphQLHttpServer({
      apollo,
      logger,
      context: async () => ({}),
      routes: createFileRoutes({
        subgraph: SUBGRAPH,
        storage,
        secret,
        verifyToken: subjectFromAuthorization(createTokenVerifier(async () => publicKey)),
        now: () => now,
        logger,
        uploads: {
          slot: async (fileId) => slots.get(fileId) ?? null,
          stored: async (fileId, upload) => {
            recorded.set(fileId, upload);
          },
        },
        downloads: {
          file: async (fileId): Promise<DownloadableFile | null> => {
            const upload = recorded.get(fileId);
            const slot = slots.get(fileId);
            return upload && slot ? { storageKey: slot.storageKey, contentType: upload.mimeType, fileName: FILE_NAME, size: upload.size } : null;
          },
        },
      }),
    });
    base = (await listen(server, 0, "127.0.0.1")).url;
  });

  afterAll(async () => {
    await closeServer(server, 1000);
    await apollo.stop();
    await rm(root, { recursive: true, force: true });
  });

  beforeEach(() => {
    now = new Date("2026-03-01T08:00:00Z");
  });

  it("accepts exactly 1,048,576 bytes of PNG into a 1 MB slot and stores them intact", async () => {
    slots.set("cert-exact", certificateSlot("cert-exact"));
    const png = pngOfSize(1_048_576);
    const sha256 = createHash("sha256").update(png).digest("hex");

    const response = await put(uploadUrl("cert-exact"), png, { ...bearer(USER_A), "content-type": "image/png" });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ file: { id: "cert-exact", size: 1_048_576, mimeType: "image/png", sha256 } });
    expect(recorded.get("cert-exact")).toEqual({ size: 1_048_576, mimeType: "image/png", sha256 });
    expect((await readFile(join(storage.root, "certificates", "cert-exact"))).equals(png)).toBe(true);
  });

  it("refuses 1,048,577 bytes with FILE_TOO_LARGE and stores nothing, with or without content-length", async () => {
    const before = await storedFiles();
    slots.set("cert-big", certificateSlot("cert-big"));
    const png = pngOfSize(1_048_577);
    const message = await expectError(await put(uploadUrl("cert-big"), png), 413, "FILE_TOO_LARGE");
    expect(message).toBe("文件过大，不能超过 1 MB");

    // No content-length (chunked): refused by counting.
    const chunked = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let offset = 0; offset < png.length; offset += 64 * 1024) controller.enqueue(png.subarray(offset, offset + 64 * 1024));
        controller.close();
      },
    });
    await expectError(await fetch(uploadUrl("cert-big"), { method: "PUT", body: chunked, headers: bearer(USER_A), duplex: "half" } as RequestInit), 413, "FILE_TOO_LARGE");

    expect(await storedFiles()).toEqual(before);
    expect(recorded.has("cert-big")).toBe(false);
    // The slot is still open: a file within the limit goes through afterwards.
    expect((await put(uploadUrl("cert-big"), pngOfSize(500_000))).status).toBe(200);
  });

  it("judges the type by the bytes: GIF bytes named x.png and sent as image/png are refused", async () => {
    slots.set("cert-gif", certificateSlot("cert-gif"));
    const message = await expectError(
      await put(uploadUrl("cert-gif"), GIF_BYTES, { ...bearer(USER_A), "content-type": "image/png", "content-disposition": 'attachment; filename="x.png"' }),
      415,
      "UNSUPPORTED_FILE_TYPE",
    );
    expect(message).toBe("仅支持 JPG、PNG 格式的图片");
    expect(await storage.exists("certificates/cert-gif")).toBe(false);
  });

  it("refuses an empty body", async () => {
    slots.set("cert-empty", certificateSlot("cert-empty"));
    await expectError(await put(uploadUrl("cert-empty"), new Uint8Array(0)), 400, "FILE_EMPTY");
  });

  it("refuses an unsigned or tampered upload URL before reading the body", async () => {
    slots.set("cert-unsigned", certificateSlot("cert-unsigned"));
    await expectError(await put(`${base}/files/upload/cert-unsigned`, pngOfSize(1000)), 403, "SIGNATURE_INVALID");
    const signed = new URL(uploadUrl("cert-unsigned"));
    signed.searchParams.set("exp", String(Number(signed.searchParams.get("exp")) + 86_400));
    await expectError(await put(signed.href, pngOfSize(1000)), 403, "SIGNATURE_INVALID");
    // A signature for another file does not open this one.
    const other = new URL(uploadUrl("cert-other"));
    await expectError(await put(`${base}/files/upload/cert-unsigned${other.search}`, pngOfSize(1000)), 403, "SIGNATURE_INVALID");
    expect(await storage.exists("certificates/cert-unsigned")).toBe(false);
  });

  it("refuses an expired upload URL with UPLOAD_EXPIRED", async () => {
    slots.set("cert-late", certificateSlot("cert-late"));
    const url = uploadUrl("cert-late", USER_A, 15);
    now = later(15);
    const message = await expectError(await put(url, pngOfSize(1000)), 410, "UPLOAD_EXPIRED");
    expect(message).toBe("上传链接已过期，请重新上传");
    expect(await storage.exists("certificates/cert-late")).toBe(false);
  });

  it("binds the URL to its subject: another person's token, no token or a bad token is refused", async () => {
    slots.set("cert-bound", certificateSlot("cert-bound"));
    const url = uploadUrl("cert-bound", USER_A);
    await expectError(await put(url, pngOfSize(1000), bearer(USER_B)), 403, "FORBIDDEN");
    const unauthenticated = await put(url, pngOfSize(1000), {});
    expect(unauthenticated.headers.get("www-authenticate")).toBe("Bearer");
    await expectError(unauthenticated, 401, "UNAUTHENTICATED");
    await expectError(await put(url, pngOfSize(1000), { authorization: "Bearer not-a-token" }), 401, "UNAUTHENTICATED");
    // A public URL cannot write a slot that belongs to someone.
    await expectError(await put(uploadUrl("cert-bound", null), pngOfSize(1000), {}), 403, "FORBIDDEN");
    // A URL issued to B cannot write A's slot either.
    await expectError(await put(uploadUrl("cert-bound", USER_B), pngOfSize(1000), bearer(USER_B)), 403, "FORBIDDEN");
    expect(await storage.exists("certificates/cert-bound")).toBe(false);
    expect((await put(url, pngOfSize(1000), bearer(USER_A))).status).toBe(200);
  });

  it("writes a slot once", async () => {
    slots.set("cert-once", certificateSlot("cert-once"));
    const first = pngOfSize(2000, 1);
    expect((await put(uploadUrl("cert-once"), first)).status).toBe(200);
    await expectError(await put(uploadUrl("cert-once"), pngOfSize(3000, 2)), 409, "UPLOAD_ALREADY_COMPLETED");
    expect((await readFile(join(storage.root, "certificates", "cert-once"))).equals(first)).toBe(true);
  });

  it("answers 404 for an unknown slot and 405 for another method", async () => {
    await expectError(await put(uploadUrl("no-such-slot"), pngOfSize(1000)), 404, "NOT_FOUND");
    const post = await fetch(uploadUrl("no-such-slot"), { method: "POST", body: "x" });
    expect(post.headers.get("allow")).toBe("PUT");
    await expectError(post, 405, "METHOD_NOT_ALLOWED");
  });

  it("streams a stored file back, byte for byte, with safe headers", async () => {
    const png = pngOfSize(1_048_576);
    slots.set("cert-download", certificateSlot("cert-download"));
    expect((await put(uploadUrl("cert-download"), png)).status).toBe(200);

    const response = await fetch(downloadUrl("cert-download"), { headers: bearer(USER_A) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("image/png");
    expect(response.headers.get("content-length")).toBe("1048576");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="file.png"; filename*=UTF-8''${encodeURIComponent(FILE_NAME)}`);
    expect(response.headers.get("cache-control")).toBe("private, no-store");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);

    const head = await fetch(downloadUrl("cert-download"), { method: "HEAD", headers: bearer(USER_A) });
    expect(head.status).toBe(200);
    expect(head.headers.get("content-length")).toBe("1048576");
    expect(await head.text()).toBe("");

    const part = await fetch(downloadUrl("cert-download"), { headers: { ...bearer(USER_A), range: "bytes=0-7" } });
    expect(part.status).toBe(206);
    expect(part.headers.get("content-range")).toBe("bytes 0-7/1048576");
    expect(Buffer.from(await part.arrayBuffer()).equals(png.subarray(0, 8))).toBe(true);
    await expectError(await fetch(downloadUrl("cert-download"), { headers: { ...bearer(USER_A), range: "bytes=2000000-" } }), 416, "RANGE_NOT_SATISFIABLE");
  });

  it("refuses a download with a tampered signature, an expired URL, or another person's token", async () => {
    slots.set("cert-guarded", certificateSlot("cert-guarded"));
    expect((await put(uploadUrl("cert-guarded"), pngOfSize(5000))).status).toBe(200);
    const url = new URL(downloadUrl("cert-guarded"));
    const sig = url.searchParams.get("sig")!;
    url.searchParams.set("sig", (sig[0] === "A" ? "B" : "A") + sig.slice(1));
    await expectError(await fetch(url, { headers: bearer(USER_A) }), 403, "SIGNATURE_INVALID");
    // An upload URL is no download URL.
    await expectError(await fetch(uploadUrl("cert-guarded").replace("/files/upload/", "/files/download/"), { headers: bearer(USER_A) }), 403, "SIGNATURE_INVALID");
    await expectError(await fetch(downloadUrl("cert-guarded"), { headers: bearer(USER_B) }), 403, "FORBIDDEN");
    const expiring = downloadUrl("cert-guarded", USER_A, 5);
    now = later(6);
    expect(await expectError(await fetch(expiring, { headers: bearer(USER_A) }), 410, "DOWNLOAD_EXPIRED")).toBe("下载链接已过期，请刷新页面后重新下载");
  });

  it("serves a public URL without a token, and 404 for a file without record", async () => {
    slots.set("cert-public", certificateSlot("cert-public"));
    const png = pngOfSize(3000);
    expect((await put(uploadUrl("cert-public"), png)).status).toBe(200);
    const response = await fetch(downloadUrl("cert-public", null));
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(png)).toBe(true);
    await expectError(await fetch(downloadUrl("never-uploaded", null)), 404, "NOT_FOUND");
  });

  it("keeps GraphQL and health answering beside the file routes", async () => {
    const response = await fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ query: "{ hello }" }) });
    expect(await response.json()).toEqual({ data: { hello: "你好" } });
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    expect((await fetch(`${base}/files/elsewhere/x`)).status).toBe(404);
  });

  it("logs nothing personal and no failures", () => {
    const text = logLines.join("\n");
    expect(text).toContain("file stored");
    for (const personal of [USER_A, USER_B, FILE_NAME, encodeURIComponent(FILE_NAME), tokens[USER_A]!]) expect(text).not.toContain(personal);
    expect(logLines.map((line) => JSON.parse(line) as { level: number }).filter((line) => line.level >= 50)).toEqual([]);
  });
});
