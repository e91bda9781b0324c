// A candidate's subject registration on a phone (360 px): the open session of their province, a
// passed subject marked and not offered, two subjects entered, one withdrawn.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import type { Platform } from "../../src/platform.js";
import type { RunningFrontends } from "../../src/browser/frontends.js";
import { startBrowserStack, stopBrowserStack } from "../../src/browser/stack.js";
import { openAs } from "../../src/browser/session.js";

const SHOTS_DIR = process.env.SHOTS_DIR;
async function shot(page: Page, name: string) {
  if (SHOTS_DIR) await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}

describe("subject registration in the candidate portal", () => {
  let platform: Platform;
  let frontends: RunningFrontends;
  let browser: Browser;

  beforeAll(async () => {
    ({ platform, frontends, browser } = await startBrowserStack());
  });
  afterAll(() => stopBrowserStack({ platform, frontends, browser }));

  it("enters and withdraws subjects at 360 px", async () => {
    const { page, problems } = await openAs(browser, frontends.shellUrl, "candidate1", "/candidate/subjects", { width: 360, height: 740 });
    await page.getByTestId("candidate-subjects-page").waitFor();
    const session = page.getByTestId("subject-session");
    await session.waitFor();
    expect(await session.count()).toBe(1);
    // 语文 was passed in the demo's past session: marked, not offered again.
    expect(await page.getByTestId("subject-CHINESE").textContent()).toContain("已合格");
    expect(await page.getByTestId("subject-CHINESE").getByRole("checkbox").count()).toBe(0);

    await page.getByTestId("subject-PHYSICS").getByText("物理").click();
    await page.getByTestId("subject-CHEMISTRY").getByText("化学").click();
    await page.getByTestId("subject-submit").click();
    await expect.poll(() => page.getByTestId("subject-feedback").textContent()).toContain("已报名 2 个科目");
    await page.getByTestId("subject-PHYSICS").getByTestId("subject-entered").waitFor();
    await page.getByTestId("subject-CHEMISTRY").getByTestId("subject-entered").waitFor();
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    await shot(page, "candidate-subjects-360");

    await page.getByTestId("subject-CHEMISTRY").getByTestId("subject-withdraw").click();
    await expect.poll(() => page.getByTestId("subject-feedback").textContent()).toContain("已撤回化学的报名");
    await page.getByTestId("subject-CHEMISTRY").getByTestId("subject-choose").waitFor();
    expect(await page.getByTestId("subject-PHYSICS").getByTestId("subject-entered").count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });
});
