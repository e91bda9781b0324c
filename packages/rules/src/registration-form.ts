import { beijingDate, isCalendarDate } from "./beijing-time.js";
import { isPostcode } from "./codes.js";
import { isEthnicGroupCode } from "./ethnic-groups.js";
import { validateIdNumber, type Gender } from "./id-number.js";
import { normalizeMobile } from "./mobile.js";

/**
 * The candidate's part of a 考籍 (record) as the Inner Mongolia rules list it: 姓名、性别、民族、
 * 政治面貌、学生类别、户口所在地、户籍登记机关、居民身份证号、出生年月日、手机号、通信地址、
 * 邮政编码、本人简历、家庭成员、外语语种, with guardian and admission information. The candidate
 * portal and the registry check it with the same function, so a form that passes here passes
 * on the server.
 */

/** 政治面貌 (GB/T 4762 names, the ones a high-school candidate can hold). */
export const POLITICAL_STATUSES = Object.freeze(["中国共产党党员", "中国共产党预备党员", "中国共产主义青年团团员", "群众"] as const);
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];

/** 学生类别: who the record is for (decides the approval chain: in-school or social). */
export const STUDENT_CATEGORIES = Object.freeze([
  { code: "GENERAL_HIGH_SCHOOL", name: "普通高中在校生", inSchool: true },
  { code: "VOCATIONAL_SCHOOL", name: "中等职业学校在校生", inSchool: true },
  { code: "HK_MACAO_TAIWAN", name: "港澳台学生", inSchool: true },
  { code: "FOREIGN", name: "外籍学生", inSchool: true },
  { code: "SOCIAL", name: "社会考生", inSchool: false },
] as const);
export type StudentCategory = (typeof STUDENT_CATEGORIES)[number]["code"];

/** 外语语种 offered by the qualification exam. */
export const FOREIGN_LANGUAGES = Object.freeze(["英语", "日语", "俄语", "德语", "法语", "西班牙语"] as const);

/** 与本人关系, for family members and the guardian. */
export const FAMILY_RELATIONS = Object.freeze(["父亲", "母亲", "祖父", "祖母", "外祖父", "外祖母", "兄弟姐妹", "其他亲属", "其他监护人"] as const);

export interface ResumeEntry {
  /** `YYYY-MM`. */
  from: string;
  /** `YYYY-MM`, or empty for "to this day". */
  to: string;
  /** 学校或单位. */
  organization: string;
  /** 担任职务或身份 (学生 …). */
  role: string;
}

export interface FamilyMember {
  relation: string;
  name: string;
  /** 工作单位 (may be empty). */
  organization: string;
  /** May be empty; checked when given. */
  mobile: string;
}

export interface Guardian {
  name: string;
  relation: string;
  mobile: string;
}

export interface RegistrationForm {
  name: string;
  gender: Gender | "";
  ethnicityCode: string;
  politicalStatus: string;
  studentCategory: string;
  /** 户口所在地 (省、市、县 and street, as written in the household register). */
  householdLocation: string;
  /** 户籍登记机关 (the police station or bureau that registered the household). */
  householdAuthority: string;
  idNumber: string;
  /**
   * False for a social candidate who has no resident ID card: the record number is then `J` + a
   * code built like an ID number (national student-record rule). Absent: true.
   */
  hasIdNumber?: boolean;
  /** `YYYY-MM-DD`. */
  birthDate: string;
  mobile: string;
  address: string;
  postcode: string;
  resume: ResumeEntry[];
  familyMembers: FamilyMember[];
  foreignLanguage: string;
  guardian: Guardian;
  /** 入学年份 (in-school candidates: the autumn they entered high school). */
  enrollmentYear: number | null;
}

/** Field → Chinese problem; nested fields as `resume.0.organization`, `guardian.mobile`. */
export type RegistrationFormProblems = Record<string, string>;

export const MAX_RESUME_ENTRIES = 10;
export const MAX_FAMILY_MEMBERS = 8;
const NAME = /^[\p{Script=Han}A-Za-z·•\s]{2,30}$/u;
const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
/** Free text a person writes: no control characters, bounded. */
const plainText = (value: string, min: number, max: number) => {
  const length = [...value.trim()].length;
  return length >= min && length <= max && !/\p{Cc}/u.test(value);
};

const todayOf = (today: Date | string) => (today instanceof Date ? beijingDate(today) : today);

export function isStudentCategory(code: string): code is StudentCategory {
  return STUDENT_CATEGORIES.some((category) => category.code === code);
}

/** Whether the category is one of a school's students (the in-school chain), not a social candidate. */
export function isInSchoolCategory(code: string): boolean {
  return STUDENT_CATEGORIES.some((category) => category.code === code && category.inSchool);
}

export interface RegistrationFormOptions {
  /** In-school (`true`) or social (`false`) candidate: decides which categories and fields apply. */
  inSchool: boolean;
  /** The caller's today (Date or `YYYY-MM-DD`), so a birth date in the future is refused. */
  today?: Date | string;
}

/**
 * Every problem of a record form, each under its field, in Chinese. Empty when the form may be
 * submitted. Values are judged as given (trimmed); the server stores the trimmed form.
 */
export function validateRegistrationForm(form: RegistrationForm, options: RegistrationFormOptions): RegistrationFormProblems {
  const problems: RegistrationFormProblems = {};
  const required = (field: string, value: string, label: string) => {
    if (!value.trim()) problems[field] = `请填写${label}`;
    return Boolean(value.trim());
  };

  if (required("name", form.name, "姓名") && !NAME.test(form.name.trim())) problems.name = "姓名应为2至30个汉字或字母";
  const withoutId = form.hasIdNumber === false;
  const id = validateIdNumber(form.idNumber, options.today === undefined ? {} : { today: options.today });
  if (withoutId) {
    // Only a social candidate may register without one; an in-school candidate is on the roster by it.
    if (options.inSchool) problems.idNumber = "在校生须填写居民身份证号码";
    else if (form.idNumber.trim()) problems.idNumber = "已选择“无居民身份证”，请不要填写身份证号码";
  } else if (!form.idNumber.trim()) problems.idNumber = "请填写居民身份证号码";
  else if (!id.ok) problems.idNumber = id.message;
  if (!form.gender) problems.gender = "请选择性别";
  else if (form.gender !== "MALE" && form.gender !== "FEMALE") problems.gender = "性别只能是男或女";
  else if (id.ok && id.gender !== form.gender) problems.gender = "性别与身份证号码不符";
  if (!form.birthDate.trim()) problems.birthDate = "请填写出生日期";
  else if (!isCalendarDate(form.birthDate.trim())) problems.birthDate = "出生日期应为有效的日期（年-月-日）";
  else if (form.birthDate.trim() < "1900-01-01") problems.birthDate = "出生日期不能早于1900年";
  else if (id.ok && id.birthDate !== form.birthDate.trim()) problems.birthDate = "出生日期与身份证号码不符";
  if (!form.ethnicityCode) problems.ethnicityCode = "请选择民族";
  else if (!isEthnicGroupCode(form.ethnicityCode)) problems.ethnicityCode = "民族须从全国民族名称列表中选择";
  if (!form.politicalStatus) problems.politicalStatus = "请选择政治面貌";
  else if (!(POLITICAL_STATUSES as readonly string[]).includes(form.politicalStatus)) problems.politicalStatus = "政治面貌须从列表中选择";
  if (!form.studentCategory) problems.studentCategory = "请选择学生类别";
  else if (!isStudentCategory(form.studentCategory)) problems.studentCategory = "学生类别须从列表中选择";
  else if (isInSchoolCategory(form.studentCategory) !== options.inSchool) {
    problems.studentCategory = options.inSchool ? "在校生请选择在校生类别" : "社会考生的学生类别为“社会考生”";
  }
  if (required("householdLocation", form.householdLocation, "户口所在地") && !plainText(form.householdLocation, 4, 100)) {
    problems.householdLocation = "户口所在地应为4至100个字";
  }
  if (required("householdAuthority", form.householdAuthority, "户籍登记机关") && !plainText(form.householdAuthority, 4, 60)) {
    problems.householdAuthority = "户籍登记机关应为4至60个字";
  }
  if (required("mobile", form.mobile, "手机号码") && !normalizeMobile(form.mobile)) problems.mobile = "手机号码应为11位，以1开头";
  if (required("address", form.address, "通信地址") && !plainText(form.address, 6, 120)) problems.address = "通信地址应为6至120个字";
  if (required("postcode", form.postcode, "邮政编码") && !isPostcode(form.postcode.trim())) problems.postcode = "邮政编码应为6位数字";
  if (!form.foreignLanguage) problems.foreignLanguage = "请选择外语语种";
  else if (!(FOREIGN_LANGUAGES as readonly string[]).includes(form.foreignLanguage)) problems.foreignLanguage = "外语语种须从列表中选择";

  if (form.resume.length === 0) problems.resume = "请至少填写一段本人简历（自小学起）";
  if (form.resume.length > MAX_RESUME_ENTRIES) problems.resume = `本人简历至多${MAX_RESUME_ENTRIES}段`;
  form.resume.slice(0, MAX_RESUME_ENTRIES).forEach((entry, index) => {
    const from = YEAR_MONTH.test(entry.from.trim());
    if (!from) problems[`resume.${index}.from`] = "起始年月应为“年-月”，如 2018-09";
    if (entry.to.trim() && !YEAR_MONTH.test(entry.to.trim())) problems[`resume.${index}.to`] = "截止年月应为“年-月”，至今可不填";
    else if (from && entry.to.trim() && entry.to.trim() < entry.from.trim()) problems[`resume.${index}.to`] = "截止年月不能早于起始年月";
    if (!plainText(entry.organization, 2, 60)) problems[`resume.${index}.organization`] = "请填写学校或单位（2至60个字）";
    if (!plainText(entry.role, 1, 20)) problems[`resume.${index}.role`] = "请填写身份或职务（至多20个字）";
  });

  if (form.familyMembers.length === 0) problems.familyMembers = "请至少填写一位家庭成员";
  if (form.familyMembers.length > MAX_FAMILY_MEMBERS) problems.familyMembers = `家庭成员至多${MAX_FAMILY_MEMBERS}位`;
  form.familyMembers.slice(0, MAX_FAMILY_MEMBERS).forEach((member, index) => {
    if (!(FAMILY_RELATIONS as readonly string[]).includes(member.relation)) problems[`familyMembers.${index}.relation`] = "请选择与本人关系";
    if (!NAME.test(member.name.trim())) problems[`familyMembers.${index}.name`] = "姓名应为2至30个汉字或字母";
    if (member.organization.trim() && !plainText(member.organization, 2, 60)) problems[`familyMembers.${index}.organization`] = "工作单位至多60个字";
    if (member.mobile.trim() && !normalizeMobile(member.mobile)) problems[`familyMembers.${index}.mobile`] = "手机号码应为11位，以1开头";
  });

  if (!NAME.test(form.guardian.name.trim())) problems["guardian.name"] = "请填写监护人姓名（2至30个汉字或字母）";
  if (!(FAMILY_RELATIONS as readonly string[]).includes(form.guardian.relation)) problems["guardian.relation"] = "请选择监护人与本人关系";
  if (!normalizeMobile(form.guardian.mobile)) problems["guardian.mobile"] = "监护人手机号码应为11位，以1开头";

  if (options.inSchool) {
    const year = form.enrollmentYear;
    const birthYear = id.ok ? Number(id.birthDate.slice(0, 4)) : null;
    if (year === null || !Number.isInteger(year)) problems.enrollmentYear = "请填写入学年份";
    else if (year < 2022) problems.enrollmentYear = "本办法适用于2022年秋季及以后入学的学生";
    else if (options.today !== undefined && year > Number(todayOf(options.today).slice(0, 4))) problems.enrollmentYear = "入学年份不能晚于今年";
    else if (birthYear !== null && (year - birthYear < 10 || year - birthYear > 30)) problems.enrollmentYear = "入学年份与出生日期不相符";
  }
  return problems;
}
