import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { normalizeS3Prefix, S3Storage } from "./s3-storage.js";
import { InvalidStorageKeyError } from "./storage.js";

/**
 * A small S3 stand-in over real HTTP, path-style: PutObject, GetObject (with Range), HeadObject,
 * DeleteObject. S3 is an external boundary; the driver and the SDK under test are the real ones.
 */
class FakeS3 {
  readonly objects = new Map<string, { body: Buffer; contentType: string }>();
  readonly requests: Array<{ method: string; path: string; headers: IncomingMessage["headers"] }> = [];
  /** The next PutObject gets its body read, then the connection is cut (a failure half-way). */
  failNextPut = false;
  private server: Server = createServer((request, response) => {
    // A client that aborts half-way (as the driver does on a failing body) ends the handler here.
    this.handle(request, response).catch(() => response.destroy());
  });
  url = "";

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private error(response: ServerResponse, status: number, code: string, method: string) {
    response.statusCode = status;
    if (method === "HEAD") return response.end();
    response.setHeader("content-type", "application/xml");
    response.end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`);
  }

  private async handle(request: IncomingMessage, response: ServerResponse) {
    const method = request.method ?? "GET";
    const url = new URL(request.url ?? "/", "http://s3");
    this.requests.push({ method, path: url.pathname, headers: request.headers });
    const [, bucket, ...rest] = url.pathname.split("/");
    const key = decodeURIComponent(rest.join("/"));
    if (bucket !== "xuekao-test") return this.error(response, 404, "NoSuchBucket", method);
    if (!String(request.headers.authorization ?? "").startsWith("AWS4-HMAC-SHA256 Credential=AKIDTEST/")) {
      return this.error(response, 403, "AccessDenied", method);
    }
    const object = this.objects.get(key);
    switch (method) {
      case "PUT": {
        const chunks: Buffer[] = [];
        for await (const chunk of request) chunks.push(chunk as Buffer);
        if (this.failNextPut) {
          this.failNextPut = false;
          request.socket.destroy();
          return;
        }
        const body = Buffer.concat(chunks);
        if (Number(request.headers["content-length"]) !== body.length) return this.error(response, 400, "IncompleteBody", method);
        this.objects.set(key, { body, contentType: String(request.headers["content-type"] ?? "binary/octet-stream") });
        response.setHeader("etag", '"etag"');
        return response.end();
      }
      case "GET":
      case "HEAD": {
        if (!object) return this.error(response, 404, method === "HEAD" ? "NotFound" : "NoSuchKey", method);
        let body = object.body;
        const range = /^bytes=(\d+)-(\d+)$/.exec(String(request.headers.range ?? ""));
        if (range) {
          const start = Number(range[1]);
          const end = Math.min(Number(range[2]), body.length - 1);
          if (start >= body.length) return this.error(response, 416, "InvalidRange", method);
          response.statusCode = 206;
          response.setHeader("content-range", `bytes ${start}-${end}/${body.length}`);
          body = body.subarray(start, end + 1);
        }
        response.setHeader("content-type", object.contentType);
        response.setHeader("content-length", body.length);
        return response.end(method === "HEAD" ? undefined : body);
      }
      case "DELETE":
        this.objects.delete(key);
        response.statusCode = 204;
        return response.end();
      default:
        return this.error(response, 405, "MethodNotAllowed", method);
    }
  }
}

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe("S3Storage", () => {
  const s3 = new FakeS3();
  let storage: S3Storage;

  beforeAll(async () => {
    await s3.start();
  });
  afterAll(async () => {
    await storage?.close();
    await s3.stop();
  });
  beforeEach(() => {
    s3.objects.clear();
    s3.requests.length = 0;
    void storage?.close();
    storage = new S3Storage({
      bucket: "xuekao-test",
      region: "ap-beijing",
      endpoint: s3.url,
      forcePathStyle: true,
      credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "not-a-secret" },
      prefix: "xuekao/certification",
    });
  });

  it("streams a body of known length into the bucket under the prefix, and reads it back", async () => {
    const bytes = Buffer.alloc(300 * 1024, 7);
    bytes.write("PNG!", 0);
    await storage.put("certificates/f-1", Readable.from([bytes.subarray(0, 1000), bytes.subarray(1000)]), { contentType: "image/png", size: bytes.length });

    const put = s3.requests.find((request) => request.method === "PUT")!;
    expect(put.path).toBe("/xuekao-test/xuekao/certification/certificates/f-1");
    expect(put.headers["content-length"]).toBe(String(bytes.length));
    expect(put.headers["transfer-encoding"]).toBeUndefined();
    expect(put.headers["content-type"]).toBe("image/png");
    expect(s3.objects.get("xuekao/certification/certificates/f-1")?.body.equals(bytes)).toBe(true);

    expect(await storage.exists("certificates/f-1")).toBe(true);
    expect(await storage.stat("certificates/f-1")).toEqual({ size: bytes.length, contentType: "image/png" });
    const found = await storage.get("certificates/f-1");
    expect(found).toMatchObject({ size: bytes.length, totalSize: bytes.length, contentType: "image/png" });
    expect((await readAll(found!.body)).equals(bytes)).toBe(true);
  });

  it("gathers a body of unknown length and sends it with its length", async () => {
    await storage.put("k", Readable.from([Buffer.from("abc"), Buffer.from("def")]), { contentType: "application/pdf" });
    expect(s3.requests.find((request) => request.method === "PUT")?.headers["content-length"]).toBe("6");
    expect(s3.objects.get("xuekao/certification/k")?.body.toString()).toBe("abcdef");
  });

  it("serves a byte range", async () => {
    await storage.put("r", Readable.from([Buffer.from("0123456789")]), { contentType: "application/pdf", size: 10 });
    const part = await storage.get("r", { range: { start: 3, end: 6 } });
    expect(part).toMatchObject({ size: 4, totalSize: 10, range: { start: 3, end: 6 } });
    expect((await readAll(part!.body)).toString()).toBe("3456");
    await expect(storage.get("r", { range: { start: 20, end: 30 } })).rejects.toThrow(RangeError);
  });

  it("answers null/false for a missing object, and deletes idempotently", async () => {
    expect(await storage.get("missing")).toBeNull();
    expect(await storage.stat("missing")).toBeNull();
    expect(await storage.exists("missing")).toBe(false);
    await storage.put("d", Readable.from([Buffer.from("x")]), { contentType: "image/png", size: 1 });
    await storage.delete("d");
    expect(await storage.exists("d")).toBe(false);
    await expect(storage.delete("d")).resolves.toBeUndefined();
  });

  it("stores nothing when the body fails half-way", async () => {
    async function* failing() {
      yield Buffer.alloc(100 * 1024, 1);
      await new Promise((resolve) => setTimeout(resolve, 20));
      throw new Error("client went away");
    }
    const startedAt = Date.now();
    await expect(storage.put("broken", Readable.from(failing()), { contentType: "image/png", size: 400 * 1024 })).rejects.toThrow("client went away");
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect(s3.objects.size).toBe(0);
  });

  it("fails when the server drops the connection", async () => {
    s3.failNextPut = true;
    await expect(storage.put("dropped", Readable.from([Buffer.from("abc")]), { contentType: "image/png", size: 3 })).rejects.toThrow();
    expect(s3.objects.size).toBe(0);
  });

  it("does not mistake a missing bucket for a missing object", async () => {
    const wrong = new S3Storage({ bucket: "other", region: "ap-beijing", endpoint: s3.url, forcePathStyle: true, credentials: { accessKeyId: "AKIDTEST", secretAccessKey: "x" } });
    try {
      await expect(wrong.get("k")).rejects.toMatchObject({ name: "NoSuchBucket" });
    } finally {
      await wrong.close();
    }
  });

  it("refuses invalid keys before any request", async () => {
    for (const key of ["../k", "/k", "a//b", ".tmp/x"]) {
      await expect(storage.get(key)).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.put(key, Readable.from([Buffer.from("x")]), { contentType: "image/png" })).rejects.toThrow(InvalidStorageKeyError);
    }
    expect(s3.requests).toEqual([]);
  });

  it("normalises the prefix", () => {
    expect(normalizeS3Prefix(undefined)).toBe("");
    expect(normalizeS3Prefix("")).toBe("");
    expect(normalizeS3Prefix("/a/b/")).toBe("a/b/");
    expect(() => normalizeS3Prefix("a/../b")).toThrow(InvalidStorageKeyError);
  });
});
