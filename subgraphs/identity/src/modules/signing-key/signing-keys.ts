import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { ConfigError, TOKEN_AUDIENCE, TOKEN_ISSUER, type AccessTokenClaims } from "@xuekao/subgraph-kit";
import { createLocalJWKSet, exportJWK, generateKeyPair, importJWK, SignJWT, type JWK, type JWTVerifyGetKey, type CryptoKey } from "jose";

/**
 * identity's signing keys. The current key signs; it and any retired public keys are published
 * as the JWKS, so tokens signed before a rotation stay valid until they expire.
 *
 * - `IDENTITY_SIGNING_KEY`: the current private key as a JWK (ES256, with `kid`). Required in
 *   production, where a development key (kid starting `dev-`) is refused.
 * - `IDENTITY_RETIRED_PUBLIC_KEYS`: JSON array of public JWKs still accepted.
 * - Development and tests without `IDENTITY_SIGNING_KEY`: a key generated once and kept in
 *   `<DATA_DIR>/identity-signing-key.json` (never in the repository), or in memory for tests.
 */
export const ALGORITHM = "ES256";
const DEVELOPMENT_KID_PREFIX = "dev-";

export interface SigningKeys {
  kid: string;
  /** Signs a token issued at `now` (the request context's clock: tests move it, tokens follow). */
  sign(subject: string, claims: AccessTokenClaims, ttlSeconds: number, now: Date): Promise<string>;
  /** The public JWKS document served at /.well-known/jwks.json. */
  jwks: { keys: JWK[] };
  /** For verifying in-process (identity checks its own tokens without an HTTP round trip). */
  keySet: JWTVerifyGetKey;
}

export async function generateSigningJwk(kid = `${DEVELOPMENT_KID_PREFIX}${randomUUID()}`): Promise<JWK> {
  const { privateKey } = await generateKeyPair(ALGORITHM, { extractable: true });
  return { ...(await exportJWK(privateKey)), kid, alg: ALGORITHM, use: "sig" };
}

export function publicJwkOf(privateJwk: JWK): JWK {
  const { d: _d, ...rest } = privateJwk;
  return rest;
}

function parseJwk(raw: string, variable: string): JWK {
  try {
    const jwk = JSON.parse(raw) as JWK;
    if (jwk.kty !== "EC" || jwk.crv !== "P-256" || !jwk.kid) throw new Error("not an EC P-256 JWK with a kid");
    return jwk;
  } catch (error) {
    throw new ConfigError([`${variable}: ${(error as Error).message}`]);
  }
}

export async function loadSigningKeys(options: {
  env: Record<string, string | undefined>;
  production: boolean;
  /** Where a development key is kept between starts; undefined keeps it in memory only. */
  developmentKeyFile?: string;
}): Promise<SigningKeys> {
  const { env } = options;
  let privateJwk: JWK;
  if (env.IDENTITY_SIGNING_KEY) {
    privateJwk = parseJwk(env.IDENTITY_SIGNING_KEY, "IDENTITY_SIGNING_KEY");
    if (!privateJwk.d) throw new ConfigError(["IDENTITY_SIGNING_KEY: a private key (with \"d\") is needed to sign"]);
  } else if (options.production) {
    throw new ConfigError(["IDENTITY_SIGNING_KEY: required in production (an ES256 private JWK with a kid)"]);
  } else if (options.developmentKeyFile && existsSync(options.developmentKeyFile)) {
    privateJwk = JSON.parse(readFileSync(options.developmentKeyFile, "utf8")) as JWK;
  } else {
    privateJwk = await generateSigningJwk();
    if (options.developmentKeyFile) {
      mkdirSync(dirname(options.developmentKeyFile), { recursive: true });
      writeFileSync(options.developmentKeyFile, JSON.stringify(privateJwk), { mode: 0o600 });
    }
  }
  if (options.production && privateJwk.kid!.startsWith(DEVELOPMENT_KID_PREFIX)) {
    throw new ConfigError(["IDENTITY_SIGNING_KEY: a development key (kid dev-…) is refused in production"]);
  }

  let retired: JWK[] = [];
  if (env.IDENTITY_RETIRED_PUBLIC_KEYS) {
    try {
      retired = (JSON.parse(env.IDENTITY_RETIRED_PUBLIC_KEYS) as JWK[]).map(publicJwkOf);
      if (!Array.isArray(retired)) throw new Error("not an array");
    } catch (error) {
      throw new ConfigError([`IDENTITY_RETIRED_PUBLIC_KEYS: ${(error as Error).message}`]);
    }
  }

  const signingKey = (await importJWK(privateJwk, ALGORITHM)) as CryptoKey;
  const jwks = { keys: [publicJwkOf(privateJwk), ...retired] };
  const kid = privateJwk.kid!;
  return {
    kid,
    jwks,
    keySet: createLocalJWKSet(jwks),
    sign: (subject, claims, ttlSeconds, now) => {
      const issuedAt = Math.floor(now.getTime() / 1000);
      return new SignJWT({ ...claims })
        .setProtectedHeader({ alg: ALGORITHM, kid, typ: "JWT" })
        .setSubject(subject)
        .setIssuer(TOKEN_ISSUER)
        .setAudience(TOKEN_AUDIENCE)
        .setIssuedAt(issuedAt)
        .setExpirationTime(issuedAt + ttlSeconds)
        .setJti(randomUUID())
        .sign(signingKey);
    },
  };
}
