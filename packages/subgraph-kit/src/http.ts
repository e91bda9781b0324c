import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import type { Logger } from "pino";

/** Larger bodies are refused before parsing; uploads travel on their own routes, not in GraphQL. */
export const MAX_BODY_BYTES = 1024 * 1024;

export interface HealthChecks {
  /** Liveness: the process answers. */
  live?: () => Promise<void> | void;
  /** Readiness: dependencies (database, …) answer; throws with a reason otherwise. */
  ready?: () => Promise<void> | void;
}

export interface GraphQLHttpOptions<Context extends BaseContext> {
  apollo: ApolloServer<Context>;
  logger: Logger;
  /** Builds the per-request context; `run` wraps execution (e.g. in a MikroORM RequestContext). */
  context: (request: IncomingMessage, requestId: string) => Promise<Context>;
  run?: <T>(work: () => Promise<T>) => Promise<T>;
  health?: HealthChecks;
  graphqlPath?: string;
  /** Plain HTTP routes beside GraphQL (e.g. identity's JWKS, the file routes); see `HttpRoutes`. */
  routes?: HttpRoutes;
}

/** What the server matched; handlers that only need the request and response may ignore it. */
export interface HttpRouteMatch {
  url: URL;
  requestId: string;
  /** For a prefix route, the path after the prefix (`/files/upload/*` on `/files/upload/ab` → `ab`); "" for an exact route. */
  rest: string;
}

export type HttpRouteHandler = (request: IncomingMessage, response: ServerResponse, match: HttpRouteMatch) => void | Promise<void>;

/**
 * Routes by path: a key is an exact path (`/.well-known/jwks.json`), or, ending in `/*`, a
 * prefix (`/files/upload/*` answers every path below `/files/upload/`). An exact path wins over
 * a prefix, and a longer prefix over a shorter one. The prefix is matched on the normalised path;
 * a handler that maps the rest of the path onto something must check the raw `request.url`
 * itself (dot segments, encoded slashes). The body is the handler's to read or stream: GraphQL's
 * body limit does not apply.
 */
export type HttpRoutes = Record<string, HttpRouteHandler>;

const PREFIX_SUFFIX = "/*";

/** Finds the handler for a path among `routes` (exact first, then the longest prefix). */
export function matchRoute(routes: HttpRoutes | undefined, pathname: string): { handler: HttpRouteHandler; rest: string } | null {
  if (!routes) return null;
  if (Object.hasOwn(routes, pathname) && !pathname.endsWith(PREFIX_SUFFIX)) return { handler: routes[pathname]!, rest: "" };
  let best: { handler: HttpRouteHandler; rest: string; length: number } | null = null;
  for (const [key, handler] of Object.entries(routes)) {
    if (!key.endsWith(PREFIX_SUFFIX)) continue;
    const prefix = key.slice(0, -1); // keeps the slash: `/files/*` does not answer `/filesystem`
    if (pathname.startsWith(prefix) && (!best || prefix.length > best.length)) {
      best = { handler, rest: pathname.slice(prefix.length), length: prefix.length };
    }
  }
  return best && { handler: best.handler, rest: best.rest };
}

export function requestIdOf(request: IncomingMessage): string {
  const header = request.headers["x-request-id"];
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[\w.:-]{1,128}$/.test(value) ? value : randomUUID();
}

class BodyTooLargeError extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString("utf8");
}

function sendJson(response: ServerResponse, status: number, body: unknown, requestId?: string) {
  response.statusCode = status;
  response.setHeader("content-type", "application/json; charset=utf-8");
  if (requestId) response.setHeader("x-request-id", requestId);
  response.end(JSON.stringify(body));
}

/**
 * A plain node:http front for Apollo Server (Apollo 5 ships no framework-free integration),
 * with `/healthz`, `/readyz`, request ids and a body size limit. Used by every subgraph and the gateway.
 */
export function createGraphQLHttpServer<Context extends BaseContext>(options: GraphQLHttpOptions<Context>): Server {
  const graphqlPath = options.graphqlPath ?? "/graphql";
  const run = options.run ?? ((work) => work());

  return createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const requestId = requestIdOf(request);
    try {
      if (url.pathname === "/healthz") {
        await options.health?.live?.();
        return sendJson(response, 200, { status: "ok" });
      }
      if (url.pathname === "/readyz") {
        try {
          await options.health?.ready?.();
          return sendJson(response, 200, { status: "ready" });
        } catch (error) {
          return sendJson(response, 503, { status: "unavailable", reason: (error as Error).message });
        }
      }
      const route = matchRoute(options.routes, url.pathname);
      if (route) return await route.handler(request, response, { url, requestId, rest: route.rest });
      if (url.pathname !== graphqlPath) {
        return sendJson(response, 404, { error: "Not found" }, requestId);
      }

      const startedAt = performance.now();
      const logger = options.logger.child({ requestId });
      const headers = new HeaderMap();
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
      }
      let body: unknown = undefined;
      if (request.method === "POST") {
        const raw = await readBody(request);
        const contentType = headers.get("content-type") ?? "";
        if (contentType.includes("application/json")) {
          try {
            body = raw ? JSON.parse(raw) : undefined;
          } catch {
            return sendJson(response, 400, { errors: [{ message: "请求体不是合法的 JSON", extensions: { code: "BAD_REQUEST" } }] }, requestId);
          }
        } else {
          body = raw;
        }
      }

      const result = await run(() =>
        options.apollo.executeHTTPGraphQLRequest({
          httpGraphQLRequest: { method: request.method?.toUpperCase() ?? "GET", headers, search: url.search, body },
          context: () => options.context(request, requestId),
        }),
      );
      response.statusCode = result.status ?? 200;
      for (const [name, value] of result.headers) response.setHeader(name, value);
      response.setHeader("x-request-id", requestId);
      if (result.body.kind === "complete") {
        response.end(result.body.string);
      } else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
      logger.debug(
        { status: response.statusCode, ms: Math.round(performance.now() - startedAt), authenticated: Boolean(request.headers.authorization) },
        "graphql request",
      );
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        return sendJson(response, 413, { errors: [{ message: "请求体过大", extensions: { code: "PAYLOAD_TOO_LARGE" } }] }, requestId);
      }
      options.logger.error({ err: error, requestId }, "request failed");
      if (!response.headersSent) {
        sendJson(response, 500, { errors: [{ message: "服务器内部错误", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }] }, requestId);
      } else {
        response.end();
      }
    }
  });
}

export interface Listening {
  url: string;
  port: number;
}

export function listen(server: Server, port: number, host: string): Promise<Listening> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      const address = server.address() as AddressInfo;
      const shownHost = address.family === "IPv6" ? `[${address.address}]` : address.address;
      resolve({ port: address.port, url: `http://${shownHost}:${address.port}` });
    });
  });
}

/** Stops accepting, lets in-flight requests finish (up to `graceMs`), then drops idle keep-alive sockets. */
export function closeServer(server: Server, graceMs = 10_000): Promise<void> {
  return new Promise((resolve) => {
    if (!server.listening) return resolve();
    const timer = setTimeout(() => server.closeAllConnections(), graceMs);
    timer.unref();
    server.close(() => {
      clearTimeout(timer);
      resolve();
    });
    server.closeIdleConnections();
  });
}

/** Calls `stop` once on SIGINT/SIGTERM, then exits. */
export function onShutdownSignal(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down");
    stop()
      .then(() => process.exit(0))
      .catch((error) => {
        logger.error({ err: error }, "shutdown failed");
        process.exit(1);
      });
  };
  process.once("SIGINT", handler);
  process.once("SIGTERM", handler);
}
