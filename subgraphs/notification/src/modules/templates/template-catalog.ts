import { VariableKinds, type VariableKind } from "./template-variables.js";

/**
 * Every message the platform sends, in one place, so that wording is reviewed once and the
 * SMS provider's approved templates can be checked against it.
 *
 * Texts use `{name}` placeholders. SMS texts carry no 【签名】: the provider adds the approved
 * signature, and 【】 inside a template is refused by the providers. The declared variable
 * order is the order of `{1}`, `{2}`… in the template registered with the provider (see
 * `numberedSmsTemplate`), so the SMS text uses its variables in declared order; variables used
 * only by the inbox come after those.
 *
 * Wording: the polite, plain register of a provincial exam authority's notices; no names or ID
 * numbers in SMS (a phone screen is not private), times always in Beijing time.
 */

export type Channel = "sms" | "inbox";
export type Audience = "candidate" | "staff";

export interface TemplateVariable<Name extends string = string> {
  name: Name;
  /** Chinese: what the value is and where it comes from. */
  description: string;
  kind: VariableKind;
}

export interface MessageTemplate<Name extends string = string> {
  /** When the message is sent and to whom. */
  description: string;
  audience: Audience;
  /** Where the delivery engine sends it by default. */
  channels: readonly Channel[];
  variables: readonly TemplateVariable<Name>[];
  sms: string;
  inboxTitle: string;
  inboxBody: string;
}

const variable = <const Name extends string>(name: Name, description: string, kind: VariableKind): TemplateVariable<Name> => ({
  name,
  description,
  kind,
});
const template = <const Name extends string>(definition: MessageTemplate<Name>): MessageTemplate<Name> => definition;

const code = variable("code", "短信验证码，6 位数字", VariableKinds.smsCode);
const validMinutes = variable("validMinutes", "验证码有效时间（分钟）", VariableKinds.minutes);
const reason = variable("reason", "审核人员填写的原因，原文照录", VariableKinds.reason);
const applicationKind = variable("applicationKind", "申请类别（审批流程的中文名称），如 区内转籍、休籍复学、返京成绩认定", VariableKinds.chineseTerm);
const reviewLevel = variable("level", "作出审核决定的层级：班级、学校、旗县区、盟市或省级", VariableKinds.reviewLevel);
const viewUntil = variable("viewUntil", "认定结果在线查看截止时间（北京时间）", VariableKinds.beijingTime);
const sessionName = variable("sessionName", "考次名称，如 2026年12月普通高中学业水平合格性考试", VariableKinds.sessionName);
const caseKind = variable("caseKind", "待审核事项类别（审批流程的中文名称），如 在校生考籍预注册、区外成绩转入认定", VariableKinds.chineseTerm);
const elapsedHours = variable("elapsedHours", "自进入该审核环节起已等待的小时数", VariableKinds.hours);

/**
 * Verification codes go by SMS only: a copy in the inbox serves nobody (the person is proving
 * they hold the phone) and would widen where a live code can be read. Their inbox texts, which
 * never contain the code, exist for a sent-messages view.
 */
const CODE_CHANNELS: readonly Channel[] = ["sms"];
const BOTH: readonly Channel[] = ["sms", "inbox"];
const CODE_WARNING = "验证码仅限本人使用，请勿泄露给他人；工作人员不会以任何理由向您索要验证码。";

export const TEMPLATES = {
  // The register and change-mobile texts keep identity's wording ("验证码为 123456"), which the
  // end-to-end suites read from the development SMS log.
  "sms-code.register": template({
    description: "考生注册账号、绑定手机号时发送验证码",
    audience: "candidate",
    channels: CODE_CHANNELS,
    variables: [code, validMinutes],
    sms: "您的注册验证码为 {code}，{validMinutes} 分钟内有效，请勿泄露给他人。如非本人操作，请忽略本短信。",
    inboxTitle: "注册验证码已发送",
    inboxBody: `注册验证码已通过短信发送至您的手机，{validMinutes} 分钟内有效。${CODE_WARNING}`,
  }),
  "sms-code.change-mobile": template({
    description: "更换绑定手机号时向新手机号发送验证码",
    audience: "candidate",
    channels: CODE_CHANNELS,
    variables: [code, validMinutes],
    sms: "您正在更换绑定手机号，验证码为 {code}，{validMinutes} 分钟内有效，请勿泄露给他人。如非本人操作，请忽略本短信。",
    inboxTitle: "更换手机号验证码已发送",
    inboxBody: `更换绑定手机号的验证码已通过短信发送至新手机号，{validMinutes} 分钟内有效。${CODE_WARNING}如非本人操作，请立即修改登录密码。`,
  }),
  "sms-code.login": template({
    description: "以短信验证码登录时发送验证码",
    audience: "candidate",
    channels: CODE_CHANNELS,
    variables: [code, validMinutes],
    sms: "您的登录验证码为 {code}，{validMinutes} 分钟内有效，请勿泄露给他人。如非本人操作，请忽略本短信。",
    inboxTitle: "登录验证码已发送",
    inboxBody: `登录验证码已通过短信发送至您的手机，{validMinutes} 分钟内有效。${CODE_WARNING}如非本人操作，请立即修改登录密码。`,
  }),
  "sms-code.reset-password": template({
    description: "找回（重置）登录密码时发送验证码",
    audience: "candidate",
    channels: CODE_CHANNELS,
    variables: [code, validMinutes],
    sms: "您正在重置登录密码，验证码为 {code}，{validMinutes} 分钟内有效，请勿泄露给他人。如非本人操作，请忽略本短信。",
    inboxTitle: "重置密码验证码已发送",
    inboxBody: `重置登录密码的验证码已通过短信发送至您的手机，{validMinutes} 分钟内有效。${CODE_WARNING}如非本人操作，请及时与所在学校或招生考试机构联系。`,
  }),

  "registration.returned": template({
    description: "考籍预注册被班主任或旗县区招生考试机构退回，通知考生修改后重新提交",
    audience: "candidate",
    channels: BOTH,
    variables: [reason],
    sms: "您提交的考籍预注册信息已被退回，原因：{reason}。请登录考生门户修改后重新提交。",
    inboxTitle: "考籍预注册信息已退回",
    inboxBody:
      "您提交的考籍预注册信息经审核被退回，退回原因：{reason}。请登录考生门户，按退回原因核对、修改相关信息后重新提交。如有疑问，请咨询所在学校或户籍所在地旗县区招生考试机构。",
  }),
  "registration.completed": template({
    description: "考籍注册完成，通知考生考籍号（同准考证号）",
    audience: "candidate",
    channels: BOTH,
    variables: [variable("recordNumber", "考籍号（即学籍号，同时为准考证号）", VariableKinds.recordNumber)],
    sms: "您已完成考籍注册，考籍号为 {recordNumber}，该号码同时为准考证号，请妥善保管。",
    inboxTitle: "考籍注册已完成",
    inboxBody:
      "您的考籍注册已完成，考籍号为 {recordNumber}。考籍号终身不变，同时作为各考次的准考证号，请妥善保管。请在各考次规定的报名时间内登录考生门户选报考试科目。",
  }),

  "registration.collection-pending": template({
    description: "考籍预注册通过审核、下一环节为旗县区采集身份信息和照片时，提醒考生按通知前往采集",
    audience: "candidate",
    channels: BOTH,
    variables: [],
    sms: "您提交的考籍预注册信息已审核通过，请按通知到旗县区招生考试机构采集身份信息和照片，采集后完成考籍注册。",
    inboxTitle: "考籍预注册已审核通过，请按通知采集信息",
    inboxBody:
      "您提交的考籍预注册信息已审核通过。请按学校或旗县区招生考试机构的通知，携带本人身份证件到旗县区招生考试机构采集身份信息和照片；采集完成并经确认后即完成考籍注册，考籍号将另行通知。",
  }),

  // Approval chains of every kind (workflow.* events of the kit), chosen by the table in
  // modules/workflow-messages: the kind's Chinese name and the step's level come from the event.
  "workflow.submitted": template({
    description: "各类申请（考籍、转籍、休学、信息变更、成绩认定等）提交或修改后重新提交成功，进入审核",
    audience: "candidate",
    channels: BOTH,
    variables: [applicationKind, variable("submittedAt", "提交时间（北京时间）", VariableKinds.beijingTime)],
    sms: "您的{applicationKind}申请已于{submittedAt}提交，请耐心等待审核，审核结果将以短信通知。",
    inboxTitle: "{applicationKind}申请已提交",
    inboxBody:
      "您的{applicationKind}申请已于{submittedAt}提交，正在等待审核。审核结果将以短信和站内消息通知，您也可随时登录考生门户查看办理进度。",
  }),
  "workflow.step-approved": template({
    description: "各类申请通过某一层级审核，待下一环节审核",
    audience: "candidate",
    channels: BOTH,
    variables: [applicationKind, reviewLevel],
    sms: "您提交的{applicationKind}申请已通过{level}审核，待下一环节审核，请登录考生门户查看办理进度。",
    inboxTitle: "{applicationKind}申请已通过{level}审核",
    inboxBody:
      "您提交的{applicationKind}申请已通过{level}审核，待下一环节审核。全部审核完成后将另行通知；您可随时登录考生门户查看办理进度。",
  }),
  "workflow.approved": template({
    description: "各类申请完成全部审核并获通过",
    audience: "candidate",
    channels: BOTH,
    variables: [applicationKind],
    sms: "您提交的{applicationKind}申请已审核通过，请登录考生门户查看办理结果。",
    inboxTitle: "{applicationKind}申请已审核通过",
    inboxBody: "您提交的{applicationKind}申请已完成全部审核并获通过，办理结果请登录考生门户查看。",
  }),
  "workflow.returned": template({
    description: "各类申请被某一层级退回修改，附原因，请申请人修改后重新提交",
    audience: "candidate",
    channels: BOTH,
    variables: [applicationKind, reviewLevel, reason],
    sms: "您提交的{applicationKind}申请经{level}审核被退回，原因：{reason}。请登录考生门户修改后重新提交。",
    inboxTitle: "{applicationKind}申请已退回修改",
    inboxBody:
      "您提交的{applicationKind}申请经{level}审核被退回，退回原因：{reason}。请登录考生门户，按退回原因核对、修改后重新提交；重新提交后将从第一个审核环节重新审核。",
  }),
  "workflow.rejected": template({
    description: "各类申请在某一层级未获通过（不予通过），附原因",
    audience: "candidate",
    channels: BOTH,
    variables: [applicationKind, reviewLevel, reason],
    sms: "您提交的{applicationKind}申请未通过{level}审核，原因：{reason}。详情请登录考生门户查看。",
    inboxTitle: "{applicationKind}申请未通过{level}审核",
    inboxBody:
      "您提交的{applicationKind}申请未通过{level}审核，原因：{reason}。如有疑问，请咨询审核单位；符合条件的，可按要求补齐材料后重新提交申请。",
  }),

  "certification.submitted": template({
    description: "外省合格性考试成绩认定申请提交成功（状态：待审核）",
    audience: "candidate",
    channels: BOTH,
    variables: [variable("submittedAt", "提交时间（北京时间）", VariableKinds.beijingTime)],
    sms: "您的成绩认定申请已于{submittedAt}提交，请耐心等待审核，审核结果将以短信通知。",
    inboxTitle: "成绩认定申请已提交",
    inboxBody:
      "您的合格性考试成绩认定申请已于{submittedAt}提交，当前状态为“待审核”。审核结果将以短信通知，您也可登录考生门户查看。审核期间请保持手机畅通。",
  }),
  "certification.approved": template({
    description: "成绩认定申请审核通过，提醒考生在查看截止前登录查看认定结果",
    audience: "candidate",
    channels: BOTH,
    variables: [viewUntil],
    sms: "您的成绩认定申请已审核通过，请于{viewUntil}前登录考生门户查看认定结果。",
    inboxTitle: "成绩认定申请已审核通过",
    inboxBody:
      "您的合格性考试成绩认定申请已审核通过，各科目认定结果请登录考生门户查看。认定结果可查看至{viewUntil}，逾期将无法在线查看，请及时查看并留存。",
  }),
  "certification.not-approved": template({
    description: "成绩认定申请未通过审核，附原因，提醒考生在查看截止前登录查看",
    audience: "candidate",
    channels: BOTH,
    variables: [reason, viewUntil],
    sms: "您的成绩认定申请未通过审核，原因：{reason}。请于{viewUntil}前登录考生门户查看详情。",
    inboxTitle: "成绩认定申请未通过审核",
    inboxBody:
      "您的合格性考试成绩认定申请未通过审核，原因：{reason}。审核详情可查看至{viewUntil}，逾期将无法在线查看。如有疑问，请咨询所在地招生考试机构。",
  }),

  // The result of a certification case (every kind: 返京成绩认定, 转入学生成绩认定, 区外成绩转入认定),
  // chosen by the workflow table for the final approval, a refusal and a return: the message says
  // the result in the words of the notices (认定通过 / 未予认定 / 退回修改) and, but for approval, why.
  "certification.certified": template({
    description: "成绩认定申请完成全部审核，结论为认定通过（认定结果与认定证书可在考生门户查看、下载）",
    audience: "candidate",
    channels: BOTH,
    variables: [applicationKind],
    sms: "您的{applicationKind}申请审核结果：认定通过。请登录考生门户查看各科认定结果并下载认定证书。",
    inboxTitle: "{applicationKind}结果：认定通过",
    inboxBody:
      "您的{applicationKind}申请已完成全部审核，审核结果为：认定通过。各科目认定结论及认定证书请登录考生门户查看、下载；认定证书可通过证书上的验证码或二维码查验真伪。",
  }),
  "certification.not-certified": template({
    description: "成绩认定申请在某一层级审核未通过，结论为未予认定，附原因",
    audience: "candidate",
    channels: BOTH,
    variables: [applicationKind, reviewLevel, reason],
    sms: "您的{applicationKind}申请经{level}审核，结果：未予认定，原因：{reason}。详情请登录考生门户查看。",
    inboxTitle: "{applicationKind}结果：未予认定",
    inboxBody:
      "您的{applicationKind}申请经{level}审核，审核结果为：未予认定。原因：{reason}。如有疑问，请咨询审核单位；详情请登录考生门户查看。",
  }),
  "certification.returned": template({
    description: "成绩认定申请被某一层级退回修改，附原因，请考生按原因修改或重新上传材料后再次提交",
    audience: "candidate",
    channels: BOTH,
    variables: [applicationKind, reviewLevel, reason],
    sms: "您的{applicationKind}申请经{level}审核，结果：退回修改，原因：{reason}。请登录考生门户按原因修改后重新提交。",
    inboxTitle: "{applicationKind}申请已退回修改",
    inboxBody:
      "您的{applicationKind}申请经{level}审核，审核结果为：退回修改。原因：{reason}。请登录考生门户，按退回原因修改或重新上传清晰的材料后再次提交；重新提交后将重新审核。",
  }),
  "certification.school-returned": template({
    description: "学校代为提交的转入学生成绩认定申请被退回修改，附原因，告知考生由学校重新上传材料",
    audience: "candidate",
    channels: BOTH,
    variables: [applicationKind, reviewLevel, reason],
    sms: "您的{applicationKind}申请经{level}审核，结果：退回修改，原因：{reason}。学校将重新上传材料后再次提交，请留意后续通知。",
    inboxTitle: "{applicationKind}申请已退回修改",
    inboxBody:
      "您的{applicationKind}申请经{level}审核，审核结果为：退回修改。原因：{reason}。该申请由您所在学校提交，学校将按退回原因重新上传材料后再次提交；如有疑问，请咨询所在学校。",
  }),

  "exam-session.registration-opening": template({
    description: "考次报名（选课报名）即将开始",
    audience: "candidate",
    channels: BOTH,
    variables: [
      sessionName,
      variable("opensAt", "报名开始时间（北京时间）", VariableKinds.beijingTime),
      variable("closesAt", "报名截止时间（北京时间）", VariableKinds.beijingTime),
    ],
    sms: "{sessionName}将于{opensAt}开始报名，{closesAt}截止，请按时报名。",
    inboxTitle: "{sessionName}报名即将开始",
    inboxBody:
      "{sessionName}报名时间为{opensAt}至{closesAt}（北京时间）。请已注册考籍的考生在规定时间内登录考生门户选报考试科目，逾期不予补报。",
  }),
  "exam-session.registration-closing": template({
    description: "考次报名即将截止，提醒尚未报名的考生",
    audience: "candidate",
    channels: BOTH,
    variables: [sessionName, variable("deadline", "报名截止时间（北京时间）", VariableKinds.beijingTime)],
    sms: "{sessionName}报名将于{deadline}截止，尚未报名的考生请抓紧办理，逾期不予补报。",
    inboxTitle: "{sessionName}报名即将截止",
    inboxBody:
      "{sessionName}报名将于{deadline}（北京时间）截止。尚未完成报名的考生，请尽快登录考生门户选报考试科目并确认报名信息，逾期不予补报。",
  }),

  "workflow.sla-warning": template({
    description: "待审核事项已达预警时点（如 48 小时），提醒承办该环节的审核人员在时限前处理（同一环节同一单位一批一条）",
    audience: "staff",
    channels: BOTH,
    variables: [
      variable("caseCount", "已达预警时点的待审核事项件数", VariableKinds.count),
      caseKind,
      elapsedHours,
      variable("deadline", "其中最早一件的审核时限（北京时间）", VariableKinds.beijingTime),
    ],
    sms: "您有{caseCount}件{caseKind}事项已等待审核超过{elapsedHours}小时，请于{deadline}前登录平台处理。",
    inboxTitle: "待审核事项即将超时",
    inboxBody:
      "您有 {caseCount} 件{caseKind}事项提交后已等待审核超过 {elapsedHours} 小时，请于{deadline}前完成审核。逾期未处理的，系统将报送上级机构督办。",
  }),
  "workflow.sla-escalated": template({
    description: "待审核事项已超过审核时限（如 72 小时），报请省级考试院督办，并告知承办该环节的审核人员",
    audience: "staff",
    channels: BOTH,
    variables: [
      caseKind,
      variable("caseNumber", "超时事项的编号", VariableKinds.caseNumber),
      elapsedHours,
      variable("stepName", "超时的审核环节名称，如 旗县区审核（仅用于站内消息）", VariableKinds.stepName),
    ],
    sms: "{caseKind}事项（编号 {caseNumber}）已等待审核超过{elapsedHours}小时，已报请督办，请尽快登录平台处理。",
    inboxTitle: "审核超时督办：{caseKind}事项 {caseNumber}",
    inboxBody:
      "{caseKind}事项（编号 {caseNumber}）在“{stepName}”环节已等待审核超过 {elapsedHours} 小时，超出审核时限，现报请督办。请尽快登录平台核查并督促办理。",
  }),
} as const;

export type TemplateKey = keyof typeof TEMPLATES;

/** The variable names a template declares, for callers that build variables in code. */
export type TemplateVariableName<Key extends TemplateKey> = (typeof TEMPLATES)[Key]["variables"][number]["name"];

export type TemplateVariables<Key extends TemplateKey> = { readonly [Name in TemplateVariableName<Key>]: string };

export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];

export const isTemplateKey = (value: string): value is TemplateKey => Object.hasOwn(TEMPLATES, value);
