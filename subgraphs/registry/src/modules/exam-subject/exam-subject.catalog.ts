import { UniqueConstraintViolationException, type MikroORM } from "@mikro-orm/core";
import { ExamSubject, SubjectRunBy } from "./exam-subject.entity.js";

export interface SubjectSeed {
  provinceCode: string;
  code: string;
  name: string;
  runBy: SubjectRunBy;
}

const { PROVINCE, LEAGUE } = SubjectRunBy;

/** The nine subjects a province institute sets and marks itself (docs/domain.md "The exam"). */
const WRITTEN: Array<[code: string, name: string]> = [
  ["CHINESE", "语文"],
  ["MATHEMATICS", "数学"],
  ["FOREIGN_LANGUAGE", "外语"],
  ["POLITICS", "思想政治"],
  ["HISTORY", "历史"],
  ["GEOGRAPHY", "地理"],
  ["PHYSICS", "物理"],
  ["CHEMISTRY", "化学"],
  ["BIOLOGY", "生物学"],
];

/**
 * The initial subject catalogues, as data: Inner Mongolia's thirteen (the region runs the first
 * nine, the league/city agencies the other four) and Beijing's nine written subjects (what its
 * demo session offers). Written at every start when missing; from then on a row is the
 * province's data. Adding a province is adding rows here (or in the table), not code.
 */
export const SUBJECT_CATALOGUE: readonly SubjectSeed[] = [
  ...WRITTEN.map(([code, name]) => ({ provinceCode: "15", code, name, runBy: PROVINCE })),
  { provinceCode: "15", code: "INFORMATION_TECHNOLOGY", name: "信息技术", runBy: LEAGUE },
  { provinceCode: "15", code: "GENERAL_TECHNOLOGY", name: "通用技术", runBy: LEAGUE },
  { provinceCode: "15", code: "ARTS", name: "艺术（音乐、美术）", runBy: LEAGUE },
  { provinceCode: "15", code: "PHYSICAL_EDUCATION", name: "体育与健康", runBy: LEAGUE },
  ...WRITTEN.map(([code, name]) => ({ provinceCode: "11", code, name, runBy: PROVINCE })),
];

/** Writes the catalogue's missing subjects (idempotent; replicas starting at once keep one of each). */
export async function seedSubjectCatalogue(orm: MikroORM, seeds: readonly SubjectSeed[] = SUBJECT_CATALOGUE): Promise<void> {
  const em = orm.em.fork();
  const existing = new Set((await em.find(ExamSubject, {})).map((subject) => `${subject.provinceCode}:${subject.code}`));
  seeds.forEach((seed, index) => {
    if (existing.has(`${seed.provinceCode}:${seed.code}`)) return;
    em.create(ExamSubject, { ...seed, sortOrder: seeds.slice(0, index).filter((other) => other.provinceCode === seed.provinceCode).length + 1 });
  });
  try {
    await em.flush();
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
  }
}
