// The returning candidate's certification from the phone to the verified certificate, through the
// shell's origin: bjcandidate1 (冯返京, from Hebei) at 360 px starts a case, has a wrong file refused
// before it is sent, uploads a PNG scan with its preview and submits; Beijing's reviewer opens the
// case, views the scan, enters the subjects with the engine's verdict beside them and approves; the
// candidate sees 认定通过 and the certificate's code, and /verify/<code> shows a valid signature.
// The accessibility gate checks every page and state the journey passes through.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { GIF_BYTES, pngOfSize } from "@xuekao/subgraph-kit/testing";
import { startBrowserStack, stopBrowserStack, type BrowserStack } from "../../src/browser/stack.js";
import { openAs } from "../../src/browser/session.js";
import { HEBEI_GRADES } from "../../src/certification-fixtures.js";

const SHOTS_DIR = process.env.SHOTS_DIR;
async function shot(page: Page, name: string) {
  if (SHOTS_DIR) await page.screenshot({ path: `${SHOTS_DIR}/${name}.png`, fullPage: true });
}
const PHONE = { width: 360, height: 740 };
/** Nothing wider than the screen: the page stacks instead of scrolling sideways. */
async function fitsTheScreen(page: Page) {
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
}

describe("certification journey: upload, review, result and verification", () => {
  let stack: BrowserStack;

  beforeAll(async () => {
    stack = await startBrowserStack();
  });
  afterAll(() => stopBrowserStack(stack ?? {}));

  it("takes bjcandidate1's scan at 360 px, lets bjreviewer1 approve it by subject, and shows the verified result", async () => {
    // --- the candidate, on a phone -------------------------------------------------------------
    const candidate = await openAs(stack.browser, stack.frontends.shellUrl, "bjcandidate1", "/candidate/certification", PHONE);
    const page = candidate.page;
    await page.getByTestId("candidate-certification-page").waitFor();
    await page.getByTestId("cert-window").waitFor();
    expect(await page.getByTestId("cert-window-state").innerText()).toBe("正在受理");

    // The demo data may already hold a draft for Hebei; otherwise the candidate starts one.
    await page.getByTestId("cert-case").or(page.getByTestId("cert-start")).first().waitFor();
    if (await page.getByTestId("cert-start").isVisible()) {
      expect(await page.getByTestId("cert-eligible").innerText()).toContain("可以申请");
      await page.getByTestId("cert-origin-select").click();
      await page.getByRole("option", { name: "河北省" }).click();
      await page.getByTestId("cert-start-button").click();
    }
    await page.getByTestId("cert-case").waitFor();
    expect(await page.getByTestId("cert-status").innerText()).toBe("待提交");
    expect(await page.getByTestId("cert-origin").innerText()).toBe("河北省");
    await fitsTheScreen(page);

    // A GIF named .png is refused by its bytes before anything is sent.
    const input = page.getByTestId("evidence-file-input");
    await input.setInputFiles({ name: "成绩证明.png", mimeType: "image/png", buffer: GIF_BYTES });
    expect(await page.getByTestId("evidence-error").innerText()).toBe("仅支持 JPG、PNG 格式的图片，所选文件实际为 GIF 格式");
    // The real scan: checked, sent through the ticket, previewed.
    await input.setInputFiles({ name: "成绩证明.png", mimeType: "image/png", buffer: pngOfSize(200_000) });
    await page.getByTestId("evidence-preview").waitFor();
    await page.getByText("已上传：成绩证明.png").waitFor();
    await fitsTheScreen(page);
    await shot(page, "candidate-certification-upload-360");

    await page.getByTestId("cert-submit").click();
    await page.getByTestId("cert-submitted").waitFor();
    await page.getByText("审核中").first().waitFor();
    expect(await page.getByTestId("cert-history").innerText()).toContain("提交");
    await fitsTheScreen(page);
    await shot(page, "candidate-certification-submitted-360");
    expect(candidate.problems).toEqual([]);
    await page.close();

    // --- the reviewer -----------------------------------------------------------------------------
    const reviewer = await openAs(stack.browser, stack.frontends.shellUrl, "bjreviewer1", "/bureau/certification-review");
    const console_ = reviewer.page;
    await console_.getByTestId("certification-review-page").waitFor();
    const row = console_.locator(".el-table__body tr", { hasText: "冯返京" });
    await row.getByTestId("review-open").click();
    await console_.getByTestId("review-case").waitFor();
    expect(await console_.getByTestId("review-case-origin").innerText()).toBe("河北省");

    // The scan in the viewer, zoomed and turned with the keyboard as well as the buttons.
    await console_.getByTestId("evidence-image").waitFor();
    await console_.getByTestId("viewer-zoom-in").click();
    await console_.getByTestId("viewer-frame").focus();
    await console_.keyboard.press("r");
    expect(await console_.getByTestId("viewer-state").innerText()).toBe("缩放 125%，旋转 90 度");

    // Hebei gives grades A–D, C passes: every subject at C or better, art one mark (not split).
    await console_.getByTestId("review-rules").waitFor();
    for (const [code, grade] of HEBEI_GRADES) {
      await console_.getByTestId(`grade-${code}`).selectOption(grade);
    }
    expect(await console_.getByTestId("verdict-MATHEMATICS").innerText()).toContain("C 不低于合格等级 C，合格");
    await console_.getByTestId("review-subjects-save").click();
    await console_.getByTestId("review-subjects-saved").waitFor();
    await shot(console_, "bureau-certification-subjects");

    await console_.getByTestId("review-decision-APPROVE").click();
    await console_.getByTestId("review-confirm").click();
    await console_.getByTestId("review-done").waitFor();
    expect(await console_.getByTestId("review-done").innerText()).toContain("已通过 冯返京 的申请");
    expect(reviewer.problems).toEqual([]);
    await console_.close();

    // --- the candidate sees the result and the certificate's code ---------------------------------
    const again = await openAs(stack.browser, stack.frontends.shellUrl, "bjcandidate1", "/candidate/certification", PHONE);
    await again.page.getByTestId("cert-result").waitFor();
    expect(await again.page.getByTestId("cert-result").innerText()).toBe("认定通过");
    expect(await again.page.getByTestId("cert-subject-MATHEMATICS").innerText()).toContain("合格");
    const code = (await again.page.getByTestId("cert-verification-code").innerText()).trim();
    expect(code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await again.page.getByTestId("cert-download").waitFor();
    await fitsTheScreen(again.page);
    await shot(again.page, "candidate-certification-result-360");

    // The code's link opens the public verification page.
    await again.page.getByTestId("cert-verify-link").click();
    await again.page.waitForURL((url) => url.pathname === `/verify/${code}`);
    await again.page.getByTestId("verify-signature-valid").waitFor();
    expect(await again.page.getByTestId("verify-signature-valid").innerText()).toContain("签名有效");
    expect(await again.page.getByTestId("verify-field-code").innerText()).toBe(code);
    await fitsTheScreen(again.page);
    expect(again.problems).toEqual([]);
    await again.page.close();
  });

  it("lets bjschool1 file the case of its transferred-in student bjstudent1 with the scan, and sees it under review", async () => {
    const { page, problems } = await openAs(stack.browser, stack.frontends.shellUrl, "bjschool1", "/school/certification");
    await page.getByTestId("school-certification-page").waitFor();
    // Starting needs a student and a province: told so, field by field.
    await page.getByTestId("school-cert-start-button").click();
    await page.getByText("请选择学生").waitFor();
    await page.getByText("请选择原参加合格考的省份").waitFor();

    await page.getByTestId("school-cert-student").click();
    await page.getByRole("option", { name: /林转京/ }).click();
    await page.getByTestId("school-cert-origin").click();
    await page.getByRole("option", { name: "河北省" }).click();
    await page.getByTestId("school-cert-start-button").click();
    await page.getByTestId("school-cert-case").waitFor();
    expect(await page.getByTestId("school-cert-case").innerText()).toContain("林转京 的认定申请");

    // Submitting without the scan is refused before anything is sent; with it, it goes to review.
    await page.getByTestId("school-cert-submit").click();
    expect(await page.getByTestId("school-cert-submit-error").innerText()).toContain("请先上传");
    await page.getByTestId("evidence-file-input").setInputFiles({ name: "转入学生成绩证明.png", mimeType: "image/png", buffer: pngOfSize(120_000) });
    await page.getByTestId("evidence-sent").waitFor();
    await page.getByTestId("school-cert-submit").click();
    await page.getByText("已提交 林转京 的认定申请，请等待审核").waitFor();
    const row = page.locator(".el-table__body tr", { hasText: "林转京" });
    await row.getByTestId("school-cert-status").getByText("审核中").waitFor();
    await shot(page, "school-certification-submitted");
    expect(problems).toEqual([]);
    await page.close();

    // The institute's queue has it, filed by the school.
    const reviewer = await openAs(stack.browser, stack.frontends.shellUrl, "bjreviewer1", "/bureau/certification-review");
    await reviewer.page.getByTestId("certification-review-page").waitFor();
    await reviewer.page.locator(".el-table__body tr", { hasText: "林转京" }).getByText("转入学生成绩认定").waitFor();
    expect(reviewer.problems).toEqual([]);
    await reviewer.page.close();
  });
});
