import type { RegistryContext } from "../../registry-context.js";
import { ExamSubject } from "./exam-subject.entity.js";

export class ExamSubjectService {
  /** A province's catalogue in its order (public: which subjects the exam has is no secret). */
  list(ctx: RegistryContext, provinceCode: string): Promise<ExamSubject[]> {
    if (!/^\d{2}$/.test(provinceCode)) return Promise.resolve([]);
    return ctx.em.find(ExamSubject, { provinceCode }, { orderBy: { sortOrder: "asc", code: "asc" } });
  }
}
