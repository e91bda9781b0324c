import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  ART_SUBJECT,
  CERTIFIABLE_SUBJECTS,
  FINE_ART,
  MUSIC,
  recognizeGrade,
  recognizeScore,
  recognizeSubject,
  type Recognition,
  type SourceProvinceRules,
  type SubjectMark,
} from "./recognition.js";

const numbers = (fullScores: Record<string, number>, extra: Partial<SourceProvinceRules> = {}): SourceProvinceRules => ({
  sourceProvinceCode: "41",
  grades: null,
  passGrade: null,
  fullScores,
  artAsMusicAndFineArt: false,
  ...extra,
});
const scale = (grades: string[], passGrade: string, extra: Partial<SourceProvinceRules> = {}): SourceProvinceRules => ({
  sourceProvinceCode: "13",
  grades,
  passGrade,
  fullScores: {},
  artAsMusicAndFineArt: false,
  ...extra,
});

const passed = (result: Recognition) => (result.ok ? result.passed : `refused ${result.code}`);

describe("recognizeScore: 60 % of the full score, exactly", () => {
  const cases: Array<[full: number, exactly: string, below: string, above: string]> = [
    [100, "60", "59.99", "60.01"],
    [150, "90", "89.99", "90.01"],
    [90, "54", "53.99", "54.01"],
    [120, "72", "71.99", "72.01"],
    [50, "30", "29.99", "30.01"],
  ];
  it.each(cases)("full %d: %s passes, %s fails, %s passes", (full, exactly, below, above) => {
    const rules = numbers({ MATHEMATICS: full });
    expect(passed(recognizeScore(rules, "MATHEMATICS", exactly))).toBe(true);
    expect(passed(recognizeScore(rules, "MATHEMATICS", below))).toBe(false);
    expect(passed(recognizeScore(rules, "MATHEMATICS", above))).toBe(true);
    expect(passed(recognizeScore(rules, "MATHEMATICS", String(full)))).toBe(true);
    expect(passed(recognizeScore(rules, "MATHEMATICS", "0"))).toBe(false);
  });

  it("explains the verdict in Chinese with the threshold", () => {
    expect(recognizeScore(numbers({ PHYSICS: 90 }), "PHYSICS", "54")).toEqual({ ok: true, passed: true, explanation: "54 分达到满分 90 的 60%（54 分），合格" });
    expect(recognizeScore(numbers({ MATHEMATICS: 150 }), "MATHEMATICS", "89.99")).toEqual({
      ok: true,
      passed: false,
      explanation: "89.99 分低于满分 150 的 60%（90 分），不合格",
    });
    // A threshold with three decimals is written exactly, not rounded.
    expect(recognizeScore(numbers({ PHYSICS: 72.55 }), "PHYSICS", "43.53")).toMatchObject({ passed: true, explanation: "43.53 分达到满分 72.55 的 60%（43.53 分），合格" });
    expect(recognizeScore(numbers({ PHYSICS: 72.55 }), "PHYSICS", "43.52")).toMatchObject({ passed: false });
  });

  it("accepts trailing zeros and surrounding spaces as the same number", () => {
    const rules = numbers({ MATHEMATICS: 150 });
    expect(recognizeScore(rules, "MATHEMATICS", " 90.00 ")).toMatchObject({ ok: true, passed: true, explanation: "90 分达到满分 150 的 60%（90 分），合格" });
    expect(recognizeScore(rules, "MATHEMATICS", "89.9")).toMatchObject({ ok: true, passed: false });
  });

  it.each(["-1", "abc", "", "60.123", "1e2", "60.", ".5", "６０", "Infinity", "NaN", "0x3C", "60,5"])("refuses the score %j as invalid", (score) => {
    const result = recognizeScore(numbers({ MATHEMATICS: 150 }), "MATHEMATICS", score);
    expect(result).toMatchObject({ ok: false, code: "SCORE_INVALID" });
    expect(result.ok || result.reason).toMatch(/无效/);
  });

  it("refuses a score above the full score", () => {
    expect(recognizeScore(numbers({ PHYSICS: 100 }), "PHYSICS", "100.01")).toEqual({ ok: false, code: "SCORE_ABOVE_FULL", reason: "100.01 分超过物理的满分 100 分" });
  });

  it("refuses a subject without a full score, or with an unusable one", () => {
    expect(recognizeScore(numbers({ PHYSICS: 100 }), "CHEMISTRY", "80")).toEqual({ ok: false, code: "NO_FULL_SCORE", reason: "未配置该省份化学的满分，无法按分数认定" });
    expect(recognizeScore(numbers({ PHYSICS: 0 }), "PHYSICS", "0")).toMatchObject({ ok: false, code: "NO_FULL_SCORE" });
    expect(recognizeScore(numbers({ PHYSICS: Number.NaN }), "PHYSICS", "0")).toMatchObject({ ok: false, code: "NO_FULL_SCORE" });
    expect(recognizeScore(numbers({ PHYSICS: 0.1 + 0.2 }), "PHYSICS", "0")).toMatchObject({ ok: false, code: "NO_FULL_SCORE" });
    // Inherited properties of a plain object are no full scores.
    expect(recognizeScore(numbers({}), "constructor", "1")).toMatchObject({ ok: false, code: "NO_FULL_SCORE" });
  });
});

describe("recognizeGrade: the passing grade or better", () => {
  const scales: Array<[name: string, grades: string[], passGrade: string, failing: string[]]> = [
    ["A/B/C/D, pass C", ["A", "B", "C", "D"], "C", ["D"]],
    ["合格/不合格", ["合格", "不合格"], "合格", ["不合格"]],
    ["优秀/良好/合格/不合格", ["优秀", "良好", "合格", "不合格"], "合格", ["不合格"]],
    ["A–E, pass D", ["A", "B", "C", "D", "E"], "D", ["E"]],
  ];
  it.each(scales)("%s", (_name, grades, passGrade, failing) => {
    const rules = scale(grades, passGrade);
    for (const grade of grades) expect(passed(recognizeGrade(rules, grade)), grade).toBe(!failing.includes(grade));
    expect(passed(recognizeGrade(rules, passGrade))).toBe(true);
    expect(passed(recognizeGrade(rules, grades[grades.indexOf(passGrade) + 1]!))).toBe(false);
  });

  it("explains in Chinese", () => {
    const rules = scale(["A", "B", "C", "D"], "C");
    expect(recognizeGrade(rules, "B")).toEqual({ ok: true, passed: true, explanation: "B 不低于合格等级 C，合格" });
    expect(recognizeGrade(rules, "D")).toEqual({ ok: true, passed: false, explanation: "D 低于合格等级 C，不合格" });
  });

  it("refuses a grade outside the scale, never guessing (no case folding, no neighbours)", () => {
    const rules = scale(["A", "B", "C", "D"], "C");
    for (const grade of ["c", "E", "A+", "合格", ""]) expect(recognizeGrade(rules, grade), grade).toMatchObject({ ok: false, code: "GRADE_NOT_IN_SCALE" });
    expect(recognizeGrade(rules, "E")).toEqual({ ok: false, code: "GRADE_NOT_IN_SCALE", reason: "等级“E”不在该省份的等级制度（A、B、C、D）中" });
  });

  it("refuses when no grade scale is configured or its passing grade is not in it", () => {
    expect(recognizeGrade(numbers({ PHYSICS: 100 }), "A")).toMatchObject({ ok: false, code: "NO_GRADE_SCALE" });
    expect(recognizeGrade(scale([], "C"), "C")).toMatchObject({ ok: false, code: "NO_GRADE_SCALE" });
    expect(recognizeGrade(scale(["A", "B"], "C"), "A")).toMatchObject({ ok: false, code: "NO_GRADE_SCALE" });
  });
});

describe("recognizeSubject", () => {
  const split = numbers({ MUSIC: 100, FINE_ART: 100, ARTS: 100 }, { grades: ["合格", "不合格"], passGrade: "合格", artAsMusicAndFineArt: true });
  const P: SubjectMark = { grade: "合格" };
  const F: SubjectMark = { grade: "不合格" };

  it.each([
    [P, P, true],
    [P, F, false],
    [F, P, false],
    [F, F, false],
  ] as const)("art from music %j and fine art %j passes: %s", (music, fineArt, expected) => {
    const result = recognizeSubject(split, ART_SUBJECT, { parts: { MUSIC: music, FINE_ART: fineArt } });
    expect(result).toMatchObject({ ok: true, passed: expected });
    expect(result.parts?.[MUSIC]).toMatchObject({ ok: true, passed: music === P });
    expect(result.parts?.[FINE_ART]).toMatchObject({ ok: true, passed: fineArt === P });
    expect(result.ok && result.explanation).toMatch(expected ? /艺术合格$/ : /艺术不合格$/);
  });

  it("art by scores: both parts must reach 60 %", () => {
    expect(recognizeSubject(split, ART_SUBJECT, { parts: { MUSIC: { score: "60" }, FINE_ART: { score: "59.99" } } })).toMatchObject({ ok: true, passed: false });
    expect(recognizeSubject(split, ART_SUBJECT, { parts: { MUSIC: { score: "60" }, FINE_ART: { grade: "合格" } } })).toMatchObject({ ok: true, passed: true });
  });

  it.each([
    [{ MUSIC: P }, "美术"],
    [{ FINE_ART: P }, "音乐"],
    [{ MUSIC: P, FINE_ART: null }, "美术"],
    [{ MUSIC: { score: " " }, FINE_ART: P }, "音乐"],
    [{}, "音乐、美术"],
  ] as const)("refuses art with parts %j (missing %s)", (parts, missing) => {
    const result = recognizeSubject(split, ART_SUBJECT, { parts });
    expect(result).toMatchObject({ ok: false, code: "ART_PART_MISSING" });
    expect(result.ok || result.reason).toContain(`缺少${missing}的成绩`);
  });

  it("refuses art given as one mark where the province splits it", () => {
    expect(recognizeSubject(split, ART_SUBJECT, { mark: P })).toMatchObject({ ok: false, code: "ART_PART_MISSING" });
  });

  it("a part that cannot be recognised refuses the whole subject, naming the part", () => {
    const result = recognizeSubject(split, ART_SUBJECT, { parts: { MUSIC: P, FINE_ART: { grade: "B" } } });
    expect(result).toMatchObject({ ok: false, code: "GRADE_NOT_IN_SCALE" });
    expect(result.ok || result.reason).toMatch(/^美术：/);
  });

  it("art as one mark where the province does not split it", () => {
    const whole = scale(["A", "B", "C", "D"], "C");
    expect(recognizeSubject(whole, ART_SUBJECT, { mark: { grade: "C" } })).toMatchObject({ ok: true, passed: true });
  });

  it("refuses a missing mark", () => {
    const rules = scale(["A", "B", "C", "D"], "C");
    expect(recognizeSubject(rules, "PHYSICS", {})).toEqual({ ok: false, code: "MARK_MISSING", reason: "未填写物理的等级或分数" });
    expect(recognizeSubject(rules, "PHYSICS", { mark: null })).toMatchObject({ code: "MARK_MISSING" });
    expect(recognizeSubject(rules, "PHYSICS", { mark: { grade: "  " } })).toMatchObject({ code: "MARK_MISSING" });
  });

  it("a grade and a score that agree pass together; disagreeing ones are refused", () => {
    const both = numbers({ PHYSICS: 100 }, { grades: ["合格", "不合格"], passGrade: "合格" });
    const agree = { grade: "合格", score: "75" } as unknown as SubjectMark;
    const disagree = { grade: "合格", score: "40" } as unknown as SubjectMark;
    expect(recognizeSubject(both, "PHYSICS", { mark: agree })).toMatchObject({ ok: true, passed: true });
    expect(recognizeSubject(both, "PHYSICS", { mark: disagree })).toMatchObject({ ok: false, code: "SCORE_INVALID" });
  });

  it("covers the thirteen subjects", () => {
    expect(CERTIFIABLE_SUBJECTS.map((subject) => subject.code)).toHaveLength(13);
  });
});

describe("properties", () => {
  const fullScore = fc.oneof(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 100_000 }).map((hundredths) => hundredths / 100));
  const hundredthsText = (hundredths: number) => `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, "0")}`;

  it("a score's verdict is the exact rational comparison score / full >= 3/5", () => {
    fc.assert(
      fc.property(fullScore, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (full, share, asInteger) => {
        const fullHundredths = Math.round(full * 100);
        const scoreHundredths = asInteger ? Math.floor((fullHundredths * share) / 100) * 100 : Math.floor(fullHundredths * share);
        const text = asInteger ? String(scoreHundredths / 100) : hundredthsText(scoreHundredths);
        const result = recognizeScore(numbers({ PHYSICS: full }), "PHYSICS", text);
        // Integer cross-multiplication: score × 5 ≥ full × 3 (both in hundredths).
        expect(result).toMatchObject({ ok: true, passed: scoreHundredths * 5 >= fullHundredths * 3 });
      }),
    );
  });

  it("a grade's verdict is its place at or above the passing grade", () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }).filter((grade) => grade.trim() === grade), { minLength: 1, maxLength: 8 }), fc.nat(), fc.nat(), (grades, p, g) => {
        const passIndex = p % grades.length;
        const index = g % grades.length;
        expect(recognizeGrade(scale(grades, grades[passIndex]!), grades[index]!)).toMatchObject({ ok: true, passed: index <= passIndex });
      }),
    );
  });

  it("art passes iff both parts pass", () => {
    const rules = numbers({ MUSIC: 100, FINE_ART: 100 }, { artAsMusicAndFineArt: true });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 10_000 }), (music, fineArt) => {
        const result = recognizeSubject(rules, ART_SUBJECT, { parts: { MUSIC: { score: hundredthsText(music) }, FINE_ART: { score: hundredthsText(fineArt) } } });
        expect(result).toMatchObject({ ok: true, passed: music >= 6000 && fineArt >= 6000 });
      }),
    );
  });

  it("never throws, whatever the strings", () => {
    const rules = numbers({ PHYSICS: 100, MUSIC: 100 }, { grades: ["A", "B"], passGrade: "B", artAsMusicAndFineArt: true });
    fc.assert(
      fc.property(fc.string(), fc.string(), fc.string(), (subject, grade, score) => {
        for (const result of [
          recognizeGrade(rules, grade),
          recognizeScore(rules, subject, score),
          recognizeSubject(rules, subject, { mark: { grade } }),
          recognizeSubject(rules, subject, { mark: { score } }),
          recognizeSubject(rules, ART_SUBJECT, { parts: { MUSIC: { grade }, FINE_ART: { score } } }),
        ]) {
          expect(typeof result.ok).toBe("boolean");
          expect(result.ok ? result.explanation : result.reason).toMatch(/[\u4e00-\u9fa5]/);
        }
      }),
    );
  });
});
