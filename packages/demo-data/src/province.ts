import { createHash } from "node:crypto";
import { idNumberCheckDigit } from "@xuekao/rules";
import { demoOrgId, type DemoOrganization } from "./index.js";

/**
 * A province-sized Inner Mongolia for benchmarks (`npm run seed:province`, `npm run bench`), never
 * for `npm start`: the twelve leagues and cities → eight counties each → schools of about 100
 * candidates → classes of at most 40. Everything is derived from the candidate's index, so the
 * identity and registry seeders walk the same province one batch at a time without holding it.
 */

/** Every bench account's password (benchmarks only). */
export const PROVINCE_PASSWORD = "Bench@2026";
export const PROVINCE_CLASS_SIZE = 40;
export const PROVINCE_SCHOOL_SIZE = 100;
const COUNTIES_PER_LEAGUE = 8;

/** A stable UUID-shaped id in the bench namespace (never equal to a demo id). */
export function provinceId(name: string): string {
  const hex = createHash("sha256").update(`xuekao-province:${name}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-b${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const LEAGUES: Array<[code: string, name: string]> = [
  ["1501", "呼和浩特市"], ["1502", "包头市"], ["1503", "乌海市"], ["1504", "赤峰市"], ["1505", "通辽市"], ["1506", "鄂尔多斯市"],
  ["1507", "呼伦贝尔市"], ["1508", "巴彦淖尔市"], ["1509", "乌兰察布市"], ["1522", "兴安盟"], ["1525", "锡林郭勒盟"], ["1529", "阿拉善盟"],
];
const COUNTY_SUFFIX = ["新城区", "回民区", "玉泉区", "赛罕区", "土默特左旗", "托克托县", "和林格尔县", "武川县"];
const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段";
const GIVEN = ["子涵", "欣怡", "梓轩", "雨桐", "浩然", "思远", "一诺", "嘉怡", "宇航", "若曦", "俊杰", "婉清", "明轩", "诗琪", "天佑", "梦瑶", "博文", "雅静", "志强", "慧敏"];

export interface ProvincePlan {
  candidates: number;
  /** Candidates at the end of each class who have submitted a pre-registration awaiting their class teacher (no record yet). */
  pendingPerClass: number;
  province: DemoOrganization;
  leagues: DemoOrganization[];
  counties: DemoOrganization[];
  schoolCount: number;
  classCount: number;
}

export interface ProvinceCandidate {
  index: number;
  id: string;
  username: string;
  displayName: string;
  idNumber: string;
  mobile: string;
  /** 学籍号 = record number: G + ID number. */
  studentNumber: string;
  classId: string;
  schoolId: string;
  countyId: string;
  /** Whether the candidate has a record (registered); otherwise a pre-registration awaits the class teacher. */
  registered: boolean;
}

export function provincePlan(candidates: number, pendingPerClass = 1): ProvincePlan {
  if (!Number.isInteger(candidates) || candidates < 1 || candidates > 300_000) throw new RangeError("candidates: 1 … 300000");
  const province: DemoOrganization = { id: demoOrgId("im"), code: "15", name: "内蒙古自治区教育考试院", kind: "PROVINCE", parentId: null };
  const leagues = LEAGUES.map(([code, name]) => ({ id: provinceId(`league:${code}`), code: `B${code}`, name: `${name}教育招生考试中心（基准）`, kind: "LEAGUE" as const, parentId: province.id }));
  const counties = leagues.flatMap((league, l) =>
    COUNTY_SUFFIX.slice(0, COUNTIES_PER_LEAGUE).map((suffix, c) => ({
      id: provinceId(`county:${l}:${c}`),
      code: `${league.code}${String(c + 1).padStart(2, "0")}`,
      name: `${LEAGUES[l]![1]}${suffix}招生考试中心（基准）`,
      kind: "COUNTY" as const,
      parentId: league.id,
    })),
  );
  const schoolCount = Math.ceil(candidates / PROVINCE_SCHOOL_SIZE);
  const classCount = Array.from({ length: schoolCount }, (_, s) => classesOfSchool(candidates, s)).reduce((a, b) => a + b, 0);
  return { candidates, pendingPerClass, province, leagues, counties, schoolCount, classCount };
}

function classesOfSchool(candidates: number, school: number): number {
  const size = Math.min(PROVINCE_SCHOOL_SIZE, candidates - school * PROVINCE_SCHOOL_SIZE);
  return Math.ceil(size / PROVINCE_CLASS_SIZE);
}

export const provinceSchoolId = (school: number) => provinceId(`school:${school}`);
export const provinceClassId = (school: number, klass: number) => provinceId(`class:${school}:${klass}`);
export const provinceCountyOfSchool = (plan: ProvincePlan, school: number) => plan.counties[school % plan.counties.length]!;
export const provinceTeacherUsername = (school: number, klass: number) => `bench-t${school}-${klass}`;
export const provinceCountyUsername = (countyIndex: number) => `bench-county${countyIndex}`;
export const provinceCandidateUsername = (index: number) => `bench-c${index}`;

/** Schools and their classes, one school at a time (with the county it belongs to). */
export function* provinceSchools(plan: ProvincePlan): Generator<{ school: DemoOrganization; classes: DemoOrganization[]; county: DemoOrganization; index: number }> {
  for (let s = 0; s < plan.schoolCount; s += 1) {
    const county = provinceCountyOfSchool(plan, s);
    const code = `${county.code}${String(s).padStart(5, "0")}`;
    const school: DemoOrganization = { id: provinceSchoolId(s), code, name: `${county.name.replace(/招生考试中心（基准）$/, "")}第${s + 1}中学`, kind: "SCHOOL", parentId: county.id };
    const classes = Array.from({ length: classesOfSchool(plan.candidates, s) }, (_, k) => ({
      id: provinceClassId(s, k),
      code: `${code}${String(k + 1).padStart(2, "0")}`,
      name: `高二（${k + 1}）班`,
      kind: "CLASS" as const,
      parentId: school.id,
    }));
    yield { school, classes, county, index: s };
  }
}

const BIRTH_START = Date.UTC(2008, 8, 1);

/** The candidate at `index` (0-based): unique, valid ID number, mobile and username. */
export function provinceCandidate(plan: ProvincePlan, index: number): ProvinceCandidate {
  const school = Math.floor(index / PROVINCE_SCHOOL_SIZE);
  const inSchool = index % PROVINCE_SCHOOL_SIZE;
  const klass = Math.floor(inSchool / PROVINCE_CLASS_SIZE);
  const inClass = inSchool % PROVINCE_CLASS_SIZE;
  const classSize = Math.min(PROVINCE_CLASS_SIZE, Math.min(PROVINCE_SCHOOL_SIZE, plan.candidates - school * PROVINCE_SCHOOL_SIZE) - klass * PROVINCE_CLASS_SIZE);
  const county = provinceCountyOfSchool(plan, school);
  // (birth day, sequence) is unique for every index below 365 000; the area is the county's.
  const birth = new Date(BIRTH_START + (index % 365) * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
  const sequence = String(Math.floor(index / 365)).padStart(3, "0");
  const area = county.code.slice(1); // the league and county digits, without the bench "B"
  const first17 = `${area}${birth}${sequence}`;
  const idNumber = `${first17}${idNumberCheckDigit(first17)}`;
  return {
    index,
    id: provinceId(`candidate:${index}`),
    username: provinceCandidateUsername(index),
    displayName: `${SURNAMES[index % SURNAMES.length]}${GIVEN[Math.floor(index / SURNAMES.length) % GIVEN.length]}`,
    idNumber,
    mobile: `13${String(100_000_000 + index).slice(-9)}`,
    studentNumber: `G${idNumber}`,
    classId: provinceClassId(school, klass),
    schoolId: provinceSchoolId(school),
    countyId: county.id,
    registered: inClass < classSize - plan.pendingPerClass,
  };
}
