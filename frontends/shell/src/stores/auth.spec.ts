import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createPinia, setActivePinia } from "pinia";
import { gateway, readSession, setSessionHandler, writeSession } from "@xuekao/ui";
import { MeQuery } from "../auth/session.query";
import { useAuthStore } from "./auth";

type Body = { data?: unknown; errors?: { message: string; extensions?: Record<string, unknown> }[] };
interface Sent {
  operation: string;
  variables: Record<string, unknown>;
  authorization: string | undefined;
}

const me = { id: "u1", username: "teacher1", displayName: "孙老师", roles: [{ role: "CLASS_TEACHER", organization: { id: "c1", name: "高一(1)班", kind: "CLASS" } }] };
const tokens = (n: number) => ({ accessToken: `access-${n}`, refreshToken: `refresh-${n}`, expiresAt: new Date(Date.now() + 15 * 60_000).toISOString() });
const unauthenticated: Body = { errors: [{ message: "未登录或登录已过期", extensions: { code: "UNAUTHENTICATED" } }] };

/** The gateway: answers each operation by name from a queue, and records what it was sent. */
function fakeGateway(answers: Record<string, Body[]>) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (_url: string, init: RequestInit) => {
      const { query, variables } = JSON.parse(String(init.body)) as { query: string; variables: Record<string, unknown> };
      const operation = /(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "?";
      const headers = init.headers as Record<string, string>;
      sent.push({ operation, variables, authorization: headers.authorization });
      const body = answers[operation]?.shift() ?? { errors: [{ message: `unexpected ${operation}` }] };
      const status = body.errors?.some((e) => e.extensions?.code === "UNAUTHENTICATED") ? 401 : 200;
      return new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });
    }),
  );
  return sent;
}

beforeEach(() => {
  sessionStorage.clear();
  setActivePinia(createPinia());
});

afterEach(() => {
  vi.unstubAllGlobals();
  vi.useRealTimers();
  setSessionHandler(null);
});

describe("auth store", () => {
  it("logs in, keeps the tokens in sessionStorage and loads the user and their consoles", async () => {
    const sent = fakeGateway({ ShellLogin: [{ data: { login: tokens(1) } }], ShellMe: [{ data: { me } }] });
    const auth = useAuthStore();
    expect(await auth.login("teacher1", "Xuekao@2026")).toEqual({ ok: true });
    expect(readSession()?.accessToken).toBe("access-1");
    expect(auth.user?.displayName).toBe("孙老师");
    expect(auth.consoles).toEqual(["school"]);
    expect(sent.map((s) => [s.operation, s.authorization])).toEqual([
      ["ShellLogin", undefined],
      ["ShellMe", "Bearer access-1"],
    ]);
  });

  it("returns the server's error for wrong credentials and stays signed out", async () => {
    fakeGateway({ ShellLogin: [{ errors: [{ message: "用户名或密码错误", extensions: { code: "UNAUTHENTICATED" } }] }] });
    const auth = useAuthStore();
    const outcome = await auth.login("teacher1", "wrong");
    expect(outcome).toEqual({ ok: false, error: { message: "用户名或密码错误", extensions: { code: "UNAUTHENTICATED" } } });
    expect(auth.isAuthenticated).toBe(false);
    expect(readSession()).toBeNull();
  });

  it("on UNAUTHENTICATED renews once with the refresh token and sends the request again", async () => {
    writeSession(tokens(1));
    const sent = fakeGateway({
      ShellMe: [unauthenticated, { data: { me } }],
      ShellRefreshSession: [{ data: { refreshSession: tokens(2) } }],
    });
    const auth = useAuthStore();
    const expired = vi.fn();
    auth.onExpired(expired);
    const result = await gateway.request(MeQuery);
    expect(result.data?.me.username).toBe("teacher1");
    expect(sent.map((s) => [s.operation, s.authorization])).toEqual([
      ["ShellMe", "Bearer access-1"],
      ["ShellRefreshSession", undefined],
      ["ShellMe", "Bearer access-2"],
    ]);
    expect(sent[1]?.variables).toEqual({ refreshToken: "refresh-1" });
    expect(readSession()?.refreshToken).toBe("refresh-2");
    expect(auth.tokens?.accessToken).toBe("access-2");
    expect(expired).not.toHaveBeenCalled();
  });

  it("renews only once for requests refused at the same time (refresh tokens are single-use)", async () => {
    writeSession(tokens(1));
    const sent = fakeGateway({
      ShellMe: [unauthenticated, unauthenticated, { data: { me } }, { data: { me } }],
      ShellRefreshSession: [{ data: { refreshSession: tokens(2) } }],
    });
    useAuthStore();
    const results = await Promise.all([gateway.request(MeQuery), gateway.request(MeQuery)]);
    expect(results.map((r) => r.data?.me.id)).toEqual(["u1", "u1"]);
    expect(sent.filter((s) => s.operation === "ShellRefreshSession")).toHaveLength(1);
  });

  it("when renewal fails, clears the session and reports it expired (the app then goes to /login)", async () => {
    writeSession(tokens(1));
    fakeGateway({
      ShellMe: [unauthenticated],
      ShellRefreshSession: [{ errors: [{ message: "登录已失效，请重新登录", extensions: { code: "REFRESH_TOKEN_REUSED" } }] }],
    });
    const auth = useAuthStore();
    const expired = vi.fn();
    auth.onExpired(expired);
    const result = await gateway.request(MeQuery);
    expect(result.errors[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect(expired).toHaveBeenCalledTimes(1);
    expect(auth.isAuthenticated).toBe(false);
    expect(readSession()).toBeNull();
  });

  it("renews shortly before the access token expires", async () => {
    vi.useFakeTimers();
    const sent = fakeGateway({ ShellLogin: [{ data: { login: tokens(1) } }], ShellMe: [{ data: { me } }], ShellRefreshSession: [{ data: { refreshSession: tokens(2) } }] });
    const auth = useAuthStore();
    await auth.login("teacher1", "Xuekao@2026");
    await vi.advanceTimersByTimeAsync(13 * 60_000);
    expect(sent.some((s) => s.operation === "ShellRefreshSession")).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000 + 1_000);
    expect(sent.filter((s) => s.operation === "ShellRefreshSession")).toHaveLength(1);
    expect(auth.tokens?.accessToken).toBe("access-2");
  });

  it("logs out: revokes the refresh token and forgets the session", async () => {
    writeSession(tokens(1));
    const sent = fakeGateway({ ShellLogout: [{ data: { logout: true } }] });
    const auth = useAuthStore();
    await auth.logout();
    expect(sent).toEqual([{ operation: "ShellLogout", variables: { refreshToken: "refresh-1" }, authorization: undefined }]);
    expect(auth.isAuthenticated).toBe(false);
    expect(readSession()).toBeNull();
  });
});
