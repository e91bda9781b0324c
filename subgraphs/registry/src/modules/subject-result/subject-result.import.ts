import { isRecordNumber } from "@xuekao/rules";
import { defineSpreadsheet, defineSpreadsheetImport, PATH_SEPARATOR, splitPath, type CellResult, type SpreadsheetProblem } from "@xuekao/subgraph-kit";
import { ExamResultsRecorded } from "../../events.js";
import type { RegistryContext } from "../../registry-context.js";
import { ExamRecord } from "../exam-record/exam-record.entity.js";
import { ExamSession } from "../exam-session/exam-session.entity.js";
import { ExamSubject, SubjectRunBy } from "../exam-subject/exam-subject.entity.js";
import { SubjectEntry, SubjectResult } from "../subject-entry/subject-entry.entity.js";

const RESULT_WORDS: Record<string, SubjectResult> = { 合格: SubjectResult.PASS, 不合格: SubjectResult.FAIL };
/** 0–150, at most one decimal. */
const SCORE = /^\d{1,3}(?:\.\d)?$/;
const MAX_SCORE = 150;

/** The results sheet: one row per candidate and subject (docs/domain.md "Results"). */
export const RESULT_SHEET = defineSpreadsheet({
  sheetName: "成绩",
  maxRows: 20_000,
  columns: {
    recordNumber: {
      header: "考籍号",
      required: true as const,
      parse: (text: string): CellResult<string> => (isRecordNumber(text.toUpperCase()) ? { value: text.toUpperCase() } : { problem: "考籍号格式不正确（G 或 J 加 18 位）" }),
      example: "G150102200901011019",
      width: 24,
    },
    subject: { header: "科目", required: true as const, parse: (text: string): CellResult<string> => ({ value: text }), example: "语文" },
    result: {
      header: "成绩",
      required: true as const,
      parse: (text: string): CellResult<SubjectResult> => (RESULT_WORDS[text] ? { value: RESULT_WORDS[text]! } : { problem: "成绩须为“合格”或“不合格”" }),
      example: "合格",
    },
    score: {
      header: "分数",
      required: false as const,
      parse: (text: string): CellResult<number> =>
        SCORE.test(text) && Number(text) <= MAX_SCORE ? { value: Number(text) } : { problem: "分数须为 0 至 150 之间的数字（至多一位小数），没有分数的科目留空" },
      example: "86",
    },
  },
});

/**
 * Who the import is for, from the import record: its session (scopeId) and the importer's
 * organisation path (a path of one id is a province institute's, a longer one a league's).
 */
async function importScope(ctx: RegistryContext, job: { scopeId: string; organizationPath: string }) {
  const session = await ctx.em.findOneOrFail(ExamSession, { id: job.scopeId });
  const level = job.organizationPath.split(PATH_SEPARATOR).length === 1 ? SubjectRunBy.PROVINCE : SubjectRunBy.LEAGUE;
  const scopePath = job.organizationPath;
  const inScope = (entry: SubjectEntry) => entry.organizationPath === scopePath || entry.organizationPath.startsWith(`${scopePath}${PATH_SEPARATOR}`);
  return { session, level, inScope };
}

/** Candidates per query when reading their records' paths (a province's import holds up to 20,000 rows). */
const RECORD_BATCH = 1_000;

/**
 * Tells other subgraphs that these candidates sat the exam in the session's province
 * (`registry.exam-results-recorded`, once per candidate of the commit, in its transaction):
 * certification's eligibility learns it without reading registry's tables. The envelope carries
 * the record's current organisation path (the entry's copy is from when it was made), read in
 * batches, never one query per candidate.
 */
async function announceResultsRecorded(tx: RegistryContext, session: ExamSession, written: readonly SubjectEntry[], recordedAt: Date): Promise<void> {
  const candidates = [...new Set(written.map((entry) => entry.candidateId))];
  const fallbackPath = new Map(written.map((entry) => [entry.candidateId, entry.organizationPath]));
  const pathOf = new Map<string, string>();
  for (let start = 0; start < candidates.length; start += RECORD_BATCH) {
    const batch = candidates.slice(start, start + RECORD_BATCH);
    const records = await tx.em.find(ExamRecord, { candidateId: { $in: batch } });
    for (const record of records) pathOf.set(record.candidateId, record.organizationPath);
  }
  for (const candidateId of candidates) {
    tx.events.record(
      ExamResultsRecorded,
      { candidateId, provinceCode: session.provinceCode, sessionId: session.id, recordedAt: recordedAt.toISOString() },
      { organizationPath: splitPath(pathOf.get(candidateId) ?? fallbackPath.get(candidateId)!) },
    );
  }
}

/**
 * The results of one session. A row must name an entry of that session inside the importer's
 * organisation, for a subject the session offers and the importer's level runs; a candidate and
 * subject appear once. A record number outside the importer's scope reads like one that does not
 * exist. Committing writes each row's result on its entry, with one audit entry for the file, and
 * announces each candidate of the file once (registry.exam-results-recorded).
 */
export const SubjectResultsImport = defineSpreadsheetImport<typeof RESULT_SHEET.columns, RegistryContext>({
  kind: "registry.subject-results",
  spreadsheet: RESULT_SHEET,
  check: async (ctx, rows, job) => {
    const { session, level, inScope } = await importScope(ctx, job);
    const catalogue = await ctx.em.find(ExamSubject, { provinceCode: session.provinceCode });
    const subjectBy = new Map(catalogue.flatMap((subject) => [[subject.code, subject] as const, [subject.name, subject] as const]));
    const offered = new Set(session.subjectCodes());
    const numbers = [...new Set(rows.map((row) => row.values.recordNumber))];
    const entries = numbers.length ? (await ctx.em.find(SubjectEntry, { sessionId: session.id, recordNumber: { $in: numbers } })).filter(inScope) : [];
    const entryKeys = new Set(entries.map((entry) => `${entry.recordNumber}:${entry.subjectCode}`));
    const candidates = new Set(entries.map((entry) => entry.recordNumber));
    const problems: SpreadsheetProblem[] = [];
    const firstRowOf = new Map<string, number>();
    for (const { rowNumber: row, values } of rows) {
      const subject = subjectBy.get(values.subject);
      if (!candidates.has(values.recordNumber)) {
        problems.push({ row, column: "考籍号", message: "您的管理范围内没有该考籍号在本考次的报名" });
        continue;
      }
      if (!subject || !offered.has(subject.code)) {
        problems.push({ row, column: "科目", message: "本考次未开考该科目" });
        continue;
      }
      if (subject.runBy !== level) {
        problems.push({ row, column: "科目", message: level === SubjectRunBy.PROVINCE ? "该科目由盟市招生考试机构录入成绩" : "该科目由省级考试院录入成绩" });
        continue;
      }
      const key = `${values.recordNumber}:${subject.code}`;
      const earlier = firstRowOf.get(key);
      if (earlier !== undefined) {
        problems.push({ row, column: null, message: `与第 ${earlier} 行是同一考生的同一科目` });
        continue;
      }
      firstRowOf.set(key, row);
      if (!entryKeys.has(key)) problems.push({ row, column: "科目", message: "该考生未在本考次报考该科目" });
    }
    return problems;
  },
  commit: async (tx, rows, job, progress) => {
    const { session } = await importScope(tx, job);
    const catalogue = await tx.em.find(ExamSubject, { provinceCode: session.provinceCode });
    const codeOf = new Map(catalogue.flatMap((subject) => [[subject.code, subject.code] as const, [subject.name, subject.code] as const]));
    const entries = await tx.em.find(SubjectEntry, { sessionId: session.id, recordNumber: { $in: [...new Set(rows.map((row) => row.values.recordNumber))] } });
    const entryOf = new Map(entries.map((entry) => [`${entry.recordNumber}:${entry.subjectCode}`, entry]));
    const recordedAt = tx.clock.now();
    const written: SubjectEntry[] = [];
    for (const [index, { values }] of rows.entries()) {
      const entry = entryOf.get(`${values.recordNumber}:${codeOf.get(values.subject)}`)!;
      entry.result = values.result;
      entry.score = values.score;
      entry.resultRecordedAt = recordedAt;
      written.push(entry);
      await progress(index + 1);
    }
    await announceResultsRecorded(tx, session, written, recordedAt);
    await tx.audit.record({
      action: "subject-result.imported",
      subject: { type: "ExamSession", id: session.id },
      organizationPath: job.organizationPath.split(PATH_SEPARATOR),
      after: {
        importId: job.id,
        sessionCode: session.code,
        rows: rows.length,
        passed: rows.filter((row) => row.values.result === SubjectResult.PASS).length,
        failed: rows.filter((row) => row.values.result === SubjectResult.FAIL).length,
      },
    });
    return { created: 0, updated: written.length };
  },
});
