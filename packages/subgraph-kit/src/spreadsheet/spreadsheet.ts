/**
 * Spreadsheets people fill in (a school's roster, an agency's results): the columns a sheet
 * must have, each with its Chinese header and its own parser; reading an .xlsx into typed rows
 * and a per-row problem report; and the template a page offers for download (headers and one
 * example row, every column formatted as text so that ID numbers keep all their digits).
 */
import ExcelJS from "exceljs";

/** One problem of the file: the row as the person sees it in their spreadsheet program (1 = the header), the column's header, and what is wrong, in Chinese. */
export interface SpreadsheetProblem {
  row: number;
  /** The column's Chinese header; null for a problem of the whole row. */
  column: string | null;
  message: string;
}

/** What a column's parser answers: the value, or what is wrong with the cell (Chinese, never echoing the cell). */
export type CellResult<T> = { value: T } | { problem: string };

export interface SpreadsheetColumn<T = unknown> {
  /** The header as it stands in the first row (Chinese). */
  header: string;
  /** An empty cell is a problem ("请填写…"); otherwise the value is null. */
  required: boolean;
  /** Turns the cell's text (trimmed, never empty) into the value, or says what is wrong. */
  parse: (text: string) => CellResult<T>;
  /** Shown in the template's example row (fictional, valid). */
  example: string;
  /** Column width in the template, in characters. */
  width?: number;
}

/** A sheet's declared columns by key; the row type follows from the parsers. */
export type SpreadsheetColumns = Record<string, SpreadsheetColumn<unknown>>;

// From the parser's answer (object literals in a union gain `value?: undefined`, hence Exclude).
type ValueOf<C> = C extends { parse: (text: string) => infer R } ? (R extends { value: infer V } ? Exclude<V, undefined> : never) : never;
/** The typed row of a sheet: a required column's value, an optional one's value or null. */
export type RowOf<Columns extends SpreadsheetColumns> = {
  [K in keyof Columns]: Columns[K]["required"] extends true ? ValueOf<Columns[K]> : ValueOf<Columns[K]> | null;
};

export interface SpreadsheetSpec<Columns extends SpreadsheetColumns = SpreadsheetColumns> {
  /** The worksheet's name in the template (the first worksheet is read, whatever its name). */
  sheetName: string;
  columns: Columns;
  /** More data rows than this is refused as a whole (the file, not a row). */
  maxRows: number;
}

export const defineSpreadsheet = <Columns extends SpreadsheetColumns>(spec: SpreadsheetSpec<Columns>): SpreadsheetSpec<Columns> => spec;

/** A row that passed its columns' parsers. */
export interface SheetRow<Row> {
  /** As the person sees it in their spreadsheet program (the header is row 1). */
  rowNumber: number;
  values: Row;
}

/** A reason the file as a whole cannot be read (no row-level report makes sense). */
export type SheetFailure = "UNREADABLE" | "EMPTY" | "HEADER_MISSING" | "TOO_MANY_ROWS";

export interface ParsedSheet<Row> {
  /** Rows whose every cell parsed; rows with a problem are reported, not returned. */
  rows: SheetRow<Row>[];
  problems: SpreadsheetProblem[];
  /** Data rows in the file (blank rows not counted). */
  totalRows: number;
}

export class SheetUnreadable extends Error {
  constructor(
    public readonly reason: SheetFailure,
    /** The headers missing (HEADER_MISSING), or the limit (TOO_MANY_ROWS). */
    public readonly detail: string[] = [],
  ) {
    super(`spreadsheet unreadable: ${reason} ${detail.join(",")}`);
    this.name = "SheetUnreadable";
  }
}

/** Digits beyond this in a numeric cell were rounded by the spreadsheet program (an 18-digit ID number typed as a number). */
const MAX_EXACT_DIGITS = 15;

/** The text a person sees in a cell, or a problem when the program has already damaged it. */
export function cellText(value: ExcelJS.CellValue): CellResult<string> {
  if (value === null || value === undefined) return { value: "" };
  if (typeof value === "string") return { value: value.trim() };
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { problem: "单元格内容无法识别" };
    // 150102200901011012 typed as a number is stored as 150102200901011000: unrecoverable.
    if (Number.isInteger(value) && Math.abs(value).toString().length > MAX_EXACT_DIGITS) return { problem: "数字过长已被表格软件改动，请将该列设为文本格式后重新填写" };
    return { value: String(value) };
  }
  if (typeof value === "boolean") return { value: value ? "TRUE" : "FALSE" };
  if (value instanceof Date) return { value: value.toISOString().slice(0, 10) };
  if ("richText" in value) return { value: value.richText.map((part) => part.text).join("").trim() };
  if ("hyperlink" in value) return { value: String(value.text ?? "").trim() };
  if ("formula" in value || "sharedFormula" in value) {
    const result = value.result;
    if (result === undefined || result === null || (typeof result === "object" && "error" in result)) return { problem: "请填写内容本身，不要使用公式" };
    return cellText(result as ExcelJS.CellValue);
  }
  if ("error" in value) return { problem: "单元格内容有误" };
  return { problem: "单元格内容无法识别" };
}

/**
 * Reads the first worksheet: row 1 holds the headers (any order, extra columns ignored), each
 * later non-blank row is parsed column by column. A cell's problem names its row and header and
 * never repeats a value, so a report shown to anyone exposes no one's data.
 */
export async function readSpreadsheet<Columns extends SpreadsheetColumns>(spec: SpreadsheetSpec<Columns>, bytes: Buffer): Promise<ParsedSheet<RowOf<Columns>>> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new SheetUnreadable("UNREADABLE");
  }
  const sheet = workbook.worksheets[0];
  if (!sheet || sheet.actualRowCount === 0) throw new SheetUnreadable("EMPTY");

  const headerRow = sheet.getRow(1);
  const columnOf = new Map<string, number>();
  headerRow.eachCell((cell, columnNumber) => {
    const text = cellText(cell.value);
    const header = "value" in text ? text.value.replace(/\s+/g, "") : "";
    if (header && !columnOf.has(header)) columnOf.set(header, columnNumber);
  });
  const keys = Object.keys(spec.columns) as Array<keyof Columns & string>;
  const missing = keys.map((key) => spec.columns[key]!.header).filter((header) => !columnOf.has(header));
  if (missing.length > 0) throw new SheetUnreadable("HEADER_MISSING", missing);

  const rows: SheetRow<RowOf<Columns>>[] = [];
  const problems: SpreadsheetProblem[] = [];
  let totalRows = 0;
  const lastRow = sheet.rowCount;
  for (let rowNumber = 2; rowNumber <= lastRow; rowNumber += 1) {
    const row = sheet.getRow(rowNumber);
    const texts = keys.map((key) => cellText(row.getCell(columnOf.get(spec.columns[key]!.header)!).value));
    if (texts.every((text) => "value" in text && text.value === "")) continue; // a blank row
    totalRows += 1;
    if (totalRows > spec.maxRows) throw new SheetUnreadable("TOO_MANY_ROWS", [String(spec.maxRows)]);
    const values: Record<string, unknown> = {};
    let valid = true;
    keys.forEach((key, index) => {
      const column = spec.columns[key]!;
      const text = texts[index]!;
      const problem = (message: string) => {
        problems.push({ row: rowNumber, column: column.header, message });
        valid = false;
      };
      if ("problem" in text) return problem(text.problem);
      if (text.value === "") {
        if (column.required) return problem(`请填写${column.header}`);
        values[key] = null;
        return;
      }
      const parsed = column.parse(text.value);
      if ("problem" in parsed) return problem(parsed.problem);
      values[key] = parsed.value;
    });
    if (valid) rows.push({ rowNumber, values: values as RowOf<Columns> });
  }
  if (totalRows === 0) throw new SheetUnreadable("EMPTY");
  return { rows, problems, totalRows };
}

/** The .xlsx a page offers for download: the headers, one example row, every column formatted as text. */
export async function spreadsheetTemplate(spec: SpreadsheetSpec): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spec.sheetName);
  const columns = Object.values(spec.columns);
  sheet.columns = columns.map((column) => ({
    header: column.header,
    width: column.width ?? Math.max(12, column.example.length + 4),
    // "@": text, so that an ID number or a leading zero survives being typed in.
    style: { numFmt: "@" },
  }));
  sheet.addRow(columns.map((column) => column.example));
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: "frozen", ySplit: 1 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The MIME type of an .xlsx, as the upload check judges it by the bytes. */
export const XLSX_MIME_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
