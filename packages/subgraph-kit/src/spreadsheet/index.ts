export * from "./spreadsheet.js";
export * from "./spreadsheet.errors.js";
export * from "./spreadsheet-import.entity.js";
export * from "./spreadsheet-import.js";
