import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";
import type { SpreadsheetProblem as Problem } from "./spreadsheet.js";

export enum SpreadsheetImportStatus {
  /** Issued; the file is not uploaded yet. */
  AWAITING_UPLOAD = "AWAITING_UPLOAD",
  /** The dry run is reading and checking the rows (processedRows of totalRows). */
  CHECKING = "CHECKING",
  /** Dry run done: nothing written; problemCount says whether it may be committed. */
  CHECKED = "CHECKED",
  /** Writing every row in one transaction. */
  COMMITTING = "COMMITTING",
  /** Every row written. */
  COMMITTED = "COMMITTED",
  /** The file could not be read, or the work failed: nothing written (failureMessage says why). */
  FAILED = "FAILED",
}

registerEnumType(SpreadsheetImportStatus, {
  name: "SpreadsheetImportStatus",
  description: "导入状态：待上传 / 检查中 / 已检查 / 导入中 / 已导入 / 失败",
});

@ObjectType("SpreadsheetProblem", { description: "导入文件中一行的问题（行号为表格软件中看到的行号，第 1 行为表头）" })
@Directive("@shareable")
export class SpreadsheetProblemType {
  @Field(() => Int)
  row!: number;

  @Field(() => String, { nullable: true, description: "列名（表头）；整行的问题为 null" })
  column!: string | null;

  @Field(() => String)
  message!: string;
}

/** How many problems a report keeps (the count is exact; a file with more is mostly wrong anyway). */
export const MAX_REPORTED_PROBLEMS = 1000;

/**
 * One spreadsheet import: the uploaded file, its dry run's report and progress, then its commit.
 * A page polls it (status, processedRows of totalRows). The rows themselves live in the module's
 * tables; this holds counts and problems only, never a cell's value.
 */
@ObjectType("SpreadsheetImport", { description: "表格导入：上传、检查（不写入）、确认导入，及其进度与问题报告" })
@Directive("@shareable")
@Entity({ tableName: "spreadsheet_import" })
@Index({ properties: ["kind", "scopeId"] })
export class SpreadsheetImport {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  /** What is imported (e.g. `registry.roster`): the module's kind. */
  @Field(() => String)
  @Property({ type: "string", length: 64 })
  kind!: string;

  /** What the import is for (a school's id, for its roster), as the module decides. */
  @Property({ type: "string", length: 64 })
  scopeId!: string;

  /** Where it belongs (ids joined by "/", province first): who may see and commit it. */
  @Property({ type: "string", length: 400 })
  organizationPath!: string;

  /** The person who started it. */
  @Property({ type: "string", length: 128 })
  createdBy!: string;

  @Property({ type: "uuid" })
  fileId!: string;

  @Field(() => String, { description: "上传的文件名" })
  @Property({ type: "string", length: 200 })
  fileName!: string;

  // A plain string column (SQLite has no enum type); GraphQL validates the value.
  @Field(() => SpreadsheetImportStatus)
  @Property({ type: "string", length: 16 })
  status: SpreadsheetImportStatus = SpreadsheetImportStatus.AWAITING_UPLOAD;

  @Field(() => Int, { description: "文件中的数据行数（不含表头与空行）" })
  @Property({ type: "integer" })
  totalRows: number = 0;

  @Field(() => Int, { description: "已处理的行数（检查或导入进度）" })
  @Property({ type: "integer" })
  processedRows: number = 0;

  @Field(() => Int, { description: "问题总数（为 0 时可确认导入）" })
  @Property({ type: "integer" })
  problemCount: number = 0;

  /** The first MAX_REPORTED_PROBLEMS problems, by row (JSON). */
  @Property({ type: "text" })
  problemsJson: string = "[]";

  @Field(() => Int, { nullable: true, description: "新增的行数（导入完成后）" })
  @Property({ type: "integer", nullable: true })
  createdCount: number | null = null;

  @Field(() => Int, { nullable: true, description: "更新的行数（导入完成后）" })
  @Property({ type: "integer", nullable: true })
  updatedCount: number | null = null;

  @Field(() => String, { nullable: true, description: "失败原因（整个文件无法导入时）" })
  @Property({ type: "string", length: 300, nullable: true })
  failureMessage: string | null = null;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;

  /** When the current check or commit started: work older than the kit's limit was interrupted (a restart). */
  @Property({ type: "datetime", nullable: true })
  workStartedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: "datetime", nullable: true })
  checkedAt: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: "datetime", nullable: true })
  committedAt: Date | null = null;

  @Field(() => [SpreadsheetProblemType], { description: "问题报告（按行号，至多 1000 条；总数见 problemCount）" })
  get problems(): Problem[] {
    return JSON.parse(this.problemsJson) as Problem[];
  }
}
