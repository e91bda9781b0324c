// The shell and its three remotes, each served separately by `vite preview`, in headless Chromium
// against the platform's gateway.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { postGraphQL } from "@xuekao/subgraph-kit/testing";
import { deadUrl, startFrontends, type RunningFrontends } from "../../src/browser/frontends.js";
import { startBrowserStack, stopBrowserStack } from "../../src/browser/stack.js";
import { accessTokenOf, openAs } from "../../src/browser/session.js";
import type { Platform } from "../../src/platform.js";

const SHOTS_DIR = process.env.SHOTS_DIR;

async function shot(page: Page, name: string) {
  if (SHOTS_DIR) await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}

describe("frontends in the browser", () => {
  let platform: Platform;
  let frontends: RunningFrontends;
  let browser: Browser;

  /** Asks the gateway directly, as `username`, to know what their pages should show whatever the seed data is. */
  async function gatewayData<T>(username: string, query: string): Promise<T> {
    const token = await accessTokenOf(platform.gatewayUrl, username);
    const result = await postGraphQL<T>(platform.gatewayUrl, query, {}, { authorization: `Bearer ${token}` });
    expect(result.errors).toBeUndefined();
    return result.data as T;
  }

  async function openPage(path: string, viewport = { width: 1280, height: 800 }) {
    const page = await browser.newPage({ viewport });
    const problems: string[] = [];
    page.on("pageerror", (error) => problems.push(error.message));
    await page.goto(`${frontends.shellUrl}${path}`);
    return { page, problems };
  }

  /** Pages of a console need a user whose roles allow it. */
  const openAsUser = (username: string, path: string, viewport?: { width: number; height: number }) =>
    openAs(browser, frontends.shellUrl, username, path, viewport);

  beforeAll(async () => {
    ({ platform, frontends, browser } = await startBrowserStack());
  });
  afterAll(() => stopBrowserStack({ platform, frontends, browser }));

  it("opens the shell with its layout, in Chinese; a visitor is asked to log in", async () => {
    const { page, problems } = await openPage("/");
    await page.getByTestId("home-page").waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("zh-CN");
    expect(await page.getByTestId("shell-header").textContent()).toContain("学考平台");
    const nav = await page.getByTestId("shell-nav").textContent();
    expect(nav).toContain("首页");
    for (const label of ["考生门户", "学校管理", "招考机构"]) expect(nav).not.toContain(label);
    await page.getByTestId("home-login").waitFor();
    await shot(page, "home-visitor");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("shows a signed-in user the summary of their console on the home page", async () => {
    const { page, problems } = await openAsUser("candidate1", "/");
    await page.getByTestId("home-page").waitFor();
    await page.getByTestId("candidate-summary").waitFor();
    expect(await page.getByTestId("school-summary").count()).toBe(0);
    expect(await page.getByTestId("bureau-summary").count()).toBe(0);
    await shot(page, "home-candidate");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("candidate: lists the exam sessions from the gateway", async () => {
    const { examSessions } = await gatewayData<{ examSessions: { name: string }[] }>("candidate1", "{ examSessions { name } }");
    const { page, problems } = await openAsUser("candidate1", "/candidate");
    await page.getByTestId("candidate-sessions-page").waitFor();
    if (examSessions.length) {
      await page.getByTestId("exam-session").first().waitFor();
      expect(await page.getByTestId("exam-session").count()).toBe(examSessions.length);
      expect(await page.getByTestId("exam-session-name").allTextContents()).toContain(examSessions[0]?.name);
    } else {
      await page.getByTestId("query-empty").waitFor();
    }
    expect(await page.title()).toContain("考生门户");
    await shot(page, "candidate");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("school: shows the exam records with candidate and school from other subgraphs", async () => {
    const { examRecords } = await gatewayData<{ examRecords: { recordNumber: string; candidate: { displayName: string } | null }[] }>(
      "teacher1",
      "{ examRecords(limit: 50) { recordNumber candidate { displayName } } }",
    );
    const { page, problems } = await openAsUser("teacher1", "/school");
    await page.getByTestId("school-records-page").waitFor();
    if (examRecords.length) {
      const table = page.getByTestId("exam-records-table");
      await table.waitFor();
      const text = await table.textContent();
      expect(text).toContain(examRecords[0]?.recordNumber);
      if (examRecords[0]?.candidate) expect(text).toContain(examRecords[0].candidate.displayName);
    } else {
      await page.getByTestId("query-empty").waitFor();
    }
    await shot(page, "school");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("bureau: shows the organisations of the caller's jurisdiction only, and the certification cases", async () => {
    const { myJurisdiction } = await gatewayData<{ myJurisdiction: { name: string }[] }>("county1", "{ myJurisdiction { name } }");
    expect(myJurisdiction.map((o) => o.name)).toEqual(expect.arrayContaining(["新城区教育招生考试中心", "呼和浩特市第一中学"]));
    const { page, problems } = await openAsUser("county1", "/bureau");
    await page.getByTestId("bureau-overview-page").waitFor();
    await page.getByTestId("organizations-table").waitFor();
    await page.getByTestId("organization-name").first().waitFor();
    const shown = await page.getByTestId("organization-name").allTextContents();
    expect(shown.sort()).toEqual(myJurisdiction.map((o) => o.name).sort());
    // An Inner Mongolia county sees nothing of Beijing, nor of the region above it.
    expect(shown).not.toContain("北京教育考试院");
    expect(shown).not.toContain("内蒙古自治区教育考试院");
    await page.getByTestId("cases-panel").waitFor();
    await shot(page, "bureau");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("runs one Vue: the remotes use the shell's shared singletons and its i18n", async () => {
    const { page } = await openAsUser("candidate1", "/candidate");
    await page.getByTestId("candidate-sessions-page").waitFor();
    const remoteOrigins = Object.values(frontends.remoteUrls);
    const resources = await page.evaluate(() => performance.getEntriesByType("resource").map((entry) => entry.name));
    const fromRemotes = resources.filter((url) => remoteOrigins.some((origin) => url.startsWith(`${origin}/`)));
    expect(fromRemotes.length).toBeGreaterThan(0);
    // A remote's own copy of a shared package is a "__prebuild__" chunk, fetched only as a fallback.
    expect(fromRemotes.filter((url) => url.includes("__prebuild__"))).toEqual([]);

    // Switching the shell's language re-renders the remote page: one vue-i18n, messages merged.
    await page.getByTestId("locale-select").click();
    await page.getByRole("option", { name: "English" }).click();
    await page.getByRole("heading", { name: "Exam sessions" }).waitFor();
    expect(await page.getAttribute("html", "lang")).toBe("en");
    await page.close();
  });

  it("candidate page fits a 360 px wide phone without horizontal scrolling", async () => {
    const { page } = await openAsUser("candidate1", "/candidate", { width: 360, height: 740 });
    await page.getByTestId("candidate-sessions-page").waitFor();
    await page.waitForLoadState("networkidle");
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    await shot(page, "candidate-360");
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await page.close();
  });

  describe("with the school remote down", () => {
    let partial: RunningFrontends;

    beforeAll(async () => {
      partial = await startFrontends({ gatewayUrl: platform.gatewayUrl, remoteEntryOverrides: { school: await deadUrl() } });
    });
    afterAll(async () => partial?.stop());

    it("shows a clear message for that remote while the others keep working", async () => {
      const { page } = await openAs(browser, partial.shellUrl, "teacher1", "/school");
      const error = page.getByTestId("remote-error");
      await error.waitFor();
      expect(await error.textContent()).toContain("“学校管理”模块暂时无法加载");
      expect(await page.getByTestId("remote-retry").isVisible()).toBe(true);
      await shot(page, "school-down");

      // Retrying against a still-dead URL fails the same clear way.
      await page.getByTestId("remote-retry").click();
      await error.waitFor();

      await page.getByTestId("nav-home").click();
      await page.getByTestId("summary-error-school").waitFor();
      await shot(page, "home-school-down");
      await page.close();

      // Users of the other consoles are not affected.
      const other = await openAs(browser, partial.shellUrl, "county1", "/bureau");
      await other.page.getByTestId("bureau-overview-page").waitFor();
      await other.page.getByTestId("nav-home").click();
      await other.page.getByTestId("bureau-summary").waitFor();
      await other.page.close();
    });
  });
});
