/**
 * The events certification publishes of its own, imported by their consumers through
 * `@xuekao/certification/events` (this file pulls in nothing but the event contract).
 *
 * A case's submission, decisions and review time limits travel as the kit's workflow events
 * (`workflow.application-submitted`, `-decided`, `workflow.sla-warning`, `-escalated`), which
 * the notification subgraph renders by template for every kind alike.
 */
import { defineEvent } from "@xuekao/events";
import { z } from "zod";

export const SubjectsCertified = defineEvent({
  type: "certification.subjects-certified",
  version: 1,
  description: "外省合格考成绩转入认定通过，认定科目及结论",
  payload: z.object({
    caseId: z.uuid(), candidateId: z.uuid(), provinceCode: z.string().regex(/^\d{2}$/), originProvinceCode: z.string().regex(/^\d{2}$/),
    certifiedAt: z.iso.datetime({ offset: true }),
    subjects: z.array(z.object({ subjectCode: z.string().min(1).max(40), passed: z.boolean(), detail: z.string().max(200).nullable() })).min(1).max(20),
  }),
});
