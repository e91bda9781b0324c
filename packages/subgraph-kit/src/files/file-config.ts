import { randomBytes } from "node:crypto";
import { join } from "node:path";
import type { Logger } from "pino";
import { z } from "zod";
import { ConfigError, loadConfig, nodeEnv, optionalUrl } from "../config.js";
import { LocalDiskStorage } from "./local-disk-storage.js";
import { normalizeS3Prefix, S3Storage } from "./s3-storage.js";
import { MIN_FILE_URL_SECRET_BYTES } from "./signed-url.js";
import type { FileStorage } from "./storage.js";

export type FileStorageConfig =
  | { driver: "local"; root: string }
  | {
      driver: "s3";
      bucket: string;
      region: string;
      endpoint?: string;
      forcePathStyle: boolean;
      credentials?: { accessKeyId: string; secretAccessKey: string };
      /** `S3_PREFIX` followed by the subgraph's name, e.g. `xuekao/certification/`. */
      prefix: string;
    };

const flag = z
  .enum(["1", "0", "true", "false"])
  .optional()
  .transform((value) => value === "1" || value === "true");

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value ? value : undefined));

const prefix = optionalText.superRefine((value, context) => {
  try {
    normalizeS3Prefix(value);
  } catch {
    context.addIssue({ code: "custom", message: "segments of letters, digits, '.', '_' or '-' joined by '/' (e.g. xuekao/files)" });
  }
});

/**
 * Reads `FILE_STORAGE` (`local`, the default, or `s3`) and, for `s3`, `S3_BUCKET`, `S3_REGION`
 * (required), `S3_ENDPOINT`, `S3_FORCE_PATH_STYLE`, `S3_ACCESS_KEY_ID` + `S3_SECRET_ACCESS_KEY`
 * (both or neither: without them the SDK's default chain applies) and `S3_PREFIX`. Each subgraph
 * keeps its files apart: `<dataDir>/files/<subgraph>` on disk, `<S3_PREFIX>/<subgraph>/` in a bucket.
 */
export function loadFileStorageConfig(
  options: { subgraph: string; dataDir: string },
  env: Record<string, string | undefined> = process.env,
): FileStorageConfig {
  const raw = loadConfig(
    {
      FILE_STORAGE: z.enum(["local", "s3"]).default("local"),
      S3_BUCKET: optionalText.pipe(
        z
          .string()
          .regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "3–63 lowercase letters, digits, '.' or '-' (an S3 bucket name)")
          .optional(),
      ),
      S3_REGION: optionalText,
      S3_ENDPOINT: optionalUrl,
      S3_FORCE_PATH_STYLE: flag,
      S3_ACCESS_KEY_ID: optionalText,
      S3_SECRET_ACCESS_KEY: optionalText,
      S3_PREFIX: prefix,
    },
    env,
  );
  if (!/^[a-z][a-z0-9-]*$/.test(options.subgraph)) throw new Error(`Invalid subgraph name for file storage: ${options.subgraph}`);
  if (raw.FILE_STORAGE === "local") return { driver: "local", root: join(options.dataDir, "files", options.subgraph) };

  const issues: string[] = [];
  if (!raw.S3_BUCKET) issues.push("S3_BUCKET: required when FILE_STORAGE=s3");
  if (!raw.S3_REGION) issues.push("S3_REGION: required when FILE_STORAGE=s3 (S3-compatible servers too, e.g. ap-beijing for COS, us-east-1 for MinIO)");
  if (raw.S3_ACCESS_KEY_ID && !raw.S3_SECRET_ACCESS_KEY) issues.push("S3_SECRET_ACCESS_KEY: required when S3_ACCESS_KEY_ID is set");
  if (raw.S3_SECRET_ACCESS_KEY && !raw.S3_ACCESS_KEY_ID) issues.push("S3_ACCESS_KEY_ID: required when S3_SECRET_ACCESS_KEY is set");
  if (issues.length > 0) throw new ConfigError(issues);
  return {
    driver: "s3",
    bucket: raw.S3_BUCKET!,
    region: raw.S3_REGION!,
    ...(raw.S3_ENDPOINT ? { endpoint: raw.S3_ENDPOINT } : {}),
    forcePathStyle: raw.S3_FORCE_PATH_STYLE,
    ...(raw.S3_ACCESS_KEY_ID && raw.S3_SECRET_ACCESS_KEY
      ? { credentials: { accessKeyId: raw.S3_ACCESS_KEY_ID, secretAccessKey: raw.S3_SECRET_ACCESS_KEY } }
      : {}),
    prefix: `${normalizeS3Prefix(raw.S3_PREFIX)}${options.subgraph}/`,
  };
}

export function createFileStorage(config: FileStorageConfig, options: { logger?: Logger } = {}): FileStorage {
  switch (config.driver) {
    case "local":
      return new LocalDiskStorage(config.root);
    case "s3":
      return new S3Storage({ ...config, ...(options.logger ? { logger: options.logger } : {}) });
  }
}

/**
 * `FILE_URL_SECRET`: the key file URLs are signed with, at least 32 characters (e.g.
 * `openssl rand -base64 48`), the same on every replica of a subgraph. Required in production;
 * elsewhere a missing one is replaced by a random key for this process (`generated: true`), so
 * links then stop working at a restart.
 */
export function loadFileUrlSecret(env: Record<string, string | undefined> = process.env): { secret: Buffer; generated: boolean } {
  const raw = loadConfig(
    {
      NODE_ENV: nodeEnv,
      FILE_URL_SECRET: z
        .string()
        .trim()
        .min(MIN_FILE_URL_SECRET_BYTES, `at least ${MIN_FILE_URL_SECRET_BYTES} characters (e.g. openssl rand -base64 48)`)
        .optional(),
    },
    env,
  );
  if (raw.FILE_URL_SECRET) return { secret: Buffer.from(raw.FILE_URL_SECRET, "utf8"), generated: false };
  if (raw.NODE_ENV === "production") throw new ConfigError(["FILE_URL_SECRET: required when NODE_ENV=production (at least 32 characters, the same on every replica)"]);
  return { secret: randomBytes(32), generated: true };
}
