// Signing in and out in the browser, and who sees which console.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Platform } from "../../src/platform.js";
import type { RunningFrontends } from "../../src/browser/frontends.js";
import { startBrowserStack, stopBrowserStack } from "../../src/browser/stack.js";
import { logIn, openAs, submitLogin } from "../../src/browser/session.js";

const SHOTS_DIR = process.env.SHOTS_DIR;

async function shot(page: Page, name: string) {
  if (SHOTS_DIR) await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}

/** The login page, optionally with the way back to `redirect`. */
const loginUrl = (redirect?: string) => (url: URL) =>
  url.pathname === "/login" && (redirect === undefined || url.searchParams.get("redirect") === redirect);

/** The newest code the development SMS driver logged for `mobile` (lines `<time>\t<mobile>\t<text>`). */
async function smsCodeFor(logFile: string, mobile: string, after = 0): Promise<string> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    let lines: string[] = [];
    try {
      lines = readFileSync(logFile, "utf8").split("\n").filter(Boolean);
    } catch {
      // not written yet
    }
    const mine = lines.filter((line) => line.split("\t")[1] === mobile);
    const code = mine.length > after ? /\b(\d{6})\b/.exec(mine.at(-1)?.split("\t")[2] ?? "")?.[1] : undefined;
    if (code) return code;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no SMS code for ${mobile} in ${logFile}`);
}

const NAV_LABELS = { candidate: "考生门户", school: "学校管理", bureau: "招考机构" } as const;
type ConsoleName = keyof typeof NAV_LABELS;

describe("signing in and who sees what", () => {
  let platform: Platform;
  let frontends: RunningFrontends;
  let browser: Browser;

  beforeAll(async () => {
    ({ platform, frontends, browser } = await startBrowserStack());
  });
  afterAll(() => stopBrowserStack({ platform, frontends, browser }));

  const cases: { username: string; console: ConsoleName; page: string; role: string }[] = [
    { username: "candidate1", console: "candidate", page: "candidate-sessions-page", role: "在校考生" },
    { username: "teacher1", console: "school", page: "school-records-page", role: "班主任" },
    { username: "county1", console: "bureau", page: "bureau-overview-page", role: "旗县区招生考试机构" },
  ];

  for (const { username, console: own, page: ownPage, role } of cases) {
    it(`${username} lands in the ${own} console and sees no other`, async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const problems: string[] = [];
      page.on("pageerror", (error) => problems.push(error.message));
      await logIn(page, frontends.shellUrl, username);
      await page.waitForURL(`**/${own}`);
      await page.getByTestId(ownPage).waitFor();

      const nav = await page.getByTestId("shell-nav").textContent();
      for (const [name, label] of Object.entries(NAV_LABELS)) {
        if (name === own) expect(nav).toContain(label);
        else expect(nav).not.toContain(label);
      }
      await page.getByTestId("account-menu").click();
      await page.getByTestId("account-roles").waitFor();
      expect(await page.getByTestId("account-roles").textContent()).toContain(role);
      await shot(page, `login-${username}`);
      await page.keyboard.press("Escape");

      for (const other of Object.keys(NAV_LABELS).filter((name) => name !== own)) {
        await page.goto(`${frontends.shellUrl}/${other}`);
        await page.getByTestId("no-access").waitFor();
        expect(await page.getByTestId("no-access").textContent()).toContain("无权访问");
        expect(await page.getByTestId("no-access-detail").textContent()).toContain(NAV_LABELS[other as ConsoleName]);
        expect(await page.getByTestId(`${other}-summary`).count()).toBe(0);
      }
      if (username === "candidate1") await shot(page, "candidate-no-access-school");
      expect(problems).toEqual([]);
      await page.close();
    });
  }

  it("shows the server's message for a wrong password and stays on the login page", async () => {
    const page = await browser.newPage();
    await page.goto(`${frontends.shellUrl}/login`);
    await submitLogin(page, "teacher1", "not-the-password");
    const error = page.getByTestId("login-error");
    await error.waitFor();
    expect(await error.textContent()).toContain("用户名或密码错误");
    expect(new URL(page.url()).pathname).toBe("/login");
    await shot(page, "login-wrong-password");
    await page.close();
  });

  it("sends a visitor to the login page and back to where they were going", async () => {
    const page = await browser.newPage();
    await page.goto(`${frontends.shellUrl}/school`);
    await page.waitForURL(loginUrl("/school"));
    await submitLogin(page, "teacher1");
    await page.waitForURL("**/school");
    await page.getByTestId("school-records-page").waitFor();
    await page.close();
  });

  it("renews an access token the gateway refuses and carries on", async () => {
    const { page } = await openAs(browser, frontends.shellUrl, "candidate1", "/candidate");
    await page.getByTestId("candidate-sessions-page").waitFor();
    const before = await page.evaluate(() => sessionStorage.getItem("xuekao.refreshToken"));
    await page.evaluate(() => sessionStorage.setItem("xuekao.accessToken", "not-a-valid-token"));
    await page.reload();
    await page.getByTestId("candidate-sessions-page").waitFor();
    await page.getByTestId("account-name").waitFor();
    expect(await page.getByTestId("query-error").count()).toBe(0);
    const after = await page.evaluate(() => ({ access: sessionStorage.getItem("xuekao.accessToken"), refresh: sessionStorage.getItem("xuekao.refreshToken") }));
    expect(after.access).not.toBe("not-a-valid-token");
    expect(after.refresh).not.toBe(before);
    await page.close();
  });

  it("returns to the login page when the session cannot be renewed", async () => {
    const { page } = await openAs(browser, frontends.shellUrl, "candidate1", "/candidate");
    await page.getByTestId("candidate-sessions-page").waitFor();
    await page.evaluate(() => {
      sessionStorage.setItem("xuekao.accessToken", "not-a-valid-token");
      sessionStorage.setItem("xuekao.refreshToken", "not-a-valid-refresh-token");
    });
    await page.reload();
    await page.waitForURL(loginUrl("/candidate"));
    expect(await page.evaluate(() => sessionStorage.getItem("xuekao.accessToken"))).toBeNull();
    await page.close();
  });

  it("logs out from the account menu back to the login page", async () => {
    const { page } = await openAs(browser, frontends.shellUrl, "teacher1", "/school");
    await page.getByTestId("school-records-page").waitFor();
    await page.getByTestId("account-menu").click();
    await page.getByTestId("account-logout").click();
    await page.waitForURL(loginUrl());
    await page.getByTestId("login-page").waitFor();
    expect(await page.evaluate(() => sessionStorage.getItem("xuekao.refreshToken"))).toBeNull();
    await page.goto(`${frontends.shellUrl}/school`);
    await page.waitForURL(loginUrl("/school"));
    await page.close();
  });

  it("login page works with the keyboard at 360 px", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${frontends.shellUrl}/login`);
    await page.getByTestId("login-page").waitFor();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await page.getByLabel("用户名或手机号").fill("candidate1");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Xuekao@2026");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/candidate");
    await page.getByTestId("candidate-sessions-page").waitFor();
    await shot(page, "candidate-360-signed-in");
    await page.close();
  });

  it("registers a candidate with an SMS code, then changes the password and the mobile", async () => {
    const page = await browser.newPage({ viewport: { width: 360, height: 740 } });
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`${frontends.shellUrl}/login`);
    await page.getByTestId("login-register-link").click();
    await page.getByTestId("register-page").waitFor();

    await page.getByTestId("register-type-social").click();
    await page.getByTestId("register-county").click();
    await page.getByRole("option", { name: "新城区" }).click();
    await page.getByTestId("register-username").fill("newcomer1");
    await page.getByTestId("register-display-name").fill("林新生");
    await page.getByTestId("register-password").fill("newcomer1x");
    expect(await page.getByTestId("password-rules").locator("li[data-ok=false]").count()).toBe(2);
    await page.getByTestId("register-password").fill("Spring#2026x");
    expect(await page.getByTestId("password-rules").locator("li[data-ok=false]").count()).toBe(0);
    const mobile = "13900001234";
    await page.getByTestId("register-mobile").fill(mobile);
    await page.getByTestId("sms-send").click();
    await page.getByTestId("register-code-sent").waitFor();
    expect(await page.getByTestId("sms-send").textContent()).toMatch(/\d+ 秒后重新获取/);
    expect(await page.getByTestId("sms-send").isDisabled()).toBe(true);
    const code = await smsCodeFor(platform.smsLogFile, mobile);

    // A wrong code is shown under the code field.
    await page.getByTestId("register-sms-code").fill(code === "000000" ? "111111" : "000000");
    await page.getByTestId("register-submit").click();
    const codeError = page.locator(".el-form-item").filter({ has: page.getByTestId("register-sms-code") }).locator(".el-form-item__error");
    await codeError.waitFor();
    expect(await codeError.textContent()).toContain("验证码");
    await page.getByTestId("register-submit").and(page.locator(":not(.is-loading)")).waitFor();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await shot(page, "register-360");

    await page.getByTestId("register-sms-code").fill(code);
    await page.getByTestId("register-submit").click();
    await page.waitForURL("**/candidate");
    await page.getByTestId("candidate-sessions-page").waitFor();
    expect(await page.getByTestId("account-name").textContent()).toContain("林新生");

    // Change password: this device stays signed in.
    await page.getByTestId("account-menu").click();
    await page.getByTestId("account-change-password").click();
    await page.getByTestId("change-password-page").waitFor();
    await page.getByTestId("current-password").fill("wrong-Password1");
    await page.getByTestId("new-password").fill("Autumn#2026y");
    await page.getByTestId("confirm-password").fill("Autumn#2026y");
    await page.getByTestId("change-password-submit").click();
    const currentError = page.locator(".el-form-item").filter({ has: page.getByTestId("current-password") }).locator(".el-form-item__error");
    await currentError.waitFor();
    expect(await currentError.textContent()).toContain("当前密码不正确");
    await page.getByTestId("current-password").fill("Spring#2026x");
    await page.getByTestId("change-password-submit").click();
    await page.getByTestId("change-password-done").waitFor();
    await shot(page, "change-password-360");
    await page.getByTestId("nav-candidate").click();
    await page.getByTestId("candidate-sessions-page").waitFor();

    // Change mobile: the code goes to the new number.
    await page.getByTestId("account-menu").click();
    await page.getByTestId("account-change-mobile").click();
    await page.getByTestId("change-mobile-page").waitFor();
    const newMobile = "13900005678";
    await page.getByTestId("new-mobile").fill(newMobile);
    await page.getByTestId("sms-send").click();
    const newCode = await smsCodeFor(platform.smsLogFile, newMobile);
    await page.getByTestId("change-mobile-code").fill(newCode);
    await page.getByTestId("change-mobile-submit").click();
    await page.getByTestId("change-mobile-done").waitFor();
    await shot(page, "change-mobile-360");

    // The new password and the new mobile both sign in.
    await page.getByTestId("account-menu").click();
    await page.getByTestId("account-logout").click();
    await page.waitForURL(loginUrl());
    await submitLogin(page, newMobile, "Autumn#2026y");
    await page.waitForURL("**/candidate");
    expect(problems).toEqual([]);
    await page.close();
  });
});
