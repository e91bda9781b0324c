import { UniqueConstraintViolationException, type FilterQuery } from "@mikro-orm/core";
import { inSecondTerm, yearInSchool } from "@xuekao/rules";
import {
  accessRule,
  authorize,
  CANDIDATE_ROLES,
  clampPageSize,
  decodeCursor,
  holdsRole,
  isUuid,
  keysetAfter,
  keysetOrder,
  pageFrom,
  Role,
  rowLockMode,
  scopeFilter,
  scopeWhere,
  splitPath,
  type KeysetField,
  type Page,
} from "@xuekao/subgraph-kit";
import type { RegistryContext } from "../../registry-context.js";
import { CertifiedSubjectService } from "../certified-subject/certified-subject.service.js";
import { ExamRecord, ExamRecordStatus } from "../exam-record/exam-record.entity.js";
import { ExamSession } from "../exam-session/exam-session.entity.js";
import { ExamSessionErrors } from "../exam-session/exam-session.errors.js";
import { ExamSubject } from "../exam-subject/exam-subject.entity.js";
import { SubjectEntry, SubjectResult } from "./subject-entry.entity.js";
import { SubjectEntryErrors } from "./subject-entry.errors.js";
import type { EnterSubjectsInput, WithdrawSubjectEntryInput } from "./subject-entry.inputs.js";

/** In-school candidates take at most this many subjects in year 1 (docs/domain.md "Subject registration"). */
export const YEAR_ONE_SUBJECT_LIMIT = 4;

/** A candidate enters and withdraws their own subjects. */
export const ENTER_SUBJECTS = accessRule("ENTER_SUBJECTS", { roles: [Role.CANDIDATE_IN_SCHOOL, Role.CANDIDATE_SOCIAL] });

/** Who reads entries: the candidate their own; class, school, county, league and province staff their subtree. */
export const READ_ENTRIES = accessRule("READ_ENTRIES", {
  roles: [
    Role.CANDIDATE_IN_SCHOOL,
    Role.CANDIDATE_SOCIAL,
    Role.CLASS_TEACHER,
    Role.SCHOOL_ADMIN,
    Role.SCHOOL_STAFF,
    Role.COUNTY_AGENCY,
    Role.LEAGUE_AGENCY,
    Role.PROVINCE_INSTITUTE,
  ],
});

/** The levels that enter results see them before publication (they are checking what they entered). */
export const SEE_UNPUBLISHED_RESULTS = accessRule("SEE_UNPUBLISHED_RESULTS", { roles: [Role.PROVINCE_INSTITUTE, Role.LEAGUE_AGENCY] });

const ENTRY_ORDER: KeysetField[] = [
  { field: "recordNumber", direction: "asc" },
  { field: "subjectCode", direction: "asc" },
  { field: "id", direction: "asc" },
];

/**
 * Whether a session's window closes in year 1 of a candidate who enrolled in `enrollmentYear`,
 * and whether that is still the first term (docs/domain.md "Subject registration": the session's
 * registration closing instant decides which school year and term it belongs to).
 */
export function sittingYear(enrollmentYear: number, session: Pick<ExamSession, "registrationClosesAt">): { year: number; secondTerm: boolean } {
  return { year: yearInSchool(enrollmentYear, session.registrationClosesAt), secondTerm: inSecondTerm(session.registrationClosesAt) };
}

const certifiedSubjects = new CertifiedSubjectService();

export class SubjectEntryService {
  /**
   * Enters the caller for subjects of a session of their province, all or none, in one
   * transaction with an audit entry per new entry. A subject already entered is left as it is
   * (a retry, or a second tap, changes nothing), so the answer is the session's entries after.
   */
  async enter(ctx: RegistryContext, input: EnterSubjectsInput): Promise<SubjectEntry[]> {
    try {
      return await this.enterOnce(ctx, input);
    } catch (error) {
      // Two identical requests racing: the loser meets the unique index; once more finds the winner's rows.
      if (error instanceof UniqueConstraintViolationException) return this.enterOnce(ctx, input);
      throw error;
    }
  }

  private async enterOnce(ctx: RegistryContext, input: EnterSubjectsInput): Promise<SubjectEntry[]> {
    const { record, session } = await this.candidateAndSession(ctx, input.sessionId);
    const codes = [...new Set(input.subjectCodes.map((code) => code.trim()))];
    if (codes.length === 0) throw SubjectEntryErrors.SUBJECTS_REQUIRED();
    const catalogue = new Map((await ctx.em.find(ExamSubject, { provinceCode: session.provinceCode })).map((subject) => [subject.code, subject]));
    const offered = new Set(session.subjectCodes());
    for (const code of codes) {
      if (!offered.has(code)) throw SubjectEntryErrors.SUBJECT_NOT_OFFERED({ subject: catalogue.get(code)?.name ?? code });
    }

    return ctx.transaction(async (tx) => {
      // The record is locked so that two sessions' entries cannot both pass the year-1 count (PostgreSQL; SQLite serialises writers).
      await tx.em.findOne(ExamRecord, { id: record.id }, { lockMode: rowLockMode(tx.em), refresh: true });
      const mine = await tx.em.find(SubjectEntry, { candidateId: record.candidateId });
      const passed = new Set(mine.filter((entry) => entry.result === SubjectResult.PASS).map((entry) => entry.subjectCode));
      // Certified as passed in this province counts as passed; certified as failed, like any fail, may be entered again.
      const certifiedPassed = await certifiedSubjects.passedIn(tx, record.candidateId, session.provinceCode);
      for (const code of codes) {
        if (passed.has(code)) throw SubjectEntryErrors.SUBJECT_ALREADY_PASSED({ subject: catalogue.get(code)?.name ?? code });
        if (certifiedPassed.has(code)) throw SubjectEntryErrors.SUBJECT_ALREADY_PASSED({ subject: catalogue.get(code)?.name ?? code, certified: true });
      }
      const already = new Set(mine.filter((entry) => entry.sessionId === session.id).map((entry) => entry.subjectCode));
      const added = codes.filter((code) => !already.has(code));

      if (record.enrollmentYear !== null && added.length > 0) {
        const { year, secondTerm } = sittingYear(record.enrollmentYear, session);
        if (year < 1 || (year === 1 && !secondTerm)) throw SubjectEntryErrors.SITTING_TOO_EARLY();
        if (year === 1) {
          const otherIds = [...new Set(mine.map((entry) => entry.sessionId))];
          const sessions = otherIds.length ? await tx.em.find(ExamSession, { id: { $in: otherIds } }) : [];
          const yearOne = new Set(sessions.filter((other) => sittingYear(record.enrollmentYear!, other).year === 1).map((other) => other.id));
          const enteredInYearOne = new Set(mine.filter((entry) => yearOne.has(entry.sessionId)).map((entry) => `${entry.sessionId}:${entry.subjectCode}`)).size;
          if (enteredInYearOne + added.length > YEAR_ONE_SUBJECT_LIMIT) {
            throw SubjectEntryErrors.YEAR_ONE_LIMIT({ limit: YEAR_ONE_SUBJECT_LIMIT, already: enteredInYearOne });
          }
        }
      }

      const now = tx.clock.now();
      for (const subjectCode of added) {
        const entry = tx.em.create(SubjectEntry, {
          sessionId: session.id,
          recordId: record.id,
          recordNumber: record.recordNumber,
          candidateId: record.candidateId,
          organizationPath: record.organizationPath,
          subjectCode,
          enteredAt: now,
        });
        await tx.audit.record({
          action: "subject-entry.entered",
          subject: { type: "SubjectEntry", id: entry.id },
          organizationPath: splitPath(record.organizationPath),
          after: { sessionId: session.id, sessionCode: session.code, recordNumber: record.recordNumber, subjectCode },
        });
      }
      await tx.em.flush();
      return tx.em.find(SubjectEntry, { sessionId: session.id, candidateId: record.candidateId }, { orderBy: { subjectCode: "asc" } });
    });
  }

  /**
   * Withdraws one subject while the window is open (the closing instant itself refused). Withdrawing
   * a subject not entered (a retry of a withdrawal that went through) changes nothing.
   */
  async withdraw(ctx: RegistryContext, input: WithdrawSubjectEntryInput): Promise<SubjectEntry[]> {
    const { record, session } = await this.candidateAndSession(ctx, input.sessionId);
    return ctx.transaction(async (tx) => {
      const entry = await tx.em.findOne(SubjectEntry, { sessionId: session.id, candidateId: record.candidateId, subjectCode: input.subjectCode.trim() });
      if (entry) {
        await tx.audit.record({
          action: "subject-entry.withdrawn",
          subject: { type: "SubjectEntry", id: entry.id },
          organizationPath: splitPath(record.organizationPath),
          before: { sessionId: session.id, sessionCode: session.code, recordNumber: record.recordNumber, subjectCode: entry.subjectCode },
        });
        tx.em.remove(entry);
        await tx.em.flush();
      }
      return tx.em.find(SubjectEntry, { sessionId: session.id, candidateId: record.candidateId }, { orderBy: { subjectCode: "asc" } });
    });
  }

  /** Entries in the caller's scope (a candidate: their own), of one session or all, cursor-paged in SQL. */
  async list(ctx: RegistryContext, query: { sessionId?: string | null; subjectCode?: string | null; first?: number | null; after?: string | null }): Promise<Page<SubjectEntry>> {
    const filter = scopeFilter(ctx.caller, READ_ENTRIES);
    if (!filter) return { items: [], nextCursor: null };
    if (query.sessionId !== undefined && query.sessionId !== null && !isUuid(query.sessionId)) return { items: [], nextCursor: null };
    const size = clampPageSize(query.first);
    const conditions: Record<string, unknown>[] = [scopeWhere(filter, { path: "organizationPath", owner: "candidateId" })];
    if (query.sessionId) conditions.push({ sessionId: query.sessionId });
    if (query.subjectCode) conditions.push({ subjectCode: query.subjectCode });
    if (query.after) conditions.push(keysetAfter(ENTRY_ORDER, decodeCursor(query.after, ["string", "string", "uuid"])));
    const rows = await ctx.em.find(SubjectEntry, { $and: conditions } as FilterQuery<SubjectEntry>, { orderBy: keysetOrder(ENTRY_ORDER), limit: size + 1 });
    return pageFrom(rows, size, (row) => [row.recordNumber, row.subjectCode, row.id]);
  }

  /** The result as the caller may see it: from the publication instant, or before it to the levels that enter results. */
  async visibleResult(ctx: RegistryContext, entry: SubjectEntry): Promise<{ result: SubjectResult | null; score: number | null; published: boolean }> {
    const session = await ctx.loaders.load(ExamSession, entry.sessionId);
    const published = session?.scoresPublishedAtOrBefore(ctx.clock.now()) ?? false;
    const importer = ctx.caller !== null && holdsRole(ctx.caller, SEE_UNPUBLISHED_RESULTS);
    return published || importer ? { result: entry.result, score: entry.score, published } : { result: null, score: null, published };
  }

  /**
   * The caller's record (found by their user id) and a session of its province: refusals for
   * a record that is missing or not registered, a session outside it, and a closed window.
   */
  private async candidateAndSession(ctx: RegistryContext, sessionId: string): Promise<{ record: ExamRecord; session: ExamSession }> {
    const binding = ctx.caller?.roles.find((role) => CANDIDATE_ROLES.includes(role.role));
    const caller = authorize(ctx.caller, ENTER_SUBJECTS, { organizationPath: binding?.organizationPath ?? [], ownerUserId: ctx.caller?.subject ?? "" });
    const record = await ctx.em.findOne(ExamRecord, { candidateId: caller.subject });
    if (!record) throw SubjectEntryErrors.EXAM_RECORD_NOT_FOUND();
    if (record.status !== ExamRecordStatus.REGISTERED) throw SubjectEntryErrors.RECORD_NOT_REGISTERED();
    const session = isUuid(sessionId) ? await ctx.em.findOne(ExamSession, { id: sessionId }) : null;
    // Another province's session is answered as missing, like one that does not exist.
    if (!session || record.provinceCode === null || session.provinceCode !== record.provinceCode) throw ExamSessionErrors.EXAM_SESSION_NOT_FOUND();
    const now = ctx.clock.now();
    if (now < session.registrationOpensAt) throw SubjectEntryErrors.WINDOW_NOT_OPEN();
    if (now >= session.registrationClosesAt) throw SubjectEntryErrors.WINDOW_CLOSED();
    return { record, session };
  }
}
