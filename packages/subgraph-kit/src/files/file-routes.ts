import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline } from "node:stream/promises";
import type { Logger } from "pino";
import { callerFromAuthorization, type TokenVerifier } from "../auth/token.js";
import type { HttpRouteMatch, HttpRoutes } from "../http.js";
import { fileErrors, FileRequestError } from "./file-errors.js";
import { discardRequestBody, receiveUpload, UploadAbortedError, type ReceivedUpload } from "./receive-upload.js";
import { assertFileUrlSecret, FILE_ID_PATTERN, verifyFileUrl, type FileUrlOp } from "./signed-url.js";
import { isValidStorageKey, type ByteRange, type FileStorage } from "./storage.js";

/** An upload the subgraph expects (the lead's record behind a signed upload URL). */
export interface UploadSlot {
  maxBytes: number;
  /** MIME types judged by the bytes, e.g. ["image/jpeg", "image/png"]. */
  allowedTypes: string[];
  storageKey: string;
  /** Whom the slot belongs to: a URL bound to anyone else (or to nobody) is refused. */
  subject?: string;
  /** Already written (409 without looking at the storage). */
  completed?: boolean;
}

export interface DownloadableFile {
  storageKey: string;
  /** As recorded at upload (the type recognised from the bytes). */
  contentType: string;
  /** Shown to the person saving the file; may be Chinese. Never logged. */
  fileName: string;
  size: number;
  /** `attachment` (default) saves the file; `inline` lets the browser show it (images, PDF). */
  disposition?: "attachment" | "inline";
}

export interface FileRoutesOptions {
  /** This subgraph's name, as in the URLs (`/files/<subgraph>/…`) and their signatures. */
  subgraph: string;
  storage: FileStorage;
  secret: Buffer;
  /**
   * `Authorization` header → whose token it is; null or a throw (e.g. the kit's UNAUTHENTICATED
   * GraphQLError) for no valid token. `subjectFromAuthorization(verifier)` adapts the kit's verifier.
   */
  verifyToken: (authorizationHeader: string) => Promise<{ subject: string } | null>;
  now: () => Date;
  logger: Logger;
  uploads?: {
    slot(fileId: string): Promise<UploadSlot | null>;
    /** Records the upload; a throw removes the stored bytes again (but a FileRequestError UPLOAD_ALREADY_COMPLETED keeps them). */
    stored(fileId: string, upload: ReceivedUpload): Promise<void>;
  };
  downloads?: {
    file(fileId: string): Promise<DownloadableFile | null>;
  };
}

/** The subgraph-side paths (the gateway maps `/files/<subgraph>/<rest>` to `/files/<rest>`). */
export const FILE_UPLOAD_ROUTE = "/files/upload/*";
export const FILE_DOWNLOAD_ROUTE = "/files/download/*";

/** Adapts the kit's token verifier to `verifyToken`. */
export function subjectFromAuthorization(verify: TokenVerifier): FileRoutesOptions["verifyToken"] {
  return async (header) => {
    const caller = await callerFromAuthorization(header, verify);
    return caller ? { subject: caller.subject } : null;
  };
}

function sendJson(response: ServerResponse, status: number, body: unknown, requestId: string, headers: Record<string, string> = {}) {
  response.statusCode = status;
  response.setHeader("content-type", "application/json; charset=utf-8");
  response.setHeader("cache-control", "no-store");
  response.setHeader("x-request-id", requestId);
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
  response.end(JSON.stringify(body));
}

function sendError(response: ServerResponse, error: FileRequestError, requestId: string) {
  sendJson(response, error.status, { errors: [{ message: error.message, extensions: { ...error.details, code: error.code } }] }, requestId, error.headers);
}

const INTERNAL = { errors: [{ message: "服务器内部错误，请稍后重试；如仍有问题，请联系管理员。", extensions: { code: "INTERNAL_SERVER_ERROR" } }] };

function isUnauthenticated(error: unknown): error is Error {
  return error instanceof Error && (error as { extensions?: { code?: unknown } }).extensions?.code === "UNAUTHENTICATED";
}

/** RFC 6266 / 5987: an ASCII fallback for old clients, the real (e.g. Chinese) name in `filename*`. */
export function contentDisposition(fileName: string, disposition: "attachment" | "inline" = "attachment"): string {
  // eslint-disable-next-line no-control-regex -- control characters and path separators never belong in a saved name
  const cleaned = fileName.replace(/[\u0000-\u001f\u007f/\\]/g, "_").trim() || "file";
  const extension = /\.[A-Za-z0-9]{1,10}$/.exec(cleaned)?.[0] ?? "";
  const fallback = /^[\x20-\x7e]+$/.test(cleaned) ? cleaned.replace(/["%]/g, "_") : `file${extension}`;
  const encoded = encodeURIComponent(cleaned).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * `bytes=a-b`, `bytes=a-`, `bytes=-n` against `size`: the range, "unsatisfiable", or null to
 * ignore the header (absent, malformed or several ranges: the whole file is sent, as RFC 9110 allows).
 */
export function parseRange(header: string | undefined, size: number): ByteRange | "unsatisfiable" | null {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return null;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0 || size === 0) return "unsatisfiable";
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(match[1]);
  const end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  if (match[2] !== "" && Number(match[2]) < start) return null;
  if (start >= size) return "unsatisfiable";
  return { start, end };
}

/**
 * The routes that receive uploads (`PUT /files/upload/<fileId>`) and serve downloads
 * (`GET|HEAD /files/download/<fileId>`) behind signed URLs. Persistence stays with the caller:
 * `uploads.slot` says what may be uploaded, `uploads.stored` records it, `downloads.file` says
 * what a file is. Spread the result into the subgraph's `routes`.
 */
export function createFileRoutes(options: FileRoutesOptions): HttpRoutes {
  const { subgraph, storage, secret, logger: parentLogger } = options;
  const logger = parentLogger.child({ component: "files" });
  assertFileUrlSecret(secret);
  const uploading = new Set<string>();

  /** The signed URL, then (for a bound URL) the caller's token: the grant's subject. */
  async function authorize(request: IncomingMessage, op: FileUrlOp, fileId: string, url: URL): Promise<string | null> {
    const verified = verifyFileUrl(secret, { subgraph, op, fileId, searchParams: url.searchParams }, options.now());
    if (!verified.ok) {
      if (verified.code === "UPLOAD_EXPIRED") throw fileErrors.uploadExpired();
      if (verified.code === "DOWNLOAD_EXPIRED") throw fileErrors.downloadExpired();
      throw fileErrors.signatureInvalid();
    }
    const { subject } = verified.grant;
    if (subject === null) return null;
    const header = request.headers.authorization;
    if (!header) throw fileErrors.unauthenticated();
    let caller: { subject: string } | null;
    try {
      caller = await options.verifyToken(header);
    } catch (error) {
      if (isUnauthenticated(error)) throw fileErrors.unauthenticated(error.message);
      throw error;
    }
    if (!caller) throw fileErrors.unauthenticated("登录已失效，请重新登录");
    if (caller.subject !== subject) throw fileErrors.forbidden();
    return subject;
  }

  function fileIdOf(rest: string): string {
    if (!FILE_ID_PATTERN.test(rest)) throw fileErrors.notFound();
    return rest;
  }

  function fail(request: IncomingMessage, response: ServerResponse, error: unknown, requestId: string, fileId: string | undefined) {
    if (error instanceof FileRequestError) {
      logger.info({ requestId, fileId, code: error.code, status: error.status }, "file request refused");
      if (!response.headersSent) sendError(response, error, requestId);
      else response.destroy();
    } else if (error instanceof UploadAbortedError) {
      logger.info({ requestId, fileId }, "upload aborted by the client");
      response.destroy();
      return;
    } else {
      logger.error({ err: error, requestId, fileId }, "file request failed");
      if (!response.headersSent) sendJson(response, 500, INTERNAL, requestId);
      else response.destroy();
    }
    discardRequestBody(request);
  }

  async function upload(request: IncomingMessage, response: ServerResponse, { url, requestId, rest }: HttpRouteMatch) {
    let fileId: string | undefined;
    let claimed = false;
    try {
      if (request.method !== "PUT") throw fileErrors.methodNotAllowed(["PUT"]);
      fileId = fileIdOf(rest);
      const subject = await authorize(request, "upload", fileId, url);
      const uploads = options.uploads!;
      const slot = await uploads.slot(fileId);
      if (!slot) throw fileErrors.notFound();
      if (slot.subject !== undefined && slot.subject !== null && slot.subject !== subject) throw fileErrors.forbidden();
      if (!isValidStorageKey(slot.storageKey)) throw new Error(`Upload slot ${fileId} has an invalid storage key`);
      if (slot.completed || uploading.has(fileId)) throw fileErrors.alreadyCompleted();
      uploading.add(fileId);
      claimed = true;
      if (await storage.exists(slot.storageKey)) throw fileErrors.alreadyCompleted();

      const received = await receiveUpload(request, { storage, storageKey: slot.storageKey, maxBytes: slot.maxBytes, allowedTypes: slot.allowedTypes });
      try {
        await uploads.stored(fileId, received);
      } catch (error) {
        const kept = error instanceof FileRequestError && error.code === "UPLOAD_ALREADY_COMPLETED";
        if (!kept) await storage.delete(slot.storageKey).catch((deleteError: unknown) => logger.error({ err: deleteError, requestId, fileId }, "could not remove an unrecorded upload"));
        throw error;
      }
      logger.info({ requestId, fileId, size: received.size, mimeType: received.mimeType }, "file stored");
      sendJson(response, 200, { file: { id: fileId, size: received.size, mimeType: received.mimeType, sha256: received.sha256 } }, requestId);
    } catch (error) {
      fail(request, response, error, requestId, fileId);
    } finally {
      if (claimed && fileId) uploading.delete(fileId);
    }
  }

  async function download(request: IncomingMessage, response: ServerResponse, { url, requestId, rest }: HttpRouteMatch) {
    let fileId: string | undefined;
    try {
      if (request.method !== "GET" && request.method !== "HEAD") throw fileErrors.methodNotAllowed(["GET", "HEAD"]);
      fileId = fileIdOf(rest);
      await authorize(request, "download", fileId, url);
      const file = await options.downloads!.file(fileId);
      if (!file) throw fileErrors.notFound();

      const rangeHeader = request.headers.range;
      let range: ByteRange | null = null;
      if (request.method === "HEAD" || rangeHeader) {
        const info = await storage.stat(file.storageKey);
        if (!info) throw missingBytes(fileId, requestId);
        const parsed = parseRange(rangeHeader, info.size);
        if (parsed === "unsatisfiable") throw fileErrors.rangeNotSatisfiable(info.size);
        range = parsed;
        if (request.method === "HEAD") {
          writeDownloadHeaders(response, file, range ? range.end - range.start + 1 : info.size, requestId, range && { ...range, total: info.size });
          response.end();
          return;
        }
      }
      const stored = await storage.get(file.storageKey, range ? { range } : {});
      if (!stored) throw missingBytes(fileId, requestId);
      writeDownloadHeaders(response, file, stored.size, requestId, range && { ...range, total: stored.totalSize });
      logger.debug({ requestId, fileId, size: stored.size, ranged: Boolean(range) }, "file served");
      try {
        await pipeline(stored.body, response);
      } catch (error) {
        // Headers are gone: all that is left is to cut the response. A client that stops reading
        // (closing a preview) is not a failure; a storage stream that breaks is.
        if (stored.body.errored) logger.error({ err: error, requestId, fileId }, "file stream failed");
        else logger.debug({ requestId, fileId }, "download closed by the client");
        response.destroy();
      }
    } catch (error) {
      fail(request, response, error, requestId, fileId);
    }
  }

  function missingBytes(fileId: string, requestId: string): FileRequestError {
    logger.warn({ requestId, fileId }, "file recorded but its bytes are missing from the storage");
    return fileErrors.notFound();
  }

  const routes: HttpRoutes = {};
  if (options.uploads) routes[FILE_UPLOAD_ROUTE] = upload;
  if (options.downloads) routes[FILE_DOWNLOAD_ROUTE] = download;
  return routes;
}

function writeDownloadHeaders(
  response: ServerResponse,
  file: DownloadableFile,
  length: number,
  requestId: string,
  range: (ByteRange & { total: number }) | null,
) {
  response.statusCode = range ? 206 : 200;
  response.setHeader("content-type", file.contentType);
  response.setHeader("content-length", String(length));
  response.setHeader("content-disposition", contentDisposition(file.fileName, file.disposition));
  response.setHeader("cache-control", "private, no-store");
  response.setHeader("x-content-type-options", "nosniff");
  response.setHeader("accept-ranges", "bytes");
  response.setHeader("x-request-id", requestId);
  if (range) response.setHeader("content-range", `bytes ${range.start}-${range.end}/${range.total}`);
}
