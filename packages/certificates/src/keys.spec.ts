import { generateKeyPairSync } from "node:crypto";
import { mkdtempSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CERTIFICATE_KEY_FILE, loadCertificateSettings, loadCertificateSigner } from "./keys.js";

describe("certificate signing key", () => {
  it("production refuses to start without CERTIFICATE_SIGNING_KEY, or with a development key", async () => {
    await expect(loadCertificateSigner({ env: {}, nodeEnv: "production" })).rejects.toThrow(/CERTIFICATE_SIGNING_KEY: required in production/);
    const dir = mkdtempSync(join(tmpdir(), "cert-key-"));
    const dev = await loadCertificateSigner({ env: {}, nodeEnv: "development", developmentKeyFile: join(dir, CERTIFICATE_KEY_FILE) });
    const file = readFileSync(join(dir, CERTIFICATE_KEY_FILE), "utf8");
    await expect(loadCertificateSigner({ env: { CERTIFICATE_SIGNING_KEY: file }, nodeEnv: "production" })).rejects.toThrow(/development key/);
    expect(dev.kid).toMatch(/^dev-/);
  });

  it("development generates the key once, into a file every subgraph on the machine reads", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "cert-key-")), CERTIFICATE_KEY_FILE);
    const first = await loadCertificateSigner({ env: {}, nodeEnv: "development", developmentKeyFile: file });
    const second = await loadCertificateSigner({ env: {}, nodeEnv: "development", developmentKeyFile: file });
    expect(second.kid).toBe(first.kid);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it("reads a PKCS8 PEM (kid from its thumbprint) or a JWK, and refuses anything else", async () => {
    const { privateKey } = generateKeyPairSync("ed25519");
    const pem = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const fromPem = await loadCertificateSigner({ env: { CERTIFICATE_SIGNING_KEY: pem.replace(/\n/g, "\\n") }, nodeEnv: "production" });
    const fromJwk = await loadCertificateSigner({ env: { CERTIFICATE_SIGNING_KEY: JSON.stringify({ ...privateKey.export({ format: "jwk" }), kid: "2026-01" }) }, nodeEnv: "production" });
    expect(fromPem.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(fromJwk.kid).toBe("2026-01");
    expect(fromJwk.publicKeys[0]!.x).toBe(fromPem.publicKeys[0]!.x);
    expect(fromJwk.publicKeys[0]!.d).toBeUndefined();
    const ec = generateKeyPairSync("ec", { namedCurve: "P-256" }).privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    await expect(loadCertificateSigner({ env: { CERTIFICATE_SIGNING_KEY: ec }, nodeEnv: "production" })).rejects.toThrow(/not an Ed25519 key/);
    await expect(loadCertificateSigner({ env: { CERTIFICATE_SIGNING_KEY: "{oops" }, nodeEnv: "production" })).rejects.toThrow(/not a PKCS8 PEM or JSON JWK/);
  });
});

describe("certificate settings", () => {
  it("production needs the verify page's https address as well as the key", async () => {
    const { privateKey } = generateKeyPairSync("ed25519");
    const CERTIFICATE_SIGNING_KEY = privateKey.export({ format: "pem", type: "pkcs8" }).toString();
    const config = { nodeEnv: "production" as const, dataDir: tmpdir() };
    await expect(loadCertificateSettings({ env: { CERTIFICATE_SIGNING_KEY }, config })).rejects.toThrow(/CERTIFICATE_VERIFY_URL: required in production/);
    await expect(loadCertificateSettings({ env: { CERTIFICATE_SIGNING_KEY, CERTIFICATE_VERIFY_URL: "http://x.cn/verify" }, config })).rejects.toThrow(/https/);
    const settings = await loadCertificateSettings({ env: { CERTIFICATE_SIGNING_KEY, CERTIFICATE_VERIFY_URL: "https://xuekao.example.cn/verify/" }, config });
    expect(settings.verifyUrl("7K3QD-XM2PA")).toBe("https://xuekao.example.cn/verify/7K3QD-XM2PA");
  });

  it("development keeps its key in DATA_DIR and links to the local shell", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "cert-settings-"));
    const settings = await loadCertificateSettings({ env: {}, config: { nodeEnv: "development", dataDir } });
    expect(JSON.parse(readFileSync(join(dataDir, CERTIFICATE_KEY_FILE), "utf8")).kid).toBe(settings.signer.kid);
    expect(settings.verifyUrl("7K3QD-XM2PA")).toBe("http://localhost:5173/verify/7K3QD-XM2PA");
  });
});
