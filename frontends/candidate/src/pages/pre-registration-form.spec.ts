import { describe, expect, it } from "vitest";
import { emptyForm, firstFieldOf, formInput, inputIdOf, serverFormErrors, shiftRowErrors } from "./pre-registration-form";

const invalid = (fields: Record<string, string>) => ({
  message: "有 3 项信息需要修改，请按提示逐项更正后再提交",
  extensions: { code: "PRE_REGISTRATION_INVALID", fields },
});

describe("the server's refusals under the form's inputs", () => {
  it("puts every listed problem, nested ones included, under its field and keeps the summary", () => {
    const { fields, general } = serverFormErrors([
      invalid({ "resume.0.from": "起始年月应为“年-月”，如 2018-09", "familyMembers.1.mobile": "手机号码应为11位，以1开头", "guardian.mobile": "监护人手机号码应为11位，以1开头" }),
    ]);
    expect(fields).toEqual({
      "resume.0.from": "起始年月应为“年-月”，如 2018-09",
      "familyMembers.1.mobile": "手机号码应为11位，以1开头",
      "guardian.mobile": "监护人手机号码应为11位，以1开头",
    });
    expect(general).toEqual(["有 3 项信息需要修改，请按提示逐项更正后再提交"]);
  });

  it("puts a single refusal under its field (schoolId, idNumber, name) and anything the form does not show at the top", () => {
    const { fields, general } = serverFormErrors([
      { message: "该学校的学籍名单中没有您的身份证号码", extensions: { code: "NOT_ON_ROSTER", field: "schoolId" } },
      { message: "本省已有考生使用该身份证号码", extensions: { code: "DUPLICATE_ID_NUMBER", field: "idNumber" } },
      { message: "照片", extensions: { code: "PHOTO_REQUIRED", field: "photoFileId" } },
      { message: "预注册信息已在别处修改", extensions: { code: "PRE_REGISTRATION_STALE" } },
    ]);
    expect(fields).toEqual({ schoolId: "该学校的学籍名单中没有您的身份证号码", idNumber: "本省已有考生使用该身份证号码" });
    expect(general).toEqual(["照片", "预注册信息已在别处修改"]);
  });

  it("does not take a malformed fields list for field messages", () => {
    const { fields, general } = serverFormErrors([{ message: "有 1 项", extensions: { code: "PRE_REGISTRATION_INVALID", fields: ["name"] } }]);
    expect(fields).toEqual({});
    expect(general).toEqual(["有 1 项"]);
  });
});

describe("row messages when a row is removed", () => {
  it("drop the removed row's and move the later rows' up, leaving other fields alone", () => {
    const before = { "resume.0.from": "a", "resume.1.to": "b", "resume.2.role": "c", "familyMembers.1.name": "d", name: "e" };
    expect(shiftRowErrors(before, "resume", 1)).toEqual({ "resume.0.from": "a", "resume.1.role": "c", "familyMembers.1.name": "d", name: "e" });
  });
});

describe("the form's helpers", () => {
  it("find the first problem in the order the form shows its fields", () => {
    const order = ["name", "idNumber", "resume.*.from", "resume.*.role", "guardian.mobile"];
    expect(firstFieldOf(["guardian.mobile", "resume.1.from", "resume.0.role", "idNumber"], order)).toBe("idNumber");
    expect(firstFieldOf(["guardian.mobile", "resume.10.from", "resume.2.from"], order)).toBe("resume.2.from");
    expect(inputIdOf("familyMembers.1.mobile")).toBe("pr-familyMembers-1-mobile");
  });

  it("send no school or enrollment year for a social candidate, and the ID number in capitals", () => {
    const form = { ...emptyForm(false), schoolId: "x", enrollmentYear: 2024, idNumber: " 15010220070315201x " };
    const input = formInput(form, false);
    expect(input.schoolId).toBeNull();
    expect(input.enrollmentYear).toBeNull();
    expect(input.studentCategory).toBe("SOCIAL");
    expect(input.idNumber).toBe("15010220070315201X");
  });
});

describe("a social candidate without an ID card", () => {
  it("sends no ID number and says so; an in-school candidate always has one", () => {
    const social = { ...emptyForm(false), hasIdNumber: false, idNumber: "150102200604010011" };
    expect(formInput(social, false)).toMatchObject({ hasIdNumber: false, idNumber: "" });
    expect(formInput({ ...emptyForm(true), hasIdNumber: false, idNumber: "150102200604010011" }, true)).toMatchObject({ hasIdNumber: true, idNumber: "150102200604010011" });
  });
});
