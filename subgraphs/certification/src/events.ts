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
