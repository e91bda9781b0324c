import { createHash, type Hash } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { Transform, type TransformCallback } from "node:stream";
import { fileTypeFromBuffer } from "file-type";
import { fileErrors, FileRequestError } from "./file-errors.js";
import type { FileStorage } from "./storage.js";

/** What file-type reads to recognise most formats (its `reasonableDetectionSizeInBytes`). */
export const SNIFF_BYTES = 4100;

export interface UploadLimits {
  /** Largest accepted body in bytes: exactly this many is accepted, one more is refused. */
  maxBytes: number;
  /** MIME types judged by the bytes, e.g. ["image/jpeg", "image/png"]. */
  allowedTypes: readonly string[];
}

export interface ReceivedUpload {
  size: number;
  /** Hex. */
  sha256: string;
  /** As recognised from the bytes (one of the allowed types). */
  mimeType: string;
}

/** The client went away before the body was complete; nothing was stored. */
export class UploadAbortedError extends Error {
  constructor() {
    super("The upload was aborted before its end");
    this.name = "UploadAbortedError";
  }
}

/** `image/jpg` is a common misspelling of `image/jpeg`; an animated PNG is a PNG. */
const ALIASES: Record<string, string> = { "image/jpg": "image/jpeg", "image/pjpeg": "image/jpeg", "image/apng": "image/png" };

export function normalizeMimeType(type: string): string {
  const lower = type.trim().toLowerCase();
  return ALIASES[lower] ?? lower;
}

/** The MIME type the first bytes show, or undefined when file-type does not recognise them. */
export async function sniffMimeType(head: Uint8Array): Promise<string | undefined> {
  try {
    const found = await fileTypeFromBuffer(head);
    return found ? normalizeMimeType(found.mime) : undefined;
  } catch {
    return undefined;
  }
}

function parseContentLength(header: string | undefined): number | undefined {
  if (header === undefined) return undefined;
  if (!/^\d{1,15}$/.test(header)) throw fileErrors.badRequest("请求头 Content-Length 无效");
  return Number(header);
}

/**
 * Passes the body through while counting and hashing it; holds the first bytes back until their
 * type is known, so nothing reaches the storage before the type is accepted.
 */
class UploadGuard extends Transform {
  size = 0;
  readonly hash: Hash = createHash("sha256");
  mimeType: string | undefined;
  /** Why the guard stopped the body, when it did. */
  refusal: FileRequestError | undefined;
  readonly sniffed: Promise<string>;
  private resolveSniffed!: (mimeType: string) => void;
  private rejectSniffed!: (error: Error) => void;
  private head: Buffer[] = [];
  private headBytes = 0;

  constructor(
    private readonly maxBytes: number,
    private readonly allowedTypes: readonly string[],
  ) {
    super();
    this.sniffed = new Promise<string>((resolve, reject) => {
      this.resolveSniffed = resolve;
      this.rejectSniffed = reject;
    });
    this.sniffed.catch(() => undefined);
  }

  private refuse(error: FileRequestError): FileRequestError {
    this.refusal ??= error;
    return error;
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return callback(this.refuse(fileErrors.tooLarge(this.maxBytes)));
    this.hash.update(chunk);
    if (this.mimeType) return callback(null, chunk);
    this.head.push(chunk);
    this.headBytes += chunk.length;
    if (this.headBytes < SNIFF_BYTES) return callback();
    this.sniff().then(() => callback(), callback);
  }

  override _flush(callback: TransformCallback): void {
    if (this.size === 0) return callback(this.refuse(fileErrors.empty()));
    if (this.mimeType) return callback();
    this.sniff().then(() => callback(), callback);
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    if (!this.mimeType) this.rejectSniffed(error ?? new UploadAbortedError());
    callback(error);
  }

  private async sniff(): Promise<void> {
    const head = Buffer.concat(this.head);
    this.head = [];
    const found = await sniffMimeType(head);
    if (!found || !this.allowedTypes.includes(found)) throw this.refuse(fileErrors.unsupportedType(this.allowedTypes));
    this.mimeType = found;
    this.resolveSniffed(found);
    this.push(head);
  }
}

/**
 * Reads an upload's body once, straight into `storage` under `storageKey`: refused before
 * reading when `content-length` is over the limit; counted while streaming and stopped as soon as
 * it passes `maxBytes` (whatever the header said, or without one); typed by its first bytes
 * (file-type), never by a name or a Content-Type header; empty bodies refused. A refused or
 * aborted body stores nothing (the storage's `put` is all or nothing).
 *
 * Throws FileRequestError for refusals, UploadAbortedError when the client goes away, and the
 * storage's error when it fails. After a refusal the rest of the body may still be unread: answer,
 * then `discardRequestBody`.
 */
export async function receiveUpload(
  request: IncomingMessage,
  options: UploadLimits & { storage: FileStorage; storageKey: string },
): Promise<ReceivedUpload> {
  const { storage, storageKey, maxBytes } = options;
  if (!Number.isSafeInteger(maxBytes) || maxBytes <= 0) throw new Error(`Invalid upload limit ${maxBytes}`);
  const allowedTypes = options.allowedTypes.map(normalizeMimeType);
  const declared = parseContentLength(request.headers["content-length"]);
  if (declared !== undefined && declared > maxBytes) throw fileErrors.tooLarge(maxBytes);
  if (declared === 0) throw fileErrors.empty();

  const guard = new UploadGuard(maxBytes, allowedTypes);
  let aborted = false;
  const onClose = () => {
    if (!request.complete) {
      aborted = true;
      guard.destroy(new UploadAbortedError());
    }
  };
  const onError = () => onClose();
  request.once("close", onClose);
  request.once("error", onError);
  // Errors are read from the guard's state; this keeps one before `put` listens from going uncaught.
  guard.on("error", () => undefined);
  request.pipe(guard);
  try {
    const mimeType = await guard.sniffed;
    await storage.put(storageKey, guard, { contentType: mimeType, ...(declared !== undefined ? { size: declared } : {}) });
    return { size: guard.size, sha256: guard.hash.digest("hex"), mimeType };
  } catch (error) {
    if (guard.refusal) throw guard.refusal;
    if (aborted) throw new UploadAbortedError();
    throw error;
  } finally {
    request.unpipe(guard);
    request.off("close", onClose);
    request.off("error", onError);
    if (!guard.destroyed) guard.destroy();
  }
}

/** Past this, an unread body is not drained but its connection closed. */
export const DISCARD_LIMIT_BYTES = 4 * 1024 * 1024;

/**
 * Reads and drops what is left of a body after an early answer (a refusal), so that the client
 * gets the answer instead of a reset connection; a body going on past `limitBytes` has its
 * connection closed instead.
 */
export function discardRequestBody(request: IncomingMessage, limitBytes = DISCARD_LIMIT_BYTES): void {
  if (request.complete || request.destroyed) return;
  let discarded = 0;
  request.on("data", (chunk: Buffer) => {
    discarded += chunk.length;
    if (discarded > limitBytes) request.socket.destroy();
  });
  request.on("error", () => undefined);
  request.resume();
}
