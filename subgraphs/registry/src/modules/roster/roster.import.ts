import { idNumberCheckDigit, isOrganizationCode, isRecordNumber, validateIdNumber } from "@xuekao/rules";
import { defineSpreadsheet, defineSpreadsheetImport, splitPath, textLength, type SheetRow, type SpreadsheetProblem } from "@xuekao/subgraph-kit";
import type { RegistryContext } from "../../registry-context.js";
import { DirectoryOrganizationKind } from "../organization-directory/directory-organization.entity.js";
import { OrganizationDirectoryService } from "../organization-directory/organization-directory.service.js";
import { RosterEntry } from "./roster.entity.js";

/** A school's roster in one file: the largest schools have a few thousand students. */
export const MAX_ROSTER_ROWS = 20_000;
/** Rows looked up or written per query (keeps `IN (…)` lists and insert batches moderate). */
const BATCH = 500;

const exampleIdNumber = (() => {
  const first17 = "15010220090101001";
  return `${first17}${idNumberCheckDigit(first17)}`;
})();

const NAME_CHARACTERS = /^[^\d\p{Cc}<>@#$%^&*=+{}[\]|\\/;:"?!~`]+$/u;

/** The roster's columns: 学籍号, 姓名, 身份证号, 班级代码 (the class's organisation code). */
export const ROSTER_COLUMNS = {
  studentNumber: {
    header: "学籍号",
    required: true,
    example: `G${exampleIdNumber}`,
    width: 24,
    parse: (text: string) => {
      const value = text.toUpperCase();
      if (value.startsWith("L")) return { problem: "L 开头的临时学籍号不能登记，请待取得正式学籍号后再导入" };
      return isRecordNumber(value) ? { value } : { problem: "学籍号须为 G 或 J 加 18 位编码，且校验位正确" };
    },
  },
  name: {
    header: "姓名",
    required: true,
    example: "王小明",
    width: 14,
    parse: (text: string) => (textLength(text) >= 2 && textLength(text) <= 50 && NAME_CHARACTERS.test(text) ? { value: text } : { problem: "姓名须为 2 至 50 个字，不含数字或符号" }),
  },
  idNumber: {
    header: "身份证号",
    required: true,
    example: exampleIdNumber,
    width: 22,
    parse: (text: string) => {
      const check = validateIdNumber(text);
      return check.ok ? { value: check.normalized } : { problem: check.message };
    },
  },
  classCode: {
    header: "班级代码",
    required: true,
    example: "150102000101",
    width: 16,
    parse: (text: string) => (isOrganizationCode(text) ? { value: text } : { problem: "班级代码须为 2 至 32 位数字" }),
  },
} as const;

export type RosterRow = { studentNumber: string; name: string; idNumber: string; classCode: string };

const directory = new OrganizationDirectoryService();

/** The school's classes by code (from registry's directory). */
async function classesOf(ctx: RegistryContext, schoolId: string) {
  return new Map((await directory.childrenOf(ctx, schoolId, DirectoryOrganizationKind.CLASS)).map((item) => [item.code, item]));
}

const batches = <T>(items: readonly T[]): T[][] => Array.from({ length: Math.ceil(items.length / BATCH) }, (_, index) => items.slice(index * BATCH, (index + 1) * BATCH));

/**
 * 学籍名单 from a spreadsheet (docs/domain.md "The student-record roster"). The rule for a
 * re-import: a student is identified by the 学籍号; a row whose 学籍号 is on this school's roster
 * updates that entry (name, ID number, class), any other row adds one, and students missing from
 * the file stay. A 学籍号 or ID number on another school's roster is refused (a change of school
 * is a transfer, not an import).
 */
export const RosterImport = defineSpreadsheetImport<typeof ROSTER_COLUMNS, RegistryContext>({
  kind: "registry.roster",
  spreadsheet: defineSpreadsheet({ sheetName: "学籍名单", maxRows: MAX_ROSTER_ROWS, columns: ROSTER_COLUMNS }),

  async check(ctx, rows, job, progress) {
    const problems: SpreadsheetProblem[] = [];
    const problem = (row: SheetRow<RosterRow>, column: string, message: string) => problems.push({ row: row.rowNumber, column, message });
    const classes = await classesOf(ctx, job.scopeId);
    const today = ctx.clock.now();
    const firstRowOfNumber = new Map<string, number>();
    const firstRowOfId = new Map<string, number>();
    for (const row of rows) {
      const { studentNumber, idNumber, classCode } = row.values;
      if (!classes.has(classCode)) problem(row, "班级代码", "本校没有该班级代码（请先在“学校账号”中设立班级）");
      // A G number is G + the person's ID number (docs/domain.md "Record numbers").
      if (studentNumber.startsWith("G") && studentNumber.slice(1) !== idNumber) problem(row, "学籍号", "G 开头的学籍号须为 G 加本人身份证号");
      const birth = validateIdNumber(idNumber, { today });
      if (!birth.ok) problem(row, "身份证号", birth.message);
      const numberSeen = firstRowOfNumber.get(studentNumber);
      if (numberSeen !== undefined) problem(row, "学籍号", `与第 ${numberSeen} 行的学籍号重复`);
      else firstRowOfNumber.set(studentNumber, row.rowNumber);
      const idSeen = firstRowOfId.get(idNumber);
      if (idSeen !== undefined) problem(row, "身份证号", `与第 ${idSeen} 行的身份证号重复`);
      else firstRowOfId.set(idNumber, row.rowNumber);
    }

    let done = 0;
    for (const batch of batches(rows)) {
      const lookups = new Map(batch.map((row) => [row, ctx.personalData.lookup("id-number", row.values.idNumber)]));
      const stored = await ctx.em.find(
        RosterEntry,
        { $or: [{ studentNumber: { $in: batch.map((row) => row.values.studentNumber) } }, { idNumberLookup: { $in: [...lookups.values()] } }] },
        { fields: ["studentNumber", "schoolId", "idNumberLookup"] },
      );
      const byNumber = new Map(stored.map((entry) => [entry.studentNumber, entry]));
      const byLookup = new Map(stored.map((entry) => [entry.idNumberLookup, entry]));
      for (const row of batch) {
        const sameNumber = byNumber.get(row.values.studentNumber);
        // Never which school: that would tell this school about another school's student.
        if (sameNumber && sameNumber.schoolId !== job.scopeId) problem(row, "学籍号", "该学籍号已在其他学校的学籍名单中（转学须办理转籍）");
        const sameId = byLookup.get(lookups.get(row)!);
        if (sameId && sameId.studentNumber !== row.values.studentNumber) problem(row, "身份证号", "该身份证号已以其他学籍号登记在学籍名单中");
      }
      done += batch.length;
      await progress(done);
    }
    return problems;
  },

  async commit(tx, rows, job, progress) {
    const classes = await classesOf(tx, job.scopeId);
    const now = tx.clock.now();
    let created = 0;
    let updated = 0;
    let done = 0;
    for (const batch of batches(rows)) {
      const existing = new Map(
        (await tx.em.find(RosterEntry, { schoolId: job.scopeId, studentNumber: { $in: batch.map((row) => row.values.studentNumber) } })).map((entry) => [entry.studentNumber, entry]),
      );
      for (const row of batch) {
        const schoolClass = classes.get(row.values.classCode)!;
        const fields = {
          classId: schoolClass.id,
          organizationPath: schoolClass.path,
          name: row.values.name,
          idNumber: row.values.idNumber,
          idNumberLookup: tx.personalData.lookup("id-number", row.values.idNumber),
          updatedAt: now,
        };
        const entry = existing.get(row.values.studentNumber);
        if (entry) {
          Object.assign(entry, fields);
          updated += 1;
        } else {
          tx.em.create(RosterEntry, { schoolId: job.scopeId, studentNumber: row.values.studentNumber, createdAt: now, ...fields });
          created += 1;
        }
      }
      await tx.em.flush();
      done += batch.length;
      await progress(done);
    }
    // Counts only: the audit trail never holds the roster's personal data.
    await tx.audit.record({
      action: "roster.imported",
      subject: { type: "SpreadsheetImport", id: job.id },
      organizationPath: splitPath(job.organizationPath),
      after: { schoolId: job.scopeId, rows: rows.length, created, updated },
    });
    return { created, updated };
  },
});
