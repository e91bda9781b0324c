import type { Server } from "node:http";
import { ApolloServer, type BaseContext } from "@apollo/server";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeServer, createGraphQLHttpServer, listen, matchRoute, MAX_BODY_BYTES, requestIdOf, type HttpRoutes } from "./http.js";

interface TestContext extends BaseContext {
  requestId: string;
  inRun: boolean;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("createGraphQLHttpServer", () => {
  const logLines: Array<{ level: number; msg: string }> = [];
  const logger = pino({ level: "info" }, { write: (line: string) => void logLines.push(JSON.parse(line) as { level: number; msg: string }) });
  let readyError: Error | undefined;
  let running = false;
  let server: Server;
  let base: string;

  const apollo = new ApolloServer<TestContext>({
    typeDefs: `type Query { hello: String, requestId: String, inRun: Boolean, echo(text: String!): String }`,
    resolvers: {
      Query: {
        hello: () => "你好",
        requestId: (_parent: unknown, _args: unknown, context: TestContext) => context.requestId,
        inRun: (_parent: unknown, _args: unknown, context: TestContext) => context.inRun,
        echo: (_parent: unknown, args: { text: string }) => args.text,
      },
    },
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });

  beforeAll(async () => {
    await apollo.start();
    server = createGraphQLHttpServer<TestContext>({
      apollo,
      logger,
      run: async (work) => {
        running = true;
        try {
          return await work();
        } finally {
          running = false;
        }
      },
      context: async (_request, requestId) => ({ requestId, inRun: running }),
      routes: {
        "/exact": (_request, response) => void response.end("exact"),
        "/things/*": (request, response) => void response.end(`things ${request.method} ${request.url}`),
      },
      health: {
        ready: () => {
          if (readyError) throw readyError;
        },
      },
    });
    const listening = await listen(server, 0, "127.0.0.1");
    base = listening.url;
    expect(listening.url).toBe(`http://127.0.0.1:${listening.port}`);
  });
  afterAll(async () => {
    await closeServer(server, 1000);
    await apollo.stop();
  });

  it("answers /healthz with 200", async () => {
    const response = await fetch(`${base}/healthz`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers /readyz with 200 when ready, 503 with the reason when the check throws", async () => {
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });

    readyError = new Error("database not connected");
    try {
      const unavailable = await fetch(`${base}/readyz`);
      expect(unavailable.status).toBe(503);
      expect(await unavailable.json()).toEqual({ status: "unavailable", reason: "database not connected" });
      // Liveness does not depend on readiness.
      expect((await fetch(`${base}/healthz`)).status).toBe(200);
    } finally {
      readyError = undefined;
    }
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
  });

  it("answers an unknown path with 404", async () => {
    for (const path of ["/", "/graphiql", "/graphql/extra", "/healthz/x"]) {
      const response = await fetch(`${base}${path}`);
      expect(response.status, path).toBe(404);
      expect(await response.json()).toEqual({ error: "Not found" });
      expect(response.headers.get("x-request-id")).toMatch(UUID);
    }
  });

  it("serves plain routes by exact path and by prefix, handing the raw URL to the handler", async () => {
    expect(await (await fetch(`${base}/exact`)).text()).toBe("exact");
    expect(await (await fetch(`${base}/things/a/b.pdf?sig=1%2F2`, { method: "PUT", body: "x" })).text()).toBe("things PUT /things/a/b.pdf?sig=1%2F2");
    for (const path of ["/things", "/exact/x", "/thingsx/a"]) {
      expect((await fetch(`${base}${path}`)).status, path).toBe(404);
    }
  });

  it("executes GraphQL in `run`, with the request id in the context", async () => {
    const response = await post(JSON.stringify({ query: "{ hello inRun requestId }" }), { "x-request-id": "req-42.a:b" });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req-42.a:b");
    expect(await response.json()).toEqual({ data: { hello: "你好", inRun: true, requestId: "req-42.a:b" } });
  });

  it("generates a request id when none or an unusable one is sent", async () => {
    for (const header of [undefined, "has spaces in it", "x".repeat(129), "semi;colon"]) {
      const response = await post(JSON.stringify({ query: "{ requestId }" }), header === undefined ? {} : { "x-request-id": header });
      const generated = response.headers.get("x-request-id");
      expect(generated, String(header)).toMatch(UUID);
      expect(await response.json()).toEqual({ data: { requestId: generated } });
    }
    const a = (await post(JSON.stringify({ query: "{ hello }" }))).headers.get("x-request-id");
    const b = (await post(JSON.stringify({ query: "{ hello }" }))).headers.get("x-request-id");
    expect(a).not.toBe(b);
    expect(requestIdOf({ headers: { "x-request-id": "x".repeat(128) } } as never)).toBe("x".repeat(128));
  });

  it("refuses invalid JSON with 400 BAD_REQUEST, in Chinese", async () => {
    const response = await post(`{"query": "{ hello }"`, { "x-request-id": "bad-json-1" });
    expect(response.status).toBe(400);
    expect(response.headers.get("x-request-id")).toBe("bad-json-1");
    expect(await response.json()).toEqual({ errors: [{ message: "请求体不是合法的 JSON", extensions: { code: "BAD_REQUEST" } }] });
  });

  it("accepts a body of exactly 1 MiB", async () => {
    const text = "字".repeat(1000);
    const prefix = JSON.stringify({ query: "query($t: String!) { echo(text: $t) }", variables: { t: text } });
    const body = prefix + " ".repeat(MAX_BODY_BYTES - Buffer.byteLength(prefix));
    expect(Buffer.byteLength(body)).toBe(MAX_BODY_BYTES);
    const response = await post(body);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { echo: text } });
  });

  it("refuses a body over 1 MiB with 413 PAYLOAD_TOO_LARGE", async () => {
    const response = await post(`{"query":"{ hello }"}${" ".repeat(MAX_BODY_BYTES)}`, { "x-request-id": "too-big-1" });
    expect(response.status).toBe(413);
    expect(response.headers.get("x-request-id")).toBe("too-big-1");
    expect(await response.json()).toEqual({ errors: [{ message: "请求体过大", extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
    // The server is still fine afterwards.
    expect(await (await post(JSON.stringify({ query: "{ hello }" }))).json()).toEqual({ data: { hello: "你好" } });
  });

  it("lets Apollo answer GraphQL errors and GET requests", async () => {
    const invalid = await post(JSON.stringify({ query: "{ nope }" }));
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe(
      "GRAPHQL_VALIDATION_FAILED",
    );
    const get = await fetch(`${base}/graphql?query=${encodeURIComponent("{ hello }")}`, {
      headers: { "apollo-require-preflight": "true" },
    });
    expect(get.status).toBe(200);
    expect(await get.json()).toEqual({ data: { hello: "你好" } });
  });

  it("does not log request failures for any of the above", () => {
    expect(logLines.filter((line) => line.level >= 50)).toEqual([]);
  });
});

describe("closeServer", () => {
  it("resolves at once for a server that is not listening", async () => {
    const apollo = new ApolloServer({ typeDefs: `type Query { a: Int }` });
    const server = createGraphQLHttpServer({ apollo, logger: pino({ level: "silent" }), context: async () => ({}) });
    await expect(closeServer(server)).resolves.toBeUndefined();
  });

  it("does not wait for idle keep-alive connections", async () => {
    const apollo = new ApolloServer({ typeDefs: `type Query { a: Int }`, resolvers: { Query: { a: () => 1 } } });
    await apollo.start();
    const server = createGraphQLHttpServer({ apollo, logger: pino({ level: "silent" }), context: async () => ({}) });
    const { url } = await listen(server, 0, "127.0.0.1");
    const response = await fetch(`${url}/healthz`);
    expect(response.status).toBe(200);
    await response.text();
    const startedAt = Date.now();
    await closeServer(server, 10_000);
    expect(Date.now() - startedAt).toBeLessThan(2000);
    expect(server.listening).toBe(false);
    await apollo.stop();
  });
});

describe("routes beside GraphQL", () => {
  const exact = () => undefined;
  const files = () => undefined;
  const uploads = () => undefined;
  const routes: HttpRoutes = { "/.well-known/jwks.json": exact, "/files/*": files, "/files/upload/*": uploads, "/files/upload/special": exact };

  it("matches exact paths as before", () => {
    expect(matchRoute(routes, "/.well-known/jwks.json")).toEqual({ handler: exact, rest: "" });
    expect(matchRoute(routes, "/.well-known/jwks.json/x")).toBeNull();
    expect(matchRoute(routes, "/.well-known")).toBeNull();
    expect(matchRoute(undefined, "/files/x")).toBeNull();
  });

  it("matches a prefix below its slash only, the longest prefix first, an exact path before any prefix", () => {
    expect(matchRoute(routes, "/files/download/abc")).toEqual({ handler: files, rest: "download/abc" });
    expect(matchRoute(routes, "/files/upload/abc")).toEqual({ handler: uploads, rest: "abc" });
    expect(matchRoute(routes, "/files/upload/")).toEqual({ handler: uploads, rest: "" });
    expect(matchRoute(routes, "/files/upload/special")).toEqual({ handler: exact, rest: "" });
    expect(matchRoute(routes, "/files")).toBeNull();
    expect(matchRoute(routes, "/filesystem")).toBeNull();
    expect(matchRoute(routes, "/constructor")).toBeNull();
  });

  it("serves exact and prefix routes with the request id, and 404 beside them", async () => {
    const apollo = new ApolloServer({ typeDefs: `type Query { a: Int }`, resolvers: { Query: { a: () => 1 } } });
    await apollo.start();
    const server = createGraphQLHttpServer({
      apollo,
      logger: pino({ level: "silent" }),
      context: async () => ({}),
      routes: {
        // An existing two-argument handler keeps working.
        "/plain": (_request, response) => void response.end("plain"),
        "/things/*": (request, response, match) => {
          response.setHeader("content-type", "application/json");
          response.end(JSON.stringify({ method: request.method, rest: match.rest, requestId: match.requestId, q: match.url.searchParams.get("q") }));
        },
      },
    });
    const { url } = await listen(server, 0, "127.0.0.1");
    try {
      expect(await (await fetch(`${url}/plain`)).text()).toBe("plain");
      const response = await fetch(`${url}/things/a/b?q=1`, { method: "PUT", body: "x", headers: { "x-request-id": "route-1" } });
      expect(await response.json()).toEqual({ method: "PUT", rest: "a/b", requestId: "route-1", q: "1" });
      expect((await fetch(`${url}/things`)).status).toBe(404);
      expect((await fetch(`${url}/plain/x`)).status).toBe(404);
    } finally {
      await closeServer(server, 1000);
      await apollo.stop();
    }
  });
});
