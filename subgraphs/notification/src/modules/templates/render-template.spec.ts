import { DomainError } from "@xuekao/subgraph-kit";
import { describe, expect, it } from "vitest";
import { numberedSmsTemplate, renderTemplate, smsVariableNames } from "./render-template.js";
import { TEMPLATE_KEYS, TEMPLATES, type TemplateKey } from "./template-catalog.js";
import { TEMPLATE_EXAMPLES } from "./template-examples.js";

/** The DomainError `work` throws (fails the test when it throws nothing or something else). */
function domainErrorOf(work: () => unknown): DomainError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error("expected a DomainError, nothing was thrown");
}

const characters = (text: string) => [...text].length;
const SIGNATURE = "【学考平台】";
// Inbox limits of the inbox module (MAX_TITLE_LENGTH, MAX_BODY_LENGTH).
const MAX_INBOX_TITLE = 100;
const MAX_INBOX_BODY = 2000;

describe("renderTemplate", () => {
  it.each(TEMPLATE_KEYS)("renders %s with valid variables, leaving no placeholder and no blank", (key) => {
    const variables: Record<string, string> = TEMPLATE_EXAMPLES[key];
    const rendered = renderTemplate(key, variables);
    for (const text of [rendered.smsText, rendered.inboxTitle, rendered.inboxBody]) {
      expect(text).not.toMatch(/[{}]/);
      expect(text.trim()).not.toBe("");
    }
    expect(rendered.orderedVariables).toEqual(smsVariableNames(key).map((name) => variables[name]));
    for (const value of rendered.orderedVariables) expect(rendered.smsText).toContain(value);
    expect(characters(rendered.inboxTitle)).toBeLessThanOrEqual(MAX_INBOX_TITLE);
    expect(characters(rendered.inboxBody)).toBeLessThanOrEqual(MAX_INBOX_BODY);
  });

  it("renders the registration code as one short SMS that identity's readers still understand", () => {
    const rendered = renderTemplate("sms-code.register", { code: "382941", validMinutes: "5" });
    expect(rendered.smsText).toBe("您的注册验证码为 382941，5 分钟内有效，请勿泄露给他人。如非本人操作，请忽略本短信。");
    expect(rendered.orderedVariables).toEqual(["382941", "5"]);
    // The e2e suites read the code with these patterns from the development SMS log.
    expect(`${SIGNATURE}${rendered.smsText}`).toContain("【学考平台】您的注册验证码为");
    expect(/验证码为 (\d{6})/.exec(rendered.smsText)?.[1]).toBe("382941");
    expect(renderTemplate("sms-code.change-mobile", { code: "058213", validMinutes: "5" }).smsText).toContain("您正在更换绑定手机号");
  });

  it.each(TEMPLATE_KEYS.filter((key) => key.startsWith("sms-code.")))(
    "keeps %s within one 70-character SMS, signature included",
    (key) => {
      const rendered = renderTemplate(key, { code: "999999", validMinutes: "10" });
      expect(characters(`${SIGNATURE}${rendered.smsText}`)).toBeLessThanOrEqual(70);
    },
  );

  it("keeps every notification SMS within two segments for typical values", () => {
    // 70 characters fit one SMS; longer ones are split in 67-character segments and billed each.
    for (const key of TEMPLATE_KEYS) {
      const rendered = renderTemplate(key, TEMPLATE_EXAMPLES[key]);
      expect(characters(`${SIGNATURE}${rendered.smsText}`), key).toBeLessThanOrEqual(2 * 67);
    }
  });

  it("renders a refused application with its level and reason, parameters in declared order", () => {
    // Passed in another order: the parameter order is the template's, not the caller's.
    const rendered = renderTemplate("workflow.rejected", { reason: "转入学校不在本自治区", level: "学校", applicationKind: "转籍" });
    expect(rendered.smsText).toBe("您提交的转籍申请未通过学校审核，原因：转入学校不在本自治区。详情请登录考生门户查看。");
    expect(rendered.inboxTitle).toBe("转籍申请未通过学校审核");
    expect(rendered.orderedVariables).toEqual(["转籍", "学校", "转入学校不在本自治区"]);
  });

  it("renders the record number, which is also the admission ticket number", () => {
    const rendered = renderTemplate("registration.completed", { recordNumber: "J15010220080101001X" });
    expect(rendered.smsText).toBe("您已完成考籍注册，考籍号为 J15010220080101001X，该号码同时为准考证号，请妥善保管。");
  });

  it("leaves inbox-only variables out of the SMS parameters", () => {
    const rendered = renderTemplate("workflow.sla-escalated", TEMPLATE_EXAMPLES["workflow.sla-escalated"]);
    expect(rendered.orderedVariables).toEqual(["区外成绩转入认定", "3f1b2c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d", "72"]);
    expect(rendered.inboxBody).toContain("区外成绩转入认定事项（编号 3f1b2c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d）在“旗县区审核”环节");
  });

  it("trims values before rendering", () => {
    const rendered = renderTemplate("workflow.step-approved", { applicationKind: " 休籍复学 ", level: "盟市\n" });
    expect(rendered.smsText).toBe("您提交的休籍复学申请已通过盟市审核，待下一环节审核，请登录考生门户查看办理进度。");
    expect(rendered.variables).toEqual({ applicationKind: "休籍复学", level: "盟市" });
  });

  describe("refuses to render with a bad variable, naming it", () => {
    const expectInvalid = (key: string, variables: Record<string, unknown>, variable: string, problem: string) => {
      const error = domainErrorOf(() => renderTemplate(key, variables));
      expect(error.code).toBe("TEMPLATE_VARIABLE_INVALID");
      expect(error.category).toBe("BAD_USER_INPUT");
      expect(error.details).toMatchObject({ template: key, variable, problem });
      expect(error.message).toContain(variable);
      return error;
    };

    it("missing", () => {
      const error = expectInvalid("sms-code.register", { validMinutes: "5" }, "code", "MISSING");
      expect(error.message).toBe("消息模板 sms-code.register 的变量 code 缺失");
      expectInvalid("certification.not-approved", { reason: "材料不全", viewUntil: undefined }, "viewUntil", "MISSING");
      expectInvalid("registration.completed", { recordNumber: null }, "recordNumber", "MISSING");
    });

    it("empty or blank", () => {
      expectInvalid("registration.returned", { reason: "" }, "reason", "EMPTY");
      expectInvalid("registration.returned", { reason: "   " }, "reason", "EMPTY");
    });

    it("unknown (a misspelt name is a bug, not an extra)", () => {
      const error = expectInvalid("registration.completed", { recordNumber: "G150102200801011234", recordNo: "x" }, "recordNo", "UNKNOWN");
      expect(error.message).toBe("消息模板 registration.completed 的变量 recordNo 不是该模板声明的变量");
    });

    it("ill-formed", () => {
      const error = expectInvalid("sms-code.register", { code: "12345", validMinutes: "5" }, "code", "MALFORMED");
      expect(error.message).toBe("消息模板 sms-code.register 的变量 code 格式不正确，应为 6 位数字");
      expectInvalid("sms-code.register", { code: "12345a", validMinutes: "5" }, "code", "MALFORMED");
      expectInvalid("sms-code.register", { code: 123456, validMinutes: "5" }, "code", "MALFORMED");
      expectInvalid("sms-code.register", { code: "123456", validMinutes: "0" }, "validMinutes", "MALFORMED");
      expectInvalid("certification.approved", { viewUntil: "2026-11-07 12:00" }, "viewUntil", "MALFORMED");
      expectInvalid("workflow.step-approved", { applicationKind: "转籍", level: "市级" }, "level", "MALFORMED");
      expectInvalid("workflow.step-approved", { applicationKind: "transfer", level: "学校" }, "applicationKind", "MALFORMED");
      expectInvalid("registration.completed", { recordNumber: "L150102200801011234" }, "recordNumber", "MALFORMED");
      expectInvalid("workflow.sla-warning", { ...TEMPLATE_EXAMPLES["workflow.sla-warning"], caseCount: "0" }, "caseCount", "MALFORMED");
    });

    it("free text a provider would refuse: a forged signature, a link, a line break, too long", () => {
      expectInvalid("registration.returned", { reason: "【学考平台】请重新提交" }, "reason", "MALFORMED");
      expectInvalid("registration.returned", { reason: "详见 https://example.cn" }, "reason", "MALFORMED");
      expectInvalid("registration.returned", { reason: "第一行\n第二行" }, "reason", "MALFORMED");
      expectInvalid("registration.returned", { reason: "字".repeat(201) }, "reason", "MALFORMED");
      expect(renderTemplate("registration.returned", { reason: "字".repeat(200) }).smsText).toContain("字".repeat(200));
    });
  });

  it("refuses an unknown template", () => {
    const error = domainErrorOf(() => renderTemplate("sms-code.unknown", {}));
    expect(error.code).toBe("TEMPLATE_NOT_FOUND");
    expect(error.details).toEqual({ template: "sms-code.unknown" });
  });
});

describe("numberedSmsTemplate", () => {
  it("numbers the SMS variables as the provider's template does", () => {
    expect(numberedSmsTemplate("workflow.rejected")).toBe("您提交的{1}申请未通过{2}审核，原因：{3}。详情请登录考生门户查看。");
    expect(numberedSmsTemplate("sms-code.register")).toBe("您的注册验证码为 {1}，{2} 分钟内有效，请勿泄露给他人。如非本人操作，请忽略本短信。");
  });
});

describe("the catalog", () => {
  const placeholders = (text: string) => [...text.matchAll(/\{([A-Za-z0-9]+)\}/g)].map((match) => match[1]!);

  it.each(TEMPLATE_KEYS)("%s declares exactly the variables its texts use", (key: TemplateKey) => {
    const template = TEMPLATES[key];
    const declared = template.variables.map((variable) => variable.name as string);
    const used = new Set([template.sms, template.inboxTitle, template.inboxBody].flatMap(placeholders));
    expect([...used].sort()).toEqual([...declared].sort());
    expect(new Set(declared).size).toBe(declared.length);
    for (const variable of template.variables) expect(variable.description.trim()).not.toBe("");
  });

  it.each(TEMPLATE_KEYS)("%s is a template a provider can approve", (key: TemplateKey) => {
    const { sms, variables } = TEMPLATES[key];
    const inSms = placeholders(sms);
    // Each SMS variable once, in declared order, before any inbox-only variable: {1}, {2}… match.
    expect(inSms).toEqual(variables.map((variable) => variable.name as string).slice(0, inSms.length));
    // Providers refuse 【】 (looks like a signature), adjacent variables and all-variable texts.
    expect(sms).not.toMatch(/[【】]/);
    expect(sms).not.toMatch(/\}\s*\{/);
    expect(characters(sms.replace(/\{[A-Za-z0-9]+\}/g, ""))).toBeGreaterThan(10);
    expect(sms).toMatch(/。$/);
  });
});
