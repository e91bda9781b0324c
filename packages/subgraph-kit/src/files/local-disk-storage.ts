import { randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { mkdir, readFile, rename, rm, stat, writeFile } from "node:fs/promises";
import { dirname, join, resolve, sep } from "node:path";
import type { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { assertRange, assertStorageKey, InvalidStorageKeyError, type ByteRange, type FileStorage, type PutOptions, type StoredObject, type StoredObjectInfo } from "./storage.js";

const TEMP_DIR = ".tmp";
const META_DIR = ".meta";
const DEFAULT_CONTENT_TYPE = "application/octet-stream";

/**
 * Files under one folder (the subgraph passes `<DATA_DIR>/files/<subgraph>`). Bytes are written
 * to `.tmp/` and renamed into place once complete, so a reader never sees half a file and a
 * failed upload leaves nothing; the content type is kept beside, under `.meta/`.
 */
export class LocalDiskStorage implements FileStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  private pathOf(key: string, under = ""): string {
    assertStorageKey(key);
    const base = under ? join(this.root, under) : this.root;
    const path = resolve(base, ...key.split("/"));
    // The key pattern already rules traversal out; this is the second lock on the door.
    if (!path.startsWith(base + sep)) throw new InvalidStorageKeyError(key);
    return path;
  }

  async put(key: string, body: Readable, options: PutOptions): Promise<void> {
    const target = this.pathOf(key);
    const meta = this.pathOf(key, META_DIR);
    const temp = join(this.root, TEMP_DIR, `${randomUUID()}.part`);
    await mkdir(dirname(temp), { recursive: true });
    try {
      await pipeline(body, createWriteStream(temp, { flags: "wx" }));
      const written = (await stat(temp)).size;
      if (options.size !== undefined && written !== options.size) {
        throw new Error(`Stored ${written} bytes where ${options.size} were announced`);
      }
      await mkdir(dirname(meta), { recursive: true });
      await writeFile(meta, JSON.stringify({ contentType: options.contentType }));
      await mkdir(dirname(target), { recursive: true });
      await rename(temp, target);
    } catch (error) {
      body.destroy();
      await rm(temp, { force: true });
      throw error;
    }
  }

  async get(key: string, options: { range?: ByteRange } = {}): Promise<StoredObject | null> {
    const info = await this.stat(key);
    if (!info) return null;
    const { range } = options;
    assertRange(range, info.size);
    const path = this.pathOf(key);
    const body = range ? createReadStream(path, { start: range.start, end: range.end }) : createReadStream(path);
    // Opening can still fail (the file deleted in between): surface that as "missing", not as a broken stream.
    const opened = await new Promise<boolean>((resolveOpen) => {
      body.once("open", () => resolveOpen(true));
      body.once("error", () => resolveOpen(false));
    });
    if (!opened) return null;
    return {
      body,
      size: range ? range.end - range.start + 1 : info.size,
      totalSize: info.size,
      contentType: info.contentType,
      ...(range ? { range } : {}),
    };
  }

  async stat(key: string): Promise<StoredObjectInfo | null> {
    const path = this.pathOf(key);
    let size: number;
    try {
      const found = await stat(path);
      if (!found.isFile()) return null;
      size = found.size;
    } catch (error) {
      if (isMissing(error)) return null;
      throw error;
    }
    return { size, contentType: await this.contentTypeOf(key) };
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
    await rm(this.pathOf(key, META_DIR), { force: true });
  }

  private async contentTypeOf(key: string): Promise<string> {
    try {
      const meta = JSON.parse(await readFile(this.pathOf(key, META_DIR), "utf8")) as { contentType?: unknown };
      return typeof meta.contentType === "string" ? meta.contentType : DEFAULT_CONTENT_TYPE;
    } catch {
      return DEFAULT_CONTENT_TYPE;
    }
  }
}

function isMissing(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException).code;
  return code === "ENOENT" || code === "ENOTDIR";
}
