import { defineErrors } from "@xuekao/subgraph-kit";

/** What is wrong with a variable; clients and the delivery engine branch on it, never on the message. */
export type TemplateVariableProblem = "MISSING" | "EMPTY" | "UNKNOWN" | "MALFORMED";

const PROBLEM_TEXT: Record<TemplateVariableProblem, string> = {
  MISSING: "缺失",
  EMPTY: "为空",
  UNKNOWN: "不是该模板声明的变量",
  MALFORMED: "格式不正确",
};

// "应为 6 位数字" but "应为正整数": a space only between Chinese and a letter or digit.
const spaced = (text: string) => (/^[A-Za-z0-9]/.test(text) ? ` ${text}` : text);

interface VariableProblem {
  template: string;
  variable: string;
  problem: TemplateVariableProblem;
  expected?: string;
}

export const TemplateErrors = defineErrors("template", {
  /**
   * A message is never sent with a blank or a wrong value in it: a candidate who reads
   * "您的考籍号为 ，请妥善保管" has been told nothing, and an SMS cannot be recalled.
   */
  TEMPLATE_VARIABLE_INVALID: {
    category: "BAD_USER_INPUT",
    message: ({ template, variable, problem, expected }: VariableProblem) =>
      `消息模板 ${template} 的变量 ${variable} ${PROBLEM_TEXT[problem]}${expected ? `，应为${spaced(expected)}` : ""}`,
  },
  TEMPLATE_NOT_FOUND: { category: "NOT_FOUND", message: (template: string) => `消息模板 ${template} 不存在` },
});

/** TEMPLATE_VARIABLE_INVALID with the template, variable and problem in its details (what the engine branches on). */
export function variableInvalid(template: string, variable: string, problem: TemplateVariableProblem, expected?: string) {
  const details = { template, variable, problem, ...(expected ? { expected } : {}) };
  return TemplateErrors.TEMPLATE_VARIABLE_INVALID(details, details);
}

export const templateNotFound = (template: string) => TemplateErrors.TEMPLATE_NOT_FOUND(template, { template });
