import { ART_PARTS, ART_SUBJECT, CERTIFIABLE_SUBJECTS, recognizeSubject, type Recognition, type SourceProvinceRules, type SubjectMark } from "@xuekao/rules";

/**
 * The reviewer's entry of one case's subjects: a row per certifiable subject (art as music and
 * fine art when the source province splits it), the live verdict from the same rules engine the
 * server stores its verdict with, and the input saveCertificationSubjects takes. Rows left empty
 * are not recorded.
 */
export type ExamKind = "QUALIFICATION" | "SELECTIVE";

export interface MarkEntry {
  grade: string;
  score: string;
}
export interface SubjectEntry extends MarkEntry {
  code: string;
  name: string;
  examKind: ExamKind;
  /** Art's two parts, used when the rules split art. */
  parts: Record<"MUSIC" | "FINE_ART", MarkEntry>;
}

/** The GraphQL shape of certificationSourceRules, as the engine's data. */
export function sourceRulesOf(rules: {
  sourceProvinceCode: string;
  grades?: readonly string[] | null;
  passGrade?: string | null;
  artAsMusicAndFineArt: boolean;
  fullScores: ReadonlyArray<{ subjectCode: string; fullScore: number }>;
}): SourceProvinceRules {
  return {
    sourceProvinceCode: rules.sourceProvinceCode,
    grades: rules.grades ?? null,
    passGrade: rules.passGrade ?? null,
    fullScores: Object.fromEntries(rules.fullScores.map((entry) => [entry.subjectCode, entry.fullScore])),
    artAsMusicAndFineArt: rules.artAsMusicAndFineArt,
  };
}

const emptyMark = (): MarkEntry => ({ grade: "", score: "" });

interface RecordedMark {
  subjectCode: string;
  grade?: string | null;
  score?: string | null;
}

/** The thirteen rows, filled from what was recorded before. */
export function entriesFrom(recorded: ReadonlyArray<RecordedMark & { parts?: readonly RecordedMark[] }>): SubjectEntry[] {
  return CERTIFIABLE_SUBJECTS.map((subject) => {
    const saved = recorded.find((entry) => entry.subjectCode === subject.code);
    const part = (code: string) => saved?.parts?.find((entry) => entry.subjectCode === code);
    return {
      code: subject.code,
      name: subject.name,
      examKind: "QUALIFICATION",
      grade: saved?.grade ?? "",
      score: saved?.score ?? "",
      parts: {
        MUSIC: { grade: part("MUSIC")?.grade ?? "", score: part("MUSIC")?.score ?? "" },
        FINE_ART: { grade: part("FINE_ART")?.grade ?? "", score: part("FINE_ART")?.score ?? "" },
      },
    };
  });
}

export const splitsArt = (entry: SubjectEntry, rules: SourceProvinceRules | null) => entry.code === ART_SUBJECT && Boolean(rules?.artAsMusicAndFineArt);

const markOf = (entry: MarkEntry): SubjectMark | null => {
  if (entry.grade.trim()) return entry.score.trim() ? ({ grade: entry.grade, score: entry.score } as unknown as SubjectMark) : { grade: entry.grade };
  return entry.score.trim() ? { score: entry.score.trim() } : null;
};
const blank = (entry: MarkEntry) => !entry.grade.trim() && !entry.score.trim();

/** Whether the row has anything written (an empty row is simply not recorded). */
export function isFilled(entry: SubjectEntry, rules: SourceProvinceRules | null): boolean {
  return splitsArt(entry, rules) ? !blank(entry.parts.MUSIC) || !blank(entry.parts.FINE_ART) : !blank(entry);
}

export type Verdict =
  | { kind: "empty" }
  | { kind: "selective"; reason: string }
  | { kind: "no-rules"; reason: string }
  | { kind: "refused"; reason: string; parts?: Record<string, Recognition> }
  | { kind: "decided"; passed: boolean; explanation: string; parts?: Record<string, Recognition> };

/** The verdict the server will store for this row, computed here as the reviewer types. */
export function verdictOf(entry: SubjectEntry, rules: SourceProvinceRules | null): Verdict {
  if (!isFilled(entry, rules)) return { kind: "empty" };
  if (entry.examKind === "SELECTIVE") return { kind: "selective", reason: "选择性考试成绩不予认定，只认定合格性考试成绩" };
  if (!rules) return { kind: "no-rules", reason: "未配置该来源省份的认定规则，无法认定" };
  const result = splitsArt(entry, rules)
    ? recognizeSubject(rules, entry.code, { parts: { MUSIC: markOf(entry.parts.MUSIC), FINE_ART: markOf(entry.parts.FINE_ART) } })
    : recognizeSubject(rules, entry.code, { mark: markOf(entry) });
  return result.ok ? { kind: "decided", passed: result.passed, explanation: result.explanation, parts: result.parts } : { kind: "refused", reason: result.reason, parts: result.parts };
}

/** The full score the rules give a subject (or part), when the province gives numbers for it. */
export const fullScoreOf = (rules: SourceProvinceRules | null, code: string): number | null => rules?.fullScores[code] ?? null;

const clean = (value: string) => (value.trim() ? value.trim() : null);

/** saveCertificationSubjects' `subjects`: the filled rows only. */
export function subjectsInput(entries: readonly SubjectEntry[], rules: SourceProvinceRules | null) {
  return entries
    .filter((entry) => isFilled(entry, rules))
    .map((entry) =>
      splitsArt(entry, rules)
        ? {
            subjectCode: entry.code,
            examKind: entry.examKind,
            grade: null,
            score: null,
            parts: ART_PARTS.map((part) => ({ subjectCode: part.code, grade: clean(entry.parts[part.code].grade), score: clean(entry.parts[part.code].score) })),
          }
        : { subjectCode: entry.code, examKind: entry.examKind, grade: clean(entry.grade), score: clean(entry.score), parts: null },
    );
}

export { emptyMark };
