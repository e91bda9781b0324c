// Signing in, the way a user does (the login page) and the way a test asks the gateway directly.
import type { Browser, Page } from "playwright-core";
import { postGraphQL } from "@xuekao/subgraph-kit/testing";

/** Every demo account's password (README "Demo data"). */
export const DEMO_PASSWORD = "Xuekao@2026";

/** Fills the login page the browser is on and submits it with the keyboard. */
export async function submitLogin(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.getByTestId("login-page").waitFor();
  await page.getByTestId("login-username").fill(username);
  await page.getByTestId("login-password").fill(password);
  await page.getByTestId("login-password").press("Enter");
}

/** Logs in through the login page and waits until the shell has left it. */
export async function logIn(page: Page, shellUrl: string, username: string, password = DEMO_PASSWORD, redirect?: string): Promise<void> {
  await page.goto(`${shellUrl}/login${redirect ? `?redirect=${encodeURIComponent(redirect)}` : ""}`);
  await submitLogin(page, username, password);
  await page.waitForURL((url) => url.pathname !== "/login");
}

/** A new page signed in as `username`, opened at `path`. */
export async function openAs(
  browser: Browser,
  shellUrl: string,
  username: string,
  path: string,
  viewport = { width: 1280, height: 800 },
): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(error.message));
  await logIn(page, shellUrl, username, DEMO_PASSWORD, path);
  return { page, problems };
}

/** An access token for `username`, to ask the gateway what that user's pages should show. */
export async function accessTokenOf(gatewayUrl: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const result = await postGraphQL<{ login: { accessToken: string } }>(
    gatewayUrl,
    "mutation ($input: LoginInput!) { login(input: $input) { accessToken } }",
    { input: { username, password } },
  );
  if (!result.data) throw new Error(`login ${username}: ${JSON.stringify(result.errors)}`);
  return result.data.login.accessToken;
}
