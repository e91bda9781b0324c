import { UniqueConstraintViolationException } from "@mikro-orm/core";
import { isProvinceCode, RECOGNITION_SUBJECT_CODES, type SourceProvinceRules } from "@xuekao/rules";
import { accessRule, authorize, flushUnique, isUuid, provinceScope, Role, textLength } from "@xuekao/subgraph-kit";
import type { CertificationContext } from "../../certification-context.js";
import { CERTIFICATION_KINDS } from "../certification-case/certification.workflow.js";
import { CertificationSourceRules, CertificationWindow } from "./certification-config.entity.js";
import { CertificationConfigErrors } from "./certification-config.errors.js";
import type { SaveCertificationSourceRulesInput, SaveCertificationWindowInput } from "./certification-config.inputs.js";

/** Windows and recognition rules are the certifying province's institute's to configure, each its own province's. */
export const CONFIGURE_CERTIFICATION = accessRule("CONFIGURE_CERTIFICATION", { roles: [Role.PROVINCE_INSTITUTE] });

/** Only the kinds whose applications are filed inside a window have one (Beijing's returning candidates). */
export const WINDOWED_KINDS: readonly string[] = CERTIFICATION_KINDS.filter((kind) => kind.filingWindow === "CERTIFICATION_WINDOW").map((kind) => kind.kind);

export const MAX_WINDOW_NAME_LENGTH = 40;
export const MAX_FULL_SCORE = 1000;
const MAX_GRADES = 10;
const MAX_GRADE_LENGTH = 16;

/** The provinces of the caller's role bindings (a candidate's is the one they are registered in). */
function callerProvinceCodes(ctx: CertificationContext): string[] {
  return [...new Set((ctx.caller?.roles ?? []).flatMap((binding) => (binding.provinceCode && isProvinceCode(binding.provinceCode) ? [binding.provinceCode] : [])))];
}

/** A full score the recognition rules can compare exactly: positive, at most 1000, at most two decimals. */
function isFullScore(value: number): boolean {
  return Number.isFinite(value) && value > 0 && value <= MAX_FULL_SCORE && Number(value.toFixed(2)) === value;
}

/** The stored row as the recognition rules read it. */
export function sourceProvinceRulesOf(row: CertificationSourceRules): SourceProvinceRules {
  return {
    sourceProvinceCode: row.sourceProvinceCode,
    grades: row.grades(),
    passGrade: row.passGrade,
    fullScores: row.fullScores(),
    artAsMusicAndFineArt: row.artAsMusicAndFineArt,
  };
}

const windowSnapshot = (window: CertificationWindow) => ({
  provinceCode: window.provinceCode,
  kind: window.kind,
  name: window.name,
  opensAt: window.opensAt.toISOString(),
  closesAt: window.closesAt.toISOString(),
  viewableUntil: window.viewableUntil.toISOString(),
});

const rulesSnapshot = (row: CertificationSourceRules) => ({
  certifyingProvinceCode: row.certifyingProvinceCode,
  sourceProvinceCode: row.sourceProvinceCode,
  grades: row.grades(),
  passGrade: row.passGrade,
  fullScores: row.fullScores(),
  artAsMusicAndFineArt: row.artAsMusicAndFineArt,
});

export class CertificationConfigService {
  /** The window of this province and kind accepting submissions at `at` (opensAt <= at < closesAt), or null. */
  openWindow(ctx: CertificationContext, provinceCode: string, kind: string, at: Date): Promise<CertificationWindow | null> {
    return ctx.em.findOne(
      CertificationWindow,
      { provinceCode, kind, opensAt: { $lte: at }, closesAt: { $gt: at } },
      { orderBy: { opensAt: "desc", id: "asc" } },
    );
  }

  /** The most recent window that opened at or before `at` (for the viewing deadline and "closed" messages), or null. */
  latestWindow(ctx: CertificationContext, provinceCode: string, kind: string, at: Date): Promise<CertificationWindow | null> {
    return ctx.em.findOne(CertificationWindow, { provinceCode, kind, opensAt: { $lte: at } }, { orderBy: { opensAt: "desc", id: "asc" } });
  }

  /** The certifying province's rules for a source province, or null when it has none configured. */
  async sourceRules(ctx: CertificationContext, certifyingProvinceCode: string, sourceProvinceCode: string): Promise<SourceProvinceRules | null> {
    const row = await ctx.em.findOne(CertificationSourceRules, { certifyingProvinceCode, sourceProvinceCode });
    return row ? sourceProvinceRulesOf(row) : null;
  }

  /** One province's windows (by default the caller's provinces'), latest first. */
  listWindows(ctx: CertificationContext, provinceCode: string | null | undefined): Promise<CertificationWindow[]> {
    const provinces = provinceCode === null || provinceCode === undefined ? callerProvinceCodes(ctx) : [provinceCode];
    if (provinceCode && !isProvinceCode(provinceCode)) throw CertificationConfigErrors.CERTIFICATION_CONFIG_PROVINCE_INVALID();
    if (provinces.length === 0) return Promise.resolve([]);
    return ctx.em.find(CertificationWindow, { provinceCode: { $in: provinces } }, { orderBy: { opensAt: "desc", id: "asc" } });
  }

  listSourceRules(ctx: CertificationContext, certifyingProvinceCode: string, sourceProvinceCode: string | null | undefined): Promise<CertificationSourceRules[]> {
    if (!isProvinceCode(certifyingProvinceCode)) throw CertificationConfigErrors.CERTIFICATION_CONFIG_PROVINCE_INVALID();
    if (sourceProvinceCode && !isProvinceCode(sourceProvinceCode)) throw CertificationConfigErrors.CERTIFICATION_SOURCE_PROVINCE_INVALID();
    return ctx.em.find(
      CertificationSourceRules,
      sourceProvinceCode ? { certifyingProvinceCode, sourceProvinceCode } : { certifyingProvinceCode },
      { orderBy: { sourceProvinceCode: "asc" } },
    );
  }

  /** Creates or changes a window of the caller's own province; audited with what it was before. */
  async saveWindow(ctx: CertificationContext, input: SaveCertificationWindowInput): Promise<CertificationWindow> {
    if (!isProvinceCode(input.provinceCode)) throw CertificationConfigErrors.CERTIFICATION_CONFIG_PROVINCE_INVALID();
    const scope = provinceScope(ctx.caller, input.provinceCode);
    const caller = authorize(ctx.caller, CONFIGURE_CERTIFICATION, scope);
    const name = input.name.trim();
    if (!WINDOWED_KINDS.includes(input.kind)) throw CertificationConfigErrors.CERTIFICATION_WINDOW_KIND_INVALID();
    if (textLength(name) < 2 || textLength(name) > MAX_WINDOW_NAME_LENGTH || /\p{Cc}/u.test(name)) throw CertificationConfigErrors.CERTIFICATION_WINDOW_NAME_INVALID();
    if (input.closesAt <= input.opensAt) throw CertificationConfigErrors.CERTIFICATION_WINDOW_CLOSES_BEFORE_OPENING();
    if (input.viewableUntil < input.closesAt) throw CertificationConfigErrors.CERTIFICATION_WINDOW_VIEWABLE_BEFORE_CLOSING();

    const existing = input.id ? (isUuid(input.id) ? await ctx.em.findOne(CertificationWindow, { id: input.id }) : null) : undefined;
    // Another province's window is answered as missing, like any row outside the caller's scope.
    if (existing === null || (existing && existing.provinceCode !== input.provinceCode)) throw CertificationConfigErrors.CERTIFICATION_WINDOW_NOT_FOUND();
    const taken = () => CertificationConfigErrors.CERTIFICATION_WINDOW_NAME_TAKEN({ name });
    try {
      return await ctx.transaction(async (tx) => {
        const window = existing ? await tx.em.findOneOrFail(CertificationWindow, { id: existing.id }) : tx.em.create(CertificationWindow, {
          provinceCode: input.provinceCode, kind: input.kind, name, opensAt: input.opensAt, closesAt: input.closesAt, viewableUntil: input.viewableUntil, updatedAt: tx.clock.now(),
        });
        const before = existing ? windowSnapshot(window) : undefined;
        Object.assign(window, { kind: input.kind, name, opensAt: input.opensAt, closesAt: input.closesAt, viewableUntil: input.viewableUntil, updatedAt: tx.clock.now(), updatedBy: caller.subject });
        await flushUnique(tx.em, taken);
        await tx.audit.record({
          action: existing ? "certification-window.changed" : "certification-window.created",
          subject: { type: "CertificationWindow", id: window.id },
          organizationPath: scope.organizationPath,
          before,
          after: windowSnapshot(window),
        });
        return window;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw taken();
      throw error;
    }
  }

  /** Writes (or replaces) a source province's rules for the caller's own province; audited with what they were before. */
  async saveSourceRules(ctx: CertificationContext, input: SaveCertificationSourceRulesInput): Promise<CertificationSourceRules> {
    if (!isProvinceCode(input.certifyingProvinceCode)) throw CertificationConfigErrors.CERTIFICATION_CONFIG_PROVINCE_INVALID();
    const scope = provinceScope(ctx.caller, input.certifyingProvinceCode);
    const caller = authorize(ctx.caller, CONFIGURE_CERTIFICATION, scope);
    if (!isProvinceCode(input.sourceProvinceCode) || input.sourceProvinceCode === input.certifyingProvinceCode) {
      throw CertificationConfigErrors.CERTIFICATION_SOURCE_PROVINCE_INVALID();
    }
    const { grades, passGrade, fullScores } = validatedRules(input);

    const save = () =>
      ctx.transaction(async (tx) => {
        const key = { certifyingProvinceCode: input.certifyingProvinceCode, sourceProvinceCode: input.sourceProvinceCode };
        const existing = await tx.em.findOne(CertificationSourceRules, key);
        const before = existing ? rulesSnapshot(existing) : undefined;
        const row = existing ?? tx.em.create(CertificationSourceRules, { ...key, updatedAt: tx.clock.now() });
        Object.assign(row, {
          gradesJson: grades === null ? null : JSON.stringify(grades),
          passGrade,
          fullScoresJson: JSON.stringify(fullScores),
          artAsMusicAndFineArt: input.artAsMusicAndFineArt,
          updatedAt: tx.clock.now(),
          updatedBy: caller.subject,
        });
        await tx.em.flush();
        await tx.audit.record({
          action: existing ? "certification-source-rules.changed" : "certification-source-rules.created",
          subject: { type: "CertificationSourceRules", id: row.id },
          organizationPath: scope.organizationPath,
          before,
          after: rulesSnapshot(row),
        });
        return row;
      });
    try {
      return await save();
    } catch (error) {
      // Two first saves racing: the loser's insert meets the unique pair; it saves again over the winner's row.
      if (error instanceof UniqueConstraintViolationException) return save();
      throw error;
    }
  }
}

/** The input's scale and full scores, checked and normalised, or the first problem as an error. */
function validatedRules(input: SaveCertificationSourceRulesInput): { grades: string[] | null; passGrade: string | null; fullScores: Record<string, number> } {
  const grades = input.grades === null || input.grades === undefined ? null : input.grades.map((grade) => grade.trim());
  if (grades !== null) {
    const malformed = grades.some((grade) => textLength(grade) < 1 || textLength(grade) > MAX_GRADE_LENGTH || /\p{Cc}/u.test(grade));
    if (grades.length === 0 || grades.length > MAX_GRADES || malformed || new Set(grades).size !== grades.length) throw CertificationConfigErrors.CERTIFICATION_GRADES_INVALID();
  }
  const passGrade = input.passGrade?.trim() || null;
  if (grades === null ? passGrade !== null : passGrade === null || !grades.includes(passGrade)) throw CertificationConfigErrors.CERTIFICATION_PASS_GRADE_INVALID();
  const fullScores: Record<string, number> = {};
  for (const { subjectCode, fullScore } of input.fullScores ?? []) {
    const code = subjectCode.trim();
    if (!RECOGNITION_SUBJECT_CODES.includes(code)) throw CertificationConfigErrors.CERTIFICATION_SUBJECT_UNKNOWN({ subjectCode: code });
    if (!isFullScore(fullScore) || Object.prototype.hasOwnProperty.call(fullScores, code)) throw CertificationConfigErrors.CERTIFICATION_FULL_SCORE_INVALID({ subjectCode: code });
    fullScores[code] = fullScore;
  }
  if (grades === null && Object.keys(fullScores).length === 0) throw CertificationConfigErrors.CERTIFICATION_RULES_EMPTY();
  return { grades, passGrade, fullScores };
}
