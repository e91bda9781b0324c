/**
 * The photo the county agency collects: JPG or PNG, at most 2 MB (the registry's upload ticket
 * says the same, and judges again by the bytes). Checked in the browser first, so a wrong file is
 * refused before anything is sent.
 */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024;
export const PHOTO_TYPES = Object.freeze(["image/jpeg", "image/png"] as const);

export type PhotoProblem = { kind: "type" } | { kind: "size"; maxBytes: number } | { kind: "empty" };

export function photoProblem(
  file: { type: string; size: number },
  limits: { maxBytes: number; allowedTypes: readonly string[] } = { maxBytes: PHOTO_MAX_BYTES, allowedTypes: PHOTO_TYPES },
): PhotoProblem | null {
  if (!limits.allowedTypes.includes(file.type)) return { kind: "type" };
  if (file.size === 0) return { kind: "empty" };
  if (file.size > limits.maxBytes) return { kind: "size", maxBytes: limits.maxBytes };
  return null;
}

/** `2097152` → `2 MB`, `512000` → `500 KB`. */
export function formatBytes(bytes: number): string {
  return bytes >= 1024 * 1024 ? `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB` : `${Math.round(bytes / 1024)} KB`;
}
