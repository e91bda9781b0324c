import { DEMO_CLIENT, DEMO_PASSWORD, demoOrgId, demoUserId } from "@xuekao/demo-data";
import { JWKS_PATH } from "@xuekao/subgraph-kit";
import { startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { createLocalJWKSet, decodeJwt, jwtVerify, type JSONWebKeySet } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { identitySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken expiresAt } }`;
const REFRESH = `mutation($token: String!) { refreshSession(refreshToken: $token) { accessToken refreshToken expiresAt } }`;
const LOGOUT = `mutation($token: String!) { logout(refreshToken: $token) }`;
const ME = `{ me { id username roles { role organization { id name } } } }`;

type Tokens = { accessToken: string; refreshToken: string; expiresAt: string };

describe.each(drivers)("sessions on %s", (driver) => {
  let identity: TestSubgraph;

  beforeAll(async () => {
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true, env: { ACCESS_TOKEN_TTL_SECONDS: "600" } });
  });
  afterAll(async () => {
    await identity?.stop();
  });

  const login = (username: string, password: string) =>
    identity.graphql<{ login: Tokens }>(LOGIN, { input: { username, password } });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

  it("logs a demo account in and tells it who it is, with its role and organisation", async () => {
    const result = await login("teacher1", DEMO_PASSWORD);
    expect(result.errors).toBeUndefined();
    const tokens = result.data!.login;
    expect(new Date(tokens.expiresAt).getTime() - Date.now()).toBeGreaterThan(590_000);

    const me = await identity.graphql<{ me: { username: string; roles: unknown[] } }>(ME, {}, bearer(tokens.accessToken));
    expect(me.errors).toBeUndefined();
    expect(me.data?.me).toEqual({
      id: demoUserId("teacher1"),
      username: "teacher1",
      roles: [{ role: "CLASS_TEACHER", organization: { id: demoOrgId("im-class-1"), name: "高一（1）班" } }],
    });
  });

  it("signs access tokens that identity's published JWKS verifies, carrying the organisation path and the province's code", async () => {
    const { accessToken } = (await login("county1", DEMO_PASSWORD)).data!.login;
    const jwks = (await (await fetch(identity.url.replace(/\/graphql$/, JWKS_PATH))).json()) as JSONWebKeySet;
    expect(jwks.keys[0]).not.toHaveProperty("d"); // public half only
    const { payload, protectedHeader } = await jwtVerify(accessToken, createLocalJWKSet(jwks), { issuer: "xuekao-identity", audience: "xuekao" });
    expect(protectedHeader.alg).toBe("ES256");
    expect(payload.sub).toBe(demoUserId("county1"));
    expect(payload.roles).toEqual([
      {
        role: "COUNTY_AGENCY",
        org: demoOrgId("im-xincheng"),
        path: [demoOrgId("im"), demoOrgId("im-hohhot"), demoOrgId("im-xincheng")],
        pc: "15",
      },
    ]);
  });

  it("gives the same refusal for a wrong password and for a user that does not exist", async () => {
    const wrongPassword = await login("school1", "Wrong@2026");
    const noSuchUser = await login("nobody-here", "Wrong@2026");
    const absurdlyLong = await login("school1", `Aa1!${"x".repeat(1000)}`);
    for (const result of [wrongPassword, noSuchUser, absurdlyLong]) {
      expect(result.data).toBeNull();
      expect(result.errors?.[0]).toMatchObject({ message: "用户名或密码错误", extensions: { code: "UNAUTHENTICATED" } });
    }
  });

  it("locks an account after five wrong passwords, says until when, and refuses even the right password meanwhile", async () => {
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect((await login("candidate7", "Wrong@2026")).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    }
    const locking = await login("candidate7", "Wrong@2026");
    expect(locking.errors?.[0]?.extensions?.code).toBe("ACCOUNT_LOCKED");
    const unlockAt = new Date(locking.errors?.[0]?.extensions?.unlockAt as string);
    expect(unlockAt.getTime() - Date.now()).toBeGreaterThan(14 * 60_000);
    expect(locking.errors?.[0]?.message).toMatch(/账号已暂时锁定，请于.+（北京时间）后再试/);

    const rightPassword = await login("candidate7", DEMO_PASSWORD);
    expect(rightPassword.errors?.[0]?.extensions?.code).toBe("ACCOUNT_LOCKED");
  });

  it("rotates refresh tokens, and revokes the whole login when an old one is presented again", async () => {
    const first = (await login("region1", DEMO_PASSWORD)).data!.login;
    const second = await identity.graphql<{ refreshSession: Tokens }>(REFRESH, { token: first.refreshToken });
    expect(second.errors).toBeUndefined();
    const rotated = second.data!.refreshSession;
    expect(rotated.refreshToken).not.toBe(first.refreshToken);
    expect(decodeJwt(rotated.accessToken).sub).toBe(demoUserId("region1"));

    const replay = await identity.graphql(REFRESH, { token: first.refreshToken });
    expect(replay.errors?.[0]?.extensions?.code).toBe("REFRESH_TOKEN_REUSED");
    // The thief's replay also kills the token the rightful user holds now.
    const afterReplay = await identity.graphql(REFRESH, { token: rotated.refreshToken });
    expect(afterReplay.errors?.[0]?.extensions?.code).toBe("REFRESH_TOKEN_INVALID");
  });

  it("ends the login on logout", async () => {
    const tokens = (await login("league1", DEMO_PASSWORD)).data!.login;
    expect((await identity.graphql<{ logout: boolean }>(LOGOUT, { token: tokens.refreshToken })).data?.logout).toBe(true);
    const refreshed = await identity.graphql(REFRESH, { token: tokens.refreshToken });
    expect(refreshed.errors?.[0]?.extensions?.code).toBe("REFRESH_TOKEN_INVALID");
  });

  it("answers 401 UNAUTHENTICATED to a forged or malformed token, and asks anonymous callers to log in", async () => {
    const { accessToken } = (await login("bjreviewer1", DEMO_PASSWORD)).data!.login;
    const [header, payload] = accessToken.split(".");
    const forged = `${header}.${Buffer.from(JSON.stringify({ ...decodeJwt(accessToken), sub: demoUserId("region1") })).toString("base64url")}.${accessToken.split(".")[2]}`;
    expect(payload).toBeTruthy();
    for (const authorization of [`Bearer ${forged}`, "Bearer not-a-jwt", "Basic dXNlcjpwYXNz"]) {
      const response = await fetch(identity.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization },
        body: JSON.stringify({ query: ME }),
      });
      expect(response.status).toBe(401);
      const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
      expect(body.errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
    }
    const anonymous = await identity.graphql(ME);
    expect(anonymous.errors?.[0]).toMatchObject({ message: "请先登录", extensions: { code: "UNAUTHENTICATED" } });
  });

  it("shows a person's roles to that person and to the staff who manage them, to nobody else", async () => {
    const rolesOf = async (viewer: string, username: string) => {
      const { accessToken } = (await login(viewer, DEMO_PASSWORD)).data!.login;
      const result = await identity.graphql<{ user: { roles: Array<{ role: string; organization: { id: string } }> | null } | null }>(
        `query($id: ID!) { user(id: $id) { roles { role organization { id } } } }`,
        { id: demoUserId(username) },
        bearer(accessToken),
      );
      expect(result.errors).toBeUndefined();
      return result.data?.user ? result.data.user.roles : "not visible";
    };
    const inClass1 = { role: "CANDIDATE_IN_SCHOOL", organization: { id: demoOrgId("im-class-1") } };
    expect(await rolesOf("candidate1", "candidate1")).toEqual([inClass1]);
    expect(await rolesOf("teacher1", "candidate1")).toEqual([inClass1]);
    expect(await rolesOf("school1", "teacher1")).toEqual([{ role: "CLASS_TEACHER", organization: { id: demoOrgId("im-class-1") } }]);
    expect(await rolesOf("region1", "school1")).toEqual([{ role: "SCHOOL_ADMIN", organization: { id: demoOrgId("im-school") } }]);
    // A candidate sees nobody else; out of scope, nobody at all.
    expect(await rolesOf("candidate2", "candidate1")).toBe("not visible");
    expect(await rolesOf("bjreviewer1", "candidate1")).toBe("not visible");
  });

  it.each([
    ["teacher1", 16, "the class's 15 candidates and the teacher"],
    ["candidate1", 1, "only themself"],
    ["region1", 37, "everyone bound in Inner Mongolia, nobody in Beijing"],
    ["bjreviewer1", 5, "the Beijing reviewer, school admin, in-school student and two social candidates"],
  ])("lists for %s %i people: %s", async (username, count) => {
    const { accessToken } = (await login(username, DEMO_PASSWORD)).data!.login;
    const result = await identity.graphql<{ users: Array<{ username: string }> }>(`{ users(limit: 200) { username } }`, {}, bearer(accessToken));
    expect(result.errors).toBeUndefined();
    expect(result.data?.users).toHaveLength(count);
    if (username === "candidate1") expect(result.data?.users).toEqual([{ username: "candidate1" }]);
  });

  it("answers null for a person outside the caller's scope, and asks anonymous callers to log in", async () => {
    const { accessToken } = (await login("region1", DEMO_PASSWORD)).data!.login;
    const beijing = await identity.graphql(`query($id: ID!) { user(id: $id) { username } }`, { id: demoUserId("bjcandidate1") }, bearer(accessToken));
    expect(beijing.data).toEqual({ user: null });
    const anonymous = await identity.graphql(`{ users { username } }`);
    expect(anonymous.errors?.[0]).toMatchObject({ message: "请先登录", extensions: { code: "UNAUTHENTICATED" } });
  });

  it("gives a third-party client a scoped token for its id and secret, and nothing for a wrong secret", async () => {
    const ISSUE = `mutation($id: String!, $secret: String!) { issueClientToken(clientId: $id, clientSecret: $secret) { accessToken scopes expiresAt } }`;
    const issued = await identity.graphql<{ issueClientToken: { accessToken: string; scopes: string[] } }>(ISSUE, {
      id: DEMO_CLIENT.clientId,
      secret: DEMO_CLIENT.secret,
    });
    expect(issued.errors).toBeUndefined();
    expect(issued.data?.issueClientToken.scopes).toEqual(["results:read"]);
    expect(decodeJwt(issued.data!.issueClientToken.accessToken)).toMatchObject({ sub: "chsi-demo", typ: "client", roles: [], scopes: ["results:read"] });

    // A system is not a person: it has no `me`.
    const me = await identity.graphql(ME, {}, bearer(issued.data!.issueClientToken.accessToken));
    expect(me.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    for (const [id, secret] of [[DEMO_CLIENT.clientId, "wrong"], ["no-such-client", "wrong"]] as const) {
      const refused = await identity.graphql(ISSUE, { id, secret });
      expect(refused.errors?.[0]).toMatchObject({ message: "客户端编号或密钥错误", extensions: { code: "UNAUTHENTICATED" } });
    }
  });
});
