import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { exportJWK, generateKeyPair, SignJWT, type JWK } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Role } from "./caller.js";
import { callerFromAuthorization, createTokenVerifier, remoteKeySet, TOKEN_AUDIENCE, TOKEN_ISSUER } from "./token.js";

async function signingKey(kid: string) {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  const publicJwk: JWK = { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" };
  const sign = (claims: Record<string, unknown>, expiresIn = "5m") =>
    new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid })
      .setSubject("user-1")
      .setIssuer(TOKEN_ISSUER)
      .setAudience(TOKEN_AUDIENCE)
      .setIssuedAt()
      .setExpirationTime(expiresIn)
      .sign(privateKey);
  return { publicJwk, sign };
}

const claims = { typ: "user", roles: [{ role: Role.COUNTY_AGENCY, org: "x", path: ["p", "l", "x"] }] };

describe("access tokens verified against a JWKS served over HTTP", () => {
  let served: JWK[] = [];
  let fetches = 0;
  let server: Server;
  let jwksUrl: string;

  beforeAll(async () => {
    server = createServer((_request, response) => {
      fetches += 1;
      response.setHeader("content-type", "application/json");
      response.end(JSON.stringify({ keys: served }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("follows a key rotation: an unknown key id makes the verifier fetch the JWKS again", async () => {
    const first = await signingKey("key-1");
    const second = await signingKey("key-2");
    served = [first.publicJwk];
    const verify = createTokenVerifier(remoteKeySet(jwksUrl, 0));

    expect(await verify(await first.sign(claims))).toEqual({
      kind: "user",
      subject: "user-1",
      roles: [{ role: Role.COUNTY_AGENCY, organizationId: "x", organizationPath: ["p", "l", "x"] }],
      scopes: [],
    });
    const fetchesBeforeRotation = fetches;
    await verify(await first.sign(claims));
    expect(fetches).toBe(fetchesBeforeRotation); // cached

    // identity rotates: new key signs, the old one is still published until its tokens expire.
    served = [second.publicJwk, first.publicJwk];
    expect((await verify(await second.sign(claims))).subject).toBe("user-1");
    expect(fetches).toBe(fetchesBeforeRotation + 1);
    expect((await verify(await first.sign(claims))).subject).toBe("user-1");

    // Once the old key is withdrawn (and the verifier has refetched), its tokens are refused.
    served = [second.publicJwk];
    const third = await signingKey("key-3");
    await expect(verify(await third.sign(claims))).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
    await expect(verify(await first.sign(claims))).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it("refuses expired tokens with a message saying so, and tokens for another audience", async () => {
    const key = await signingKey("key-exp");
    served = [key.publicJwk];
    const verify = createTokenVerifier(remoteKeySet(jwksUrl, 0));
    await expect(verify(await key.sign(claims, "-1m"))).rejects.toMatchObject({
      message: "登录已过期，请重新登录",
      extensions: { code: "UNAUTHENTICATED", http: { status: 401 } },
    });
    const otherAudience = await new SignJWT(claims)
      .setProtectedHeader({ alg: "ES256", kid: "key-exp" })
      .setSubject("user-1")
      .setIssuer(TOKEN_ISSUER)
      .setAudience("someone-else")
      .setExpirationTime("5m")
      .sign((await generateKeyPair("ES256")).privateKey);
    await expect(verify(otherAudience)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });

  it("reads the Authorization header: none is anonymous, anything but a Bearer token is refused", async () => {
    const key = await signingKey("key-header");
    served = [key.publicJwk];
    const verify = createTokenVerifier(remoteKeySet(jwksUrl, 0));
    expect(await callerFromAuthorization(undefined, verify)).toBeNull();
    expect((await callerFromAuthorization(`Bearer ${await key.sign(claims)}`, verify))?.subject).toBe("user-1");
    await expect(callerFromAuthorization("Basic dXNlcjpwYXNz", verify)).rejects.toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  });
});
