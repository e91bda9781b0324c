import { isRecordNumber } from "@xuekao/rules";
import { accessRule, AuthErrors, authorize, isUuid, PATH_SEPARATOR, requireCaller, Role, type RoleBinding } from "@xuekao/subgraph-kit";
import type { RegistryContext } from "../../registry-context.js";
import { ExamSession } from "../exam-session/exam-session.entity.js";
import { ExamSessionErrors } from "../exam-session/exam-session.errors.js";
import { ExamSubject, SubjectRunBy } from "../exam-subject/exam-subject.entity.js";
import { SubjectEntry, SubjectResult } from "../subject-entry/subject-entry.entity.js";
import { SubjectResultErrors } from "./subject-result.errors.js";
import type { ImportSubjectResultsInput, ResultImportProblem, ResultImportReport, ResultImportTemplate } from "./subject-result.inputs.js";
import { readResultRows, resultTemplate, type ResultColumn } from "./subject-result.sheet.js";

/**
 * Who enters results (docs/domain.md "Results"): the province institute for the subjects the
 * province runs, a league/city agency for the subjects the leagues run, for its own candidates.
 */
export const IMPORT_RESULTS = accessRule("IMPORT_RESULTS", { roles: [Role.PROVINCE_INSTITUTE, Role.LEAGUE_AGENCY] });

/** The level each importing role enters results for. */
const LEVEL_OF: Partial<Record<Role, SubjectRunBy>> = { [Role.PROVINCE_INSTITUTE]: SubjectRunBy.PROVINCE, [Role.LEAGUE_AGENCY]: SubjectRunBy.LEAGUE };

const RESULT_WORDS: Record<string, SubjectResult> = { 合格: SubjectResult.PASS, 不合格: SubjectResult.FAIL };
/** 0–150, at most one decimal. */
const SCORE = /^(?:\d{1,3})(?:\.\d)?$/;
const MAX_SCORE = 150;

interface ValidRow {
  entry: SubjectEntry;
  result: SubjectResult;
  score: number | null;
}

export class SubjectResultService {
  template(ctx: RegistryContext): Promise<ResultImportTemplate> {
    requireCaller(ctx.caller);
    return resultTemplate().then((content) => ({ fileName: "成绩导入模板.xlsx", contentBase64: content.toString("base64") }));
  }

  /**
   * Checks every row of the file and reports its problems; without `dryRun` and with no problem
   * at all, records every row in one transaction with one audit entry (all rows or none).
   * Importing the same file again records the same values: a retry changes nothing.
   */
  async import(ctx: RegistryContext, input: ImportSubjectResultsInput): Promise<ResultImportReport> {
    const session = isUuid(input.sessionId) ? await ctx.em.findOne(ExamSession, { id: input.sessionId }) : null;
    if (!session) throw ExamSessionErrors.EXAM_SESSION_NOT_FOUND();
    const binding = this.importerBinding(ctx, session);
    const now = ctx.clock.now();
    if (now < session.registrationClosesAt) throw SubjectResultErrors.RESULT_IMPORT_TOO_EARLY();
    if (session.scoresPublishedAtOrBefore(now)) throw SubjectResultErrors.RESULTS_ALREADY_PUBLISHED();

    const rows = await readResultRows(Buffer.from(input.contentBase64, "base64"));
    const catalogue = await ctx.em.find(ExamSubject, { provinceCode: session.provinceCode });
    const subjectBy = new Map(catalogue.flatMap((subject) => [[subject.code, subject] as const, [subject.name, subject] as const]));
    const offered = new Set(session.subjectCodes());
    const numbers = [...new Set(rows.map((row) => row.cells.考籍号).filter(isRecordNumber))];
    const entries = numbers.length ? await ctx.em.find(SubjectEntry, { sessionId: session.id, recordNumber: { $in: numbers } }) : [];
    const scopePath = binding.organizationPath.join(PATH_SEPARATOR);
    const inScope = (entry: SubjectEntry) => entry.organizationPath === scopePath || entry.organizationPath.startsWith(`${scopePath}${PATH_SEPARATOR}`);
    const entryOf = new Map(entries.filter(inScope).map((entry) => [`${entry.recordNumber}:${entry.subjectCode}`, entry]));
    const candidatesInScope = new Set(entries.filter(inScope).map((entry) => entry.recordNumber));
    const level = LEVEL_OF[binding.role]!;

    const problems: ResultImportProblem[] = [];
    const valid: ValidRow[] = [];
    const firstRowOf = new Map<string, number>();
    for (const { row, cells } of rows) {
      const problem = (column: ResultColumn, code: string, message: string) => problems.push({ row, column, code, message });
      const before = problems.length;
      const number = cells.考籍号.toUpperCase();
      const subject = subjectBy.get(cells.科目);
      if (!isRecordNumber(number)) problem("考籍号", "RESULT_RECORD_NUMBER_INVALID", "考籍号格式不正确（G 或 J 加 18 位）");
      else if (!candidatesInScope.has(number)) problem("考籍号", "RESULT_OUT_OF_SCOPE", "您的管理范围内没有该考籍号在本考次的报名");
      if (!subject || !offered.has(subject.code)) problem("科目", "RESULT_SUBJECT_NOT_OFFERED", "本考次未开考该科目");
      else if (subject.runBy !== level) {
        problem("科目", "RESULT_OUT_OF_SCOPE", level === SubjectRunBy.PROVINCE ? "该科目由盟市招生考试机构录入成绩" : "该科目由省级考试院录入成绩");
      }
      const result = RESULT_WORDS[cells.成绩];
      if (!result) problem("成绩", "RESULT_VALUE_INVALID", "成绩须为“合格”或“不合格”");
      const score = cells.分数 === "" ? null : SCORE.test(cells.分数) && Number(cells.分数) <= MAX_SCORE ? Number(cells.分数) : undefined;
      if (score === undefined) problem("分数", "RESULT_SCORE_INVALID", "分数须为 0 至 150 之间的数字（至多一位小数），没有分数的科目留空");
      if (problems.length > before || !subject || !result || score === undefined) continue;

      const key = `${number}:${subject.code}`;
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined) {
        problem("考籍号", "RESULT_DUPLICATE_ROW", `与第 ${earlier} 行是同一考生的同一科目`);
        continue;
      }
      firstRowOf.set(key, row);
      const entry = entryOf.get(key);
      if (!entry) {
        problem("科目", "RESULT_NO_ENTRY", "该考生未在本考次报考该科目");
        continue;
      }
      valid.push({ entry, result, score });
    }

    const report = { dryRun: input.dryRun, committed: false, rowCount: rows.length, validCount: valid.length, problems };
    if (input.dryRun || problems.length > 0) return report;

    await ctx.transaction(async (tx) => {
      const recordedAt = tx.clock.now();
      for (const { entry, result, score } of valid) {
        // A fresh copy in this transaction's unit of work.
        const row = await tx.em.findOneOrFail(SubjectEntry, { id: entry.id });
        row.result = result;
        row.score = score;
        row.resultRecordedAt = recordedAt;
      }
      await tx.audit.record({
        action: "subject-result.imported",
        subject: { type: "ExamSession", id: session.id },
        organizationPath: binding.organizationPath,
        after: {
          sessionCode: session.code,
          rows: valid.length,
          passed: valid.filter((item) => item.result === SubjectResult.PASS).length,
          failed: valid.filter((item) => item.result === SubjectResult.FAIL).length,
          subjects: [...new Set(valid.map((item) => item.entry.subjectCode))].sort(),
        },
      });
      await tx.em.flush();
    });
    return { ...report, committed: true };
  }

  /**
   * The binding the caller imports through: an institute or league binding in the session's
   * province. Anyone else is refused as `authorize` refuses (role, then scope); a session of
   * another province is refused like one outside the caller's scope.
   */
  private importerBinding(ctx: RegistryContext, session: ExamSession): RoleBinding {
    const caller = requireCaller(ctx.caller);
    const binding = caller.roles.find((role) => LEVEL_OF[role.role] !== undefined && role.provinceCode === session.provinceCode);
    // No such binding: authorize answers with the role or the scope message, as for any other action.
    authorize(caller, IMPORT_RESULTS, { organizationPath: binding ? binding.organizationPath : [`province:${session.provinceCode}`] });
    if (!binding) throw AuthErrors.FORBIDDEN("SCOPE");
    return binding;
  }
}
