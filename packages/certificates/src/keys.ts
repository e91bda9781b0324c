import { createPrivateKey, generateKeyPairSync, randomBytes, randomUUID } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { ConfigError } from "@xuekao/subgraph-kit";
import { calculateJwkThumbprintUri, type JWK } from "jose";
import type { CertificateFields } from "./fields.js";
import { signCertificateFields } from "./signing.js";

/**
 * The key certificates are signed with (Ed25519), shared by every subgraph that issues or verifies
 * certificates (registry and certification sign; certification verifies both kinds).
 *
 * - `CERTIFICATE_SIGNING_KEY`: the private key, as PKCS8 PEM or as an OKP Ed25519 JWK (JSON, `d`
 *   present). Required in production, where a development key (kid `dev-…`) is refused.
 * - `CERTIFICATE_RETIRED_PUBLIC_KEYS`: JSON array of public JWKs (with `kid`) whose certificates
 *   still verify after a rotation.
 * - Development without the variable: a key generated once into `<DATA_DIR>/certificate-signing-key.json`
 *   (never in the repository), shared by every subgraph on the machine.
 * - Tests: one key per process, so two subgraphs started by one test verify each other's certificates.
 */
export interface CertificateSigner {
  kid: string;
  sign(fields: CertificateFields): Promise<string>;
  /** The current public key and the retired ones: what `verifyCertificateToken` takes. */
  publicKeys: JWK[];
}

const DEVELOPMENT_KID_PREFIX = "dev-";
export const CERTIFICATE_KEY_FILE = "certificate-signing-key.json";

function generateJwk(kid: string): JWK & { kid: string } {
  const { privateKey } = generateKeyPairSync("ed25519");
  return { ...(privateKey.export({ format: "jwk" }) as JWK), kid, alg: "EdDSA", use: "sig" };
}

let processTestKey: (JWK & { kid: string }) | undefined;

async function parseKey(raw: string): Promise<JWK & { kid: string }> {
  const trimmed = raw.trim();
  let jwk: JWK;
  try {
    if (trimmed.startsWith("-----BEGIN")) {
      // PEM in an environment variable often arrives with literal "\n".
      jwk = createPrivateKey({ key: trimmed.replace(/\\n/g, "\n"), format: "pem" }).export({ format: "jwk" }) as JWK;
    } else {
      jwk = JSON.parse(trimmed) as JWK;
    }
  } catch (error) {
    throw new ConfigError([`CERTIFICATE_SIGNING_KEY: not a PKCS8 PEM or JSON JWK (${(error as Error).message.split("\n")[0]})`]);
  }
  if (jwk.kty !== "OKP" || jwk.crv !== "Ed25519" || !jwk.x) throw new ConfigError(["CERTIFICATE_SIGNING_KEY: not an Ed25519 key"]);
  if (!jwk.d) throw new ConfigError(['CERTIFICATE_SIGNING_KEY: a private key (with "d") is needed to sign']);
  // A PEM has no kid: the key's own thumbprint names it, the same on every replica.
  const kid = jwk.kid ?? (await calculateJwkThumbprintUri({ kty: "OKP", crv: "Ed25519", x: jwk.x })).split(":").pop()!;
  return { kty: "OKP", crv: "Ed25519", x: jwk.x, d: jwk.d, kid, alg: "EdDSA", use: "sig" };
}

function developmentKey(file: string): JWK & { kid: string } {
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    // Written aside, then linked into place: of two subgraphs starting together one wins, the
    // other reads the complete file (never a half-written one, never a second key).
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(temporary, JSON.stringify(generateJwk(`${DEVELOPMENT_KID_PREFIX}${randomUUID()}`)), { mode: 0o600 });
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(temporary);
    }
  }
  return JSON.parse(readFileSync(file, "utf8")) as JWK & { kid: string };
}

function retiredKeys(raw: string | undefined): JWK[] {
  if (!raw?.trim()) return [];
  try {
    const keys = JSON.parse(raw) as unknown;
    if (!Array.isArray(keys)) throw new Error("not a JSON array");
    return (keys as JWK[]).map((key) => {
      if (key.kty !== "OKP" || key.crv !== "Ed25519" || !key.x || !key.kid) throw new Error("each key must be an Ed25519 public JWK with a kid");
      return { kty: key.kty, crv: key.crv, x: key.x, kid: key.kid, alg: "EdDSA", use: "sig" };
    });
  } catch (error) {
    throw new ConfigError([`CERTIFICATE_RETIRED_PUBLIC_KEYS: ${(error as Error).message}`]);
  }
}

export async function loadCertificateSigner(options: {
  env: Record<string, string | undefined>;
  nodeEnv: "development" | "test" | "production";
  /** `<DATA_DIR>/certificate-signing-key.json` in development; undefined in tests (one key per process). */
  developmentKeyFile?: string;
}): Promise<CertificateSigner> {
  const { env, nodeEnv } = options;
  let privateJwk: JWK & { kid: string };
  if (env.CERTIFICATE_SIGNING_KEY?.trim()) {
    privateJwk = await parseKey(env.CERTIFICATE_SIGNING_KEY);
    if (nodeEnv === "production" && privateJwk.kid.startsWith(DEVELOPMENT_KID_PREFIX)) {
      throw new ConfigError(["CERTIFICATE_SIGNING_KEY: a development key (kid dev-…) is refused in production"]);
    }
  } else if (nodeEnv === "production") {
    throw new ConfigError(["CERTIFICATE_SIGNING_KEY: required in production (an Ed25519 private key, PKCS8 PEM or JWK; certificates are signed with it)"]);
  } else if (options.developmentKeyFile) {
    privateJwk = developmentKey(options.developmentKeyFile);
  } else {
    processTestKey ??= generateJwk(`${DEVELOPMENT_KID_PREFIX}test-${randomUUID()}`);
    privateJwk = processTestKey;
  }
  const { d: _private, ...publicJwk } = privateJwk;
  return {
    kid: privateJwk.kid,
    publicKeys: [publicJwk, ...retiredKeys(env.CERTIFICATE_RETIRED_PUBLIC_KEYS)],
    sign: (fields) => signCertificateFields(fields, privateJwk),
  };
}

/** Where the public verification page is, for the link a certificate's QR code carries. */
export const DEFAULT_CERTIFICATE_VERIFY_URL = "http://localhost:5173/verify";

export interface CertificateSettings {
  signer: CertificateSigner;
  /** The public page that verifies `code` (what the QR code encodes). */
  verifyUrl(code: string): string;
}

/**
 * What a subgraph that issues or verifies certificates builds in its `setup`: the signer (see
 * `loadCertificateSigner`) and `CERTIFICATE_VERIFY_URL`, the shell's public page
 * (default http://localhost:5173/verify; required in production, where it must be https).
 */
export async function loadCertificateSettings(boot: {
  env: Record<string, string | undefined>;
  config: { nodeEnv: "development" | "test" | "production"; dataDir: string };
}): Promise<CertificateSettings> {
  const { env, config } = boot;
  const raw = env.CERTIFICATE_VERIFY_URL?.trim();
  const issues: string[] = [];
  let base = DEFAULT_CERTIFICATE_VERIFY_URL;
  if (raw) {
    try {
      const url = new URL(raw);
      if (config.nodeEnv === "production" && url.protocol !== "https:") issues.push("CERTIFICATE_VERIFY_URL: must be https in production");
      base = url.toString().replace(/\/+$/, "");
    } catch {
      issues.push("CERTIFICATE_VERIFY_URL: not a URL (e.g. https://xuekao.example.cn/verify)");
    }
  } else if (config.nodeEnv === "production") {
    issues.push("CERTIFICATE_VERIFY_URL: required in production (the public verification page printed on certificates, e.g. https://xuekao.example.cn/verify)");
  }
  if (issues.length > 0) throw new ConfigError(issues);
  const signer = await loadCertificateSigner({
    env,
    nodeEnv: config.nodeEnv,
    ...(config.nodeEnv === "development" ? { developmentKeyFile: join(config.dataDir, CERTIFICATE_KEY_FILE) } : {}),
  });
  return { signer, verifyUrl: (code) => `${base}/${encodeURIComponent(code)}` };
}
