/**
 * The events certification publishes, imported by their consumers through
 * `@xuekao/certification/events` (this file pulls in nothing but the event contract).
 */
import { defineEvent } from "@xuekao/events";
import { z } from "zod";

const provinceCode = z.string().regex(/^\d{2}$/);

/** A candidate submitted a case; it now waits for review (the candidate is told by SMS and inbox). */
export const CertificationCaseSubmitted = defineEvent({
  type: "certification.case-submitted",
  version: 1,
  description: "考生提交了外省合格考成绩认定申请（待审核）",
  payload: z.object({
    caseId: z.uuid(),
    candidateId: z.uuid(),
    originProvinceCode: provinceCode,
    certifyingProvinceCode: provinceCode,
    submittedAt: z.iso.datetime({ offset: true }),
  }),
});

/** Review SLA (72 h, BJEEA notice): cases of a province that have waited 48 h, told once per case to its reviewers. */
export const ReviewSlaWarning = defineEvent({
  type: "certification.review-sla-warning",
  version: 1,
  description: "成绩认定申请等待审核已达 48 小时（预警）",
  payload: z.object({
    certifyingProvinceCode: provinceCode,
    caseCount: z.number().int().positive(),
    elapsedHours: z.number().int().positive(),
    /** The earliest 72-hour deadline among them. */
    deadline: z.iso.datetime({ offset: true }),
  }),
});

/** A case has waited 72 h: escalated to the province institute, and its reviewers are told. */
export const ReviewSlaEscalated = defineEvent({
  type: "certification.review-sla-escalated",
  version: 1,
  description: "成绩认定申请等待审核已达 72 小时（超时督办）",
  payload: z.object({
    caseId: z.uuid(),
    certifyingProvinceCode: provinceCode,
    elapsedHours: z.number().int().positive(),
    /** Who reviews it, as the message names them (e.g. 北京市教育考试院). */
    reviewerOrganization: z.string().min(1).max(60),
  }),
});
