/**
 * Access tokens for the demo accounts, signed here the way identity signs them (ES256, issuer
 * and audience of the platform, the role bindings with organisation paths and province codes as
 * claims) and verified by the subgraph against this issuer's JWKS, exactly as against identity's.
 *
 * Why not identity itself, as the other suites do: on the `kit` branch identity is not yet moved
 * onto the kit (its migrations lack the kit's audit tables and it does not start), and these
 * suites test notification, not sign-in. Once identity runs again, `startTestSubgraph(identitySubgraph)`
 * with `signedInAs` is a drop-in replacement: `as(username)` has the same shape.
 */
import { createPrivateKey, generateKeyPairSync, randomUUID, sign } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { demoOrganizationPath, demoOrganizations, demoUsers } from "@xuekao/demo-data";
import { JWKS_PATH, TOKEN_AUDIENCE, TOKEN_ISSUER, type AccessTokenClaims } from "@xuekao/subgraph-kit";

export interface DemoTokenIssuer {
  /** What `startTestSubgraph(…, { jwksUrl })` needs. */
  jwksUrl: string;
  /** `await as("teacher1")` → the Authorization header of that demo account. */
  as(username: string): Promise<Record<string, string>>;
  stop(): Promise<void>;
}

const base64url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** The claims identity puts in a demo account's access token (its one role binding). */
export function demoClaims(username: string): AccessTokenClaims & { sub: string } {
  const user = demoUsers.find((candidate) => candidate.username === username);
  if (!user) throw new Error(`no demo account ${username}`);
  const path = demoOrganizationPath(user.organizationId).split("/");
  const provinceCode = demoOrganizations.find((organization) => organization.id === path[0])?.code;
  return {
    sub: user.id,
    typ: "user",
    roles: [{ role: user.role as AccessTokenClaims["roles"][number]["role"], org: user.organizationId, path, ...(provinceCode ? { pc: provinceCode } : {}) }],
    sid: randomUUID(),
  };
}

export async function startDemoTokenIssuer(): Promise<DemoTokenIssuer> {
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const kid = randomUUID();
  const jwks = JSON.stringify({ keys: [{ ...publicKey.export({ format: "jwk" }), kid, alg: "ES256", use: "sig" }] });
  const server: Server = createServer((request, response) => {
    if (request.url !== JWKS_PATH) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { "content-type": "application/json" }).end(jwks);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const key = createPrivateKey(privateKey.export({ format: "pem", type: "pkcs8" }));

  const tokens = new Map<string, string>();
  const tokenOf = (username: string) => {
    const header = base64url(JSON.stringify({ alg: "ES256", typ: "JWT", kid }));
    // Valid for any instant a test puts the subgraph's clock at (no nbf; expiry far ahead).
    const payload = base64url(JSON.stringify({ ...demoClaims(username), iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE, iat: 1_700_000_000, exp: 4_100_000_000 }));
    const signature = sign("sha256", Buffer.from(`${header}.${payload}`), { key, dsaEncoding: "ieee-p1363" });
    return `${header}.${payload}.${base64url(signature)}`;
  };

  return {
    jwksUrl: `http://127.0.0.1:${port}${JWKS_PATH}`,
    as: async (username) => {
      if (!tokens.has(username)) tokens.set(username, tokenOf(username));
      return { authorization: `Bearer ${tokens.get(username)}` };
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
