import { describe, expect, it } from "vitest";
import { entriesFrom, sourceRulesOf, subjectsInput, verdictOf } from "./certification-subjects";

const GRADES_AND_SCORES = sourceRulesOf({
  sourceProvinceCode: "44",
  grades: ["A", "B", "C", "D", "E"],
  passGrade: "D",
  artAsMusicAndFineArt: true,
  fullScores: [
    { subjectCode: "MATHEMATICS", fullScore: 150 },
    { subjectCode: "MUSIC", fullScore: 100 },
  ],
});

const row = (code: string) => entriesFrom([]).find((entry) => entry.code === code)!;

describe("the reviewer's subject entry", () => {
  it("has a row for each of the thirteen subjects, filled from what was saved", () => {
    const entries = entriesFrom([{ subjectCode: "CHINESE", grade: "B", score: null }]);
    expect(entries).toHaveLength(13);
    expect(entries[0]).toMatchObject({ code: "CHINESE", name: "语文", grade: "B", examKind: "QUALIFICATION" });
  });

  it("gives the engine's verdict for a grade and for a score against the full score", () => {
    const chinese = { ...row("CHINESE"), grade: "E" };
    expect(verdictOf(chinese, GRADES_AND_SCORES)).toMatchObject({ kind: "decided", passed: false, explanation: "E 低于合格等级 D，不合格" });
    const maths = { ...row("MATHEMATICS"), score: "90" };
    expect(verdictOf(maths, GRADES_AND_SCORES)).toMatchObject({ kind: "decided", passed: true, explanation: "90 分达到满分 150 的 60%（90 分），合格" });
    expect(verdictOf({ ...maths, score: "89.99" }, GRADES_AND_SCORES)).toMatchObject({ kind: "decided", passed: false });
    expect(verdictOf({ ...maths, score: "151" }, GRADES_AND_SCORES)).toMatchObject({ kind: "refused" });
    expect(verdictOf(row("PHYSICS"), GRADES_AND_SCORES)).toEqual({ kind: "empty" });
  });

  it("refuses a selective-exam mark and says so when the source province has no rules", () => {
    expect(verdictOf({ ...row("CHINESE"), grade: "A", examKind: "SELECTIVE" }, GRADES_AND_SCORES).kind).toBe("selective");
    expect(verdictOf({ ...row("CHINESE"), grade: "A" }, null).kind).toBe("no-rules");
  });

  it("judges art by both parts when the source province splits it, and sends both", () => {
    const art = row("ARTS");
    art.parts.MUSIC.score = "60";
    expect(verdictOf(art, GRADES_AND_SCORES)).toMatchObject({ kind: "refused", reason: "该省份的艺术成绩分音乐、美术两部分，缺少美术的成绩" });
    art.parts.FINE_ART.grade = "E";
    const failed = verdictOf(art, GRADES_AND_SCORES);
    expect(failed).toMatchObject({ kind: "decided", passed: false });
    expect(failed.kind === "decided" && failed.explanation).toContain("音乐、美术须均合格，艺术不合格");
    art.parts.FINE_ART.grade = "C";
    expect(verdictOf(art, GRADES_AND_SCORES)).toMatchObject({ kind: "decided", passed: true });
    const entries = entriesFrom([]).map((entry) => (entry.code === "ARTS" ? art : entry.code === "CHINESE" ? { ...entry, grade: "A" } : entry));
    expect(subjectsInput(entries, GRADES_AND_SCORES)).toEqual([
      { subjectCode: "CHINESE", examKind: "QUALIFICATION", grade: "A", score: null, parts: null },
      {
        subjectCode: "ARTS",
        examKind: "QUALIFICATION",
        grade: null,
        score: null,
        parts: [
          { subjectCode: "MUSIC", grade: null, score: "60" },
          { subjectCode: "FINE_ART", grade: "C", score: null },
        ],
      },
    ]);
  });
});
