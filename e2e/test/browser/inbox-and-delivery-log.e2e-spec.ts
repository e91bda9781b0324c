// The inbox in the shell's header (every signed-in role) and the province institute's SMS
// delivery log in the bureau console, on the real platform with its in-process events.
import { randomInt } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { postGraphQL } from "@xuekao/subgraph-kit/testing";
import type { Platform } from "../../src/platform.js";
import type { RunningFrontends } from "../../src/browser/frontends.js";
import { startBrowserStack, stopBrowserStack } from "../../src/browser/stack.js";
import { accessTokenOf, openAs } from "../../src/browser/session.js";

const SHOTS_DIR = process.env.SHOTS_DIR;

async function shot(page: Page, name: string) {
  if (SHOTS_DIR) await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}

async function noSideScrolling(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Waits until the bell's accessible name is `name` (its count is fetched after the page shows). */
async function bellNamed(page: Page, name: string) {
  await page.getByRole("button", { name, exact: true }).waitFor();
}

/** Waits until the drawer has slid in: a screenshot taken earlier catches it half way. */
async function drawerSettled(page: Page) {
  await page.waitForFunction(() => {
    const box = document.querySelector('[data-testid="inbox-drawer"]')?.getBoundingClientRect();
    return box !== undefined && box.width > 0 && box.right === window.innerWidth;
  });
}

const activeTestid = (page: Page) => page.evaluate(() => document.activeElement?.closest("[data-testid]")?.getAttribute("data-testid") ?? null);
const focusInsideDrawer = (page: Page) => page.evaluate(() => !!document.activeElement?.closest('[data-testid="inbox-drawer"]'));

interface DeliveryRow {
  mobile: string;
  status: string;
  text: string;
}

describe("inbox and SMS delivery log", () => {
  let platform: Platform;
  let frontends: RunningFrontends;
  let browser: Browser;

  beforeAll(async () => {
    ({ platform, frontends, browser } = await startBrowserStack());
  });
  afterAll(() => stopBrowserStack({ platform, frontends, browser }));

  it("a candidate reads the welcome message and the badge goes to 0, also after a reload", async () => {
    const { page, problems } = await openAs(browser, frontends.shellUrl, "candidate1", "/candidate");
    await page.getByTestId("candidate-sessions-page").waitFor();
    await bellNamed(page, "站内消息，1 条未读");
    expect(await page.getByTestId("inbox-badge").textContent()).toBe("1");
    await shot(page, "inbox-badge");

    await page.getByTestId("inbox-bell").click();
    const drawer = page.getByRole("dialog", { name: "站内消息" });
    await drawer.waitFor();
    const welcome = drawer.getByTestId("inbox-item").filter({ hasText: "欢迎使用学考平台" });
    await welcome.waitFor();
    expect(await welcome.getAttribute("data-unread")).toBe("true");
    expect(await drawer.getByTestId("inbox-summary").textContent()).toBe("1 条未读");
    await drawerSettled(page);
    await shot(page, "inbox-open");

    await welcome.getByTestId("inbox-item-toggle").click();
    await welcome.getByTestId("inbox-item-body").waitFor();
    expect(await welcome.getByTestId("inbox-item-toggle").getAttribute("aria-expanded")).toBe("true");
    await page.waitForFunction(() => document.querySelector('[data-testid="inbox-item"]')?.getAttribute("data-unread") === "false");
    await bellNamed(page, "站内消息，没有未读消息");
    // The badge zooms out (an Element Plus transition) before it leaves the page.
    await page.getByTestId("inbox-badge").waitFor({ state: "detached" });
    await shot(page, "inbox-read");

    // Esc closes the drawer and gives the focus back to the bell.
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });
    expect(await activeTestid(page)).toBe("inbox-bell");

    await page.reload();
    await page.getByTestId("candidate-sessions-page").waitFor();
    await bellNamed(page, "站内消息，没有未读消息");
    expect(await page.getByTestId("inbox-badge").count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the inbox works with the keyboard alone and on a 360 px phone", async () => {
    const { page, problems } = await openAs(browser, frontends.shellUrl, "teacher1", "/school", { width: 360, height: 740 });
    await page.getByTestId("school-records-page").waitFor();
    await bellNamed(page, "站内消息，1 条未读");
    await page.waitForLoadState("networkidle");
    await noSideScrolling(page);
    await shot(page, "inbox-badge-360");

    await page.getByTestId("inbox-bell").focus();
    await page.keyboard.press("Enter");
    const drawer = page.getByRole("dialog", { name: "站内消息" });
    await drawer.getByTestId("inbox-item").first().waitFor();
    // Once slid in, it takes the whole width of the phone, and no more.
    await drawerSettled(page);
    expect(await drawer.evaluate((element) => element.getBoundingClientRect().left)).toBe(0);
    // The focus stays inside the drawer however far one tabs.
    for (let i = 0; i < 6; i++) {
      await page.keyboard.press("Tab");
      expect(await focusInsideDrawer(page)).toBe(true);
    }
    const toggle = drawer.getByTestId("inbox-item-toggle").first();
    await toggle.focus();
    await page.keyboard.press("Enter");
    await drawer.getByTestId("inbox-item-body").first().waitFor();
    await bellNamed(page, "站内消息，没有未读消息");
    await noSideScrolling(page);
    await shot(page, "inbox-open-360");
    await page.keyboard.press("Escape");
    await drawer.waitFor({ state: "hidden" });
    expect(await activeTestid(page)).toBe("inbox-bell");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the province institute finds a registration code's delivery by mobile, masked and without the code", async () => {
    // A fresh mobile (139 + 8 random digits) asks for a registration code, anonymously.
    const mobile = `139${String(randomInt(0, 100_000_000)).padStart(8, "0")}`;
    const masked = `${mobile.slice(0, 3)}****${mobile.slice(7)}`;
    const requested = await postGraphQL<{ requestSmsCode: { mobile: string } }>(
      platform.gatewayUrl,
      "mutation ($input: RequestSmsCodeInput!) { requestSmsCode(input: $input) { mobile } }",
      { input: { mobile, purpose: "REGISTER" } },
    );
    expect(requested.errors ?? []).toEqual([]);

    // The message goes out through the outbox, the event bus and the delivery worker: wait until
    // the log says it was sent, so the page has one settled row to show.
    const token = await accessTokenOf(platform.gatewayUrl, "region1");
    const deadline = Date.now() + 20_000;
    let rows: DeliveryRow[] = [];
    while (Date.now() < deadline) {
      const result = await postGraphQL<{ smsDeliveries: { items: DeliveryRow[] } }>(
        platform.gatewayUrl,
        "query ($filter: SmsDeliveryFilter) { smsDeliveries(filter: $filter) { items { mobile status text } } }",
        { filter: { mobile } },
        { authorization: `Bearer ${token}` },
      );
      rows = result.data?.smsDeliveries.items ?? [];
      if (rows[0]?.status === "SENT") break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(rows.map((row) => row.status)).toEqual(["SENT"]);

    const { page, problems } = await openAs(browser, frontends.shellUrl, "region1", "/bureau");
    await page.getByTestId("bureau-overview-page").waitFor();
    // Every signed-in role has the inbox.
    await page.getByTestId("inbox-bell").waitFor();
    await page.getByTestId("console-nav-bureau-sms-deliveries").click();
    await page.getByTestId("sms-deliveries-page").waitFor();
    expect(await page.title()).toContain("短信投递记录");
    await page.getByTestId("sms-deliveries-table").locator(".el-table__body tr").first().waitFor();

    // A mobile that is too short is refused in Chinese before anything is sent.
    await page.getByLabel("手机号", { exact: true }).fill(mobile.slice(0, 7));
    await page.getByTestId("sms-search").click();
    await page.getByText("请输入正确的 11 位手机号").waitFor();

    await page.getByLabel("手机号", { exact: true }).fill(mobile);
    await page.getByLabel("手机号", { exact: true }).press("Enter");
    await page.getByTestId("sms-total").filter({ hasText: "共 1 条" }).waitFor();
    const row = page.getByTestId("sms-deliveries-table").locator(".el-table__body tr");
    expect(await row.count()).toBe(1);
    expect(await row.getByTestId("sms-row-mobile").textContent()).toBe(masked);
    expect(await row.getByTestId("sms-row-status").textContent()).toContain("已发送");
    const text = (await row.getByTestId("sms-row-text").textContent()) ?? "";
    expect(text).toContain("******");
    expect(text).not.toMatch(/\d{6}/);
    expect(await page.getByText(mobile).count()).toBe(0);
    expect(await row.getByTestId("sms-retry").count()).toBe(0);
    await shot(page, "sms-deliveries");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("the delivery log works on a 360 px phone, its table scrolling inside its card", async () => {
    const { page, problems } = await openAs(browser, frontends.shellUrl, "region1", "/bureau/sms-deliveries", { width: 360, height: 740 });
    await page.getByTestId("sms-deliveries-page").waitFor();
    await page.getByTestId("sms-deliveries-table").locator(".el-table__body tr").first().waitFor();
    await page.waitForLoadState("networkidle");
    await noSideScrolling(page);
    const card = await page.getByTestId("sms-deliveries-panel").boundingBox();
    expect(card && card.x >= 0 && card.x + card.width <= 360).toBe(true);
    await page.getByTestId("sms-mobile").fill("12345");
    await page.getByTestId("sms-search").click();
    await page.getByText("请输入正确的 11 位手机号").waitFor();
    await shot(page, "sms-deliveries-360");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("a candidate cannot open the delivery log", async () => {
    const { page, problems } = await openAs(browser, frontends.shellUrl, "candidate1", "/bureau/sms-deliveries");
    await page.getByTestId("no-access").waitFor();
    expect(await page.getByTestId("no-access").textContent()).toContain("无权访问");
    expect(await page.getByTestId("sms-deliveries-page").count()).toBe(0);
    await shot(page, "sms-deliveries-candidate-no-access");
    expect(problems).toEqual([]);
    await page.close();
  });
});
