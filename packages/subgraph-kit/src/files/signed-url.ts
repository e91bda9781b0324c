import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * Signed file URLs: a mutation issues one, the browser uses it directly (files never travel
 * through GraphQL). The signature covers subgraph, operation, file, expiry and the subject the
 * URL was issued to; the route then also asks for that subject's access token, so a leaked link
 * is useless to anyone else. Without a subject the URL is public (no token needed).
 */
export type FileUrlOp = "upload" | "download";

export interface FileUrlRequest {
  /** The subgraph that owns the file (the gateway routes `/files/<subgraph>/…` to it). */
  subgraph: string;
  op: FileUrlOp;
  fileId: string;
  expiresAt: Date;
  /** The caller the URL is bound to; omit for a public URL. */
  subject?: string;
}

export interface FileUrlGrant {
  subgraph: string;
  op: FileUrlOp;
  fileId: string;
  expiresAt: Date;
  /** null: a public URL. */
  subject: string | null;
}

export type FileUrlRefusal = "SIGNATURE_INVALID" | "UPLOAD_EXPIRED" | "DOWNLOAD_EXPIRED";

export type FileUrlVerification = { ok: true; grant: FileUrlGrant } | { ok: false; code: FileUrlRefusal };

export const FILE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;
const SUBGRAPH_PATTERN = /^[a-z][a-z0-9-]{0,62}$/;
const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{43}$/;
const EXP_PATTERN = /^\d{1,12}$/;
export const MIN_FILE_URL_SECRET_BYTES = 32;
const MAX_SUBJECT_LENGTH = 256;

/** Throws unless `secret` is a Buffer of at least 32 bytes. */
export function assertFileUrlSecret(secret: Buffer): void {
  if (!Buffer.isBuffer(secret) || secret.length < MIN_FILE_URL_SECRET_BYTES) {
    throw new Error(`The file URL secret must be at least ${MIN_FILE_URL_SECRET_BYTES} bytes`);
  }
}

function isValidSubject(subject: string): boolean {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
  return subject.length > 0 && subject.length <= MAX_SUBJECT_LENGTH && !/[\u0000-\u001f\u007f]/.test(subject);
}

/** Unambiguous: JSON keeps each field apart whatever characters a subject holds. */
function signatureOf(secret: Buffer, subgraph: string, op: FileUrlOp, fileId: string, exp: number, subject: string | null): string {
  return createHmac("sha256", secret)
    .update(JSON.stringify(["xuekao-file-url", 1, subgraph, op, fileId, exp, subject]))
    .digest("base64url");
}

/** `/files/<subgraph>/<op>/<fileId>?exp=<unix seconds>[&sub=<subject>]&sig=<base64url HMAC-SHA256>` */
export function signFileUrl(secret: Buffer, request: FileUrlRequest): string {
  assertFileUrlSecret(secret);
  const { subgraph, op, fileId, expiresAt, subject } = request;
  if (!SUBGRAPH_PATTERN.test(subgraph)) throw new Error(`Invalid subgraph name ${JSON.stringify(subgraph)}`);
  if (op !== "upload" && op !== "download") throw new Error(`Invalid file URL operation ${JSON.stringify(op)}`);
  if (!FILE_ID_PATTERN.test(fileId)) throw new Error("Invalid file id: 1–128 letters, digits, '_' or '-'");
  if (!(expiresAt instanceof Date) || Number.isNaN(expiresAt.getTime())) throw new Error("Invalid expiry");
  if (subject !== undefined && !isValidSubject(subject)) throw new Error("Invalid subject");
  const exp = Math.floor(expiresAt.getTime() / 1000);
  const search = new URLSearchParams({ exp: String(exp) });
  if (subject !== undefined) search.set("sub", subject);
  search.set("sig", signatureOf(secret, subgraph, op, fileId, exp, subject ?? null));
  return `/files/${subgraph}/${op}/${fileId}?${search.toString()}`;
}

function single(searchParams: URLSearchParams, name: string): string | undefined | null {
  const values = searchParams.getAll(name);
  if (values.length > 1) return null;
  return values[0];
}

/**
 * Checks a URL's signature, then its expiry against `now` (always passed in: tests control the
 * clock). A tampered URL says SIGNATURE_INVALID even when it is also expired.
 */
export function verifyFileUrl(
  secret: Buffer,
  request: { subgraph: string; op: FileUrlOp; fileId: string; searchParams: URLSearchParams },
  now: Date,
): FileUrlVerification {
  assertFileUrlSecret(secret);
  const { subgraph, op, fileId, searchParams } = request;
  const invalid = { ok: false, code: "SIGNATURE_INVALID" } as const;
  const exp = single(searchParams, "exp");
  const sig = single(searchParams, "sig");
  const sub = single(searchParams, "sub");
  if (!exp || !EXP_PATTERN.test(exp) || !sig || !SIGNATURE_PATTERN.test(sig) || sub === null) return invalid;
  if (sub !== undefined && !isValidSubject(sub)) return invalid;
  if (!FILE_ID_PATTERN.test(fileId) || (op !== "upload" && op !== "download")) return invalid;

  const expected = Buffer.from(signatureOf(secret, subgraph, op, fileId, Number(exp), sub ?? null));
  const given = Buffer.from(sig);
  // Same length by the pattern check (43 characters); compared in constant time. Comparing the
  // text, not decoded bytes, refuses the other spellings base64 decoding would let through.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return invalid;

  const expiresAt = new Date(Number(exp) * 1000);
  if (now.getTime() >= expiresAt.getTime()) return { ok: false, code: op === "upload" ? "UPLOAD_EXPIRED" : "DOWNLOAD_EXPIRED" };
  return { ok: true, grant: { subgraph, op, fileId, expiresAt, subject: sub ?? null } };
}
