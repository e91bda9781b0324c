import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ConfigError } from "@xuekao/subgraph-kit";
import { decodeProtectedHeader, jwtVerify } from "jose";
import { afterAll, describe, expect, it } from "vitest";
import { generateSigningJwk, loadSigningKeys, publicJwkOf } from "./signing-keys.js";

const claims = { typ: "user" as const, roles: [] };
const now = () => new Date();

describe("signing keys", () => {
  const dir = mkdtempSync(join(tmpdir(), "xuekao-keys-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("generates a development key once and keeps it between starts, readable by the owner only", async () => {
    const file = join(dir, "identity-signing-key.json");
    const first = await loadSigningKeys({ env: {}, production: false, developmentKeyFile: file });
    const second = await loadSigningKeys({ env: {}, production: false, developmentKeyFile: file });
    expect(first.kid).toMatch(/^dev-/);
    expect(second.kid).toBe(first.kid);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(file, "utf8"))).toHaveProperty("d");
    // Tokens signed before the restart still verify after it.
    const token = await first.sign("user-1", claims, 60, now());
    expect((await jwtVerify(token, second.keySet)).payload.sub).toBe("user-1");
  });

  it("signs with IDENTITY_SIGNING_KEY and publishes retired public keys beside it", async () => {
    const current = await generateSigningJwk("2026-11");
    const retired = await generateSigningJwk("2026-05");
    const keys = await loadSigningKeys({
      env: { IDENTITY_SIGNING_KEY: JSON.stringify(current), IDENTITY_RETIRED_PUBLIC_KEYS: JSON.stringify([retired]) },
      production: true,
    });
    expect(keys.jwks.keys.map((key) => key.kid)).toEqual(["2026-11", "2026-05"]);
    expect(keys.jwks.keys.every((key) => key.d === undefined)).toBe(true);
    expect(decodeProtectedHeader(await keys.sign("user-1", claims, 60, now()))).toMatchObject({ alg: "ES256", kid: "2026-11" });

    const oldKeys = await loadSigningKeys({ env: { IDENTITY_SIGNING_KEY: JSON.stringify(retired) }, production: true });
    const oldToken = await oldKeys.sign("user-2", claims, 60, now());
    expect((await jwtVerify(oldToken, keys.keySet)).payload.sub).toBe("user-2");
  });

  it.each([
    [{}, true, "IDENTITY_SIGNING_KEY: required in production"],
    [{ IDENTITY_SIGNING_KEY: "{not json" }, false, "IDENTITY_SIGNING_KEY:"],
    [{ IDENTITY_SIGNING_KEY: JSON.stringify({ kty: "RSA", kid: "x" }) }, false, "not an EC P-256 JWK with a kid"],
    [{ IDENTITY_RETIRED_PUBLIC_KEYS: "[oops" }, false, "IDENTITY_RETIRED_PUBLIC_KEYS:"],
  ])("refuses %o (production: %s) naming the variable", async (env, production, message) => {
    const error = await loadSigningKeys({ env, production }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as Error).message).toContain(message);
  });

  it("refuses a public key where the private one is needed, and a development key in production", async () => {
    const jwk = await generateSigningJwk("prod-1");
    await expect(loadSigningKeys({ env: { IDENTITY_SIGNING_KEY: JSON.stringify(publicJwkOf(jwk)) }, production: false })).rejects.toThrow(
      /a private key/,
    );
    const development = await generateSigningJwk();
    await expect(loadSigningKeys({ env: { IDENTITY_SIGNING_KEY: JSON.stringify(development) }, production: true })).rejects.toThrow(
      /development key/,
    );
  });
});
