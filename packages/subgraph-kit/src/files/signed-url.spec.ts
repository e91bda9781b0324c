import { describe, expect, it } from "vitest";
import { signFileUrl, verifyFileUrl, type FileUrlRequest } from "./signed-url.js";

const secret = Buffer.from("0123456789abcdef0123456789abcdef-test-secret");
const issuedAt = new Date("2026-03-01T08:00:00Z");
const expiresAt = new Date("2026-03-01T08:15:00Z");
const request: FileUrlRequest = { subgraph: "certification", op: "upload", fileId: "f-0b6c1f3e", expiresAt, subject: "user-a" };

function parse(url: string) {
  const parsed = new URL(url, "https://xuekao.example");
  const [, files, subgraph, op, fileId, ...rest] = parsed.pathname.split("/");
  expect(files).toBe("files");
  expect(rest).toEqual([]);
  return { subgraph: subgraph!, op: op as "upload" | "download", fileId: fileId!, searchParams: parsed.searchParams };
}

/** Replaces one query parameter's value (or drops it with null), keeping the rest. */
function withParam(url: string, name: string, value: string | null): string {
  const parsed = new URL(url, "https://xuekao.example");
  if (value === null) parsed.searchParams.delete(name);
  else parsed.searchParams.set(name, value);
  return parsed.pathname + parsed.search;
}

describe("signFileUrl / verifyFileUrl", () => {
  it("signs a path on the gateway's origin and verifies it until it expires", () => {
    const url = signFileUrl(secret, request);
    expect(url).toMatch(/^\/files\/certification\/upload\/f-0b6c1f3e\?exp=1772352900&sub=user-a&sig=[A-Za-z0-9_-]{43}$/);
    expect(verifyFileUrl(secret, parse(url), issuedAt)).toEqual({
      ok: true,
      grant: { subgraph: "certification", op: "upload", fileId: "f-0b6c1f3e", expiresAt, subject: "user-a" },
    });
    expect(verifyFileUrl(secret, parse(url), new Date(expiresAt.getTime() - 1)).ok).toBe(true);
    expect(verifyFileUrl(secret, parse(url), expiresAt)).toEqual({ ok: false, code: "UPLOAD_EXPIRED" });
    const download = signFileUrl(secret, { ...request, op: "download" });
    expect(verifyFileUrl(secret, parse(download), new Date(expiresAt.getTime() + 1000))).toEqual({ ok: false, code: "DOWNLOAD_EXPIRED" });
  });

  it("issues public URLs without a subject", () => {
    const url = signFileUrl(secret, { subgraph: "certification", op: "download", fileId: "cert-1", expiresAt });
    expect(url).not.toContain("sub=");
    expect(verifyFileUrl(secret, parse(url), issuedAt)).toMatchObject({ ok: true, grant: { subject: null } });
    // Adding a subject to a public URL (or removing one from a bound URL) breaks the signature.
    expect(verifyFileUrl(secret, parse(withParam(url, "sub", "user-a")), issuedAt)).toEqual({ ok: false, code: "SIGNATURE_INVALID" });
    expect(verifyFileUrl(secret, parse(withParam(signFileUrl(secret, request), "sub", null)), issuedAt)).toEqual({ ok: false, code: "SIGNATURE_INVALID" });
  });

  it("encodes any subject safely", () => {
    const url = signFileUrl(secret, { ...request, subject: "用户 a&sig=x" });
    expect(verifyFileUrl(secret, parse(url), issuedAt)).toMatchObject({ ok: true, grant: { subject: "用户 a&sig=x" } });
  });

  it("refuses every tampered part as SIGNATURE_INVALID", () => {
    const url = signFileUrl(secret, request);
    const valid = parse(url);
    const sig = valid.searchParams.get("sig")!;
    const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === "A" ? "B" : "A") + text.slice(at + 1);
    const tampered = [
      { ...valid, subgraph: "registry" },
      { ...valid, op: "download" as const },
      { ...valid, fileId: "f-0b6c1f3f" },
      parse(withParam(url, "exp", String(Number(valid.searchParams.get("exp")) + 3600))),
      parse(withParam(url, "sub", "user-b")),
      parse(withParam(url, "sig", flip(sig, 0))),
      parse(withParam(url, "sig", flip(sig, 42))),
      parse(withParam(url, "sig", sig.slice(0, 42))),
      parse(withParam(url, "sig", `${sig}=`)),
      parse(withParam(url, "sig", null)),
      parse(withParam(url, "exp", null)),
      parse(withParam(url, "exp", "-1")),
      parse(withParam(url, "exp", "1e12")),
      parse(`${url}&sub=user-a`),
      parse(`${url}&sig=${sig}`),
    ];
    for (const [index, candidate] of tampered.entries()) {
      expect(verifyFileUrl(secret, candidate, issuedAt), `case ${index}`).toEqual({ ok: false, code: "SIGNATURE_INVALID" });
    }
    // Another secret, and a tampered URL that has also expired: still the signature that is named.
    expect(verifyFileUrl(Buffer.from("another-secret-of-at-least-32-bytes!!"), valid, issuedAt)).toEqual({ ok: false, code: "SIGNATURE_INVALID" });
    expect(verifyFileUrl(secret, { ...valid, fileId: "other" }, new Date("2030-01-01"))).toEqual({ ok: false, code: "SIGNATURE_INVALID" });
  });

  it("refuses to sign with a short secret or malformed parts", () => {
    expect(() => signFileUrl(Buffer.from("short"), request)).toThrow(/at least 32 bytes/);
    expect(() => verifyFileUrl(Buffer.from("short"), parse(signFileUrl(secret, request)), issuedAt)).toThrow(/at least 32 bytes/);
    expect(() => signFileUrl(secret, { ...request, fileId: "../x" })).toThrow(/file id/);
    expect(() => signFileUrl(secret, { ...request, subgraph: "Cert/x" })).toThrow(/subgraph/);
    expect(() => signFileUrl(secret, { ...request, subject: "" })).toThrow(/subject/);
    expect(() => signFileUrl(secret, { ...request, subject: "a\nb" })).toThrow(/subject/);
    expect(() => signFileUrl(secret, { ...request, expiresAt: new Date(Number.NaN) })).toThrow(/expiry/);
  });
});
