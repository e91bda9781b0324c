import { ACCESS_TOKEN_KEY } from "./session";

/**
 * Files travel beside GraphQL: a mutation hands out a short-lived link on this origin
 * (`/files/<subgraph>/…`, proxied to the subgraph), bound to the signed-in person. These send
 * the bytes (PUT, raw, never multipart) or fetch them, with the same access token the gateway
 * client uses, and turn a refusal into the platform's error shape (code + Chinese message).
 */

export interface FileRefusal {
  code: string;
  message: string;
}

export type FileResult<T> = { ok: true; value: T } | { ok: false; error: FileRefusal };

const authorization = (): Record<string, string> => {
  const token = globalThis.sessionStorage?.getItem(ACCESS_TOKEN_KEY);
  return token ? { authorization: `Bearer ${token}` } : {};
};

async function refusalOf(response: Response): Promise<FileRefusal> {
  try {
    const body = (await response.json()) as { errors?: Array<{ message?: string; extensions?: { code?: string } }> };
    const first = body.errors?.[0];
    if (first?.message && first.extensions?.code) return { code: first.extensions.code, message: first.message };
  } catch {
    // not the platform's JSON: fall through
  }
  return { code: "BAD_RESPONSE", message: `文件服务暂时不可用（HTTP ${response.status}），请稍后重试` };
}

const NETWORK: FileRefusal = { code: "NETWORK_ERROR", message: "网络连接失败，请检查网络后重试" };

/** Sends `file` to an upload link; the server judges size and type again by the bytes. */
export async function uploadFile(uploadUrl: string, file: Blob): Promise<FileResult<{ id: string; size: number; mimeType: string }>> {
  let response: Response;
  try {
    response = await fetch(uploadUrl, { method: "PUT", headers: { "content-type": file.type || "application/octet-stream", ...authorization() }, body: file });
  } catch {
    return { ok: false, error: NETWORK };
  }
  if (!response.ok) return { ok: false, error: await refusalOf(response) };
  const body = (await response.json()) as { file: { id: string; size: number; mimeType: string } };
  return { ok: true, value: body.file };
}

/** Fetches a download link's bytes (to show an image, or save a file) as a Blob. */
export async function downloadFile(downloadUrl: string): Promise<FileResult<Blob>> {
  let response: Response;
  try {
    response = await fetch(downloadUrl, { headers: authorization() });
  } catch {
    return { ok: false, error: NETWORK };
  }
  if (!response.ok) return { ok: false, error: await refusalOf(response) };
  return { ok: true, value: await response.blob() };
}
