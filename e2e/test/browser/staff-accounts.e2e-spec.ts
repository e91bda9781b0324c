// Staff accounts and organisations in the consoles: a school admin sets up a class and its
// teacher, the province institute a county and its agency's account; each new account signs in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Platform } from "../../src/platform.js";
import type { RunningFrontends } from "../../src/browser/frontends.js";
import { startBrowserStack, stopBrowserStack } from "../../src/browser/stack.js";
import { openAs, submitLogin } from "../../src/browser/session.js";

const SHOTS_DIR = process.env.SHOTS_DIR;

async function shot(page: Page, name: string) {
  if (SHOTS_DIR) await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}

/** The message Element Plus shows under the form item that holds `testid`. */
function errorNextTo(page: Page, testid: string) {
  return page.locator(".el-form-item").filter({ has: page.getByTestId(testid) }).locator(".el-form-item__error");
}

async function noSideScrolling(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

async function logOut(page: Page) {
  await page.getByTestId("account-menu").click();
  await page.getByTestId("account-logout").click();
  await page.waitForURL((url) => url.pathname === "/login");
}

/** Chooses an option of an Element Plus select: opens it, then clicks the option. */
async function choose(page: Page, selectTestid: string, optionTestid: string) {
  await page.getByTestId(selectTestid).click();
  await page.getByTestId(optionTestid).click();
}

/** The first page after a login with a password someone else chose: set one's own, then go on. */
async function changeInitialPassword(page: Page, initial: string, chosen: string): Promise<void> {
  await page.getByTestId("change-password-required").waitFor();
  expect(await page.getByTestId("change-password-required").textContent()).toContain("请先设置您自己的密码");
  await page.getByTestId("current-password").fill(initial);
  await page.getByTestId("new-password").fill(chosen);
  await page.getByTestId("confirm-password").fill(chosen);
  await page.getByTestId("change-password-submit").click();
}

describe("staff accounts and organisations", () => {
  let platform: Platform;
  let frontends: RunningFrontends;
  let browser: Browser;

  beforeAll(async () => {
    ({ platform, frontends, browser } = await startBrowserStack());
  });
  afterAll(() => stopBrowserStack({ platform, frontends, browser }));

  it("a school admin sets up a class and its class teacher, who signs in to that class's records", async () => {
    const { page, problems } = await openAs(browser, frontends.shellUrl, "school1", "/school");
    await page.getByTestId("school-records-page").waitFor();
    expect(await page.getByTestId("records-scope").textContent()).toContain("呼和浩特市第一中学（学校管理员）");

    // The page is in the school console's own menu for a school admin.
    await page.getByTestId("console-nav-school-staff").click();
    await page.getByTestId("school-staff-page").waitFor();
    expect(await page.title()).toContain("班级与教职工");
    expect(await page.getByTestId("staff-school-name").textContent()).toContain("呼和浩特市第一中学（1501020001）");
    await page.getByTestId("classes-table").getByText("高一（1）班").waitFor();

    // A code already in use: the server's message, in Chinese, under the code.
    await page.getByTestId("class-code").fill("150102000101");
    await page.getByTestId("class-name").fill("高一（1）班");
    await page.getByTestId("class-submit").click();
    await errorNextTo(page, "class-code").waitFor();
    expect(await errorNextTo(page, "class-code").textContent()).toContain("组织代码 150102000101 已被使用");

    // A new class, submitted from the keyboard.
    await page.getByLabel("班级代码").fill("150102000103");
    await page.getByLabel("班级名称").fill("高一（3）班");
    await page.getByLabel("班级名称").press("Enter");
    await page.getByTestId("class-done").waitFor();
    expect(await page.getByTestId("class-done").textContent()).toContain("已新建班级：高一（3）班（150102000103）");
    await page.getByTestId("classes-table").getByText("高一（3）班").waitFor();
    // The earlier error goes once the class is accepted.
    await errorNextTo(page, "class-code").waitFor({ state: "detached" });

    // Its class teacher; the password rules tick off as the password is typed.
    await page.getByTestId("staff-account-class-150102000103").click();
    await page.getByTestId("staff-account-username").fill("teacher3");
    await page.getByTestId("staff-account-display-name").fill("李老师");
    await page.getByTestId("staff-account-password").fill("teacher3x");
    expect(await page.getByTestId("password-rules").locator("li[data-ok=false]").count()).toBe(2);
    await page.getByTestId("staff-account-password").fill("Spring#2026x");
    expect(await page.getByTestId("password-rules").locator("li[data-ok=false]").count()).toBe(0);
    await page.getByTestId("staff-account-submit").click();
    await page.getByTestId("staff-account-done").waitFor();
    expect(await page.getByTestId("staff-account-done").textContent()).toContain("已开设班主任账号 teacher3（李老师），所带班级：高一（3）班。");
    // The school's accounts (students too) are paged; the filter finds the new one.
    await page.getByLabel("按姓名或用户名筛选").fill("李老师");
    await page.getByTestId("accounts-table").getByText("teacher3").waitFor();

    // A teacher of two classes: the second is bound after the account is made.
    await page.getByTestId("staff-account-class-150102000102").click();
    await page.getByTestId("staff-account-class-150102000103").click();
    await page.getByTestId("staff-account-username").fill("teacher4");
    await page.getByTestId("staff-account-display-name").fill("赵老师");
    await page.getByTestId("staff-account-password").fill("Autumn#2026y");
    await page.getByTestId("staff-account-submit").click();
    await page.getByText("已开设班主任账号 teacher4（赵老师），所带班级：高一（2）班、高一（3）班。").waitFor();
    await page.getByLabel("按姓名或用户名筛选").fill("teacher");
    await page.getByTestId("accounts-table").getByText("teacher4").waitFor();
    expect(await page.getByTestId("accounts-table").textContent()).not.toContain("candidate1");
    await page.getByTestId("staff-account-submit").and(page.locator(":not(.is-loading)")).waitFor();
    await shot(page, "school-staff");

    // The new teacher signs in with the initial password, must first choose their own, then
    // lands in the school console.
    await logOut(page);
    await submitLogin(page, "teacher3", "Spring#2026x");
    await changeInitialPassword(page, "Spring#2026x", "Mine#Teacher2026");
    await page.waitForURL("**/school");
    await page.getByTestId("school-records-page").waitFor();
    expect(await page.getByTestId("records-scope").textContent()).toBe("管理范围：高一（3）班（班主任）");
    await page.getByTestId("query-empty").waitFor();
    expect(await page.getByTestId("query-empty").textContent()).toContain("暂无考籍记录");
    expect(await page.getByTestId("account-name").textContent()).toContain("李老师");
    expect(await page.getByTestId("shell-nav").textContent()).toContain("学校管理");
    // Nothing of the admin's page for a teacher: no menu entry (the class's roster is there), and its URL is refused.
    expect(await page.getByTestId("console-nav").textContent()).toContain("学籍名单");
    expect(await page.getByTestId("console-nav-school-staff").count()).toBe(0);
    await shot(page, "school-new-teacher");
    await page.goto(`${frontends.shellUrl}/school/staff`);
    await page.getByTestId("no-access").waitFor();
    expect(await page.getByTestId("no-access").textContent()).toContain("无权访问");
    expect(await page.getByTestId("no-access-detail").textContent()).toContain("没有访问该页面的权限");
    expect(await page.getByTestId("school-staff-page").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the classes and staff page works on a 360 px phone", async () => {
    const { page, problems } = await openAs(browser, frontends.shellUrl, "school1", "/school/staff", { width: 360, height: 740 });
    await page.getByTestId("school-staff-page").waitFor();
    await page.getByTestId("classes-table").waitFor();
    await page.waitForLoadState("networkidle");
    await noSideScrolling(page);
    // The forms stack: the account form sits below the class form, not beside it.
    const classForm = await page.getByTestId("classes-panel").boundingBox();
    const accountForm = await page.getByTestId("staff-account-panel").boundingBox();
    expect(accountForm && classForm && accountForm.y >= classForm.y + classForm.height).toBe(true);
    await page.getByTestId("staff-account-submit").click();
    await errorNextTo(page, "staff-account-username").waitFor();
    expect(await errorNextTo(page, "staff-account-username").textContent()).toBe("必填");
    await shot(page, "school-staff-360");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the province institute sets up a county under 呼和浩特市 and its agency's account, which signs in to the bureau console", async () => {
    const { page, problems } = await openAs(browser, frontends.shellUrl, "region1", "/bureau");
    await page.getByTestId("bureau-overview-page").waitFor();
    await page.getByTestId("console-nav-bureau-organization-admin").click();
    await page.getByTestId("organization-admin-page").waitFor();
    await page.getByTestId("province-tree").getByText("呼和浩特市教育招生考试中心").waitFor();
    expect(await page.getByTestId("province-tree").textContent()).not.toContain("北京教育考试院");

    // A county (the default kind) under the league.
    await choose(page, "organization-parent", "organization-parent-option-1501");
    await page.getByTestId("organization-code").fill("150105");
    await page.getByTestId("organization-name-input").fill("赛罕区教育招生考试中心");
    await page.getByTestId("organization-submit").click();
    await page.getByTestId("organization-done").waitFor();
    expect(await page.getByTestId("organization-done").textContent()).toContain("已设立旗县区招生考试机构：赛罕区教育招生考试中心（150105）");
    await page.getByTestId("province-tree").getByText("赛罕区教育招生考试中心").waitFor();

    // Its agency's account (county agency is the default role).
    await choose(page, "allocate-organization", "allocate-organization-option-150105");
    await page.getByTestId("allocate-username").fill("saihan1");
    await page.getByTestId("allocate-display-name").fill("韩招办");
    await page.getByTestId("allocate-password").fill("Grass#2026x");
    await page.getByTestId("allocate-submit").click();
    await page.getByTestId("allocate-done").waitFor();
    expect(await page.getByTestId("allocate-done").textContent()).toContain("已为赛罕区教育招生考试中心分配旗县区招生考试机构账号 saihan1（韩招办）。");

    // A username already taken is refused by the server, under the username.
    await page.getByTestId("allocate-username").fill("county1");
    await page.getByTestId("allocate-display-name").fill("吴区招办");
    await page.getByTestId("allocate-password").fill("Grass#2026x");
    await page.getByTestId("allocate-submit").click();
    await errorNextTo(page, "allocate-username").waitFor();
    expect(await errorNextTo(page, "allocate-username").textContent()).toContain("该用户名已被注册");
    await shot(page, "bureau-organization-admin");

    await logOut(page);
    await submitLogin(page, "saihan1", "Grass#2026x");
    await changeInitialPassword(page, "Grass#2026x", "Mine#Saihan2026");
    await page.waitForURL("**/bureau");
    await page.getByTestId("bureau-overview-page").waitFor();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("机构与认定业务");
    expect(await page.getByTestId("shell-nav").textContent()).toContain("招考机构");
    // A county agency's pages: the overview and the certification cases waiting at its step.
    expect(await page.getByTestId("console-nav").textContent()).toContain("成绩认定审核");
    await page.getByTestId("organizations-table").getByText("赛罕区教育招生考试中心").waitFor();
    await shot(page, "bureau-new-county-agency");
    await page.getByTestId("account-menu").click();
    expect(await page.getByTestId("account-roles").textContent()).toContain("旗县区招生考试机构 · 赛罕区教育招生考试中心");
    await page.keyboard.press("Escape");
    await page.goto(`${frontends.shellUrl}/bureau/organizations`);
    await page.getByTestId("no-access").waitFor();
    expect(await page.getByTestId("organization-admin-page").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the organisations and accounts page works on a 360 px phone", async () => {
    const { page, problems } = await openAs(browser, frontends.shellUrl, "region1", "/bureau/organizations", { width: 360, height: 740 });
    await page.getByTestId("organization-admin-page").waitFor();
    await page.getByTestId("province-tree").waitFor();
    await page.waitForLoadState("networkidle");
    await noSideScrolling(page);
    await page.getByTestId("organization-submit").click();
    await errorNextTo(page, "organization-code").waitFor();
    expect(await errorNextTo(page, "organization-code").textContent()).toBe("机构代码须为 2 至 32 位数字");
    await shot(page, "bureau-organization-admin-360");
    expect(problems).toEqual([]);
    await page.close();
  });
});
