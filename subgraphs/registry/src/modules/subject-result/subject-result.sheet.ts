import ExcelJS from "exceljs";
import { SubjectResultErrors } from "./subject-result.errors.js";

/**
 * The results workbook: one sheet, a header row, then one row per candidate and subject. A small
 * reader of this module's own (the kit has no spreadsheet helper yet); it only turns the file into
 * row texts, the service judges them.
 */
export const RESULT_COLUMNS = ["考籍号", "科目", "成绩", "分数"] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];
export const MAX_RESULT_ROWS = 5000;

export interface ResultRow {
  /** The row's number in Excel (the header is row 1). */
  row: number;
  cells: Record<ResultColumn, string>;
}

/** What a cell shows, as text (numbers, dates, rich text and formula results alike). */
const cellText = (cell: ExcelJS.Cell): string => (cell.text ?? "").toString().trim();

/** The data rows of a results file; a file that is no workbook of the template's columns is refused as a whole. */
export async function readResultRows(content: Buffer): Promise<ResultRow[]> {
  // Judged by the bytes: an .xlsx is a ZIP container (PK\x03\x04), whatever its name says.
  if (content.length < 4 || content.readUInt32LE(0) !== 0x04034b50) throw SubjectResultErrors.RESULT_FILE_INVALID();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ExcelJS.Buffer);
  } catch {
    throw SubjectResultErrors.RESULT_FILE_INVALID();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw SubjectResultErrors.RESULT_FILE_INVALID();
  const header = RESULT_COLUMNS.map((_, index) => cellText(sheet.getRow(1).getCell(index + 1)));
  if (header.some((text, index) => text !== RESULT_COLUMNS[index])) throw SubjectResultErrors.RESULT_FILE_INVALID();
  const rows: ResultRow[] = [];
  for (let number = 2; number <= sheet.rowCount; number += 1) {
    const texts = RESULT_COLUMNS.map((_, index) => cellText(sheet.getRow(number).getCell(index + 1)));
    if (texts.every((text) => text === "")) continue;
    if (rows.length === MAX_RESULT_ROWS) throw SubjectResultErrors.RESULT_FILE_TOO_LARGE({ maxRows: MAX_RESULT_ROWS });
    rows.push({ row: number, cells: Object.fromEntries(RESULT_COLUMNS.map((column, index) => [column, texts[index]!])) as Record<ResultColumn, string> });
  }
  if (rows.length === 0) throw SubjectResultErrors.RESULT_FILE_EMPTY();
  return rows;
}

/** A workbook of the given rows under the template's header (the template itself, and test files). */
export async function resultWorkbook(rows: ReadonlyArray<ReadonlyArray<string | number>>): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("成绩");
  sheet.addRow([...RESULT_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  sheet.columns.forEach((column, index) => {
    column.width = index === 0 ? 24 : 14;
  });
  // The record number is text: as a number Excel would round its 19 characters.
  sheet.getColumn(1).numFmt = "@";
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The downloadable template: the columns and one example row (a made-up candidate). */
export const resultTemplate = () => resultWorkbook([["G150102200901011019", "语文", "合格", 86]]);
