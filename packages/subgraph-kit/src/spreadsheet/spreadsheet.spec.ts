import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { cellText, defineSpreadsheet, readSpreadsheet, SheetUnreadable, spreadsheetTemplate } from "./spreadsheet.js";

const digits = (length: number) => (text: string) => (new RegExp(`^\\d{${length}}$`).test(text) ? { value: text } : { problem: `须为 ${length} 位数字` });

const sheet = defineSpreadsheet({
  sheetName: "名单",
  maxRows: 5,
  columns: {
    number: { header: "编号", required: true, parse: digits(4), example: "0001" },
    name: { header: "姓名", required: true, parse: (text: string) => ({ value: text }), example: "王小明" },
    note: { header: "备注", required: false, parse: (text: string) => (text.length <= 5 ? { value: text } : { problem: "备注不超过 5 个字" }), example: "" },
  },
});

async function xlsx(rows: ExcelJS.CellValue[][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const worksheet = workbook.addWorksheet("任意名称");
  for (const row of rows) worksheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const failureOf = async (bytes: Buffer) => {
  try {
    await readSpreadsheet(sheet, bytes);
  } catch (error) {
    if (error instanceof SheetUnreadable) return { reason: error.reason, detail: error.detail };
    throw error;
  }
  throw new Error("read without failure");
};

describe("readSpreadsheet", () => {
  it("reads typed rows by header, in any column order, ignoring extra columns and blank rows", async () => {
    const bytes = await xlsx([
      ["姓名", "其他", " 编号 ", "备注"],
      ["王小明", "x", "0001", null],
      [null, null, null, null],
      ["李雷", "y", "0002", "转学"],
    ]);
    expect(await readSpreadsheet(sheet, bytes)).toEqual({
      rows: [
        { rowNumber: 2, values: { number: "0001", name: "王小明", note: null } },
        { rowNumber: 4, values: { number: "0002", name: "李雷", note: "转学" } },
      ],
      problems: [],
      totalRows: 2,
    });
  });

  it("reports each bad cell by row and header without repeating its value, and returns only the good rows", async () => {
    const bytes = await xlsx([
      ["编号", "姓名", "备注"],
      ["12A4", "王小明", null],
      ["0002", null, "太长的备注内容"],
      ["0003", "韩梅梅", null],
    ]);
    const parsed = await readSpreadsheet(sheet, bytes);
    expect(parsed.rows.map((row) => row.rowNumber)).toEqual([4]);
    expect(parsed.problems).toEqual([
      { row: 2, column: "编号", message: "须为 4 位数字" },
      { row: 3, column: "姓名", message: "请填写姓名" },
      { row: 3, column: "备注", message: "备注不超过 5 个字" },
    ]);
    expect(JSON.stringify(parsed.problems)).not.toMatch(/12A4|太长/);
    expect(parsed.totalRows).toBe(3);
  });

  it("refuses a file whose first row lacks a declared header, naming the missing ones", async () => {
    expect(await failureOf(await xlsx([["姓名", "备注"], ["王小明", null]]))).toEqual({ reason: "HEADER_MISSING", detail: ["编号"] });
  });

  it("refuses a file that is not an .xlsx, an empty sheet, and more rows than the limit", async () => {
    expect((await failureOf(Buffer.from("编号,姓名\n0001,王小明\n"))).reason).toBe("UNREADABLE");
    expect((await failureOf(await xlsx([["编号", "姓名", "备注"]]))).reason).toBe("EMPTY");
    const many = await xlsx([["编号", "姓名", "备注"], ...Array.from({ length: 6 }, (_, index) => [String(index).padStart(4, "0"), "某某", null])]);
    expect(await failureOf(many)).toEqual({ reason: "TOO_MANY_ROWS", detail: ["5"] });
  });
});

describe("cellText", () => {
  it("reads what a person sees: trimmed text, numbers, rich text, formula results", () => {
    expect(cellText("  王小明 ")).toEqual({ value: "王小明" });
    expect(cellText(42)).toEqual({ value: "42" });
    expect(cellText({ richText: [{ text: "王" }, { text: "小明" }] })).toEqual({ value: "王小明" });
    expect(cellText({ formula: "A1", result: "0001" })).toEqual({ value: "0001" });
    expect(cellText(null)).toEqual({ value: "" });
  });

  it("refuses a number the spreadsheet program has already rounded (an 18-digit ID number typed as a number)", () => {
    expect(cellText(150102200901011000)).toEqual({ problem: "数字过长已被表格软件改动，请将该列设为文本格式后重新填写" });
    expect(cellText({ formula: "1/0", result: { error: "#DIV/0!" } })).toEqual({ problem: "请填写内容本身，不要使用公式" });
  });
});

describe("spreadsheetTemplate", () => {
  it("has the headers, one example row and text-formatted columns, and reads back as one valid row", async () => {
    const bytes = await spreadsheetTemplate(sheet);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const worksheet = workbook.getWorksheet("名单")!;
    expect(worksheet.getRow(1).values).toEqual([undefined, "编号", "姓名", "备注"]);
    expect(worksheet.getCell("A2").value).toBe("0001");
    expect(worksheet.getColumn(1).numFmt).toBe("@");
    expect((await readSpreadsheet(sheet, bytes)).rows).toEqual([{ rowNumber: 2, values: { number: "0001", name: "王小明", note: null } }]);
  });
});
