/**
 * Certification's `certification.subjects-certified` contract, copied here on purpose: it is
 * defined in `@xuekao/certification/events`, but certification depends on `@xuekao/registry`
 * (it consumes registry's events), so registry importing it back would make a build cycle.
 * Keep the type, version and schema identical to certification's `SubjectsCertified`
 * (certified-subject.events.spec.ts compares the two).
 */
import { defineEvent } from "@xuekao/events";
import { z } from "zod";

export const SubjectsCertified = defineEvent({
  type: "certification.subjects-certified",
  version: 1,
  description: "外省合格考成绩转入认定通过，认定科目及结论",
  payload: z.object({
    caseId: z.uuid(),
    candidateId: z.uuid(),
    provinceCode: z.string().regex(/^\d{2}$/),
    originProvinceCode: z.string().regex(/^\d{2}$/),
    certifiedAt: z.iso.datetime({ offset: true }),
    subjects: z.array(z.object({ subjectCode: z.string().min(1).max(40), passed: z.boolean(), detail: z.string().max(200).nullable() })).min(1).max(20),
  }),
});
