import { createRemoteJWKSet, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from "jose";
import { GraphQLError } from "graphql";
import { Role, type Caller, type RoleBinding } from "./caller.js";
import { systemClock, type Clock } from "../clock.js";

/**
 * Access tokens: short-lived JWTs that identity signs with an asymmetric key (ES256) and
 * everyone else verifies against identity's JWKS. Claims carry the role bindings with their
 * organisation paths, so a subgraph decides scope without asking identity.
 */
export const TOKEN_ISSUER = "xuekao-identity";
export const TOKEN_AUDIENCE = "xuekao";
export const JWKS_PATH = "/.well-known/jwks.json";

/** The role bindings as they travel in the token (short names keep tokens small). */
export interface TokenRoleClaim {
  role: Role;
  org: string;
  path: string[];
  /** Official code of the province at the head of `path` (e.g. 15, 11): sessions and cases name provinces by code. */
  pc?: string;
}

export interface AccessTokenClaims {
  typ: "user" | "client";
  roles: TokenRoleClaim[];
  scopes?: string[];
  /** Session (refresh-token family) id, so identity can end "every other login" but this one. */
  sid?: string;
  /** The user must change a password someone else chose before doing anything else. */
  pcr?: boolean;
}

export type TokenVerifier = (token: string) => Promise<Caller>;

const ROLES = new Set<string>(Object.values(Role));

export function toRoleBinding(claim: TokenRoleClaim): RoleBinding {
  return {
    role: claim.role,
    organizationId: claim.org,
    organizationPath: claim.path,
    ...(typeof claim.pc === "string" ? { provinceCode: claim.pc } : {}),
  };
}

/** Refused tokens become one error clients know: log in again (or refresh). */
export function unauthenticated(message = "登录已失效，请重新登录"): GraphQLError {
  return new GraphQLError(message, { extensions: { code: "UNAUTHENTICATED", http: { status: 401 } } });
}

/** Verifies access tokens against identity's keys; expiry is judged by `clock` (the subgraph's). */
export function createTokenVerifier(keys: JWTVerifyGetKey, clock: Clock = systemClock): TokenVerifier {
  return async (token) => {
    let payload;
    try {
      ({ payload } = await jwtVerify(token, keys, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithms: ["ES256"], currentDate: clock.now() }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw unauthenticated("登录已过期，请重新登录");
      throw unauthenticated();
    }
    const claims = payload as unknown as AccessTokenClaims & { sub?: string };
    if (!claims.sub || (claims.typ !== "user" && claims.typ !== "client") || !Array.isArray(claims.roles)) throw unauthenticated();
    const roles = claims.roles.filter((claim) => ROLES.has(claim.role) && Array.isArray(claim.path)).map(toRoleBinding);
    return {
      kind: claims.typ,
      subject: claims.sub,
      roles,
      scopes: Array.isArray(claims.scopes) ? claims.scopes : [],
      ...(typeof claims.sid === "string" ? { sessionId: claims.sid } : {}),
      ...(claims.pcr === true ? { passwordChangeRequired: true } : {}),
    };
  };
}

/**
 * identity's public keys over HTTP, cached; an unknown key id triggers a refetch (at most once
 * per `cooldownMs`), which is how a key rotation reaches every verifier without a restart.
 */
export function remoteKeySet(jwksUrl: string, cooldownMs = 30_000): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: cooldownMs, cacheMaxAge: 10 * 60_000, timeoutDuration: 5_000 });
}

/** `Authorization: Bearer <token>` → the caller; no header → null (anonymous); a bad token → UNAUTHENTICATED. */
export async function callerFromAuthorization(header: string | undefined, verify: TokenVerifier): Promise<Caller | null> {
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!match?.[1]) throw unauthenticated();
  return verify(match[1]);
}
