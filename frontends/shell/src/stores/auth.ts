import { defineStore } from "pinia";
import { computed, ref, shallowRef } from "vue";
import type { GraphQLFormattedError, ShellMeQuery } from "@xuekao/graphql-client";
import { clearSession, gateway, readSession, setSessionHandler, writeSession, type SessionTokens } from "@xuekao/ui";
import { consolesFor } from "../auth/consoles";
import { LoginMutation, LogoutMutation, MeQuery, RefreshSessionMutation } from "../auth/session.query";

export type CurrentUser = ShellMeQuery["me"];
export type LoginOutcome = { ok: true } | { ok: false; error: GraphQLFormattedError };

/** How long before the access token expires it is renewed (at most half of its remaining life). */
export const RENEW_AHEAD_MS = 60_000;

/**
 * The signed-in user of this tab. Tokens live in sessionStorage, where `@xuekao/ui`'s gateway
 * client (bundled into every remote) reads them; this store registers itself as that client's
 * session handler, so a refused token is renewed here once, whichever remote's request met it.
 */
export const useAuthStore = defineStore("auth", () => {
  const tokens = ref<SessionTokens | null>(readSession());
  const user = shallowRef<CurrentUser | null>(null);
  let renewing: Promise<boolean> | null = null;
  let loadingUser: Promise<void> | null = null;
  let renewTimer: ReturnType<typeof setTimeout> | undefined;
  let expiredListener: (() => void) | null = null;

  const isAuthenticated = computed(() => tokens.value !== null);
  const roles = computed(() => user.value?.roles ?? []);
  const roleNames = computed(() => roles.value.map((binding) => binding.role));
  const consoles = computed(() => consolesFor(roleNames.value));
  const passwordChangeRequired = computed(() => user.value?.passwordChangeRequired === true);

  function scheduleRenewal(now = Date.now()) {
    clearTimeout(renewTimer);
    if (!tokens.value) return;
    const remaining = Date.parse(tokens.value.expiresAt) - now;
    const delay = Math.max(0, remaining - Math.min(RENEW_AHEAD_MS, remaining / 2));
    renewTimer = setTimeout(() => {
      void renew().then((ok) => {
        if (!ok) expire();
      });
    }, delay);
  }

  /** Keeps new tokens (after login, registration or renewal). */
  function adopt(next: SessionTokens) {
    writeSession(next);
    tokens.value = { ...next };
    scheduleRenewal();
  }

  function forget() {
    clearTimeout(renewTimer);
    clearSession();
    tokens.value = null;
    user.value = null;
  }

  /** The session is over (renewal refused): forget it and let the app send the user to login. */
  function expire() {
    const wasSignedIn = tokens.value !== null;
    forget();
    if (wasSignedIn) expiredListener?.();
  }

  function onExpired(listener: () => void) {
    expiredListener = listener;
  }

  /** One renewal at a time: refresh tokens are single-use, so two parallel renewals would look like reuse. */
  function renew(): Promise<boolean> {
    renewing ??= (async () => {
      const refreshToken = readSession()?.refreshToken ?? tokens.value?.refreshToken;
      if (!refreshToken) return false;
      const result = await gateway.request(RefreshSessionMutation, { refreshToken }, { anonymous: true });
      if (!result.data) return false;
      adopt(result.data.refreshSession);
      return true;
    })().finally(() => {
      renewing = null;
    });
    return renewing;
  }

  async function loadUser(): Promise<void> {
    const result = await gateway.request(MeQuery);
    if (result.data && tokens.value) user.value = result.data.me;
  }

  /** Loads who is signed in, once per session. */
  async function ensureUser(): Promise<void> {
    if (!tokens.value || user.value) return;
    loadingUser ??= loadUser().finally(() => {
      loadingUser = null;
    });
    await loadingUser;
  }

  /** Starts a session from tokens the gateway issued (login, registration) and loads the user. */
  async function signIn(payload: SessionTokens): Promise<void> {
    forget();
    adopt(payload);
    await loadUser();
  }

  async function login(username: string, password: string): Promise<LoginOutcome> {
    const result = await gateway.request(LoginMutation, { input: { username, password } }, { anonymous: true });
    if (!result.data) return { ok: false, error: result.errors[0] ?? { message: "" } };
    await signIn(result.data.login);
    return { ok: true };
  }

  async function logout(): Promise<void> {
    const refreshToken = tokens.value?.refreshToken;
    try {
      if (refreshToken) await gateway.request(LogoutMutation, { refreshToken }, { anonymous: true });
    } finally {
      forget();
    }
  }

  setSessionHandler({ renew, expired: expire });
  if (tokens.value) scheduleRenewal();

  return { tokens, user, isAuthenticated, roles, roleNames, consoles, passwordChangeRequired, login, signIn, renew, expire, onExpired, loadUser, ensureUser, logout };
});
