import { createHash } from "node:crypto";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { GIF_BYTES, jpegOfSize, pngOfSize } from "../testing/files.js";
import { FileRequestError } from "./file-errors.js";
import { LocalDiskStorage } from "./local-disk-storage.js";
import { discardRequestBody, receiveUpload, sniffMimeType, UploadAbortedError, type UploadLimits } from "./receive-upload.js";
import type { PutOptions } from "./storage.js";

const KEY = "uploads/f-1";
const limits: UploadLimits = { maxBytes: 64 * 1024, allowedTypes: ["image/jpeg", "image/png"] };

class CountingStorage extends LocalDiskStorage {
  puts = 0;
  override put(key: string, body: Readable, options: PutOptions): Promise<void> {
    this.puts += 1;
    return super.put(key, body, options);
  }
}

interface Reply {
  status: number;
  body: { size?: number; sha256?: string; mimeType?: string; code?: string };
}

describe("receiveUpload", () => {
  let root: string;
  let storage: CountingStorage;
  let server: Server;
  let port: number;
  let current: UploadLimits = limits;
  const outcomes: unknown[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      receiveUpload(request, { storage, storageKey: KEY, ...current })
        .then((received) => {
          outcomes.push(received);
          response.end(JSON.stringify(received));
        })
        .catch((error: unknown) => {
          outcomes.push(error);
          if (error instanceof UploadAbortedError) return response.destroy();
          response.statusCode = error instanceof FileRequestError ? error.status : 500;
          response.end(JSON.stringify({ code: error instanceof FileRequestError ? error.code : String(error) }));
          discardRequestBody(request);
        });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });
  beforeEach(async () => {
    if (root) await rm(root, { recursive: true, force: true });
    root = await mkdtemp(join(tmpdir(), "xuekao-receive-"));
    storage = new CountingStorage(root);
    current = limits;
    outcomes.length = 0;
  });

  /** Sends `chunks` (then ends, unless `end` is false); `contentLength` undefined → chunked. */
  function send(chunks: Buffer[], options: { contentLength?: number | "auto"; end?: boolean; gapMs?: number } = {}): Promise<Reply> {
    return new Promise((resolve, reject) => {
      const total = chunks.reduce((sum, chunk) => sum + chunk.length, 0);
      const contentLength = options.contentLength === "auto" ? total : options.contentLength;
      const request = httpRequest(
        { host: "127.0.0.1", port, method: "PUT", path: "/", headers: contentLength === undefined ? {} : { "content-length": String(contentLength) } },
        (response: IncomingMessage) => {
          const parts: Buffer[] = [];
          response.on("data", (part: Buffer) => parts.push(part));
          response.on("end", () => {
            resolve({ status: response.statusCode ?? 0, body: JSON.parse(Buffer.concat(parts).toString()) as Reply["body"] });
            request.destroy();
          });
        },
      );
      request.on("error", reject);
      void (async () => {
        for (const chunk of chunks) {
          if (request.destroyed) return;
          request.write(chunk);
          if (options.gapMs) await new Promise((wait) => setTimeout(wait, options.gapMs));
        }
        if (options.end !== false) request.end();
        else request.flushHeaders();
      })();
    });
  }

  async function storedFiles(): Promise<string[]> {
    return (await readdir(root, { recursive: true, withFileTypes: true })).filter((entry) => entry.isFile()).map((entry) => entry.name);
  }

  function split(bytes: Buffer, size: number): Buffer[] {
    const parts: Buffer[] = [];
    for (let offset = 0; offset < bytes.length; offset += size) parts.push(bytes.subarray(offset, offset + size));
    return parts;
  }

  it("accepts exactly maxBytes, with or without content-length, and stores the bytes intact", async () => {
    for (const contentLength of ["auto", undefined] as const) {
      await rm(root, { recursive: true, force: true });
      const png = pngOfSize(limits.maxBytes);
      const reply = await send(split(png, 10_000), { contentLength });
      expect(reply, String(contentLength)).toEqual({
        status: 200,
        body: { size: limits.maxBytes, sha256: createHash("sha256").update(png).digest("hex"), mimeType: "image/png" },
      });
      expect((await readFile(join(root, KEY))).equals(png)).toBe(true);
    }
  });

  it("refuses maxBytes + 1 without content-length, as soon as the limit is passed, storing nothing", async () => {
    const png = pngOfSize(limits.maxBytes + 1);
    // The body never ends: the answer must come from counting, not from the end of the body.
    const reply = await send(split(png, 8192), { end: false });
    expect(reply).toEqual({ status: 413, body: { code: "FILE_TOO_LARGE" } });
    expect(await storedFiles()).toEqual([]);
  });

  it("refuses a content-length over the limit before reading the body", async () => {
    const reply = await send([], { contentLength: 10 * 1024 * 1024, end: false });
    expect(reply).toEqual({ status: 413, body: { code: "FILE_TOO_LARGE" } });
    expect(storage.puts).toBe(0);
    expect((outcomes[0] as FileRequestError).message).toBe("文件过大，不能超过 64 KB");
  });

  it("stores nothing when the body stops short of its content-length", async () => {
    const png = pngOfSize(20_000);
    const request = httpRequest({ host: "127.0.0.1", port, method: "PUT", path: "/", headers: { "content-length": String(png.length + 1000) } });
    request.on("error", () => undefined);
    request.write(png);
    await new Promise((wait) => setTimeout(wait, 100));
    request.destroy();
    await expect.poll(() => outcomes.length).toBe(1);
    expect(outcomes[0]).toBeInstanceOf(UploadAbortedError);
    expect(storage.puts).toBe(1);
    expect(await storedFiles()).toEqual([]);
  });

  it("judges the type by the bytes: GIF, text and unknown bytes are refused before anything is stored", async () => {
    for (const bytes of [GIF_BYTES, Buffer.from("<svg xmlns='http://www.w3.org/2000/svg'/>"), Buffer.alloc(5000, 0x41)]) {
      const reply = await send([bytes], { contentLength: "auto" });
      expect(reply).toEqual({ status: 415, body: { code: "UNSUPPORTED_FILE_TYPE" } });
    }
    expect((outcomes[0] as FileRequestError).message).toBe("仅支持 JPG、PNG 格式的图片");
    expect(storage.puts).toBe(0);
    expect(await storedFiles()).toEqual([]);
  });

  it("accepts a small file (shorter than the sniffing window) and alias spellings of allowed types", async () => {
    current = { maxBytes: 1000, allowedTypes: ["image/JPG"] };
    const jpeg = jpegOfSize(300);
    expect(await send([jpeg], { contentLength: "auto" })).toMatchObject({ status: 200, body: { size: 300, mimeType: "image/jpeg" } });
    expect((await readFile(join(root, KEY))).equals(jpeg)).toBe(true);
  });

  it("refuses an empty body, with content-length 0 or none", async () => {
    expect(await send([], { contentLength: 0 })).toEqual({ status: 400, body: { code: "FILE_EMPTY" } });
    expect(await send([])).toEqual({ status: 400, body: { code: "FILE_EMPTY" } });
    expect(await storedFiles()).toEqual([]);
  });

  it("recognises the test images by their bytes", async () => {
    expect(await sniffMimeType(pngOfSize(1024 * 1024))).toBe("image/png");
    expect(await sniffMimeType(pngOfSize(1024 * 1024).subarray(0, 4100))).toBe("image/png");
    expect(await sniffMimeType(jpegOfSize(100))).toBe("image/jpeg");
    expect(await sniffMimeType(GIF_BYTES)).toBe("image/gif");
    expect(await sniffMimeType(Buffer.from("hello"))).toBeUndefined();
    expect(pngOfSize(1_048_576)).toHaveLength(1_048_576);
  });
});
