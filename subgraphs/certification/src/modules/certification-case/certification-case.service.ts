import { UniqueConstraintViolationException, type FilterQuery } from "@mikro-orm/core";
import { isProvinceCode } from "@xuekao/rules";
import {
  accessRule,
  applicationQueue,
  authorize,
  CANDIDATE_ROLES,
  decideApplication,
  flushUnique,
  isUuid,
  PATH_SEPARATOR,
  resubmitApplication,
  Role,
  scopeFilter,
  scopeWhere,
  splitPath,
  startApplication,
  StoredFile,
  type FileSlotSpec,
  type FileUploadTicket,
  type Page,
  type WorkflowKindSpec,
} from "@xuekao/subgraph-kit";
import type { CertificationContext } from "../../certification-context.js";
import { CertificationCase, CertificationCaseStatus } from "./certification-case.entity.js";
import { CertificationCaseErrors } from "./certification-case.errors.js";
import type { DecideCertificationCaseInput, OpenCertificationCaseInput, ResubmitCertificationCaseInput } from "./certification-case.inputs.js";
import { CERTIFICATION_KINDS, ReturningCandidateCertification, TransferInCertification } from "./certification.workflow.js";

export const MAX_CASES_PAGE = 200;

/**
 * The candidate's evidence: a scan or photo of the score certificate stamped by the original
 * province's authority, JPG or PNG only, at most 1 MB (BJEEA notice), judged by its bytes.
 */
export const CERTIFICATION_EVIDENCE: FileSlotSpec = {
  purpose: "certification-evidence",
  maxBytes: 1_048_576,
  allowedTypes: ["image/jpeg", "image/png"],
};

export const pendingKeyOf = (candidateId: string, certifyingProvinceCode: string) => `${candidateId}:${certifyingProvinceCode}`;

/** A candidate applies for themself only; the school flow (school uploads for a student) comes with the certification issue. */
export const OPEN_CASES = accessRule("OPEN_CASES", { roles: [Role.CANDIDATE_IN_SCHOOL, Role.CANDIDATE_SOCIAL] });

/** The roles that act on a certification chain (which step, and where, the engine decides). */
export const REVIEW_CASES = accessRule("REVIEW_CASES", {
  roles: [Role.CERTIFICATION_REVIEWER, Role.COUNTY_AGENCY, Role.LEAGUE_AGENCY, Role.PROVINCE_INSTITUTE],
});

/**
 * Who reads cases: the candidate their own; the agencies on the approval chain (county →
 * league/city → province, docs/domain.md "Arriving from another province") and the province's
 * reviewers their subtree; third parties with results:read (certified results are results).
 */
export const READ_CASES = accessRule("READ_CASES", {
  roles: [
    Role.CANDIDATE_IN_SCHOOL,
    Role.CANDIDATE_SOCIAL,
    Role.COUNTY_AGENCY,
    Role.LEAGUE_AGENCY,
    Role.PROVINCE_INSTITUTE,
    Role.CERTIFICATION_REVIEWER,
    Role.THIRD_PARTY_CLIENT,
  ],
  scopes: ["results:read"],
});

const CERTIFICATION_KIND_NAMES = CERTIFICATION_KINDS.map((kind) => kind.kind);

/**
 * Which certification a candidate applies for: a social candidate returning to take the college
 * entrance exam (Beijing's 返京成绩认定), or an in-school student whose record arrived from another
 * province (Inner Mongolia's 区外成绩转入认定). Whether the province runs it is its data: without a
 * definition the engine refuses with NO_DEFINITION.
 */
const kindFor = (role: Role): WorkflowKindSpec => (role === Role.CANDIDATE_SOCIAL ? ReturningCandidateCertification : TransferInCertification);

export class CertificationCaseService {
  /** Only the cases inside the caller's scope (the declared rule already refused anonymity). */
  async list(ctx: CertificationContext, limit: number): Promise<CertificationCase[]> {
    const filter = scopeFilter(ctx.caller, READ_CASES);
    if (!filter) return [];
    return ctx.em.find(
      CertificationCase,
      scopeWhere(filter, { path: "organizationPath", owner: "candidateId" }) as FilterQuery<CertificationCase>,
      { orderBy: { submittedAt: "desc" }, limit: Math.min(Math.max(limit, 1), MAX_CASES_PAGE) },
    );
  }

  /**
   * The caller applies to the province they are registered in as a candidate (Beijing: a social
   * candidate registered with the district of household registration). Candidates certified
   * before may not apply again (BJEEA notice); one open case at a time. The case and its
   * application start in one transaction, with the audit entry and the submission event.
   */
  async open(ctx: CertificationContext, input: OpenCertificationCaseInput): Promise<CertificationCase> {
    const binding = ctx.caller?.roles.find((role) => CANDIDATE_ROLES.includes(role.role));
    const caller = authorize(ctx.caller, OPEN_CASES, { organizationPath: binding?.organizationPath ?? [], ownerUserId: ctx.caller?.subject ?? "" });
    const candidateId = caller.subject;
    const certifyingProvinceCode = binding!.provinceCode;
    if (!certifyingProvinceCode) throw CertificationCaseErrors.CERTIFICATION_LOGIN_OUTDATED();
    if (!isProvinceCode(input.originProvinceCode)) throw CertificationCaseErrors.CERTIFICATION_PROVINCE_INVALID();
    if (input.originProvinceCode === certifyingProvinceCode) throw CertificationCaseErrors.CERTIFICATION_SAME_PROVINCE();

    const previous = await ctx.em.find(CertificationCase, { candidateId, certifyingProvinceCode });
    if (previous.some((item) => item.status === CertificationCaseStatus.APPROVED)) throw CertificationCaseErrors.CERTIFICATION_ALREADY_CERTIFIED();
    if (previous.some((item) => item.pendingKey !== null)) throw CertificationCaseErrors.CERTIFICATION_CASE_ALREADY_OPEN();

    const kind = kindFor(binding!.role);
    try {
      return await ctx.transaction(async (tx) => {
        const certificationCase = tx.em.create(CertificationCase, {
          candidateId,
          organizationPath: binding!.organizationPath.join(PATH_SEPARATOR),
          originProvinceCode: input.originProvinceCode,
          certifyingProvinceCode,
          kind: kind.kind,
          status: CertificationCaseStatus.PENDING_REVIEW,
          pendingKey: pendingKeyOf(candidateId, certifyingProvinceCode),
          submittedAt: tx.clock.now(),
        });
        // Written first: two submissions racing meet at the unique pending key, before any application exists.
        await flushUnique(tx.em, () => CertificationCaseErrors.CERTIFICATION_CASE_ALREADY_OPEN());
        const application = await startApplication(tx, kind, {
          provinceCode: certifyingProvinceCode,
          subject: { id: certificationCase.id },
          applicantId: candidateId,
          organizationPath: binding!.organizationPath,
        });
        certificationCase.applicationId = application.id;
        return certificationCase;
      });
    } catch (error) {
      if (error instanceof UniqueConstraintViolationException) throw CertificationCaseErrors.CERTIFICATION_CASE_ALREADY_OPEN();
      throw error;
    }
  }

  /** The cases waiting at a step the caller acts on, by review deadline (the engine's queue). */
  async queue(ctx: CertificationContext, page: { first?: number | null; after?: string | null }): Promise<Page<CertificationCase>> {
    const applications = await applicationQueue(ctx, { kinds: CERTIFICATION_KIND_NAMES, first: page.first, after: page.after });
    const ids = applications.items.map((application) => application.subjectId);
    const cases = ids.length ? await ctx.em.find(CertificationCase, { id: { $in: ids } }) : [];
    const byId = new Map(cases.map((item) => [item.id, item]));
    return { items: ids.flatMap((id) => byId.get(id) ?? []), nextCursor: applications.nextCursor };
  }

  /** A decision at the case's current step, through the engine (which checks step, role, scope and version). */
  async decide(ctx: CertificationContext, input: DecideCertificationCaseInput): Promise<CertificationCase> {
    const certificationCase = await this.caseWithApplication(ctx, input.caseId);
    await decideApplication(ctx, {
      applicationId: certificationCase.applicationId!,
      decision: input.decision,
      reason: input.reason ?? null,
      expectedVersion: input.expectedVersion,
      idempotencyKey: input.idempotencyKey,
    });
    return ctx.em.findOneOrFail(CertificationCase, { id: certificationCase.id }, { refresh: true });
  }

  /** The candidate sends a returned case again: it starts over at the first step. */
  async resubmit(ctx: CertificationContext, input: ResubmitCertificationCaseInput): Promise<CertificationCase> {
    const certificationCase = await this.caseWithApplication(ctx, input.caseId);
    await resubmitApplication(ctx, { applicationId: certificationCase.applicationId!, expectedVersion: input.expectedVersion, idempotencyKey: input.idempotencyKey });
    return ctx.em.findOneOrFail(CertificationCase, { id: certificationCase.id }, { refresh: true });
  }

  /** An upload link for the case's evidence, to its candidate while the case is open. */
  async requestEvidenceUpload(ctx: CertificationContext, caseId: string, fileName: string): Promise<FileUploadTicket> {
    const certificationCase = isUuid(caseId) ? await ctx.em.findOne(CertificationCase, { id: caseId }) : null;
    if (!certificationCase) throw CertificationCaseErrors.CERTIFICATION_CASE_NOT_FOUND();
    const organizationPath = splitPath(certificationCase.organizationPath);
    authorize(ctx.caller, OPEN_CASES, { organizationPath, ownerUserId: certificationCase.candidateId });
    if (certificationCase.pendingKey === null) throw CertificationCaseErrors.CERTIFICATION_CASE_CLOSED();
    return ctx.files.issueUpload(ctx, CERTIFICATION_EVIDENCE, {
      subject: { type: "CertificationCase", id: certificationCase.id },
      organizationPath,
      fileName,
    });
  }

  /** The evidence uploaded for each case, in one query for many cases. */
  async evidenceOf(ctx: CertificationContext, caseIds: readonly string[]): Promise<StoredFile[][]> {
    const files = await ctx.em.find(
      StoredFile,
      { subjectType: "CertificationCase", subjectId: { $in: [...caseIds] }, purpose: CERTIFICATION_EVIDENCE.purpose, uploadedAt: { $ne: null } },
      { orderBy: { uploadedAt: "asc" } },
    );
    return caseIds.map((id) => files.filter((file) => file.subjectId === id));
  }

  private async caseWithApplication(ctx: CertificationContext, caseId: string): Promise<CertificationCase> {
    const certificationCase = isUuid(caseId) ? await ctx.em.findOne(CertificationCase, { id: caseId }) : null;
    if (!certificationCase?.applicationId) throw CertificationCaseErrors.CERTIFICATION_CASE_NOT_FOUND();
    return certificationCase;
  }
}
