import { describe, expect, it } from "vitest";
import { failureText, isTransportError, splitErrors } from "./field-errors";

const taken = { message: "该用户名已被注册", extensions: { code: "CONFLICT", field: "username" } };
const mismatch = { message: "该角色须设在班级", extensions: { code: "BAD_USER_INPUT", field: "organizationId" } };
const forbidden = { message: "无权在该组织操作", extensions: { code: "FORBIDDEN" } };

describe("splitErrors", () => {
  it("puts each field's first message by its field and the rest at the top", () => {
    expect(splitErrors([taken, { ...taken, message: "又一条" }, forbidden])).toEqual({
      fields: { username: "该用户名已被注册" },
      general: ["又一条", "无权在该组织操作"],
    });
  });

  it("renames server fields to the form's and keeps errors about fields the form lacks at the top", () => {
    const parent = { message: "上级组织不存在", extensions: { field: "parentId" } };
    expect(splitErrors([taken, mismatch, parent], { username: "username", organizationId: "classIds" })).toEqual({
      fields: { username: "该用户名已被注册", classIds: "该角色须设在班级" },
      general: ["上级组织不存在"],
    });
  });
});

describe("isTransportError", () => {
  it("recognises failures before the gateway answered", () => {
    expect(isTransportError({ message: "fetch failed", extensions: { code: "NETWORK_ERROR" } })).toBe(true);
    expect(isTransportError(forbidden)).toBe(false);
  });
});

describe("failureText", () => {
  it("shows the server's messages once each, or the page's own words when no answer came", () => {
    const server = [{ message: "该申请已被他人处理" }, { message: "该申请已被他人处理" }, { message: "原因不能为空" }];
    expect(failureText(server, "提交失败")).toBe("该申请已被他人处理；原因不能为空");
    expect(failureText([{ message: "fetch failed", extensions: { code: "NETWORK_ERROR" } }], "提交失败")).toBe("提交失败");
    expect(failureText([], "提交失败")).toBe("提交失败");
  });
});
