import { z } from "zod";
import { BEIJING_MESSAGE_TIME_PATTERN, ORGANIZATION_LEVEL_LABELS, ORGANIZATION_LEVELS, RECORD_NUMBER_PATTERN } from "@xuekao/rules";

/**
 * The kinds of value a template variable may hold. Each kind is strict on purpose: SMS
 * providers refuse some content outright (【】 looks like a forged signature, links in
 * variables are banned, verification codes must be at most 6 digits), and a refused or
 * garbled message is found by a candidate who never got it. Checking here turns that into an
 * error at the moment the message is built, naming the variable.
 */
export interface VariableKind {
  /** Validates one value (already known to be a non-empty string); output is what gets rendered. */
  schema: z.ZodType<string>;
  /** Chinese, completes "应为…" in the error message. */
  expected: string;
}

const characters = (value: string) => [...value].length;
// Control characters would break the one-line SMS log and show as garbage on a phone.
const CONTROL = /\p{Cc}/u;
const SIGNATURE_BRACKETS = /[【】]/;
const LINK = /(https?:\/\/|www\.)/i;

/** Free text written by a person (a return reason, an organisation name). */
export const freeText = (max: number): VariableKind => ({
  schema: z
    .string()
    .trim()
    .refine((value) => characters(value) <= max)
    .refine((value) => !CONTROL.test(value) && !SIGNATURE_BRACKETS.test(value) && !LINK.test(value)),
  expected: `不超过 ${max} 个字的文字，不含换行、【】和网址`,
});

const pattern = (regex: RegExp, expected: string): VariableKind => ({ schema: z.string().trim().regex(regex), expected });

const oneOf = (values: readonly [string, ...string[]]): VariableKind => ({
  schema: z.string().trim().pipe(z.enum(values)),
  expected: values.join("、") + "之一",
});

export const VariableKinds = {
  /** Providers accept verification codes of at most 6 digits; ours are always exactly 6. */
  smsCode: pattern(/^\d{6}$/, "6 位数字"),
  minutes: pattern(/^[1-9]\d?$/, "1 至 99 的整数（分钟）"),
  hours: pattern(/^[1-9]\d{0,3}$/, "正整数（小时）"),
  count: pattern(/^[1-9]\d{0,5}$/, "正整数"),
  /** Produced by `formatBeijingMessageTime`, never by hand, so every message writes times the same way. */
  beijingTime: pattern(BEIJING_MESSAGE_TIME_PATTERN, "北京时间，如 2026年11月30日 18:00（由 formatBeijingMessageTime 生成）"),
  /**
   * 考籍号: the national student record number, `G` + the 18-digit ID number or `J` + a code
   * built like one (docs/domain.md "Record numbers"); temporary `L` numbers never become record numbers.
   */
  recordNumber: pattern(RECORD_NUMBER_PATTERN, "G 或 J 开头、共 19 位的考籍号"),
  /** A short Chinese term such as 转籍、信息变更、成绩认定: new kinds need no code change. */
  chineseTerm: pattern(/^[\u4e00-\u9fff]{2,10}$/u, "2 至 10 个汉字"),
  /** Application and case numbers are ids of other subgraphs (UUIDs or readable numbers). */
  caseNumber: pattern(/^[A-Za-z0-9-]{4,40}$/, "4 至 40 位字母、数字或连字符"),
  /** The level an approval step acts at, as `ORGANIZATION_LEVEL_LABELS` names it (班级 … 省级). */
  reviewLevel: oneOf(ORGANIZATION_LEVELS.map((level) => ORGANIZATION_LEVEL_LABELS[level]) as [string, ...string[]]),
  reason: freeText(200),
  sessionName: freeText(40),
  organizationName: freeText(60),
  /** A step's name as the province institute configured it (the workflow engine allows 2 to 30 characters). */
  stepName: freeText(30),
} satisfies Record<string, VariableKind>;
