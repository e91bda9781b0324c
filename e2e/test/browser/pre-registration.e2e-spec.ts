// 考籍预注册 end to end in the three consoles: the candidate fills the form on a phone, the class
// teacher returns it with a reason and then approves the correction, the county agency collects
// the photo and registers the record, and the candidate sees the record number.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { demoUsers } from "@xuekao/demo-data";
import { GIF_BYTES, pngOfSize } from "@xuekao/subgraph-kit/testing";
import type { RunningFrontends } from "../../src/browser/frontends.js";
import { startBrowserStack, stopBrowserStack } from "../../src/browser/stack.js";
import type { Platform } from "../../src/platform.js";
import { openAs } from "../../src/browser/session.js";

const SHOTS_DIR = process.env.SHOTS_DIR;
async function shot(page: Page, name: string) {
  if (!SHOTS_DIR) return;
  await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
  // A phone's first screen as well: the full page of a long form is too tall to judge.
  if (page.viewportSize()?.width === PHONE.width) await page.screenshot({ path: `${SHOTS_DIR}/${name}-screen.png` });
}

const PHONE = { width: 360, height: 740 };
const candidate = demoUsers.find((user) => user.username === "candidate29")!;

async function fitsWidth(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

/** Chooses `option` in the el-select marked `testid` (the open list is the only visible one). */
async function choose(page: Page, testid: string, option: string, nth = 0) {
  await page.getByTestId(testid).nth(nth).click();
  await page.locator(".el-select-dropdown__item:visible", { hasText: option }).first().click();
}

describe("pre-registration from the candidate's phone to the county's registration", () => {
  let platform: Platform;
  let frontends: RunningFrontends;
  let browser: Browser;

  beforeAll(async () => {
    ({ platform, frontends, browser } = await startBrowserStack());
  });
  afterAll(() => stopBrowserStack({ platform, frontends, browser }));

  const openCandidate = () => openAs(browser, frontends.shellUrl, "candidate29", "/candidate/pre-registration", PHONE);

  it("shows a returned candidate the reason on a 360 px phone, without horizontal scrolling", async () => {
    const { page, problems } = await openAs(browser, frontends.shellUrl, "candidate14", "/candidate/pre-registration", PHONE);
    await page.getByTestId("pre-registration-returned").waitFor();
    expect((await page.getByTestId("pre-registration-reason").textContent())?.trim().length).toBeGreaterThan(1);
    expect(await page.getByTestId("pre-registration-submit").textContent()).toContain("重新提交");
    await fitsWidth(page);
    await shot(page, "candidate-pre-registration-returned-360");
    expect(problems).toEqual([]);
    await page.close();
  });

  it("takes candidate29's form through return, correction, approval and collection", async () => {
    // The home card points a candidate who has not begun to the form.
    const home = await openAs(browser, frontends.shellUrl, "candidate29", "/", PHONE);
    await home.page.getByTestId("candidate-summary-pre-registration-link").waitFor();
    expect(await home.page.getByTestId("candidate-summary-pre-registration").textContent()).toContain("尚未填写");
    await fitsWidth(home.page);
    await shot(home.page, "candidate-home-360");
    await home.page.getByTestId("candidate-summary-pre-registration-link").click();
    await home.page.getByTestId("pre-registration-form").waitFor();
    await home.page.close();

    // 1. The candidate fills the form at 360 px; a wrong mobile is flagged on leaving the field and fixed.
    let { page, problems } = await openCandidate();
    await page.getByTestId("pre-registration-form").waitFor();
    await fitsWidth(page);
    await page.getByTestId("pr-name").fill(candidate.displayName);
    await page.getByTestId("pr-idNumber").fill(candidate.idNumber!);
    await page.getByTestId("pr-idNumber").press("Tab");
    // The ID number fills in the date of birth.
    expect(await page.getByTestId("pr-birthDate").inputValue()).toMatch(/^2009-\d\d-\d\d$/);
    await choose(page, "pr-ethnicityCode", "汉族");
    await choose(page, "pr-politicalStatus", "中国共产主义青年团团员");
    await choose(page, "pr-studentCategory", "普通高中在校生");
    await page.getByTestId("pr-householdLocation").fill("内蒙古自治区呼和浩特市新城区海拉尔东路1号");
    await page.getByTestId("pr-householdAuthority").fill("呼和浩特市公安局新城区分局");
    await page.getByTestId("pr-mobile").fill("1380000");
    await page.getByTestId("pr-mobile").press("Tab");
    const mobileError = page.locator(".el-form-item", { has: page.getByTestId("pr-mobile") }).locator(".el-form-item__error");
    await mobileError.waitFor();
    expect(await mobileError.textContent()).toContain("手机号码应为11位");
    await shot(page, "candidate-pre-registration-inline-error-360");
    await page.getByTestId("pr-mobile").fill("13800000029");
    await mobileError.waitFor({ state: "detached" });
    await page.getByTestId("pr-address").fill("内蒙古自治区呼和浩特市新城区海拉尔东路1号");
    await page.getByTestId("pr-postcode").fill("010010");
    await choose(page, "pr-schoolId", "呼和浩特市第一中学");
    await page.getByTestId("pr-enrollmentYear").fill("2024");
    await page.getByTestId("pr-resume-from").fill("2015-09");
    await page.getByTestId("pr-resume-to").fill("2021-07");
    await page.getByTestId("pr-resume-organization").fill("呼和浩特市新城区第一小学");
    await page.getByTestId("pr-resume-role").fill("学生");
    await page.getByTestId("pr-add-resume").click();
    expect(await page.getByTestId("pr-resume-row").count()).toBe(2);
    await page.getByTestId("pr-resume-from").nth(1).fill("2021-09");
    await page.getByTestId("pr-resume-organization").nth(1).fill("呼和浩特市第二中学");
    await page.getByTestId("pr-resume-role").nth(1).fill("学生");
    await choose(page, "pr-member-relation", "父亲");
    await page.getByTestId("pr-member-name").fill("王建国");
    await page.getByTestId("pr-guardian-name").fill("王建国");
    await choose(page, "pr-guardian-relation", "父亲");
    await page.getByTestId("pr-guardian-mobile").fill("13900000029");
    await choose(page, "pr-foreignLanguage", "英语");
    await fitsWidth(page);
    await shot(page, "candidate-pre-registration-filled-360");
    await page.getByTestId("pre-registration-submit").click();
    await page.getByTestId("pre-registration-status").waitFor();
    expect(await page.getByTestId("pre-registration-status-tag").textContent()).toContain("审核中");
    await fitsWidth(page);
    await shot(page, "candidate-pre-registration-submitted-360");
    expect(problems).toEqual([]);
    await page.close();

    // 2. The class teacher returns it; a reason is required.
    ({ page, problems } = await openAs(browser, frontends.shellUrl, "teacher2", "/school/pre-registration-review"));
    await page.getByTestId("prereg-name-filter").fill(candidate.displayName);
    await page.getByTestId("prereg-search").click();
    await expect.poll(() => page.getByTestId("prereg-name").allTextContents()).toEqual([candidate.displayName]);
    await page.getByTestId("prereg-return").click();
    await page.getByTestId("prereg-confirm").click();
    expect(await page.getByTestId("prereg-review-dialog").locator(".el-form-item__error").textContent()).toContain("请填写原因");
    await page.getByTestId("prereg-reason").fill("通信地址请写到门牌号和单元号");
    await shot(page, "school-pre-registration-return");
    await page.getByTestId("prereg-confirm").click();
    await page.getByTestId("prereg-review-done").waitFor();
    expect(await page.getByTestId("prereg-review-done").textContent()).toContain("退回修改");
    expect(problems).toEqual([]);
    await page.close();

    // 3. The candidate sees the reason, corrects the address and submits again.
    ({ page, problems } = await openCandidate());
    await page.getByTestId("pre-registration-returned").waitFor();
    expect(await page.getByTestId("pre-registration-reason").textContent()).toContain("通信地址请写到门牌号和单元号");
    await page.getByTestId("pr-address").fill("内蒙古自治区呼和浩特市新城区海拉尔东路1号3单元502");
    await page.getByTestId("pre-registration-submit").click();
    await page.getByTestId("pre-registration-status-tag").filter({ hasText: "审核中" }).waitFor();
    expect(await page.getByTestId("pre-registration-round").count()).toBe(2);
    expect(problems).toEqual([]);
    await page.close();

    // 4. The teacher approves the corrected form (selected, then 批量通过).
    ({ page, problems } = await openAs(browser, frontends.shellUrl, "teacher2", "/school/pre-registration-review"));
    await page.getByTestId("prereg-name-filter").fill(candidate.displayName);
    await page.getByTestId("prereg-search").click();
    await expect.poll(() => page.getByTestId("prereg-name").allTextContents()).toEqual([candidate.displayName]);
    await page.getByTestId("prereg-history").click();
    await page.getByTestId("prereg-history-dialog").getByText("通信地址请写到门牌号和单元号").waitFor();
    await page.keyboard.press("Escape");
    await page.getByTestId("prereg-history-dialog").waitFor({ state: "hidden" });
    await page.getByTestId("prereg-select").check();
    await page.getByTestId("prereg-bulk-approve").click();
    await page.getByTestId("prereg-review-done").waitFor();
    expect(await page.getByTestId("prereg-review-done").textContent()).toContain("已通过 1 条");
    expect(problems).toEqual([]);
    await page.close();

    // 5. The county agency collects: full ID number, photo checked in the browser, identity, record number.
    ({ page, problems } = await openAs(browser, frontends.shellUrl, "county1", "/bureau/pre-registration-collection"));
    await page.getByTestId("collection-name-filter").fill(candidate.displayName);
    await page.getByRole("button", { name: "查询" }).click();
    await expect.poll(() => page.getByTestId("collection-name").allTextContents()).toEqual([candidate.displayName]);
    await page.getByTestId("collection-open").click();
    await page.getByTestId("collection-dialog").getByTestId("collection-reveal").waitFor();
    expect(await page.getByTestId("collection-id-number").textContent()).not.toBe(candidate.idNumber);
    await page.getByTestId("collection-reveal").click();
    await page.getByTestId("collection-id-number").filter({ hasText: candidate.idNumber! }).waitFor();
    await page.getByTestId("collection-complete").click();
    await page.getByTestId("collection-photo-error").waitFor();
    expect(await page.getByTestId("collection-verify-error").textContent()).toContain("核验");
    await page.getByTestId("collection-file").setInputFiles({ name: "photo.gif", mimeType: "image/gif", buffer: GIF_BYTES });
    expect(await page.getByTestId("collection-photo-error").textContent()).toContain("JPG、PNG");
    await page.getByTestId("collection-file").setInputFiles({ name: "photo.png", mimeType: "image/png", buffer: pngOfSize(4096) });
    await page.getByTestId("collection-preview").waitFor();
    await page.getByTestId("collection-verified").click();
    await shot(page, "bureau-pre-registration-collect");
    await page.getByTestId("collection-complete").click();
    await page.getByTestId("collection-done").waitFor();
    const recordNumber = (await page.getByTestId("collection-record-number").textContent())!.trim();
    expect(recordNumber).toMatch(/^\w{6,}$/);
    await shot(page, "bureau-pre-registration-registered");
    expect(problems).toEqual([]);
    await page.close();

    // 6. The candidate sees the registration and the record number.
    ({ page, problems } = await openCandidate());
    await page.getByTestId("pre-registration-registered").waitFor();
    expect(await page.getByTestId("pre-registration-status-tag").textContent()).toContain("已注册");
    expect((await page.getByTestId("pre-registration-record-number").textContent())?.trim()).toBe(recordNumber);
    await fitsWidth(page);
    await shot(page, "candidate-pre-registration-registered-360");
    await page.setViewportSize({ width: 1280, height: 800 });
    await shot(page, "candidate-pre-registration-registered-desktop");
    expect(problems).toEqual([]);
    await page.close();
  });
  it("takes social1 through the county's and the province's review in the bureau console", async () => {
    for (const [username, step] of [["county1", "户籍所在地旗县区审核"], ["region1", "自治区教育考试院审核"]] as const) {
      const { page, problems } = await openAs(browser, frontends.shellUrl, username, "/bureau/social-pre-registration");
      await page.getByTestId("social-pre-registration-page").getByRole("heading", { name: step }).waitFor();
      await expect.poll(() => page.getByTestId("prereg-name").allTextContents()).toEqual(["赵社会"]);
      await page.getByTestId("prereg-approve").click();
      await page.getByTestId("prereg-confirm").click();
      await page.getByTestId("prereg-review-done").waitFor();
      await page.getByText("暂无待审核的预注册").waitFor();
      await shot(page, `bureau-social-review-${username}`);
      expect(problems).toEqual([]);
      await page.close();
    }
    // Now it waits for collection at the county.
    const { page, problems } = await openAs(browser, frontends.shellUrl, "county1", "/bureau/pre-registration-collection");
    await page.getByTestId("collection-name").filter({ hasText: "赵社会" }).waitFor();
    expect(problems).toEqual([]);
    await page.close();
  });
  it("lets the county send a form at collection back to the candidate with a reason", async () => {
    const waiting = demoUsers.find((user) => user.username === "candidate28")!;
    const { page, problems } = await openAs(browser, frontends.shellUrl, "county1", "/bureau/pre-registration-collection");
    await page.getByTestId("collection-name-filter").fill(waiting.displayName);
    await page.getByRole("button", { name: "查询" }).click();
    await expect.poll(() => page.getByTestId("collection-name").allTextContents()).toEqual([waiting.displayName]);
    await page.getByTestId("collection-open").click();
    await page.getByTestId("collection-object").click();
    await page.getByTestId("collection-return").click();
    expect(await page.getByTestId("collection-dialog").locator(".el-form-item__error").textContent()).toContain("请填写原因");
    await page.getByTestId("collection-reason").fill("照片与本人不符，请本人持身份证原件前来采集");
    await page.getByTestId("collection-return").click();
    await page.getByTestId("collection-decided").waitFor();
    expect(await page.getByTestId("collection-decided").textContent()).toContain("退回修改");
    expect(problems).toEqual([]);
    await page.close();
  });
});
