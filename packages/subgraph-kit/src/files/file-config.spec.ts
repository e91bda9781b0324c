import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError } from "../config.js";
import { createFileStorage, loadFileStorageConfig, loadFileUrlSecret } from "./file-config.js";
import { LocalDiskStorage } from "./local-disk-storage.js";
import { S3Storage } from "./s3-storage.js";

const where = { subgraph: "certification", dataDir: "/var/lib/xuekao" };

function issuesOf(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    if (error instanceof ConfigError) return error.issues;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("loadFileStorageConfig", () => {
  it("defaults to the local disk under DATA_DIR, one folder per subgraph", () => {
    expect(loadFileStorageConfig(where, {})).toEqual({ driver: "local", root: join("/var/lib/xuekao", "files", "certification") });
    expect(loadFileStorageConfig(where, { FILE_STORAGE: "", S3_BUCKET: "ignored" })).toMatchObject({ driver: "local" });
    expect(createFileStorage(loadFileStorageConfig(where, {}))).toBeInstanceOf(LocalDiskStorage);
  });

  it("reads the S3 settings", async () => {
    const config = loadFileStorageConfig(where, {
      FILE_STORAGE: "s3",
      S3_BUCKET: "xuekao-1250000000",
      S3_REGION: "ap-beijing",
      S3_ENDPOINT: "https://cos.ap-beijing.myqcloud.com",
      S3_FORCE_PATH_STYLE: "false",
      S3_ACCESS_KEY_ID: "AKID",
      S3_SECRET_ACCESS_KEY: "secret",
      S3_PREFIX: "/prod/",
    });
    expect(config).toEqual({
      driver: "s3",
      bucket: "xuekao-1250000000",
      region: "ap-beijing",
      endpoint: "https://cos.ap-beijing.myqcloud.com",
      forcePathStyle: false,
      credentials: { accessKeyId: "AKID", secretAccessKey: "secret" },
      prefix: "prod/certification/",
    });
    const storage = createFileStorage(config);
    expect(storage).toBeInstanceOf(S3Storage);
    expect((storage as S3Storage).prefix).toBe("prod/certification/");
    await (storage as S3Storage).close();

    expect(loadFileStorageConfig(where, { FILE_STORAGE: "s3", S3_BUCKET: "b-1", S3_REGION: "us-east-1", S3_FORCE_PATH_STYLE: "1" })).toEqual({
      driver: "s3",
      bucket: "b-1",
      region: "us-east-1",
      forcePathStyle: true,
      prefix: "certification/",
    });
  });

  it("names each missing or bad variable when s3 is chosen", () => {
    expect(issuesOf(() => loadFileStorageConfig(where, { FILE_STORAGE: "s3" }))).toEqual([
      "S3_BUCKET: required when FILE_STORAGE=s3",
      expect.stringMatching(/^S3_REGION: required when FILE_STORAGE=s3/),
    ]);
    expect(issuesOf(() => loadFileStorageConfig(where, { FILE_STORAGE: "s3", S3_BUCKET: "b-1", S3_REGION: "r", S3_ACCESS_KEY_ID: "AKID" }))).toEqual([
      "S3_SECRET_ACCESS_KEY: required when S3_ACCESS_KEY_ID is set",
    ]);
    const bad = issuesOf(() =>
      loadFileStorageConfig(where, { FILE_STORAGE: "minio", S3_BUCKET: "Bad_Bucket", S3_ENDPOINT: "not a url", S3_FORCE_PATH_STYLE: "yes", S3_PREFIX: "a/../b" }),
    );
    for (const name of ["FILE_STORAGE", "S3_BUCKET", "S3_ENDPOINT", "S3_FORCE_PATH_STYLE", "S3_PREFIX"]) {
      expect(bad.some((issue) => issue.startsWith(`${name}:`)), name).toBe(true);
    }
  });
});

describe("loadFileUrlSecret", () => {
  it("uses FILE_URL_SECRET when it is long enough", () => {
    const value = "s".repeat(32);
    expect(loadFileUrlSecret({ FILE_URL_SECRET: value, NODE_ENV: "production" })).toEqual({ secret: Buffer.from(value), generated: false });
    expect(issuesOf(() => loadFileUrlSecret({ FILE_URL_SECRET: "short" }))[0]).toMatch(/^FILE_URL_SECRET: at least 32 characters/);
  });

  it("is required in production, random per process elsewhere", () => {
    expect(issuesOf(() => loadFileUrlSecret({ NODE_ENV: "production" }))[0]).toMatch(/^FILE_URL_SECRET: required when NODE_ENV=production/);
    const a = loadFileUrlSecret({});
    const b = loadFileUrlSecret({ NODE_ENV: "test" });
    expect(a.generated).toBe(true);
    expect(a.secret).toHaveLength(32);
    expect(a.secret.equals(b.secret)).toBe(false);
  });
});
