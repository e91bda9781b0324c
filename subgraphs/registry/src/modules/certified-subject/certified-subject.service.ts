import { requireCaller, splitPath } from "@xuekao/subgraph-kit";
import type { RegistryContext } from "../../registry-context.js";
import { ExamRecord } from "../exam-record/exam-record.entity.js";
import { CertifiedSubject } from "./certified-subject.entity.js";

/** What `certification.subjects-certified` carries, with its envelope's organisation path. */
export interface SubjectsCertifiedInput {
  caseId: string;
  candidateId: string;
  provinceCode: string;
  originProvinceCode: string;
  certifiedAt: string;
  subjects: ReadonlyArray<{ subjectCode: string; passed: boolean; detail: string | null }>;
  organizationPath: readonly string[];
}

/** A candidate's own certified subjects are a handful (at most one per subject of the catalogue). */
const MAX_OWN = 50;

type Row = Pick<CertifiedSubject, "subjectCode" | "passed" | "detail" | "provinceCode" | "originProvinceCode" | "caseId" | "certifiedAt">;
const sameAs = (row: CertifiedSubject, next: Row) =>
  row.passed === next.passed &&
  row.detail === next.detail &&
  row.provinceCode === next.provinceCode &&
  row.originProvinceCode === next.originProvinceCode &&
  row.caseId === next.caseId &&
  row.certifiedAt.getTime() === next.certifiedAt.getTime();

export class CertifiedSubjectService {
  /**
   * Keeps certification's decision (in the consumer's transaction, with one audit entry when
   * anything changed). The kit's dedupe already drops a redelivered event; this is idempotent on
   * its own too: the same subjects again change nothing. Per subject, a later certification
   * replaces an earlier one, except that a pass stands (a subject passed is passed for good, as
   * in the exam itself) and an older certification arriving late changes nothing.
   */
  async record(tx: RegistryContext, input: SubjectsCertifiedInput): Promise<void> {
    const certifiedAt = new Date(input.certifiedAt);
    const codes = [...new Set(input.subjects.map((subject) => subject.subjectCode))];
    const existing = new Map((await tx.em.find(CertifiedSubject, { candidateId: input.candidateId, subjectCode: { $in: codes } })).map((row) => [row.subjectCode, row]));
    const record = await tx.em.findOne(ExamRecord, { candidateId: input.candidateId });
    const organizationPath = record?.organizationPath ?? input.organizationPath.join("/");
    const changed: Array<{ subjectCode: string; passed: boolean; before: { passed: boolean; caseId: string } | null }> = [];
    for (const subject of input.subjects) {
      const next: Row = {
        subjectCode: subject.subjectCode,
        passed: subject.passed,
        detail: subject.detail,
        provinceCode: input.provinceCode,
        originProvinceCode: input.originProvinceCode,
        caseId: input.caseId,
        certifiedAt,
      };
      const row = existing.get(subject.subjectCode);
      if (!row) {
        existing.set(subject.subjectCode, tx.em.create(CertifiedSubject, { ...next, candidateId: input.candidateId, organizationPath }));
        changed.push({ subjectCode: subject.subjectCode, passed: subject.passed, before: null });
        continue;
      }
      if (sameAs(row, next) || row.certifiedAt > certifiedAt || (row.passed && !subject.passed)) continue;
      changed.push({ subjectCode: subject.subjectCode, passed: subject.passed, before: { passed: row.passed, caseId: row.caseId } });
      Object.assign(row, next, { organizationPath });
    }
    if (changed.length === 0) return;
    await tx.audit.record({
      action: "certified-subject.recorded",
      subject: { type: "CertificationCase", id: input.caseId },
      organizationPath: splitPath(organizationPath),
      after: { candidateId: input.candidateId, provinceCode: input.provinceCode, originProvinceCode: input.originProvinceCode, subjects: changed },
    });
    await tx.em.flush();
  }

  /** The certified subjects of the candidate of a record the caller may read (batched by the resolver's loader). */
  ofCandidate(ctx: RegistryContext, candidateId: string): Promise<CertifiedSubject[]> {
    return ctx.loaders.loadChildren(CertifiedSubject, "candidateId", candidateId, { orderBy: { subjectCode: "asc" } });
  }

  /** The signed-in person's own certified subjects (none for anyone who has none). */
  async mine(ctx: RegistryContext): Promise<CertifiedSubject[]> {
    const caller = requireCaller(ctx.caller);
    return ctx.em.find(CertifiedSubject, { candidateId: caller.subject }, { orderBy: { subjectCode: "asc" }, limit: MAX_OWN });
  }

  /** The subjects a candidate holds as certified passed in a province: entering them again is refused like a pass. */
  async passedIn(ctx: RegistryContext, candidateId: string, provinceCode: string): Promise<Set<string>> {
    const rows = await ctx.em.find(CertifiedSubject, { candidateId, provinceCode, passed: true });
    return new Set(rows.map((row) => row.subjectCode));
  }
}
