// The school's student-record roster: the admin downloads the template, uploads a file with a
// mistake and reads the report (nothing written), then a corrected file, imports it and finds
// the new students in the list of their class.
import ExcelJS from "exceljs";
import { idNumberCheckDigit } from "@xuekao/rules";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Browser } from "playwright-core";
import type { Platform } from "../../src/platform.js";
import type { RunningFrontends } from "../../src/browser/frontends.js";
import { startBrowserStack, stopBrowserStack } from "../../src/browser/stack.js";
import { openAs } from "../../src/browser/session.js";

const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

function idNumber(birth: string, sequence: number): string {
  const first17 = `150102${birth}${sequence}`;
  return `${first17}${idNumberCheckDigit(first17)}`;
}

async function rosterFile(rows: string[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("学籍名单");
  sheet.addRow(["学籍号", "姓名", "身份证号", "班级代码"]);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe("the school's student-record roster", () => {
  let platform: Platform;
  let frontends: RunningFrontends;
  let browser: Browser;

  beforeAll(async () => {
    ({ platform, frontends, browser } = await startBrowserStack());
  });
  afterAll(() => stopBrowserStack({ platform, frontends, browser }));

  it("a school admin checks a file, reads the report, then imports a corrected one", async () => {
    const { page, problems } = await openAs(browser, frontends.shellUrl, "school1", "/school");
    await page.getByTestId("school-records-page").waitFor();
    await page.getByTestId("console-nav-school-roster").click();
    await page.getByTestId("school-roster-page").waitFor();
    expect(await page.title()).toContain("学籍名单");
    // The demo roster: 40 students, shown masked.
    await page.getByTestId("roster-table").getByText("高一（2）班").first().waitFor();
    expect(await page.getByTestId("roster-table").textContent()).toMatch(/G1501\*{10}\d{3}[\dX]/);

    const download = page.waitForEvent("download");
    await page.getByTestId("roster-template").click();
    expect((await download).suggestedFilename()).toBe("学籍名单模板.xlsx");

    const first = idNumber("20090606", 801);
    const second = idNumber("20090707", 802);
    // The second row's ID number has a wrong check digit.
    const broken = `${second.slice(0, 17)}${second.endsWith("0") ? "1" : "0"}`;
    await page.getByTestId("roster-file").setInputFiles({
      name: "名单.xlsx",
      mimeType: XLSX,
      buffer: await rosterFile([
        [`G${first}`, "新同学甲", first, "150102000102"],
        [`G${second}`, "新同学乙", broken, "150102000102"],
      ]),
    });
    await page.getByTestId("roster-check").click();
    await page.getByTestId("roster-problems").waitFor();
    expect(await page.getByTestId("roster-problems-summary").textContent()).toContain("未写入任何数据");
    const report = (await page.getByTestId("roster-problems").textContent()) ?? "";
    expect(report).toContain("身份证号");
    expect(report).not.toContain(first);

    await page.getByTestId("roster-file").setInputFiles({
      name: "名单（改）.xlsx",
      mimeType: XLSX,
      buffer: await rosterFile([
        [`G${first}`, "新同学甲", first, "150102000102"],
        [`G${second}`, "新同学乙", second, "150102000102"],
      ]),
    });
    await page.getByTestId("roster-check").click();
    await page.getByTestId("roster-ready").waitFor();
    await page.getByTestId("roster-commit").click();
    await page.getByTestId("roster-committed").waitFor();
    expect(await page.getByTestId("roster-committed").textContent()).toContain("新增 2 名");

    // The class filter lists the class's students, the new ones among them.
    await page.getByTestId("roster-class").click();
    await page.getByRole("option", { name: "高一（2）班" }).click();
    await expect.poll(async () => (await page.getByTestId("roster-table").textContent()) ?? "", { timeout: 10_000 }).not.toContain("高一（1）班");
    expect(await page.getByTestId("roster-table").textContent()).toContain("新同学乙");

    // On a 360 px phone the page does not scroll sideways (the table scrolls inside itself).
    await page.setViewportSize({ width: 360, height: 780 });
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    expect(problems).toEqual([]);
  });
});
