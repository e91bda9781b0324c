import { createHash } from "node:crypto";
import { idNumberCheckDigit } from "@xuekao/rules";

/**
 * The development demo data's people and organisations, with fixed ids so that the identity
 * subgraph's users, the registry's records and the notification inbox all refer to the same
 * rows without any subgraph reading another's tables. Development only: never seeded in production.
 */

/** A stable UUID-shaped id derived from a name, so re-seeding finds the same rows. */
export function demoId(name: string): string {
  const hex = createHash("sha256").update(`xuekao-demo:${name}`).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export type DemoOrganizationKind = "PROVINCE" | "LEAGUE" | "COUNTY" | "SCHOOL" | "CLASS";

export interface DemoOrganization {
  id: string;
  code: string;
  name: string;
  kind: DemoOrganizationKind;
  parentId: string | null;
}

const org = (key: string, code: string, name: string, kind: DemoOrganizationKind, parent: string | null): DemoOrganization => ({
  id: demoId(`org:${key}`),
  code,
  name,
  kind,
  parentId: parent ? demoId(`org:${parent}`) : null,
});

/** Inner Mongolia (15) with its league level; Beijing (11) has none (municipality → district). */
export const demoOrganizations: DemoOrganization[] = [
  org("im", "15", "内蒙古自治区教育考试院", "PROVINCE", null),
  org("im-hohhot", "1501", "呼和浩特市教育招生考试中心", "LEAGUE", "im"),
  org("im-xincheng", "150102", "新城区教育招生考试中心", "COUNTY", "im-hohhot"),
  org("im-school", "1501020001", "呼和浩特市第一中学", "SCHOOL", "im-xincheng"),
  org("im-class-1", "150102000101", "高一（1）班", "CLASS", "im-school"),
  org("im-class-2", "150102000102", "高一（2）班", "CLASS", "im-school"),
  org("bj", "11", "北京教育考试院", "PROVINCE", null),
  org("bj-haidian", "110108", "海淀区招生考试中心", "COUNTY", "bj"),
  org("bj-school", "1101080001", "北京市海淀区实验中学", "SCHOOL", "bj-haidian"),
  org("bj-class-5", "110108000105", "高二（5）班", "CLASS", "bj-school"),
];

export const demoOrgId = (key: string) => demoId(`org:${key}`);

/** Ids from the province down to the organisation, joined by "/" (as identity stores Organization.path). */
export function demoOrganizationPath(organizationId: string): string {
  const byId = new Map(demoOrganizations.map((organization) => [organization.id, organization]));
  const ids: string[] = [];
  for (let current = byId.get(organizationId); current; current = current.parentId ? byId.get(current.parentId) : undefined) {
    ids.unshift(current.id);
  }
  return ids.join("/");
}

/** The code of the province a demo organisation belongs to ("15" Inner Mongolia, "11" Beijing). */
export function demoProvinceCodeOf(organizationId: string): string {
  const rootId = demoOrganizationPath(organizationId).split("/")[0];
  return demoOrganizations.find((organization) => organization.id === rootId)!.code;
}

export type DemoUserKind = "IN_SCHOOL_CANDIDATE" | "SOCIAL_CANDIDATE" | "STAFF";

export interface DemoUser {
  id: string;
  username: string;
  displayName: string;
  kind: DemoUserKind;
  /** The organisation the person belongs to (class for students, office for staff). */
  organizationId: string;
  /** Candidates only: a valid (fictional) 18-digit ID number. */
  idNumber?: string;
  /** The role the account holds at `organizationId` (identity's Role enum, by name). */
  role: DemoRole;
}

export type DemoRole =
  | "CANDIDATE_IN_SCHOOL"
  | "CANDIDATE_SOCIAL"
  | "CLASS_TEACHER"
  | "SCHOOL_ADMIN"
  | "COUNTY_AGENCY"
  | "LEAGUE_AGENCY"
  | "PROVINCE_INSTITUTE"
  | "CERTIFICATION_REVIEWER";

/** Every demo account's password (development only; README "Demo data"). */
export const DEMO_PASSWORD = "Xuekao@2026";

/** The demo third-party client (学信网 stand-in); development only, like the passwords. */
export const DEMO_CLIENT = {
  clientId: "chsi-demo",
  name: "学信网（演示）",
  secret: "Chsi-Demo@2026",
  scopes: ["results:read"],
} as const;

const SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧";
const GIVEN = ["子涵", "欣怡", "梓轩", "雨桐", "浩然", "思远", "一诺", "嘉怡", "宇航", "若曦"];

function demoIdNumber(area: string, birth: string, sequence: number): string {
  const first17 = `${area}${birth}${String(sequence).padStart(3, "0")}`;
  return `${first17}${idNumberCheckDigit(first17)}`;
}

const students: DemoUser[] = Array.from({ length: 30 }, (_, index) => {
  const n = index + 1;
  return {
    id: demoId(`user:candidate${n}`),
    username: `candidate${n}`,
    displayName: `${SURNAMES[index % SURNAMES.length]}${GIVEN[index % GIVEN.length]}`,
    kind: "IN_SCHOOL_CANDIDATE",
    role: "CANDIDATE_IN_SCHOOL",
    organizationId: demoOrgId(n <= 15 ? "im-class-1" : "im-class-2"),
    idNumber: demoIdNumber("150102", `2009${String((index % 12) + 1).padStart(2, "0")}${String((index % 27) + 1).padStart(2, "0")}`, 100 + n),
  };
});

const person = (username: string, displayName: string, kind: DemoUserKind, role: DemoRole, orgKey: string, idNumber?: string): DemoUser => ({
  id: demoId(`user:${username}`),
  username,
  displayName,
  kind,
  role,
  organizationId: demoOrgId(orgKey),
  ...(idNumber ? { idNumber } : {}),
});

/** Accounts listed in the README (issue 3 gives them passwords and roles). */
export const demoUsers: DemoUser[] = [
  ...students,
  person("social1", "赵社会", "SOCIAL_CANDIDATE", "CANDIDATE_SOCIAL", "im-xincheng", demoIdNumber("150102", "20070315", 201)),
  person("teacher1", "孙老师", "STAFF", "CLASS_TEACHER", "im-class-1"),
  person("teacher2", "李老师", "STAFF", "CLASS_TEACHER", "im-class-2"),
  person("school1", "周校务", "STAFF", "SCHOOL_ADMIN", "im-school"),
  person("county1", "吴区招办", "STAFF", "COUNTY_AGENCY", "im-xincheng"),
  person("league1", "郑市招办", "STAFF", "LEAGUE_AGENCY", "im-hohhot"),
  person("region1", "王考试院", "STAFF", "PROVINCE_INSTITUTE", "im"),
  person("bjreviewer1", "钱审核", "STAFF", "CERTIFICATION_REVIEWER", "bj"),
  person("bjcandidate1", "冯返京", "SOCIAL_CANDIDATE", "CANDIDATE_SOCIAL", "bj-haidian", demoIdNumber("130102", "20070521", 301)),
  person("bjcandidate2", "陈归京", "SOCIAL_CANDIDATE", "CANDIDATE_SOCIAL", "bj-haidian", demoIdNumber("130102", "20070811", 302)),
  // A Beijing school whose student came from Hebei: the school files the student's certification.
  person("bjschool1", "何校务", "STAFF", "SCHOOL_ADMIN", "bj-school"),
  person("bjstudent1", "林转京", "IN_SCHOOL_CANDIDATE", "CANDIDATE_IN_SCHOOL", "bj-class-5", demoIdNumber("130102", "20090304", 303)),
];

export const demoUserId = (username: string) => demoId(`user:${username}`);

export interface DemoRosterStudent {
  /** 学籍号: G + the ID number. */
  studentNumber: string;
  name: string;
  idNumber: string;
  /** The class (an organisation id). */
  classId: string;
  /** The demo account of the student, when they have one (the in-school candidates). */
  userId: string | null;
}

/**
 * The demo school's student-record roster (学籍名单, registry): the 30 in-school candidates, and
 * ten more students who have no account yet (they could register and pre-register).
 */
export const demoRosterStudents: DemoRosterStudent[] = [
  ...students.map((student) => ({
    studentNumber: `G${student.idNumber!}`,
    name: student.displayName,
    idNumber: student.idNumber!,
    classId: student.organizationId,
    userId: student.id,
  })),
  ...Array.from({ length: 10 }, (_, index) => {
    const n = index + 1;
    const idNumber = demoIdNumber("150102", `2009${String(((index + 5) % 12) + 1).padStart(2, "0")}${String(((index * 2) % 27) + 1).padStart(2, "0")}`, 400 + n);
    return {
      studentNumber: `G${idNumber}`,
      name: `${SURNAMES[(index + 11) % SURNAMES.length]}${GIVEN[(index + 3) % GIVEN.length]}`,
      idNumber,
      classId: demoOrgId(n <= 5 ? "im-class-1" : "im-class-2"),
      userId: null,
    };
  }),
];
export * from "./province.js";
