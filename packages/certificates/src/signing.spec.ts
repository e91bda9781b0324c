import { describe, expect, it } from "vitest";
import { canonicalJson } from "./fields.js";
import { loadCertificateSigner } from "./keys.js";
import { verifyCertificateToken } from "./signing.js";
import { sampleCertificateFields } from "./test-fields.js";

const flip = (segment: string) => {
  const bytes = Buffer.from(segment, "base64url");
  bytes[bytes.length - 1] = bytes[bytes.length - 1]! ^ 1;
  return bytes.toString("base64url");
};

describe("certificate signatures", () => {
  it("canonical JSON sorts keys at every level, so the order fields were given in does not matter", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: "x" } })).toBe('{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}');
  });

  it("a signed certificate verifies and gives back every field", async () => {
    const signer = await loadCertificateSigner({ env: {}, nodeEnv: "test" });
    const token = await signer.sign(sampleCertificateFields());
    expect(token.split(".")).toHaveLength(3);
    const header = JSON.parse(Buffer.from(token.split(".")[0]!, "base64url").toString());
    expect(header).toMatchObject({ alg: "EdDSA", kid: signer.kid });
    await expect(verifyCertificateToken(token, signer.publicKeys)).resolves.toEqual({ signatureValid: true, fields: sampleCertificateFields() });
  });

  it("a changed payload or signature fails, and the claimed fields are still shown", async () => {
    const signer = await loadCertificateSigner({ env: {}, nodeEnv: "test" });
    const [header, payload, signature] = (await signer.sign(sampleCertificateFields())).split(".");
    const forged = Buffer.from(JSON.stringify({ ...sampleCertificateFields(), holderName: "李四" })).toString("base64url");
    const tampered = await verifyCertificateToken(`${header}.${forged}.${signature}`, signer.publicKeys);
    expect(tampered.signatureValid).toBe(false);
    expect(tampered.fields?.holderName).toBe("李四");
    expect((await verifyCertificateToken(`${header}.${payload}.${flip(signature!)}`, signer.publicKeys)).signatureValid).toBe(false);
    expect((await verifyCertificateToken("not-a-token", signer.publicKeys))).toEqual({ signatureValid: false, fields: null });
  });

  it("a token signed by another key fails, a retired key still verifies", async () => {
    const env = { CERTIFICATE_SIGNING_KEY: (await import("node:crypto")).generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString() };
    const other = await loadCertificateSigner({ env, nodeEnv: "production" });
    const current = await loadCertificateSigner({ env: {}, nodeEnv: "test" });
    const token = await other.sign(sampleCertificateFields());
    expect((await verifyCertificateToken(token, current.publicKeys)).signatureValid).toBe(false);
    const rotated = await loadCertificateSigner({ env: { CERTIFICATE_RETIRED_PUBLIC_KEYS: JSON.stringify(other.publicKeys) }, nodeEnv: "test" });
    expect((await verifyCertificateToken(token, rotated.publicKeys)).signatureValid).toBe(true);
  });

  it("refuses fields that are not a certificate", async () => {
    const signer = await loadCertificateSigner({ env: {}, nodeEnv: "test" });
    await expect(signer.sign({ ...sampleCertificateFields(), provinceCode: "Beijing" })).rejects.toThrow();
  });
});
