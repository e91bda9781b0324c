import { listedErrors } from "../errors.js";

/**
 * The file routes answer in the platform's error shape (`{ errors: [{ message, extensions:
 * { code } }] }`) with stable codes and Chinese messages, like GraphQL errors do.
 */
export type FileErrorCode =
  | "FILE_TOO_LARGE"
  | "UNSUPPORTED_FILE_TYPE"
  | "FILE_EMPTY"
  | "UPLOAD_EXPIRED"
  | "DOWNLOAD_EXPIRED"
  | "SIGNATURE_INVALID"
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "UPLOAD_ALREADY_COMPLETED"
  | "METHOD_NOT_ALLOWED"
  | "RANGE_NOT_SATISFIABLE"
  | "BAD_REQUEST";

export class FileRequestError extends Error {
  constructor(
    public readonly code: FileErrorCode,
    public readonly status: number,
    /** Chinese, for the person in front of the screen. */
    message: string,
    /** Added to `extensions` (e.g. `maxBytes`); nothing personal. */
    public readonly details: Record<string, unknown> = {},
    /** Extra response headers (`allow`, `content-range`, …). */
    public readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "FileRequestError";
  }
}

const MB = 1024 * 1024;
const KB = 1024;

/** 1048576 → "1 MB", 1572864 → "1.5 MB", 512000 → "500 KB"; rounded down, so the limit shown is never more than the real one. */
export function formatByteLimit(bytes: number): string {
  const oneDecimal = (value: number) => String(Math.floor(value * 10) / 10);
  if (bytes >= MB) return `${oneDecimal(bytes / MB)} MB`;
  if (bytes >= KB) return `${oneDecimal(bytes / KB)} KB`;
  return `${bytes} 字节`;
}

const TYPE_LABELS: Record<string, string> = {
  "image/jpeg": "JPG",
  "image/png": "PNG",
  "image/gif": "GIF",
  "image/webp": "WEBP",
  "image/heic": "HEIC",
  "image/bmp": "BMP",
  "image/tiff": "TIFF",
  "application/pdf": "PDF",
  "application/zip": "ZIP",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": "XLSX",
  "application/msword": "DOC",
  "application/vnd.ms-excel": "XLS",
};

export function typeLabel(mimeType: string): string {
  return TYPE_LABELS[mimeType] ?? (mimeType.split("/")[1] ?? mimeType).replace(/^(x-|vnd\.)/, "").toUpperCase();
}

/** ["image/jpeg", "image/png"] → "仅支持 JPG、PNG 格式的图片"; with a PDF among them, "… 格式的文件". */
export function describeAllowedTypes(allowedTypes: readonly string[]): string {
  if (allowedTypes.length === 0) return "不支持该文件类型";
  const labels = [...new Set(allowedTypes.map(typeLabel))];
  const noun = allowedTypes.every((type) => type.startsWith("image/")) ? "图片" : "文件";
  return `仅支持 ${labels.join("、")} 格式的${noun}`;
}

export const fileErrors = {
  tooLarge: (maxBytes: number) =>
    new FileRequestError("FILE_TOO_LARGE", 413, `文件过大，不能超过 ${formatByteLimit(maxBytes)}`, { maxBytes }),
  unsupportedType: (allowedTypes: readonly string[]) =>
    new FileRequestError("UNSUPPORTED_FILE_TYPE", 415, describeAllowedTypes(allowedTypes), { allowedTypes: [...allowedTypes] }),
  empty: () => new FileRequestError("FILE_EMPTY", 400, "文件为空，请重新选择文件"),
  uploadExpired: () => new FileRequestError("UPLOAD_EXPIRED", 410, "上传链接已过期，请重新上传"),
  downloadExpired: () => new FileRequestError("DOWNLOAD_EXPIRED", 410, "下载链接已过期，请刷新页面后重新下载"),
  signatureInvalid: () => new FileRequestError("SIGNATURE_INVALID", 403, "链接无效，请重新获取"),
  unauthenticated: (message = "请先登录") =>
    new FileRequestError("UNAUTHENTICATED", 401, message, {}, { "www-authenticate": "Bearer" }),
  forbidden: () => new FileRequestError("FORBIDDEN", 403, "此链接不属于当前登录的用户"),
  notFound: () => new FileRequestError("NOT_FOUND", 404, "文件不存在或已被删除"),
  alreadyCompleted: () => new FileRequestError("UPLOAD_ALREADY_COMPLETED", 409, "文件已上传，不能重复上传"),
  methodNotAllowed: (allow: string[]) =>
    new FileRequestError("METHOD_NOT_ALLOWED", 405, "不支持的请求方法", {}, { allow: allow.join(", ") }),
  rangeNotSatisfiable: (size: number) =>
    new FileRequestError("RANGE_NOT_SATISFIABLE", 416, "请求的文件范围无效", {}, { "content-range": `bytes */${size}` }),
  badRequest: (message: string) => new FileRequestError("BAD_REQUEST", 400, message),
};

/** The file routes' codes, listed with the catalogs for the clients' code list. */
export const FileErrorsListed = listedErrors("files", [
  ["FILE_TOO_LARGE", "BAD_USER_INPUT", "文件过大，不能超过上限"],
  ["UNSUPPORTED_FILE_TYPE", "BAD_USER_INPUT", "不支持该文件类型"],
  ["FILE_EMPTY", "BAD_USER_INPUT", "文件为空，请重新选择文件"],
  ["UPLOAD_EXPIRED", "FORBIDDEN", "上传链接已过期，请重新上传"],
  ["DOWNLOAD_EXPIRED", "FORBIDDEN", "下载链接已过期，请刷新页面后重新下载"],
  ["SIGNATURE_INVALID", "FORBIDDEN", "链接无效，请重新获取"],
  ["UPLOAD_ALREADY_COMPLETED", "CONFLICT", "文件已上传，不能重复上传"],
  ["RANGE_NOT_SATISFIABLE", "BAD_USER_INPUT", "请求的文件范围无效"],
  ["METHOD_NOT_ALLOWED", "BAD_USER_INPUT", "不支持的请求方法"],
]);
