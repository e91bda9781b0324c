import { describe, expect, it } from "vitest";
import { idNumberCheckDigit } from "./id-number.js";
import { validateRegistrationForm, type RegistrationForm } from "./registration-form.js";

const first17 = "15010220090315101";
const ID = `${first17}${idNumberCheckDigit(first17)}`; // born 2009-03-15, 17th digit 1: male

function form(overrides: Partial<RegistrationForm> = {}): RegistrationForm {
  return {
    name: "王子涵",
    gender: "MALE",
    ethnicityCode: "02",
    politicalStatus: "中国共产主义青年团团员",
    studentCategory: "GENERAL_HIGH_SCHOOL",
    householdLocation: "内蒙古自治区呼和浩特市新城区",
    householdAuthority: "呼和浩特市公安局新城区分局",
    idNumber: ID,
    birthDate: "2009-03-15",
    mobile: "13800000001",
    address: "呼和浩特市新城区新华大街1号",
    postcode: "010010",
    resume: [{ from: "2015-09", to: "2021-07", organization: "新城区第一小学", role: "学生" }],
    familyMembers: [{ relation: "父亲", name: "王建国", organization: "", mobile: "" }],
    foreignLanguage: "英语",
    guardian: { name: "王建国", relation: "父亲", mobile: "13900000001" },
    enrollmentYear: 2024,
    ...overrides,
  };
}

describe("validateRegistrationForm", () => {
  it("accepts a complete in-school form", () => {
    expect(validateRegistrationForm(form(), { inSchool: true, today: "2026-11-30" })).toEqual({});
  });

  it("names each required field that is empty", () => {
    const problems = validateRegistrationForm(
      form({ name: "", idNumber: "", birthDate: "", ethnicityCode: "", mobile: "", postcode: "", address: "", gender: "" }),
      { inSchool: true },
    );
    expect(problems).toMatchObject({ name: "请填写姓名", idNumber: "请填写居民身份证号码", birthDate: "请填写出生日期", ethnicityCode: "请选择民族", mobile: "请填写手机号码", postcode: "请填写邮政编码", address: "请填写通信地址", gender: "请选择性别" });
  });

  it("refuses a wrong check digit, a birth date or gender that disagree with the ID number", () => {
    const wrong = `${first17}${idNumberCheckDigit(first17) === "0" ? "1" : "0"}`;
    expect(validateRegistrationForm(form({ idNumber: wrong }), { inSchool: true }).idNumber).toContain("校验位不符");
    expect(validateRegistrationForm(form({ birthDate: "2009-03-16" }), { inSchool: true }).birthDate).toBe("出生日期与身份证号码不符");
    expect(validateRegistrationForm(form({ gender: "FEMALE" }), { inSchool: true }).gender).toBe("性别与身份证号码不符");
  });

  it("takes ethnicity only from the national list, a mobile of 11 digits and a postcode of 6", () => {
    const problems = validateRegistrationForm(form({ ethnicityCode: "2", mobile: "1380000000", postcode: "01001" }), { inSchool: true });
    expect(problems.ethnicityCode).toBe("民族须从全国民族名称列表中选择");
    expect(problems.mobile).toBe("手机号码应为11位，以1开头");
    expect(problems.postcode).toBe("邮政编码应为6位数字");
  });

  it("checks each resume entry and family member under its own field", () => {
    const problems = validateRegistrationForm(
      form({
        resume: [{ from: "2015-13", to: "2014-01", organization: "", role: "学生" }],
        familyMembers: [{ relation: "邻居", name: "王", organization: "", mobile: "123" }],
      }),
      { inSchool: true },
    );
    expect(problems["resume.0.from"]).toContain("起始年月");
    expect(problems["resume.0.organization"]).toContain("学校或单位");
    expect(problems["familyMembers.0.relation"]).toBe("请选择与本人关系");
    expect(problems["familyMembers.0.name"]).toContain("姓名");
    expect(problems["familyMembers.0.mobile"]).toContain("11位");
  });

  it("keeps the categories of in-school and social candidates apart, and asks in-school candidates for a plausible enrollment year", () => {
    expect(validateRegistrationForm(form({ studentCategory: "SOCIAL" }), { inSchool: true }).studentCategory).toBe("在校生请选择在校生类别");
    expect(validateRegistrationForm(form(), { inSchool: false }).studentCategory).toBe("社会考生的学生类别为“社会考生”");
    expect(validateRegistrationForm(form({ studentCategory: "SOCIAL", enrollmentYear: null }), { inSchool: false })).toEqual({});
    expect(validateRegistrationForm(form({ enrollmentYear: 2021 }), { inSchool: true }).enrollmentYear).toContain("2022年秋季");
    expect(validateRegistrationForm(form({ enrollmentYear: 2027 }), { inSchool: true, today: "2026-11-30" }).enrollmentYear).toBe("入学年份不能晚于今年");
    expect(validateRegistrationForm(form({ enrollmentYear: null }), { inSchool: true }).enrollmentYear).toBe("请填写入学年份");
  });

  it("lets a social candidate without an ID card register without one, never an in-school candidate", () => {
    const social = { studentCategory: "SOCIAL", enrollmentYear: null, hasIdNumber: false, idNumber: "" };
    expect(validateRegistrationForm(form(social), { inSchool: false, today: "2026-11-30" })).toEqual({});
    expect(validateRegistrationForm(form({ ...social, idNumber: ID }), { inSchool: false }).idNumber).toContain("请不要填写身份证号码");
    expect(validateRegistrationForm(form({ hasIdNumber: false, idNumber: "" }), { inSchool: true }).idNumber).toBe("在校生须填写居民身份证号码");
  });
});
