import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWTVerifyGetKey } from "jose";
import type { Role } from "../auth/caller.js";
import { TOKEN_AUDIENCE, TOKEN_ISSUER, type AccessTokenClaims, type TokenRoleClaim } from "../auth/token.js";
import { systemClock, type Clock } from "../clock.js";

/** Who a test token speaks for: the claims identity would issue (see auth/token.ts). */
export interface TestCaller {
  /** User id (a UUID for users: applications name their applicant by it) or the client id. */
  sub: string;
  typ?: "user" | "client";
  /** Role bindings; `org` defaults to the last id of `path`. */
  roles?: Array<{ role: Role; path: string[]; org?: string; pc?: string }>;
  scopes?: string[];
  /** Must change a password someone else chose. */
  pcr?: boolean;
  sid?: string;
}

export interface TestTokens {
  /** What a test definition's `setup` returns as `tokenKeys`: the subgraph verifies against this key only. */
  tokenKeys: JWTVerifyGetKey;
  /** A signed access token, issued at the clock's now and valid `lifetimeSeconds` (default one hour). */
  token(caller: TestCaller, options?: { lifetimeSeconds?: number }): Promise<string>;
  /** `{ authorization: "Bearer …" }` for `TestSubgraph.graphql`. */
  headers(caller: TestCaller, options?: { lifetimeSeconds?: number }): Promise<Record<string, string>>;
}

/**
 * Access tokens without the identity subgraph: a locally generated ES256 key signs tokens with the
 * claims shape identity uses (iss `xuekao-identity`, aud `xuekao`, typ, roles with org/path/pc), and
 * the subgraph under test verifies them through its definition's `setup` returning `tokenKeys`:
 *
 * ```ts
 * const tokens = await createTestTokens(clock);
 * const definition = { ...mine, setup: async () => ({ tokenKeys: tokens.tokenKeys }) };
 * await subgraph.graphql(QUERY, {}, await tokens.headers({ sub: userId, roles: [{ role: Role.COUNTY_AGENCY, path, pc: "15" }] }));
 * ```
 */
export async function createTestTokens(clock: Clock = systemClock): Promise<TestTokens> {
  const { privateKey, publicKey } = await generateKeyPair("ES256");
  const jwk = { ...(await exportJWK(publicKey)), kid: "test-key", alg: "ES256", use: "sig" };
  const tokenKeys = createLocalJWKSet({ keys: [jwk] });
  const token: TestTokens["token"] = async (caller, options = {}) => {
    const issuedAt = Math.floor(clock.now().getTime() / 1000);
    const roles: TokenRoleClaim[] = (caller.roles ?? []).map((binding) => ({
      role: binding.role,
      org: binding.org ?? binding.path[binding.path.length - 1] ?? "",
      path: [...binding.path],
      ...(binding.pc ? { pc: binding.pc } : {}),
    }));
    const claims: AccessTokenClaims = {
      typ: caller.typ ?? "user",
      roles,
      ...(caller.scopes ? { scopes: caller.scopes } : {}),
      ...(caller.sid ? { sid: caller.sid } : {}),
      ...(caller.pcr ? { pcr: true } : {}),
    };
    return new SignJWT({ ...claims })
      .setProtectedHeader({ alg: "ES256", kid: "test-key" })
      .setSubject(caller.sub)
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt(issuedAt)
      .setExpirationTime(issuedAt + (options.lifetimeSeconds ?? 3600))
      .sign(privateKey);
  };
  return {
    tokenKeys,
    token,
    headers: async (caller, options) => ({ authorization: `Bearer ${await token(caller, options)}` }),
  };
}
