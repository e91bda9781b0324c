import { formatBeijingMessageTime } from "@xuekao/rules";
import type { TemplateKey, TemplateVariables } from "./template-catalog.js";

/**
 * Typical values for every template: what the specs render, and what an operator fills into the
 * provider console's "example" field when registering a template. Typed, so a renamed variable
 * breaks the build here rather than a message at run time.
 */
export const TEMPLATE_EXAMPLES: { [Key in TemplateKey]: TemplateVariables<Key> } = {
  "sms-code.register": { code: "382941", validMinutes: "5" },
  "sms-code.change-mobile": { code: "058213", validMinutes: "5" },
  "sms-code.login": { code: "730016", validMinutes: "5" },
  "sms-code.reset-password": { code: "114920", validMinutes: "5" },
  "registration.returned": { reason: "户籍所在地填写有误，请按户口簿填写" },
  "registration.completed": { recordNumber: "G150102200801011234" },
  "registration.collection-pending": {},
  "workflow.submitted": { applicationKind: "区外成绩转入认定", submittedAt: formatBeijingMessageTime(new Date("2026-10-26T02:15:00Z")) },
  "workflow.step-approved": { applicationKind: "区内转籍", level: "旗县区" },
  "workflow.approved": { applicationKind: "休籍复学" },
  "workflow.returned": { applicationKind: "返京成绩认定", level: "省级", reason: "成绩证明未加盖原省份考试机构公章，请重新上传" },
  "workflow.rejected": { applicationKind: "考籍信息变更", level: "学校", reason: "未上传户籍证明材料" },
  "certification.submitted": { submittedAt: formatBeijingMessageTime(new Date("2026-10-26T02:15:00Z")) },
  "certification.approved": { viewUntil: formatBeijingMessageTime(new Date("2026-11-07T04:00:00Z")) },
  "certification.not-approved": { reason: "成绩证明未加盖原省份考试机构公章", viewUntil: formatBeijingMessageTime(new Date("2026-11-07T04:00:00Z")) },
  "certification.certified": { applicationKind: "区外成绩转入认定" },
  "certification.not-certified": { applicationKind: "返京成绩认定", level: "省级", reason: "成绩证明显示为选择性考试成绩，不属于合格性考试成绩" },
  "certification.returned": { applicationKind: "返京成绩认定", level: "省级", reason: "成绩证明扫描件不清晰，请重新上传" },
  "certification.school-returned": { applicationKind: "转入学生成绩认定", level: "省级", reason: "成绩证明扫描件不清晰，请重新上传" },
  "exam-session.registration-opening": {
    sessionName: "2026年12月合格考",
    opensAt: formatBeijingMessageTime(new Date("2026-11-20T01:00:00Z")),
    closesAt: formatBeijingMessageTime(new Date("2026-11-30T10:00:00Z")),
  },
  "exam-session.registration-closing": { sessionName: "2026年12月合格考", deadline: formatBeijingMessageTime(new Date("2026-11-30T10:00:00Z")) },
  "workflow.sla-warning": { caseCount: "3", caseKind: "返京成绩认定", elapsedHours: "48", deadline: formatBeijingMessageTime(new Date("2026-10-29T02:15:00Z")) },
  "workflow.sla-escalated": {
    caseKind: "区外成绩转入认定",
    caseNumber: "3f1b2c4d-5e6f-4a1b-9c2d-3e4f5a6b7c8d",
    elapsedHours: "72",
    stepName: "旗县区审核",
  },
};
