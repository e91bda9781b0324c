import type { S3Client } from "@aws-sdk/client-s3";
import { Readable } from "node:stream";
import type { Logger } from "pino";
import { assertRange, assertStorageKey, type ByteRange, type FileStorage, type PutOptions, type StoredObject, type StoredObjectInfo } from "./storage.js";

export interface S3StorageOptions {
  bucket: string;
  region: string;
  /** For S3-compatible servers (MinIO, Tencent COS, …); AWS itself needs none. */
  endpoint?: string;
  /** `https://endpoint/bucket/key` instead of `https://bucket.endpoint/key` (MinIO usually needs it). */
  forcePathStyle?: boolean;
  /** Without them the SDK's default chain applies (environment, instance role, …). */
  credentials?: { accessKeyId: string; secretAccessKey: string };
  /** Put before every key, e.g. `xuekao/certification/`; a missing trailing slash is added. */
  prefix?: string;
  /** A client built elsewhere (tests, shared connection settings); the options above then only give bucket and prefix. */
  client?: S3Client;
  /** Where the SDK's own warnings go (without one it writes them to the console). */
  logger?: Logger;
}

const DEFAULT_CONTENT_TYPE = "application/octet-stream";

type Sdk = typeof import("@aws-sdk/client-s3");
let sdkModule: Promise<Sdk> | undefined;
/** The SDK takes ~0.7 s to import: loaded on first use, so processes on local storage never pay for it. */
const loadSdk = (): Promise<Sdk> => (sdkModule ??= import("@aws-sdk/client-s3"));

export function normalizeS3Prefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+|\/+$/g, "");
  if (trimmed === "") return "";
  assertStorageKey(trimmed);
  return `${trimmed}/`;
}

/**
 * Objects in one S3 (or S3-compatible) bucket. A PutObject either completes or stores nothing,
 * which gives the all-or-nothing `put` without a temp key.
 */
export class S3Storage implements FileStorage {
  readonly bucket: string;
  readonly prefix: string;
  private readonly clientReady: Promise<S3Client>;

  constructor(options: S3StorageOptions) {
    this.bucket = options.bucket;
    this.prefix = normalizeS3Prefix(options.prefix);
    this.clientReady = options.client
      ? Promise.resolve(options.client)
      : loadSdk().then(
          (sdk) =>
            new sdk.S3Client({
              region: options.region,
              ...(options.endpoint ? { endpoint: options.endpoint } : {}),
              forcePathStyle: options.forcePathStyle ?? false,
              ...(options.credentials ? { credentials: options.credentials } : {}),
              // Since 3.729 the SDK adds CRC checksums (aws-chunked bodies with trailers) by default,
              // which several S3-compatible servers refuse; ask for them only where S3 requires them.
              requestChecksumCalculation: "WHEN_REQUIRED",
              responseChecksumValidation: "WHEN_REQUIRED",
              logger: sdkLogger(options.logger),
            }),
        );
    // A failed import surfaces on first use, not as an unhandled rejection at boot.
    this.clientReady.catch(() => undefined);
  }

  /** The underlying client (e.g. for a readiness check). */
  client(): Promise<S3Client> {
    return this.clientReady;
  }

  /** Closes the client's connections. */
  async close(): Promise<void> {
    (await this.clientReady).destroy();
  }

  private objectKey(key: string): string {
    assertStorageKey(key);
    return this.prefix + key;
  }

  async put(key: string, body: Readable, options: PutOptions): Promise<void> {
    const Key = this.objectKey(key);
    // The SDK does not notice a body stream that fails half-way: the request would wait for the
    // missing bytes until a timeout. Abort it instead, so S3 discards the partial object at once.
    const abort = new AbortController();
    const onError = (error: Error) => abort.abort(error);
    const onClose = () => {
      if (!body.readableEnded) abort.abort(new Error("The body closed before its end"));
    };
    body.once("error", onError);
    body.once("close", onClose);
    try {
      // PutObject needs the length up front: a body of unknown length is gathered first (callers
      // bound it, e.g. receiveUpload by the slot's limit).
      const payload = options.size === undefined ? await collect(body) : body;
      const [client, sdk] = await Promise.all([this.clientReady, loadSdk()]);
      await client.send(
        new sdk.PutObjectCommand({
          Bucket: this.bucket,
          Key,
          Body: payload,
          ContentLength: options.size ?? (payload as Buffer).length,
          ContentType: options.contentType,
        }),
        { abortSignal: abort.signal },
      );
    } catch (error) {
      body.destroy();
      throw abort.signal.aborted ? abort.signal.reason : error;
    } finally {
      body.off("error", onError);
      body.off("close", onClose);
    }
  }

  async get(key: string, options: { range?: ByteRange } = {}): Promise<StoredObject | null> {
    const { range } = options;
    if (range) assertRange(range, Number.MAX_SAFE_INTEGER);
    const Key = this.objectKey(key);
    const [client, sdk] = await Promise.all([this.clientReady, loadSdk()]);
    let output;
    try {
      output = await client.send(
        new sdk.GetObjectCommand({
          Bucket: this.bucket,
          Key,
          ...(range ? { Range: `bytes=${range.start}-${range.end}` } : {}),
        }),
      );
    } catch (error) {
      if (isNotFound(error)) return null;
      if (statusOf(error) === 416 && range) throw new RangeError(`Byte range ${range.start}-${range.end} lies outside the object`);
      throw error;
    }
    const body = output.Body as Readable | undefined;
    if (!body) return null;
    const size = output.ContentLength ?? 0;
    const totalSize = totalFromContentRange(output.ContentRange) ?? size;
    if (range && !output.ContentRange) {
      // A server that ignored the Range header sent the whole object.
      body.destroy();
      throw new Error("The storage server ignored the byte range");
    }
    return {
      body,
      size,
      totalSize,
      contentType: output.ContentType ?? DEFAULT_CONTENT_TYPE,
      ...(range ? { range: { start: range.start, end: range.start + size - 1 } } : {}),
    };
  }

  async stat(key: string): Promise<StoredObjectInfo | null> {
    const Key = this.objectKey(key);
    const [client, sdk] = await Promise.all([this.clientReady, loadSdk()]);
    try {
      const output = await client.send(new sdk.HeadObjectCommand({ Bucket: this.bucket, Key }));
      return { size: output.ContentLength ?? 0, contentType: output.ContentType ?? DEFAULT_CONTENT_TYPE };
    } catch (error) {
      if (isNotFound(error)) return null;
      throw error;
    }
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== null;
  }

  async delete(key: string): Promise<void> {
    const Key = this.objectKey(key);
    const [client, sdk] = await Promise.all([this.clientReady, loadSdk()]);
    try {
      await client.send(new sdk.DeleteObjectCommand({ Bucket: this.bucket, Key }));
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }
}

/** The SDK logs through console unless given a logger; its chatter goes to debug, its warnings to warn. */
function sdkLogger(logger: Logger | undefined) {
  const child = logger?.child({ component: "s3" });
  const at = (level: "debug" | "warn" | "error") => (...content: unknown[]) => child?.[level]({ sdk: content.length > 1 ? content.slice(1) : undefined }, String(content[0]));
  return { trace: at("debug"), debug: at("debug"), info: at("debug"), warn: at("warn"), error: at("error") };
}

async function collect(body: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of body) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function statusOf(error: unknown): number | undefined {
  return (error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode;
}

function isNotFound(error: unknown): boolean {
  const name = (error as { name?: string }).name;
  // A missing bucket is a configuration error, not a missing file (HEAD cannot tell them apart).
  return name === "NoSuchKey" || name === "NotFound" || (statusOf(error) === 404 && name !== "NoSuchBucket");
}

function totalFromContentRange(header: string | undefined): number | undefined {
  const match = header ? /\/(\d+)$/.exec(header) : null;
  return match ? Number(match[1]) : undefined;
}
