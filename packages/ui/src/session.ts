/**
 * The signed-in session of this browser tab. The shell owns it (login, renewal, logout); every
 * remote bundles its own copy of this module, so whatever must be shared lives in sessionStorage
 * (the tokens) or on globalThis under a registered symbol (the handler), never in module state.
 */

export const ACCESS_TOKEN_KEY = "xuekao.accessToken";
export const REFRESH_TOKEN_KEY = "xuekao.refreshToken";
export const EXPIRES_AT_KEY = "xuekao.expiresAt";

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** ISO time the access token stops being accepted. */
  expiresAt: string;
}

export function readSession(): SessionTokens | null {
  const storage = globalThis.sessionStorage;
  const accessToken = storage?.getItem(ACCESS_TOKEN_KEY);
  const refreshToken = storage?.getItem(REFRESH_TOKEN_KEY);
  const expiresAt = storage?.getItem(EXPIRES_AT_KEY);
  return accessToken && refreshToken && expiresAt ? { accessToken, refreshToken, expiresAt } : null;
}

export function writeSession(tokens: SessionTokens): void {
  const storage = globalThis.sessionStorage;
  storage?.setItem(ACCESS_TOKEN_KEY, tokens.accessToken);
  storage?.setItem(REFRESH_TOKEN_KEY, tokens.refreshToken);
  storage?.setItem(EXPIRES_AT_KEY, tokens.expiresAt);
}

export function clearSession(): void {
  const storage = globalThis.sessionStorage;
  for (const key of [ACCESS_TOKEN_KEY, REFRESH_TOKEN_KEY, EXPIRES_AT_KEY]) storage?.removeItem(key);
}

/** What the gateway client asks of whoever owns the session (the shell's auth store). */
export interface SessionHandler {
  /** Exchanges the refresh token for new tokens; concurrent callers share one attempt. True when renewed. */
  renew(): Promise<boolean>;
  /** The session cannot be renewed: forget it and send the user to the login page. */
  expired(): void;
}

const HANDLER_KEY = Symbol.for("xuekao.sessionHandler");
type HandlerHolder = { [HANDLER_KEY]?: SessionHandler | null };

export function setSessionHandler(handler: SessionHandler | null): void {
  (globalThis as HandlerHolder)[HANDLER_KEY] = handler;
}

export function sessionHandler(): SessionHandler | null {
  return (globalThis as HandlerHolder)[HANDLER_KEY] ?? null;
}
