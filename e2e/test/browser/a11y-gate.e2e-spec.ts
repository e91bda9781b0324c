// The accessibility gate itself (src/browser/a11y.ts), on small pages served by the test: it must
// fail a page that has a serious violation, pass a clean one, and see states a test reaches by
// client-side navigation or by opening a dialog, so it can never pass by looking at nothing.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { launchBrowser } from "../../src/browser/browser.js";
import { A11yViolationError, a11yWatchOf, checkA11y, formatViolations } from "../../src/browser/a11y.js";

const ORIGIN = "http://a11y-gate.test";

const html = (body: string, head = "") =>
  `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试页</title>${head}</head><body><main>${body}</main></body></html>`;

const CLEAN = html(`<h1>考籍查询</h1><label for="q">考籍号</label><input id="q"><button type="button">查询</button>`);
const UNLABELED = html(`<h1>考籍查询</h1><input id="q" data-testid="unlabeled"><button type="button">查询</button>`);
/** A page whose client-side route change shows an unlabeled input. */
const SPA = html(
  `<h1>首页</h1><a href="/spa/search" id="go">查询</a><div id="view"></div>`,
  `<script>
    addEventListener("click", (event) => {
      if (event.target.id !== "go") return;
      event.preventDefault();
      history.pushState({}, "", "/spa/search");
      document.getElementById("view").innerHTML = '<input data-testid="late-input">';
    });
  </script>`,
);
/**
 * A page whose dialog holds an image without alt text, and whose clock ticks every 50 ms: it is
 * never idle, so only the checks before a test's actions can see the dialog.
 */
const DIALOG = html(
  `<h1>消息</h1><p id="clock">0</p><button type="button" id="open">打开</button>
   <div role="dialog" aria-label="通知" id="dialog" hidden><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-testid="no-alt"><button type="button">关闭</button></div>`,
  `<script>
    setInterval(() => { document.getElementById("clock").textContent = String(Date.now()); }, 50);
    addEventListener("click", (event) => {
      if (event.target.id === "open") document.getElementById("dialog").hidden = false;
    });
  </script>`,
);

describe("the accessibility gate", () => {
  let browser: Browser;

  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  /** A gated page whose requests to ORIGIN are answered from `pages` (no server, no network). */
  async function pageServing(pages: Record<string, string>): Promise<Page> {
    const page = await browser.newPage();
    await page.route(`${ORIGIN}/**`, (route) => {
      const html = pages[new URL(route.request().url()).pathname];
      return html ? route.fulfill({ contentType: "text/html; charset=utf-8", body: html }) : route.fulfill({ status: 404, body: "" });
    });
    return page;
  }

  it("fails a page with an unlabeled input, saying rule, impact, element and help", async () => {
    const page = await pageServing({ "/": UNLABELED });
    await page.goto(`${ORIGIN}/`);
    const error = await page.close().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(A11yViolationError);
    const message = (error as Error).message;
    expect(message).toContain("[critical] label on /");
    expect(message).toContain('#q  <input id="q" data-testid="unlabeled">');
    expect(message).toContain("Form elements must have labels");
    expect(message).toContain("https://dequeuniversity.com/rules/axe/");
  });

  it("passes a clean page, and has really checked it", async () => {
    const page = await pageServing({ "/": CLEAN });
    await page.goto(`${ORIGIN}/`);
    const watch = a11yWatchOf(page);
    await page.close();
    expect(watch?.runs).toBeGreaterThan(0);
    expect(watch?.violations).toEqual([]);
  });

  it("checks a page again after a client-side route change", async () => {
    const page = await pageServing({ "/spa": SPA });
    await page.goto(`${ORIGIN}/spa`);
    const watch = a11yWatchOf(page);
    // The watcher checks the first state by itself once the page settles.
    await expect.poll(() => watch?.runs, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(watch?.violations).toEqual([]);
    await page.click("#go");
    await expect.poll(() => watch?.violations.map((v) => `${v.rule} ${v.where}`), { timeout: 5_000 }).toEqual(["label /spa/search"]);
    await expect(page.close()).rejects.toThrow(/label on \/spa\/search/);
  });

  it("checks a dialog before the test acts on it, even on a page that is never idle", async () => {
    const page = await pageServing({ "/": DIALOG });
    await page.goto(`${ORIGIN}/`);
    const watch = a11yWatchOf(page);
    await page.click("#open");
    expect(watch?.violations).toEqual([]);
    // The next action (here a key) waits for the check of what changed: the open dialog.
    await page.keyboard.press("Tab");
    expect(watch?.violations.map((v) => `${v.rule} ${v.where}`)).toEqual(["image-alt / [dialog: 通知]"]);
    await expect(page.close()).rejects.toThrow(A11yViolationError);
  });

  it("a one-off check injects axe into a page without the gate", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await context.route(`${ORIGIN}/**`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: UNLABELED }));
    await page.goto(`${ORIGIN}/`);
    const violations = await checkA11y(page);
    expect(violations.map((v) => [v.rule, v.impact, v.targets])).toEqual([["label", "critical", ['#q  <input id="q" data-testid="unlabeled">']]]);
    expect(formatViolations(violations)).toMatch(/^axe-core: 1 serious or critical accessibility violation\(s\)\n- \[critical\] label on \/: /);
    // Closing the context, not the page, skips the gated page.close() and its verdict.
    await context.close();
  });
});
