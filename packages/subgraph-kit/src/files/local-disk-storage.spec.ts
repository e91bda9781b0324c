import { mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDiskStorage } from "./local-disk-storage.js";
import { InvalidStorageKeyError, isValidStorageKey } from "./storage.js";

async function readAll(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/** Every file under `dir`, relative, sorted (folders left out). */
async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name).slice(dir.length + 1))
    .sort();
}

describe("LocalDiskStorage", () => {
  let root: string;
  let storage: LocalDiskStorage;

  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), "xuekao-files-"));
    storage = new LocalDiskStorage(join(root, "files", "certification"));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it("stores, reads back, stats and deletes an object", async () => {
    const bytes = Buffer.from("证书扫描件 bytes");
    await storage.put("certificates/2026/f-1", Readable.from([bytes.subarray(0, 5), bytes.subarray(5)]), { contentType: "image/png", size: bytes.length });

    expect(await storage.exists("certificates/2026/f-1")).toBe(true);
    expect(await storage.stat("certificates/2026/f-1")).toEqual({ size: bytes.length, contentType: "image/png" });
    const found = await storage.get("certificates/2026/f-1");
    expect(found).toMatchObject({ size: bytes.length, totalSize: bytes.length, contentType: "image/png" });
    expect(await readAll(found!.body)).toEqual(bytes);
    // Nothing is left in the temp folder.
    expect(await filesUnder(storage.root)).toEqual([".meta/certificates/2026/f-1", "certificates/2026/f-1"]);

    await storage.delete("certificates/2026/f-1");
    expect(await storage.exists("certificates/2026/f-1")).toBe(false);
    expect(await storage.get("certificates/2026/f-1")).toBeNull();
    expect(await storage.stat("certificates/2026/f-1")).toBeNull();
    await expect(storage.delete("certificates/2026/f-1")).resolves.toBeUndefined();
    expect(await filesUnder(storage.root)).toEqual([]);
  });

  it("serves a byte range", async () => {
    await storage.put("a", Readable.from([Buffer.from("0123456789")]), { contentType: "application/pdf" });
    const part = await storage.get("a", { range: { start: 2, end: 5 } });
    expect(part).toMatchObject({ size: 4, totalSize: 10, range: { start: 2, end: 5 } });
    expect((await readAll(part!.body)).toString()).toBe("2345");
    await expect(storage.get("a", { range: { start: 5, end: 10 } })).rejects.toThrow(RangeError);
  });

  it("replaces an object put twice under one key", async () => {
    await storage.put("k", Readable.from([Buffer.from("first")]), { contentType: "image/png" });
    await storage.put("k", Readable.from([Buffer.from("second")]), { contentType: "image/jpeg" });
    const found = await storage.get("k");
    expect(found?.contentType).toBe("image/jpeg");
    expect((await readAll(found!.body)).toString()).toBe("second");
  });

  it("leaves nothing behind when the body fails half-way", async () => {
    async function* failing() {
      yield Buffer.alloc(64 * 1024, 1);
      yield Buffer.alloc(64 * 1024, 2);
      throw new Error("client went away");
    }
    await expect(storage.put("certificates/broken", Readable.from(failing()), { contentType: "image/png" })).rejects.toThrow("client went away");
    expect(await storage.exists("certificates/broken")).toBe(false);
    expect(await filesUnder(storage.root)).toEqual([]);
  });

  it("leaves nothing behind when the body is destroyed from outside", async () => {
    const body = new Readable({ read() {} });
    body.push(Buffer.alloc(1000));
    const putting = storage.put("aborted", body, { contentType: "image/png" });
    setTimeout(() => body.destroy(new Error("aborted")), 20);
    await expect(putting).rejects.toThrow("aborted");
    expect(await filesUnder(storage.root)).toEqual([]);
  });

  it("refuses a body shorter or longer than announced, storing nothing", async () => {
    await expect(storage.put("short", Readable.from([Buffer.from("abc")]), { contentType: "image/png", size: 4 })).rejects.toThrow(/3 bytes where 4/);
    await expect(storage.put("long", Readable.from([Buffer.from("abcde")]), { contentType: "image/png", size: 4 })).rejects.toThrow(/5 bytes where 4/);
    expect(await filesUnder(storage.root)).toEqual([]);
  });

  it("refuses keys that could leave its folder or touch its own", async () => {
    const bad = ["../x", "a/../../x", "/etc/passwd", "a//b", "a/", ".tmp/x", ".meta/a", "a/.hidden", "..", ".", "a\\..\\b", "a b", "x".repeat(513), "", "证书"];
    for (const key of bad) {
      expect(isValidStorageKey(key), key).toBe(false);
      await expect(storage.put(key, Readable.from([Buffer.from("x")]), { contentType: "image/png" }), key).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.get(key), key).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.exists(key), key).rejects.toThrow(InvalidStorageKeyError);
      await expect(storage.delete(key), key).rejects.toThrow(InvalidStorageKeyError);
    }
    for (const key of ["a", "certificates/2026/0b6c1f3e-8d8a-4c55-9a5e-1b2c3d4e5f60.png", "a.b-c_d/e"]) expect(isValidStorageKey(key), key).toBe(true);
    expect(await readdir(root, { recursive: true })).toEqual([]);
  });
});
