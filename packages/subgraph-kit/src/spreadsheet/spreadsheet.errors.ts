import { defineErrors } from "../errors.js";

/** The refusals of the kit's spreadsheet imports (the module adds its own for its rows). */
export const SpreadsheetErrors = defineErrors("spreadsheet", {
  SPREADSHEET_IMPORT_NOT_FOUND: { category: "NOT_FOUND", message: "导入记录不存在或已失效" },
  SPREADSHEET_NOT_UPLOADED: { category: "BAD_USER_INPUT", message: "请先上传表格文件" },
  SPREADSHEET_IMPORT_BUSY: { category: "CONFLICT", message: "该文件正在检查或导入，请稍候" },
  SPREADSHEET_IMPORT_NOT_READY: { category: "BAD_USER_INPUT", message: "请先检查文件，并在没有问题后再确认导入" },
  SPREADSHEET_IMPORT_DONE: { category: "CONFLICT", message: "该文件已导入，如需修改请重新上传" },
});

/** Why a whole file could not be imported (the import's failureMessage), by SheetUnreadable's reason. */
export const SHEET_FAILURE_MESSAGES = {
  UNREADABLE: "无法读取该文件，请上传 .xlsx 格式的表格（可先下载模板）",
  EMPTY: "表格中没有数据行",
  HEADER_MISSING: (headers: string[]) => `第 1 行缺少表头：${headers.join("、")}（请使用模板）`,
  TOO_MANY_ROWS: (limit: string) => `表格行数超过上限（${limit} 行），请分成几个文件导入`,
  /** The work was interrupted (the service restarted); a commit is one transaction, so nothing was written. */
  INTERRUPTED: "处理中断，未写入任何数据，请重新检查",
  /** Anything else (logged): the person may try again. */
  INTERNAL: "处理文件时发生错误，未写入任何数据，请稍后重试",
} as const;
