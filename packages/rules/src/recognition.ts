/**
 * Recognition of another province's qualification-exam marks (成绩认定): whether a subject the
 * candidate passed elsewhere counts as passed here. The certifying province decides by the
 * source province's own scale, which it configures as data (`SourceProvinceRules`):
 *
 * - a grade passes when it is the scale's passing grade or better (grades are listed best first);
 * - a score passes when it reaches 60 % of that subject's full score (BJEEA notice: "达到满分的
 *   60%"), compared exactly — 89.99 of 150 fails, 90 passes; no floating point ever decides;
 * - where the source province gives art as two parts (音乐 and 美术), art passes only when both do.
 *
 * Anything the rules cannot decide (a grade not in the scale, a score above the full score, no
 * scale configured, a missing part) is refused with a reason, never guessed: a reviewer then
 * looks at the certificate. Shared by the certification subgraph and the reviewer's page, so the
 * verdict the page previews is the one the server stores.
 */

/** A source province's scale as configured by the certifying province (data, see certification-config). */
export interface SourceProvinceRules {
  sourceProvinceCode: string;
  /** Grades best first, e.g. ["A","B","C","D"]; null when the province gives numbers only. */
  grades: readonly string[] | null;
  /** The lowest passing grade (must be in grades), e.g. "C"; null when grades is null. */
  passGrade: string | null;
  /** Full score per subject code where the province gives numbers, e.g. { MATHEMATICS: 150, PHYSICS: 100 }. */
  fullScores: Readonly<Record<string, number>>;
  /** Art is given as two parts MUSIC and FINE_ART (both must pass) instead of one ARTS mark. */
  artAsMusicAndFineArt: boolean;
}

/** A mark as the certificate shows it: a grade, or a score as decimal text ("89.5"). */
export type SubjectMark = { grade: string; score?: undefined } | { score: string; grade?: undefined };

export type RecognitionRefusal =
  | "GRADE_NOT_IN_SCALE"
  | "NO_GRADE_SCALE"
  | "SCORE_INVALID"
  | "SCORE_ABOVE_FULL"
  | "NO_FULL_SCORE"
  | "ART_PART_MISSING"
  | "MARK_MISSING";

export type Recognition =
  | { ok: true; passed: boolean; explanation: string }
  | { ok: false; code: RecognitionRefusal; reason: string };

export const ART_SUBJECT = "ARTS";
export const MUSIC = "MUSIC";
export const FINE_ART = "FINE_ART";

/** The thirteen qualification-exam subjects a certification covers (docs/domain.md "The exam"). */
export const CERTIFIABLE_SUBJECTS: ReadonlyArray<{ code: string; name: string }> = Object.freeze([
  { code: "CHINESE", name: "语文" },
  { code: "MATHEMATICS", name: "数学" },
  { code: "FOREIGN_LANGUAGE", name: "外语" },
  { code: "POLITICS", name: "思想政治" },
  { code: "HISTORY", name: "历史" },
  { code: "GEOGRAPHY", name: "地理" },
  { code: "PHYSICS", name: "物理" },
  { code: "CHEMISTRY", name: "化学" },
  { code: "BIOLOGY", name: "生物学" },
  { code: "INFORMATION_TECHNOLOGY", name: "信息技术" },
  { code: "GENERAL_TECHNOLOGY", name: "通用技术" },
  { code: ART_SUBJECT, name: "艺术" },
  { code: "PHYSICAL_EDUCATION", name: "体育与健康" },
]);

/** The two parts art is given as by provinces that split it. */
export const ART_PARTS: ReadonlyArray<{ code: typeof MUSIC | typeof FINE_ART; name: string }> = Object.freeze([
  { code: MUSIC, name: "音乐" },
  { code: FINE_ART, name: "美术" },
]);

/** Every code a full score may be configured for: the thirteen subjects and art's two parts. */
export const RECOGNITION_SUBJECT_CODES: readonly string[] = Object.freeze([...CERTIFIABLE_SUBJECTS, ...ART_PARTS].map((subject) => subject.code));

/** "MATHEMATICS" → "数学"; an unknown code is shown as it is. */
export function recognitionSubjectName(code: string): string {
  return [...CERTIFIABLE_SUBJECTS, ...ART_PARTS].find((subject) => subject.code === code)?.name ?? code;
}

/** The score-to-pass share of the full score, as a fraction (60 %). */
const PASS_NUMERATOR = 60n;
const PASS_DENOMINATOR = 100n;

/** A non-negative decimal with at most two fraction digits, as an integer count of hundredths. */
const DECIMAL = /^(\d{1,9})(?:\.(\d{1,2}))?$/;

function hundredthsOf(text: string): bigint | null {
  const match = DECIMAL.exec(text);
  if (!match) return null;
  return BigInt(match[1]!) * 100n + BigInt((match[2] ?? "").padEnd(2, "0"));
}

/**
 * A configured full score (a JSON number) as hundredths, or null when it is not a positive number
 * with at most two fraction digits. `toFixed` only formats here: the check that rounding changed
 * nothing is what keeps 0.1 + 0.2-style values out.
 */
function fullHundredthsOf(full: unknown): bigint | null {
  if (typeof full !== "number" || !Number.isFinite(full) || full <= 0 || full > 1e9) return null;
  const text = full.toFixed(2);
  if (Number(text) !== full) return null;
  return hundredthsOf(text);
}

/** Hundredths (or thousandths, with `scale` 3) written as the shortest decimal: 5400n → "54", 8999n → "89.99". */
function formatFixed(value: bigint, scale: number): string {
  const unit = 10n ** BigInt(scale);
  const whole = value / unit;
  const fraction = (value % unit).toString().padStart(scale, "0").replace(/0+$/, "");
  return fraction ? `${whole}.${fraction}` : `${whole}`;
}

const refuse = (code: RecognitionRefusal, reason: string): Recognition => ({ ok: false, code, reason });
const own = (record: unknown, key: string): unknown =>
  record !== null && typeof record === "object" && Object.prototype.hasOwnProperty.call(record, key) ? (record as Record<string, unknown>)[key] : undefined;

/** The grade against the scale: it passes when it is the passing grade or a better one. */
export function recognizeGrade(rules: SourceProvinceRules, grade: string): Recognition {
  const grades = Array.isArray(rules?.grades) ? rules.grades : null;
  const passIndex = grades && typeof rules.passGrade === "string" ? grades.indexOf(rules.passGrade) : -1;
  if (!grades || grades.length === 0 || passIndex < 0) {
    return refuse("NO_GRADE_SCALE", "未配置该省份的等级制度（等级及合格等级），无法按等级认定，请按成绩证明人工核对");
  }
  const text = typeof grade === "string" ? grade.trim() : "";
  const index = grades.indexOf(text);
  if (index < 0) {
    return refuse("GRADE_NOT_IN_SCALE", `等级“${text}”不在该省份的等级制度（${grades.join("、")}）中`);
  }
  const passed = index <= passIndex;
  return {
    ok: true,
    passed,
    explanation: passed ? `${text} 不低于合格等级 ${rules.passGrade}，合格` : `${text} 低于合格等级 ${rules.passGrade}，不合格`,
  };
}

/** The score against 60 % of the subject's full score, in exact decimal arithmetic. */
export function recognizeScore(rules: SourceProvinceRules, subjectCode: string, score: string): Recognition {
  const name = recognitionSubjectName(subjectCode);
  const full = fullHundredthsOf(own(rules?.fullScores, subjectCode));
  if (full === null) return refuse("NO_FULL_SCORE", `未配置该省份${name}的满分，无法按分数认定`);
  const text = typeof score === "string" ? score.trim() : "";
  const value = hundredthsOf(text);
  if (value === null) return refuse("SCORE_INVALID", `分数“${text}”无效：应为不小于 0 的数，最多两位小数`);
  if (value > full) return refuse("SCORE_ABOVE_FULL", `${formatFixed(value, 2)} 分超过${name}的满分 ${formatFixed(full, 2)} 分`);
  // score ≥ full × 60/100  ⇔  score × 100 ≥ full × 60, all in integers.
  const passed = value * PASS_DENOMINATOR >= full * PASS_NUMERATOR;
  // The threshold in thousandths (hundredths × 0.6 = hundredths × 6 / 10), so it is shown exactly.
  const threshold = formatFixed(full * 6n, 3);
  const shown = formatFixed(value, 2);
  const fullShown = formatFixed(full, 2);
  return {
    ok: true,
    passed,
    explanation: passed
      ? `${shown} 分达到满分 ${fullShown} 的 60%（${threshold} 分），合格`
      : `${shown} 分低于满分 ${fullShown} 的 60%（${threshold} 分），不合格`,
  };
}

function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === "string" && value.trim() === "");
}

/** One mark (grade, score, or both when the certificate shows both and they must agree). */
function recognizeMark(rules: SourceProvinceRules, subjectCode: string, mark: SubjectMark | null | undefined): Recognition {
  const grade = isBlank(mark?.grade) ? null : mark!.grade;
  const score = isBlank(mark?.score) ? null : mark!.score;
  const name = recognitionSubjectName(subjectCode);
  if (grade === null && score === null) return refuse("MARK_MISSING", `未填写${name}的等级或分数`);
  const byGrade = grade !== null ? recognizeGrade(rules, String(grade)) : null;
  const byScore = score !== null ? recognizeScore(rules, subjectCode, String(score)) : null;
  if (!byGrade) return byScore!;
  if (!byScore) return byGrade;
  if (!byGrade.ok) return byGrade;
  if (!byScore.ok) return byScore;
  // Both written: two readings of one certificate that disagree are a question for the reviewer.
  if (byGrade.passed !== byScore.passed) {
    return refuse("SCORE_INVALID", `${name}的等级与分数结论不一致（${byGrade.explanation}；${byScore.explanation}），请核对成绩证明`);
  }
  return { ok: true, passed: byGrade.passed, explanation: `${byGrade.explanation}；${byScore.explanation}` };
}

/**
 * One subject. Art from a province that splits it needs both parts, MUSIC and FINE_ART, and
 * passes only when both pass; the parts' own verdicts come back in `parts`. Any other subject
 * needs its mark.
 */
export function recognizeSubject(
  rules: SourceProvinceRules,
  subjectCode: string,
  input: { mark?: SubjectMark | null; parts?: Partial<Record<"MUSIC" | "FINE_ART", SubjectMark | null>> },
): Recognition & { parts?: Record<string, Recognition> } {
  if (subjectCode === ART_SUBJECT && rules?.artAsMusicAndFineArt) {
    const given = ART_PARTS.map((part) => ({ ...part, mark: own(input?.parts, part.code) as SubjectMark | null | undefined }));
    const missing = given.filter((part) => isBlank(part.mark?.grade) && isBlank(part.mark?.score));
    if (missing.length > 0) {
      return refuse("ART_PART_MISSING", `该省份的艺术成绩分音乐、美术两部分，缺少${missing.map((part) => part.name).join("、")}的成绩`);
    }
    const parts: Record<string, Recognition> = {};
    for (const part of given) parts[part.code] = recognizeMark(rules, part.code, part.mark);
    const refused = given.map((part) => ({ part, result: parts[part.code]! })).find(({ result }) => !result.ok);
    if (refused && !refused.result.ok) {
      return { ok: false, code: refused.result.code, reason: `${refused.part.name}：${refused.result.reason}`, parts };
    }
    const passed = given.every((part) => (parts[part.code] as { passed: boolean }).passed);
    const detail = given.map((part) => `${part.name}：${(parts[part.code] as { explanation: string }).explanation}`).join("；");
    return {
      ok: true,
      passed,
      explanation: `${detail}；${passed ? "音乐、美术均合格，艺术合格" : "音乐、美术须均合格，艺术不合格"}`,
      parts,
    };
  }
  return recognizeMark(rules, subjectCode, input?.mark);
}
