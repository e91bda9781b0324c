/**
 * The events certification publishes of its own, imported by their consumers through
 * `@xuekao/certification/events` (this file pulls in nothing but the event contract).
 *
 * A case's submission, decisions and review time limits also travel as the kit's workflow events
 * (`workflow.application-submitted`, `-decided`, `workflow.sla-warning`, `-escalated`), which
 * the notification subgraph renders by template for every kind alike. The two below say what the
 * workflow events cannot: the certification's own outcome (certificate, certified subjects).
 */
import { defineEvent } from "@xuekao/events";
import { z } from "zod";

const provinceCode = z.string().regex(/^\d{2}$/);
const instant = z.iso.datetime({ offset: true });

/**
 * A case was decided for its candidate: approved at the last step (with the certificate's code),
 * rejected, or returned for a better scan. Intermediate approvals of a chain are not decisions for
 * the candidate and are not sent.
 */
export const CertificationCaseDecided = defineEvent({
  type: "certification.case-decided",
  version: 1,
  description: "成绩认定申请已有审核结果（通过、未通过或退回修改）",
  payload: z.object({
    caseId: z.uuid(),
    candidateId: z.uuid(),
    kind: z.string().min(1),
    status: z.enum(["APPROVED", "REJECTED", "RETURNED"]),
    /** The certifying province. */
    provinceCode,
    originProvinceCode: provinceCode,
    reason: z.string().nullable(),
    certificateCode: z.string().nullable(),
    decidedAt: instant,
  }),
});

/**
 * The certifying province certified a transferred-in candidate's subjects (Inner Mongolia's 区外
 * 成绩转入认定, on final approval): each counts as passed or failed as in the original province;
 * the registry records them so the candidate enters only for the subjects not yet taken.
 */
export const SubjectsCertified = defineEvent({
  type: "certification.subjects-certified",
  version: 1,
  description: "外省合格考成绩转入认定通过，认定科目及结论",
  payload: z.object({
    caseId: z.uuid(),
    candidateId: z.uuid(),
    provinceCode,
    originProvinceCode: provinceCode,
    certifiedAt: instant,
    subjects: z.array(z.object({ subjectCode: z.string().min(1).max(40), passed: z.boolean(), detail: z.string().max(200).nullable() })).min(1).max(20),
  }),
});
