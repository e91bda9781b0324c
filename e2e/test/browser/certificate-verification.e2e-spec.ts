// The public verification page: a certificate's code opened in Chromium without logging in, at
// 360 px, shows the signed fields and a valid signature (the accessibility gate checks the page).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { postGraphQL } from "@xuekao/subgraph-kit/testing";
import { startBrowserStack, stopBrowserStack, type BrowserStack } from "../../src/browser/stack.js";
import { accessTokenOf } from "../../src/browser/session.js";

describe("certificate verification page", () => {
  let stack: BrowserStack;

  beforeAll(async () => {
    stack = await startBrowserStack();
  });
  afterAll(() => stopBrowserStack(stack ?? {}));

  it("shows a seeded certificate's fields and its valid signature to someone not logged in, at 360 px", async () => {
    // The demo data issues social1 a score certificate; its holder finds the code in their list.
    const token = await accessTokenOf(stack.platform.gatewayUrl, "social1");
    const mine = await postGraphQL<{ myCertificates: Array<{ code: string }> }>(stack.platform.gatewayUrl, "{ myCertificates { code } }", {}, { authorization: `Bearer ${token}` });
    expect(mine.errors).toBeUndefined();
    const code = mine.data!.myCertificates[0]!.code;

    const page = await stack.browser.newPage({ viewport: { width: 360, height: 740 } });
    await page.goto(`${stack.frontends.shellUrl}/verify/${code}`);
    await page.getByTestId("verify-signature-valid").waitFor();
    expect(await page.getByTestId("verify-signature-valid").innerText()).toContain("签名有效");
    expect(await page.getByTestId("verify-field-code").innerText()).toBe(code);
    expect(await page.getByTestId("verify-field-title").innerText()).toBe("普通高中学业水平合格性考试成绩证明");
    expect(await page.getByTestId("verify-field-idNumberMasked").innerText()).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(await page.getByTestId("verify-subjects").innerText()).toContain("不合格");
    // Nothing wider than the screen.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // A mistyped code is refused under the field, from the form.
    await page.getByLabel("验证码").fill(`${code.slice(0, -1)}${code.endsWith("0") ? "1" : "0"}`);
    await page.getByTestId("verify-submit").click();
    await page.getByTestId("verify-code-error").waitFor();
    expect(await page.getByTestId("verify-code-error").innerText()).toContain("验证码有误");
    await page.close();
  });
});
