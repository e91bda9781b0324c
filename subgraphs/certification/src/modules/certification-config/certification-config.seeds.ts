import { UniqueConstraintViolationException, type MikroORM } from "@mikro-orm/core";
import { CERTIFIABLE_SUBJECTS, FINE_ART, MUSIC } from "@xuekao/rules";
import { hoursFrom, type Clock } from "@xuekao/subgraph-kit";
import type { CertificationContext } from "../../certification-context.js";
import { CertificationSourceRules, CertificationWindow } from "./certification-config.entity.js";

const RETURNING_CANDIDATE = "certification.returning-candidate";

interface WindowSeed {
  provinceCode: string;
  kind: string;
  name: string;
  opensAt: Date;
  closesAt: Date;
  viewableUntil: Date;
}

/**
 * Beijing's 2023 returning-candidate certification as the BJEEA notice announced it: submissions
 * from 2022-10-26 10:00 to 2022-11-04 12:00 Beijing time, results viewable until 2022-11-07 12:00.
 */
export const CERTIFICATION_WINDOWS: readonly WindowSeed[] = [
  {
    provinceCode: "11",
    kind: RETURNING_CANDIDATE,
    name: "2023年返京成绩认定",
    opensAt: new Date("2022-10-26T10:00:00+08:00"),
    closesAt: new Date("2022-11-04T12:00:00+08:00"),
    viewableUntil: new Date("2022-11-07T12:00:00+08:00"),
  },
];

interface RulesSeed {
  sourceProvinceCode: string;
  grades: string[] | null;
  passGrade: string | null;
  fullScores: Record<string, number>;
  artAsMusicAndFineArt: boolean;
}

const fullScoresOf = (codes: readonly string[], full: number, overrides: Record<string, number> = {}) =>
  Object.fromEntries(codes.map((code) => [code, overrides[code] ?? full]));
const SUBJECT_CODES = CERTIFIABLE_SUBJECTS.map((subject) => subject.code);

/** How the demo source provinces report qualification results (the certifying institute edits them). */
const HEBEI: RulesSeed = { sourceProvinceCode: "13", grades: ["A", "B", "C", "D"], passGrade: "C", fullScores: {}, artAsMusicAndFineArt: false };
const SHANDONG: RulesSeed = { sourceProvinceCode: "37", grades: ["合格", "不合格"], passGrade: "合格", fullScores: {}, artAsMusicAndFineArt: false };
const SHANXI: RulesSeed = { sourceProvinceCode: "14", grades: ["优秀", "良好", "合格", "不合格"], passGrade: "合格", fullScores: {}, artAsMusicAndFineArt: false };
/** Henan gives numbers only: 150 for Chinese, mathematics and the foreign language, 100 otherwise; art as music and fine art. */
const HENAN: RulesSeed = {
  sourceProvinceCode: "41",
  grades: null,
  passGrade: null,
  fullScores: fullScoresOf([...SUBJECT_CODES.filter((code) => code !== "ARTS"), MUSIC, FINE_ART], 100, { CHINESE: 150, MATHEMATICS: 150, FOREIGN_LANGUAGE: 150 }),
  artAsMusicAndFineArt: true,
};
const INNER_MONGOLIA: RulesSeed = { sourceProvinceCode: "15", grades: ["合格", "不合格"], passGrade: "合格", fullScores: fullScoresOf(SUBJECT_CODES, 100), artAsMusicAndFineArt: false };

export const CERTIFICATION_SOURCE_RULES: ReadonlyArray<RulesSeed & { certifyingProvinceCode: string }> = [
  ...[HEBEI, SHANDONG, SHANXI, HENAN, INNER_MONGOLIA].map((rules) => ({ ...rules, certifyingProvinceCode: "11" })),
  ...[HEBEI, SHANDONG, SHANXI, HENAN].map((rules) => ({ ...rules, certifyingProvinceCode: "15" })),
];

/**
 * The certification configuration, as data: written at every start when missing (like the
 * approval chains and the subject catalogue); from then on a row is the province's to change.
 */
export async function seedCertificationConfig(orm: MikroORM, clock: Clock): Promise<void> {
  const em = orm.em.fork();
  const now = clock.now();
  const windows = new Set((await em.find(CertificationWindow, {})).map((window) => `${window.provinceCode}:${window.kind}:${window.name}`));
  for (const seed of CERTIFICATION_WINDOWS) {
    if (!windows.has(`${seed.provinceCode}:${seed.kind}:${seed.name}`)) em.create(CertificationWindow, { ...seed, updatedAt: now });
  }
  const rules = new Set((await em.find(CertificationSourceRules, {})).map((row) => `${row.certifyingProvinceCode}:${row.sourceProvinceCode}`));
  for (const seed of CERTIFICATION_SOURCE_RULES) {
    if (rules.has(`${seed.certifyingProvinceCode}:${seed.sourceProvinceCode}`)) continue;
    em.create(CertificationSourceRules, {
      certifyingProvinceCode: seed.certifyingProvinceCode,
      sourceProvinceCode: seed.sourceProvinceCode,
      gradesJson: seed.grades === null ? null : JSON.stringify(seed.grades),
      passGrade: seed.passGrade,
      fullScoresJson: JSON.stringify(seed.fullScores),
      artAsMusicAndFineArt: seed.artAsMusicAndFineArt,
      updatedAt: now,
    });
  }
  try {
    await em.flush();
  } catch (error) {
    // Replicas starting at once: one of them wrote it.
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
  }
}

export const DEMO_WINDOW_NAME = "演示：返京成绩认定（当前开放）";

/**
 * Development only: a Beijing returning-candidate window open whenever the demo is first started
 * (opened a day before, closing nine days after, results viewable fourteen days after), so the
 * candidate's page has something to apply in. Idempotent.
 */
export async function seedDemoCertificationWindow(ctx: CertificationContext): Promise<void> {
  if (await ctx.em.count(CertificationWindow, { provinceCode: "11", kind: RETURNING_CANDIDATE, name: DEMO_WINDOW_NAME })) return;
  const now = ctx.clock.now();
  ctx.em.create(CertificationWindow, {
    provinceCode: "11",
    kind: RETURNING_CANDIDATE,
    name: DEMO_WINDOW_NAME,
    opensAt: hoursFrom(now, -24),
    closesAt: hoursFrom(now, 9 * 24),
    viewableUntil: hoursFrom(now, 14 * 24),
    updatedAt: now,
  });
  await ctx.em.flush();
}
