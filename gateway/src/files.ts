import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import { requestIdOf, type Logger } from "@xuekao/subgraph-kit";
import type { Dispatcher } from "undici";
import { SUBGRAPH_LABELS, SUBGRAPHS, type SubgraphName } from "./config.js";

/**
 * Files travel beside GraphQL, not in it: `/files/<subgraph>/<rest>` on the gateway is the
 * subgraph's own `/files/<rest>` (signed URLs, size and type checks are the subgraph's), so the
 * browser only ever talks to its own origin. Bodies are streamed both ways, never held in memory,
 * and GraphQL's 1 MiB body limit does not apply.
 */
export const FILES_PREFIX = "/files/";

const METHODS = ["GET", "HEAD", "PUT", "POST"];
/** Request headers passed on; x-request-id is always set (generated when missing or unusable). */
const REQUEST_HEADERS = ["authorization", "content-type", "content-length", "range", "if-none-match"] as const;
/** Response headers passed back. content-range and accept-ranges make a 206 answer to `range` usable. */
const RESPONSE_HEADERS = [
  "content-type",
  "content-length",
  "content-disposition",
  "cache-control",
  "etag",
  "content-range",
  "accept-ranges",
] as const;

export interface FileTarget {
  subgraph: SubgraphName;
  /** The path on the subgraph, `/files/<rest>`, exactly as the client encoded it. */
  path: string;
  /** The query string with its "?", or "". */
  search: string;
}

const SUBGRAPH_NAMES: ReadonlySet<string> = new Set(SUBGRAPHS.map(({ name }) => name));

/**
 * `/files/<subgraph>/<rest>` from the raw request URL (not a normalised one: `..` must be seen
 * to be refused). Undefined, which is a 404, for an unknown subgraph, an empty rest, an empty,
 * `.` or `..` segment (also percent-encoded), an encoded slash or backslash, a NUL, or bad
 * percent-encoding.
 */
export function parseFileTarget(rawUrl: string): FileTarget | undefined {
  const queryAt = rawUrl.indexOf("?");
  const path = queryAt === -1 ? rawUrl : rawUrl.slice(0, queryAt);
  const search = queryAt === -1 ? "" : rawUrl.slice(queryAt);
  if (!path.startsWith(FILES_PREFIX)) return undefined;
  const [subgraph, ...rest] = path.slice(FILES_PREFIX.length).split("/");
  if (!subgraph || !SUBGRAPH_NAMES.has(subgraph) || rest.length === 0 || !rest.every(isPlainSegment)) return undefined;
  return { subgraph: subgraph as SubgraphName, path: `/files/${rest.join("/")}`, search };
}

function isPlainSegment(segment: string): boolean {
  let decoded: string;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    return false;
  }
  return decoded !== "" && decoded !== "." && decoded !== ".." && !/[/\\\0]/.test(decoded);
}

interface Upstream {
  origin: string;
  /** Whatever the subgraph's URL has before `/graphql` (usually nothing). */
  basePath: string;
}

/** Where each subgraph's files are: the origin (and any path prefix) of its `<SUBGRAPH>_URL`. */
function upstreamsOf(subgraphUrls: Record<SubgraphName, string>): Record<SubgraphName, Upstream> {
  return Object.fromEntries(
    SUBGRAPHS.map(({ name }) => {
      const url = new URL(subgraphUrls[name]);
      return [name, { origin: url.origin, basePath: url.pathname.replace(/\/graphql\/?$/, "").replace(/\/+$/, "") }];
    }),
  ) as Record<SubgraphName, Upstream>;
}

function sendError(response: ServerResponse, status: number, message: string, extensions: Record<string, unknown>) {
  response.statusCode = status;
  response.setHeader("content-type", "application/json; charset=utf-8");
  response.end(JSON.stringify({ errors: [{ message, extensions }] }));
}

export interface FileProxyOptions {
  subgraphUrls: Record<SubgraphName, string>;
  /** The pool file transfers use (apart from GraphQL's, so long transfers cannot starve it). */
  dispatcher: Dispatcher;
  logger: Logger;
  /** How long the subgraph may take to start answering, and to send the next chunk of a download. */
  timeoutMs: number;
}

/** The `/files/` route of the gateway's HTTP front. */
export function createFileProxy({ subgraphUrls, dispatcher, logger, timeoutMs }: FileProxyOptions) {
  const upstreams = upstreamsOf(subgraphUrls);

  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const startedAt = performance.now();
    const requestId = requestIdOf(request);
    response.setHeader("x-request-id", requestId);

    const target = parseFileTarget(request.url ?? "/");
    if (!target) return sendError(response, 404, "文件不存在或地址有误", { code: "NOT_FOUND" });
    const method = request.method ?? "GET";
    if (!METHODS.includes(method)) {
      response.setHeader("allow", METHODS.join(", "));
      return sendError(response, 405, "不支持该请求方法", { code: "METHOD_NOT_ALLOWED" });
    }

    const hasBody = method === "PUT" || method === "POST";
    const headers: Record<string, string> = { "x-request-id": requestId };
    for (const name of REQUEST_HEADERS) {
      const value = request.headers[name];
      if (typeof value === "string" && (hasBody || name !== "content-length")) headers[name] = value;
    }

    // A client that goes away (mid-upload or mid-download) ends the subgraph's request too.
    const abort = new AbortController();
    response.once("close", () => {
      if (!response.writableFinished) abort.abort();
    });
    const log = logger.child({ requestId, serviceName: target.subgraph, method });

    const { origin, basePath } = upstreams[target.subgraph];
    let upstream: Dispatcher.ResponseData;
    try {
      upstream = await dispatcher.request({
        origin,
        path: `${basePath}${target.path}${target.search}`,
        method: method as Dispatcher.HttpMethod,
        headers,
        body: hasBody ? request : null,
        signal: abort.signal,
        headersTimeout: timeoutMs,
        bodyTimeout: timeoutMs,
      });
    } catch (error) {
      if (abort.signal.aborted) {
        log.debug({ ms: Math.round(performance.now() - startedAt) }, "files request aborted by the client");
        return;
      }
      log.warn({ err: error }, "subgraph unavailable for files");
      return sendError(response, 502, `${SUBGRAPH_LABELS[target.subgraph]}暂时不可用，文件未能传输，请稍后重试`, {
        code: "SUBGRAPH_UNAVAILABLE",
        serviceName: target.subgraph,
      });
    }

    response.statusCode = upstream.statusCode;
    for (const name of RESPONSE_HEADERS) {
      const value = upstream.headers[name];
      if (value !== undefined) response.setHeader(name, value);
    }
    // Files are served from the application's origin: never let a browser sniff one into HTML.
    response.setHeader("x-content-type-options", "nosniff");
    try {
      await pipeline(upstream.body, response);
      log.debug({ status: upstream.statusCode, ms: Math.round(performance.now() - startedAt) }, "files request");
    } catch (error) {
      // The subgraph broke off mid-body, or the client went away: the status is sent, the connection is cut.
      if (upstream.body.errored) log.warn({ err: error }, "subgraph broke off a files response");
      else log.debug({ ms: Math.round(performance.now() - startedAt) }, "files request aborted by the client");
    }
  };
}
