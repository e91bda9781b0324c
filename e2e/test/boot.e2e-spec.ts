import { spawnSync } from "node:child_process";
import { generateKeyPairSync, randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { exportJWK, generateKeyPair } from "jose";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const entry = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** Start a built service with `env` and return how it ended (it must stop by itself). */
function boot(path: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [entry(path)], {
    env: { PATH: process.env.PATH ?? "", ...env },
    encoding: "utf8",
    timeout: 30_000,
  });
}

/** A production key ring for personal data (random, not a development one). */
const productionPersonalDataKeys = () =>
  JSON.stringify({ active: "2026a", keys: { "2026a": randomBytes(32).toString("base64") }, lookupKey: randomBytes(32).toString("base64") });

/** A production certificate signing key (Ed25519, PKCS8 PEM) and the public verify page. */
const productionCertificateSettings = () => ({
  CERTIFICATE_SIGNING_KEY: generateKeyPairSync("ed25519").privateKey.export({ format: "pem", type: "pkcs8" }).toString(),
  CERTIFICATE_VERIFY_URL: "https://xuekao.example.cn/verify",
});

describe("configuration is validated at boot", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "xuekao-boot-"));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("refuses to start a subgraph in production without the keys that protect personal data", () => {
    const result = boot("subgraphs/registry/dist/main.js", { NODE_ENV: "production", DATA_DIR: dataDir, REGISTRY_PORT: "0" });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain("PERSONAL_DATA_KEYS: required in production");
  });

  it("refuses to start a subgraph that accepts files in production without the key its links are signed with", () => {
    const result = boot("subgraphs/certification/dist/main.js", {
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      CERTIFICATION_PORT: "0",
      PERSONAL_DATA_KEYS: productionPersonalDataKeys(),
      ...productionCertificateSettings(),
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain("FILE_URL_SECRET: required when NODE_ENV=production");
  });

  it("refuses to start certification in production without the key certificates are signed with", () => {
    const result = boot("subgraphs/certification/dist/main.js", {
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      CERTIFICATION_PORT: "0",
      PERSONAL_DATA_KEYS: productionPersonalDataKeys(),
      FILE_URL_SECRET: randomBytes(48).toString("base64"),
      CERTIFICATE_VERIFY_URL: "https://xuekao.example.cn/verify",
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain("CERTIFICATE_SIGNING_KEY: required in production");
  });

  it("refuses to start identity in production without a signing key", () => {
    const result = boot("subgraphs/identity/dist/main.js", { NODE_ENV: "production", DATA_DIR: dataDir, IDENTITY_PORT: "0", PERSONAL_DATA_KEYS: productionPersonalDataKeys() });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain("IDENTITY_SIGNING_KEY: required in production");
  });

  it("refuses to start identity in production with a development signing key", async () => {
    const { privateKey } = await generateKeyPair("ES256", { extractable: true });
    const developmentKey = JSON.stringify({ ...(await exportJWK(privateKey)), kid: "dev-123", alg: "ES256" });
    const result = boot("subgraphs/identity/dist/main.js", {
      NODE_ENV: "production",
      DATA_DIR: dataDir,
      IDENTITY_PORT: "0",
      IDENTITY_SIGNING_KEY: developmentKey,
      PERSONAL_DATA_KEYS: productionPersonalDataKeys(),
    });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain("a development key (kid dev-…) is refused in production");
  });

  it("stops a subgraph whose port is not a number, naming the variable", () => {
    const result = boot("subgraphs/identity/dist/main.js", { IDENTITY_PORT: "four-thousand-one" });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain("IDENTITY_PORT");
  });

  it("stops a subgraph given an unsupported database URL, naming the variable", () => {
    const result = boot("subgraphs/registry/dist/main.js", { REGISTRY_DATABASE_URL: "mysql://localhost/registry" });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain("REGISTRY_DATABASE_URL");
  });

  it("refuses demo data in production", () => {
    const result = boot("subgraphs/notification/dist/main.js", { NODE_ENV: "production", SEED_DEMO: "1" });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain("SEED_DEMO");
  });

  it("stops the gateway given a subgraph URL that is not a URL", () => {
    const result = boot("gateway/dist/main.js", { CERTIFICATION_URL: "not a url" });
    expect(result.status).toBe(78);
    expect(result.stderr).toContain("CERTIFICATION_URL");
  });
});
