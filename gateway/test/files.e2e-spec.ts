import { createHash, randomBytes } from "node:crypto";
import { createServer, request as httpRequest, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { closeServer } from "@xuekao/subgraph-kit";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGatewayConfig } from "../src/config.js";
import { createGatewayServer, type GatewayServer } from "../src/server.js";

const MiB = 1024 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const sha256 = (data: Buffer) => createHash("sha256").update(data).digest("hex");

/** What the stand-in subgraph saw of one request. */
interface Seen {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  received: number;
  sha256?: string;
  aborted: boolean;
}

/**
 * A stand-in for a subgraph's `/files/…` routes (the real ones are built elsewhere): it records
 * every request and answers uploads with their size and hash, downloads with a fixed 3 MiB file.
 */
class StandInSubgraph {
  readonly seen: Seen[] = [];
  readonly file = randomBytes(3 * MiB);
  private releaseStream?: () => void;
  server: Server = createServer((request, response) => {
    const seen: Seen = { method: request.method!, url: request.url!, headers: request.headers, received: 0, aborted: false };
    this.seen.push(seen);
    const hash = createHash("sha256");
    request.on("data", (chunk: Buffer) => {
      seen.received += chunk.length;
      hash.update(chunk);
    });
    request.on("close", () => {
      if (!request.complete) seen.aborted = true;
    });
    request.on("end", () => {
      seen.sha256 = hash.digest("hex");
      const path = request.url!.split("?")[0]!;
      if (path.startsWith("/files/uploads/") || path.startsWith("/prefixed/files/uploads/")) {
        response.writeHead(201, { "content-type": "application/json", "x-request-id": String(request.headers["x-request-id"]) });
        response.end(JSON.stringify({ size: seen.received, sha256: seen.sha256 }));
      } else if (path === "/files/docs/report.pdf") {
        this.download(request.headers, response);
      } else if (path === "/files/docs/held.pdf") {
        // The first MiB now, the rest only when the test says so.
        response.writeHead(200, { "content-type": "application/pdf", "content-length": String(this.file.length) });
        response.write(this.file.subarray(0, MiB));
        this.releaseStream = () => response.end(this.file.subarray(MiB));
      } else if (path === "/files/echo") {
        response.writeHead(200, { "content-type": "application/json", "set-cookie": "upstream=secret", server: "stand-in" });
        response.end(JSON.stringify({ url: request.url }));
      } else {
        response.writeHead(404, { "content-type": "application/json" });
        response.end(JSON.stringify({ errors: [{ message: "文件不存在", extensions: { code: "FILE_NOT_FOUND" } }] }));
      }
    });
  });

  private download(headers: IncomingHttpHeaders, response: import("node:http").ServerResponse) {
    const common = {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent("成绩单.pdf")}`,
      "cache-control": "private, max-age=60",
      etag: '"report-v1"',
      "accept-ranges": "bytes",
      "x-request-id": String(headers["x-request-id"]),
    };
    if (headers["if-none-match"] === '"report-v1"') {
      response.writeHead(304, common);
      return response.end();
    }
    const range = /^bytes=(\d+)-(\d+)$/.exec(headers.range ?? "");
    if (range) {
      const [start, end] = [Number(range[1]), Number(range[2])];
      response.writeHead(206, { ...common, "content-length": String(end - start + 1), "content-range": `bytes ${start}-${end}/${this.file.length}` });
      return response.end(this.file.subarray(start, end + 1));
    }
    response.writeHead(200, { ...common, "content-length": String(this.file.length) });
    response.end(this.file);
  }

  release() {
    this.releaseStream?.();
  }

  async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }
}

interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

/** node:http, not fetch: fetch would normalise `..` away before the gateway could refuse it. */
function raw(base: string, method: string, path: string, headers: Record<string, string> = {}, body?: Buffer): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(`${base}${path}`, { method, headers, path }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

const json = (response: RawResponse) => JSON.parse(response.body.toString("utf8")) as { errors: Array<{ message: string; extensions: Record<string, unknown> }> };

async function until(condition: () => boolean, what: string, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** A port nothing listens on: the "subgraph is down" case. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("gateway /files/<subgraph>/… proxy", () => {
  const upstream = new StandInSubgraph();
  const gatewayLog: Array<Record<string, unknown>> = [];
  let gateway: GatewayServer;
  let base: string;

  beforeAll(async () => {
    const upstreamUrl = await upstream.listen();
    gateway = await createGatewayServer(
      loadGatewayConfig({
        NODE_ENV: "production",
        GATEWAY_PORT: "0",
        SUBGRAPH_TIMEOUT_MS: "5000",
        IDENTITY_URL: `http://127.0.0.1:${await closedPort()}/graphql`,
        REGISTRY_URL: `${upstreamUrl}/graphql`,
        CERTIFICATION_URL: `${upstreamUrl}/graphql`,
        // A subgraph behind a path prefix keeps it for its files.
        NOTIFICATION_URL: `${upstreamUrl}/prefixed/graphql`,
      }),
      {
        logger: pino(
          { level: "debug" },
          new Writable({
            write(chunk, _encoding, done) {
              gatewayLog.push(JSON.parse(String(chunk)));
              done();
            },
          }),
        ),
      },
    );
    base = (await gateway.listen()).url;
  });

  afterAll(async () => {
    await gateway?.close();
    await closeServer(upstream.server, 1_000);
  });

  it("streams a 3 MiB upload to the subgraph intact, past GraphQL's 1 MiB limit", async () => {
    const file = randomBytes(3 * MiB);
    const before = upstream.seen.length;
    const answer = new Promise<RawResponse>((resolve, reject) => {
      const request = httpRequest(
        `${base}/files/registry/uploads/evidence.pdf?signature=abc`,
        { method: "PUT", headers: { "content-type": "application/pdf", "content-length": String(file.length), "x-request-id": "req-upload-1" } },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
        },
      );
      request.on("error", reject);
      // Streamed, not buffered: the subgraph has bytes before the client has sent the rest.
      request.write(file.subarray(0, MiB));
      until(() => (upstream.seen[before]?.received ?? 0) > 0, "the first bytes at the subgraph")
        .then(() => {
          expect(upstream.seen[before]!.received).toBeLessThan(file.length);
          request.end(file.subarray(MiB));
        })
        .catch(reject);
    });
    const response = await answer;
    expect(response.status).toBe(201);
    expect(JSON.parse(response.body.toString())).toEqual({ size: file.length, sha256: sha256(file) });
    expect(response.headers["x-request-id"]).toBe("req-upload-1");
    const seen = upstream.seen[before]!;
    expect(seen).toMatchObject({ method: "PUT", url: "/files/uploads/evidence.pdf?signature=abc", sha256: sha256(file), aborted: false });
    expect(seen.headers).toMatchObject({ "content-type": "application/pdf", "content-length": String(file.length), "x-request-id": "req-upload-1" });
  });

  it("streams a POST without a length (chunked) too, to a subgraph behind a path prefix", async () => {
    const file = randomBytes(2 * MiB);
    const response = await fetch(`${base}/files/notification/uploads/chunked.bin`, {
      method: "POST",
      headers: { "content-type": "application/octet-stream" },
      body: new ReadableStream({
        start(controller) {
          controller.enqueue(file.subarray(0, MiB));
          controller.enqueue(file.subarray(MiB));
          controller.close();
        },
      }),
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ size: file.length, sha256: sha256(file) });
    expect(upstream.seen.at(-1)?.url).toBe("/prefixed/files/uploads/chunked.bin");
  });

  it("streams a download back with its status and headers", async () => {
    const response = await raw(base, "GET", "/files/registry/docs/report.pdf", { "x-request-id": "req-download-1" });
    expect(response.status).toBe(200);
    expect(sha256(response.body)).toBe(sha256(upstream.file));
    expect(response.headers).toMatchObject({
      "content-type": "application/pdf",
      "content-length": String(upstream.file.length),
      "content-disposition": `attachment; filename*=UTF-8''${encodeURIComponent("成绩单.pdf")}`,
      "cache-control": "private, max-age=60",
      etag: '"report-v1"',
      "x-request-id": "req-download-1",
      "x-content-type-options": "nosniff",
    });
  });

  it("sends the first bytes of a download before the subgraph has sent the last", async () => {
    const response = await fetch(`${base}/files/registry/docs/held.pdf`);
    expect(response.status).toBe(200);
    const reader = response.body!.getReader();
    let received = 0;
    const chunks: Uint8Array[] = [];
    while (received < MiB) {
      const { value } = await reader.read();
      chunks.push(value!);
      received += value!.length;
    }
    expect(received).toBe(MiB); // the subgraph holds the rest back until now
    upstream.release();
    for (let next = await reader.read(); !next.done; next = await reader.read()) chunks.push(next.value);
    expect(sha256(Buffer.concat(chunks))).toBe(sha256(upstream.file));
  });

  it("passes range and if-none-match on, and 206/304 back", async () => {
    const partial = await raw(base, "GET", "/files/registry/docs/report.pdf", { range: "bytes=0-9" });
    expect(partial.status).toBe(206);
    expect(partial.body).toEqual(upstream.file.subarray(0, 10));
    expect(partial.headers).toMatchObject({ "content-range": `bytes 0-9/${upstream.file.length}`, "content-length": "10", "accept-ranges": "bytes" });

    const unchanged = await raw(base, "GET", "/files/registry/docs/report.pdf", { "if-none-match": '"report-v1"' });
    expect(unchanged.status).toBe(304);
    expect(unchanged.body.length).toBe(0);
    expect(unchanged.headers.etag).toBe('"report-v1"');

    const head = await raw(base, "HEAD", "/files/registry/docs/report.pdf");
    expect(head.status).toBe(200);
    expect(head.headers["content-length"]).toBe(String(upstream.file.length));
    expect(head.body.length).toBe(0);
  });

  it("forwards the query string, authorization and a generated request id, and nothing else", async () => {
    const response = await raw(base, "GET", "/files/certification/echo?sig=a%2Fb%3D&expires=1700000000", {
      authorization: "Bearer token-123",
      cookie: "session=browser-secret",
      "x-forwarded-for": "10.0.0.1",
    });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body.toString())).toEqual({ url: "/files/echo?sig=a%2Fb%3D&expires=1700000000" });
    const seen = upstream.seen.at(-1)!;
    expect(seen.headers.authorization).toBe("Bearer token-123");
    expect(seen.headers["x-request-id"]).toMatch(UUID);
    expect(response.headers["x-request-id"]).toBe(seen.headers["x-request-id"]);
    expect(seen.headers.cookie).toBeUndefined();
    expect(seen.headers["x-forwarded-for"]).toBeUndefined();
    // Only the listed response headers come back.
    expect(response.headers["set-cookie"]).toBeUndefined();
    expect(response.headers.server).toBeUndefined();
  });

  it("passes the subgraph's own 404 through", async () => {
    const response = await raw(base, "GET", "/files/registry/missing.pdf");
    expect(response.status).toBe(404);
    expect(json(response).errors[0]?.extensions.code).toBe("FILE_NOT_FOUND");
  });

  it("answers an unknown subgraph or a malformed path with 404 NOT_FOUND, calling no subgraph", async () => {
    const before = upstream.seen.length;
    for (const path of ["/files/billing/x.pdf", "/files/registry", "/files/registry/", "/files/", "/files/REGISTRY/x", "/files/registry/a//b"]) {
      const response = await raw(base, "GET", path);
      expect(response.status, path).toBe(404);
      expect(json(response), path).toEqual({ errors: [{ message: "文件不存在或地址有误", extensions: { code: "NOT_FOUND" } }] });
      expect(response.headers["x-request-id"], path).toMatch(UUID);
    }
    expect(upstream.seen.length).toBe(before);
  });

  it("refuses path traversal and encoded separators, calling no subgraph", async () => {
    const before = upstream.seen.length;
    for (const path of [
      "/files/registry/../identity/x",
      "/files/registry/docs/../../identity/x",
      "/files/registry/%2e%2e/x",
      "/files/registry/.%2E/x",
      "/files/registry/./x",
      "/files/registry/a%2Fb",
      "/files/registry/a%2fb",
      "/files/registry/a%5Cb",
      "/files/registry/a\\b",
      "/files/registry/a%00b",
      "/files/registry/%E0%A4%A",
      "/files/../files/registry/x",
    ]) {
      const response = await raw(base, "GET", path);
      expect(response.status, path).toBe(404);
      expect(json(response).errors[0]?.extensions.code, path).toBe("NOT_FOUND");
    }
    expect(upstream.seen.length).toBe(before);
  });

  it("answers a method other than GET, HEAD, PUT and POST with 405", async () => {
    const response = await raw(base, "DELETE", "/files/registry/docs/report.pdf");
    expect(response.status).toBe(405);
    expect(response.headers.allow).toBe("GET, HEAD, PUT, POST");
    expect(json(response).errors[0]?.extensions.code).toBe("METHOD_NOT_ALLOWED");
  });

  it("answers 502 SUBGRAPH_UNAVAILABLE when the subgraph is down", async () => {
    for (const method of ["GET", "PUT"]) {
      const response = await raw(base, method, "/files/identity/avatars/1.png", { "content-type": "image/png" }, method === "PUT" ? randomBytes(1024) : undefined);
      expect(response.status, method).toBe(502);
      expect(json(response), method).toEqual({
        errors: [
          { message: "身份与组织服务暂时不可用，文件未能传输，请稍后重试", extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "identity" } },
        ],
      });
    }
  });

  it("ends the subgraph's request when the client aborts mid-upload, and keeps serving", async () => {
    const before = upstream.seen.length;
    const request = httpRequest(`${base}/files/registry/uploads/abandoned.bin`, {
      method: "PUT",
      headers: { "content-type": "application/octet-stream", "content-length": String(3 * MiB), "x-request-id": "req-abandoned" },
    });
    request.on("error", () => {});
    request.write(randomBytes(MiB));
    await until(() => (upstream.seen[before]?.received ?? 0) > 0, "the first bytes at the subgraph");
    request.destroy();

    await until(() => upstream.seen[before]!.aborted, "the subgraph's request to be aborted");
    expect(upstream.seen[before]!.received).toBeLessThan(3 * MiB);
    await until(
      () => gatewayLog.some((line) => line.requestId === "req-abandoned" && line.msg === "files request aborted by the client"),
      "the gateway to finish the aborted request",
    );
    const next = await raw(base, "GET", "/files/registry/docs/report.pdf", { range: "bytes=0-0" });
    expect(next.status).toBe(206);
  });

  it("leaves GraphQL where it was", async () => {
    expect((await raw(base, "GET", "/healthz")).status).toBe(200);
    const refused = await raw(base, "POST", "/graphql", { "content-type": "application/json" }, Buffer.from(JSON.stringify({ query: "{ examSessions { nmae } }" })));
    expect(refused.status).toBe(400);
  });
});
