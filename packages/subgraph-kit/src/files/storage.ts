import type { Readable } from "node:stream";

/** Inclusive byte offsets, as in an HTTP `Range: bytes=start-end` (already resolved against the size). */
export interface ByteRange {
  start: number;
  end: number;
}

export interface PutOptions {
  /** The type the bytes were judged to be (by their content, never by a file name). */
  contentType: string;
  /** The exact length when known in advance; a body of another length then fails and stores nothing. */
  size?: number;
}

export interface StoredObject {
  body: Readable;
  /** Bytes in `body` (the range's length when a range was asked for). */
  size: number;
  /** Size of the whole object. */
  totalSize: number;
  contentType: string;
  /** The range served, when one was asked for. */
  range?: ByteRange;
}

export interface StoredObjectInfo {
  size: number;
  contentType: string;
}

/**
 * Where file bytes live, by key (`certificates/2026/<fileId>`). Persistence-agnostic: the
 * subgraph keeps its own record of which key belongs to which file. A `put` is all or nothing:
 * a body that fails or is aborted half-way leaves no object behind.
 */
export interface FileStorage {
  put(key: string, body: Readable, options: PutOptions): Promise<void>;
  /** null when there is no such object. A range must lie inside the object (see `resolveRange`). */
  get(key: string, options?: { range?: ByteRange }): Promise<StoredObject | null>;
  /** Size and type without the bytes (HEAD requests); null when there is no such object. */
  stat(key: string): Promise<StoredObjectInfo | null>;
  /** Removes the object; removing a missing object is not an error. */
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export class InvalidStorageKeyError extends Error {
  constructor(key: string) {
    super(`Invalid storage key ${JSON.stringify(key.slice(0, 80))}: segments of letters, digits, '.', '_' or '-', each starting with a letter or digit, joined by '/'`);
    this.name = "InvalidStorageKeyError";
  }
}

// Each segment starts with a letter or digit, so no `.`/`..`, no hidden names (the local driver
// keeps its temp files under `.tmp/`), no leading or doubled slashes, no backslashes.
const KEY_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]*(\/[A-Za-z0-9][A-Za-z0-9._-]*)*$/;
export const MAX_STORAGE_KEY_LENGTH = 512;

export function isValidStorageKey(key: string): boolean {
  return typeof key === "string" && key.length <= MAX_STORAGE_KEY_LENGTH && KEY_PATTERN.test(key);
}

export function assertStorageKey(key: string): void {
  if (!isValidStorageKey(key)) throw new InvalidStorageKeyError(key);
}

export function assertRange(range: ByteRange | undefined, totalSize: number): void {
  if (!range) return;
  if (!Number.isSafeInteger(range.start) || !Number.isSafeInteger(range.end) || range.start < 0 || range.end < range.start || range.end >= totalSize) {
    throw new RangeError(`Byte range ${range.start}-${range.end} lies outside an object of ${totalSize} bytes`);
  }
}
