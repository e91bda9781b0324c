/**
 * The check a page makes before it sends a scan or photo through an upload ticket: the type is
 * judged by the file's first bytes (its magic number), never by its name or the browser's guess,
 * and the size against the ticket's limit. The server judges both again by the bytes; this only
 * spares the person a wasted upload and tells them at once, in their words, what is wrong.
 */

/** The image types the platform's upload tickets take (`allowedTypes`). */
export const SCAN_IMAGE_TYPES = Object.freeze(["image/jpeg", "image/png"] as const);

/** What the first bytes say a file is; `null` when they match nothing we know. */
export type SniffedType = "image/jpeg" | "image/png" | "image/gif" | "image/webp" | "application/pdf" | null;

export type ScanProblem =
  | { kind: "empty" }
  | { kind: "size"; maxBytes: number; size: number }
  | { kind: "type"; detected: SniffedType; allowedTypes: readonly string[] };

export interface ScanLimits {
  maxBytes: number;
  allowedTypes: readonly string[];
}

/** How many leading bytes the sniffing needs (WEBP's "RIFF....WEBP" is the longest). */
const HEAD_BYTES = 12;

const startsWith = (bytes: Uint8Array, signature: readonly number[], offset = 0) =>
  bytes.length >= offset + signature.length && signature.every((byte, index) => bytes[offset + index] === byte);

/** The type the leading bytes announce. */
export function sniffType(bytes: Uint8Array): SniffedType {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "image/jpeg";
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "image/png";
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return "image/gif";
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return "image/webp";
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46])) return "application/pdf";
  return null;
}

/** The first bytes of a Blob (a File is one). */
async function headOf(file: Blob): Promise<Uint8Array> {
  const head = file.slice(0, HEAD_BYTES);
  if (typeof head.arrayBuffer === "function") return new Uint8Array(await head.arrayBuffer());
  // Older engines: FileReader is everywhere a File is.
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsArrayBuffer(head);
  });
}

/**
 * What is wrong with `file` for an upload with these limits, or null when it may be sent.
 * Empty first, then the type (a PDF renamed .jpg is a PDF), then the size.
 */
export async function scanFileProblem(file: Blob, limits: ScanLimits = { maxBytes: 1_048_576, allowedTypes: SCAN_IMAGE_TYPES }): Promise<ScanProblem | null> {
  if (file.size === 0) return { kind: "empty" };
  const detected = sniffType(await headOf(file));
  if (!detected || !limits.allowedTypes.includes(detected)) return { kind: "type", detected, allowedTypes: limits.allowedTypes };
  if (file.size > limits.maxBytes) return { kind: "size", maxBytes: limits.maxBytes, size: file.size };
  return null;
}

/** `1048576` → `1 MB`, `512000` → `500 KB`, `800` → `800 B`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

const TYPE_NAMES: Record<string, string> = {
  "image/jpeg": "JPG",
  "image/png": "PNG",
  "image/gif": "GIF",
  "image/webp": "WEBP",
  "application/pdf": "PDF",
};

/** `["image/jpeg","image/png"]` → `JPG、PNG` (zh) or `JPG, PNG` (en). */
export function typeNames(types: readonly string[], locale = "zh-CN"): string {
  return types.map((type) => TYPE_NAMES[type] ?? type).join(locale.startsWith("zh") ? "、" : ", ");
}

/** The problem in the person's language, naming what the file really is when the bytes say it. */
export function scanProblemText(problem: ScanProblem, locale = "zh-CN"): string {
  const zh = locale.startsWith("zh");
  switch (problem.kind) {
    case "empty":
      return zh ? "所选文件是空的，请重新选择" : "The chosen file is empty; choose another";
    case "size":
      return zh
        ? `文件过大（${formatBytes(problem.size)}），不能超过 ${formatBytes(problem.maxBytes)}，请压缩后重新选择`
        : `The file is too large (${formatBytes(problem.size)}); at most ${formatBytes(problem.maxBytes)} is accepted`;
    case "type": {
      const allowed = typeNames(problem.allowedTypes, locale);
      const actual = problem.detected ? TYPE_NAMES[problem.detected] : null;
      if (zh) return actual ? `仅支持 ${allowed} 格式的图片，所选文件实际为 ${actual} 格式` : `仅支持 ${allowed} 格式的图片，所选文件不是图片`;
      return actual ? `Only ${allowed} images are accepted; the chosen file is really ${actual}` : `Only ${allowed} images are accepted; the chosen file is not an image`;
    }
  }
}
