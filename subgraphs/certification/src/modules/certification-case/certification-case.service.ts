import { UniqueConstraintViolationException, type FilterQuery } from "@mikro-orm/core";
import { CERTIFIABLE_SUBJECTS, isProvinceCode, recognitionSubjectName, recognizeSubject, type SourceProvinceRules, type SubjectMark } from "@xuekao/rules";
import {
  accessRule,
  activeDefinition,
  applicationQueue,
  authorize,
  CANDIDATE_ROLES,
  clampPageSize,
  decideApplication,
  decodeCursor,
  DomainError,
  flushUnique,
  isUuid,
  keysetAfter,
  keysetOrder,
  pageFrom,
  PATH_SEPARATOR,
  requireCaller,
  resubmitApplication,
  Role,
  scopeFilter,
  scopeWhere,
  splitPath,
  startApplication,
  StoredFile,
  WorkflowApplication,
  WorkflowStatus,
  type FileSlotSpec,
  type FileUploadTicket,
  type KeysetField,
  type Page,
  type RoleBinding,
  type WorkflowKindSpec,
} from "@xuekao/subgraph-kit";
import type { CertificationContext } from "../../certification-context.js";
import { CandidateFact, CandidateFactKind } from "../candidate-fact/candidate-fact.entity.js";
import { CertificationWindow } from "../certification-config/certification-config.entity.js";
import { CertificationConfigService } from "../certification-config/certification-config.service.js";
import { CertificationCase, CertificationCaseStatus } from "./certification-case.entity.js";
import { CertificationCaseErrors, NOT_ELIGIBLE_REASONS, type NotEligibleReason } from "./certification-case.errors.js";
import {
  CertificationEvidenceSlot,
  CertificationExamKind,
  type CertificationEligibility,
  type CertificationEvidenceRequirement,
  type CertificationMark,
  type CertificationSubjectInput,
  type CertificationSubjectResult,
  type DecideCertificationCaseInput,
  type SaveCertificationSubjectsInput,
  type StartCertificationCaseInput,
  type StartSchoolCertificationCaseInput,
  type SubmitCertificationCaseInput,
} from "./certification-case.inputs.js";
import { CERTIFICATION_KINDS, ReturningCandidateCertification, SchoolUploadCertification, TransferInCertification } from "./certification.workflow.js";

export const MAX_CASES_PAGE = 200;
const MAX_OWN_CASES = 50;

const IMAGE_TYPES = ["image/jpeg", "image/png"];
const MAX_EVIDENCE_BYTES = 1_048_576;

/**
 * The candidate's evidence: a scan or photo of the score certificate stamped by the original
 * province's authority, JPG or PNG only, at most 1 MB (BJEEA notice), judged by its bytes.
 */
export const CERTIFICATION_EVIDENCE: FileSlotSpec = { purpose: "certification-evidence", maxBytes: MAX_EVIDENCE_BYTES, allowedTypes: IMAGE_TYPES };

/** Each slot's upload (its own purpose, so "the current file of a slot" is the latest of that purpose) and name. */
export const EVIDENCE_SLOTS: Record<CertificationEvidenceSlot, { name: string; spec: FileSlotSpec }> = {
  [CertificationEvidenceSlot.SCORE_CERTIFICATE]: { name: "原省份合格性考试成绩证明（加盖公章）", spec: CERTIFICATION_EVIDENCE },
  [CertificationEvidenceSlot.SCHOOL_ACCEPTANCE]: {
    name: "接收学校证明",
    spec: { purpose: "certification-school-acceptance", maxBytes: MAX_EVIDENCE_BYTES, allowedTypes: IMAGE_TYPES },
  },
  [CertificationEvidenceSlot.IDENTITY_PROOF]: {
    name: "身份证明",
    spec: { purpose: "certification-identity-proof", maxBytes: MAX_EVIDENCE_BYTES, allowedTypes: IMAGE_TYPES },
  },
};

/** The proofs each kind needs, in the order they are asked for (docs/domain.md). */
export const SLOTS_OF_KIND: Record<string, readonly CertificationEvidenceSlot[]> = {
  [ReturningCandidateCertification.kind]: [CertificationEvidenceSlot.SCORE_CERTIFICATE],
  [SchoolUploadCertification.kind]: [CertificationEvidenceSlot.SCORE_CERTIFICATE],
  [TransferInCertification.kind]: [CertificationEvidenceSlot.SCORE_CERTIFICATE, CertificationEvidenceSlot.SCHOOL_ACCEPTANCE, CertificationEvidenceSlot.IDENTITY_PROOF],
};
const slotsOf = (kind: string) => SLOTS_OF_KIND[kind] ?? [CertificationEvidenceSlot.SCORE_CERTIFICATE];
const EVIDENCE_PURPOSES = Object.values(EVIDENCE_SLOTS).map((slot) => slot.spec.purpose);

export const pendingKeyOf = (candidateId: string, certifyingProvinceCode: string) => `${candidateId}:${certifyingProvinceCode}`;

/** A candidate applies for themself only. */
export const START_CASES = accessRule("START_CASES", { roles: [Role.CANDIDATE_IN_SCHOOL, Role.CANDIDATE_SOCIAL] });

/** A Beijing school files the case of a student transferred in (docs/domain.md "The school flow"). */
export const SCHOOL_CASES = accessRule("SCHOOL_CASES", { roles: [Role.SCHOOL_ADMIN] });

/** Who uploads evidence and submits: the candidate their own case, the school admin the cases it filed. */
export const FILE_CASES = accessRule("FILE_CASES", { roles: [Role.CANDIDATE_IN_SCHOOL, Role.CANDIDATE_SOCIAL, Role.SCHOOL_ADMIN] });

/** The roles that act on a certification chain (which step, and where, the engine decides). */
export const REVIEW_CASES = accessRule("REVIEW_CASES", {
  roles: [Role.CERTIFICATION_REVIEWER, Role.COUNTY_AGENCY, Role.LEAGUE_AGENCY, Role.PROVINCE_INSTITUTE],
});

/**
 * Who reads cases: the candidate their own; the school its students' (it files them in the school
 * flow, and receives transferred-in students); the agencies on the approval chain and the
 * province's reviewers their subtree; third parties with results:read (certified results are results).
 */
export const READ_CASES = accessRule("READ_CASES", {
  roles: [
    Role.CANDIDATE_IN_SCHOOL,
    Role.CANDIDATE_SOCIAL,
    Role.SCHOOL_ADMIN,
    Role.COUNTY_AGENCY,
    Role.LEAGUE_AGENCY,
    Role.PROVINCE_INSTITUTE,
    Role.CERTIFICATION_REVIEWER,
    Role.THIRD_PARTY_CLIENT,
  ],
  scopes: ["results:read"],
});

const CERTIFICATION_KIND_NAMES = CERTIFICATION_KINDS.map((kind) => kind.kind);
const isWindowed = (kind: string) => CERTIFICATION_KINDS.some((spec) => spec.kind === kind && spec.filingWindow === "CERTIFICATION_WINDOW");

/**
 * Which certification a candidate applies for: a social candidate returning to take the college
 * entrance exam (Beijing's 返京成绩认定), or an in-school student whose record arrived from another
 * province (Inner Mongolia's 区外成绩转入认定). Whether the province runs it is its data (an
 * approval chain for the kind): without one, KIND_NOT_OFFERED.
 */
const kindFor = (role: Role): WorkflowKindSpec => (role === Role.CANDIDATE_SOCIAL ? ReturningCandidateCertification : TransferInCertification);

type RefusalCode = NotEligibleReason | "KIND_NOT_OFFERED" | "WINDOW_CLOSED";
const REFUSAL_MESSAGES: Record<RefusalCode, string> = {
  ...NOT_ELIGIBLE_REASONS,
  KIND_NOT_OFFERED: CertificationCaseErrors.KIND_NOT_OFFERED().message,
  WINDOW_CLOSED: CertificationCaseErrors.WINDOW_CLOSED().message,
};

interface Assessment {
  refusal: RefusalCode | null;
  window: CertificationWindow | null;
}

/** Newest first, by creation (drafts have no submission time yet). */
const CASE_ORDER: KeysetField[] = [
  { field: "createdAt", direction: "desc" },
  { field: "id", direction: "desc" },
];

const config = new CertificationConfigService();

const isWithin = (path: readonly string[], prefix: readonly string[]) => prefix.length > 0 && prefix.length <= path.length && prefix.every((id, index) => path[index] === id);

/** The stored subject results of a case. */
export function subjectsOf(certificationCase: CertificationCase): CertificationSubjectResult[] {
  return certificationCase.storedSubjects() as CertificationSubjectResult[];
}

export class CertificationCaseService {
  /** Only the cases inside the caller's scope (the declared rule already refused anonymity). */
  async list(ctx: CertificationContext, limit: number): Promise<CertificationCase[]> {
    const filter = scopeFilter(ctx.caller, READ_CASES);
    if (!filter) return [];
    return ctx.em.find(
      CertificationCase,
      scopeWhere(filter, { path: "organizationPath", owner: "candidateId" }) as FilterQuery<CertificationCase>,
      { orderBy: { createdAt: "desc", id: "desc" }, limit: Math.min(Math.max(limit, 1), MAX_CASES_PAGE) },
    );
  }

  /** One case, for whoever may read it; anything else is answered as missing. */
  async one(ctx: CertificationContext, id: string): Promise<CertificationCase> {
    const certificationCase = isUuid(id) ? await ctx.em.findOne(CertificationCase, { id }) : null;
    if (!certificationCase) throw CertificationCaseErrors.CERTIFICATION_CASE_NOT_FOUND();
    try {
      authorize(ctx.caller, READ_CASES, { organizationPath: splitPath(certificationCase.organizationPath), ownerUserId: certificationCase.candidateId });
    } catch (error) {
      if (error instanceof DomainError && error.code === "FORBIDDEN") throw CertificationCaseErrors.CERTIFICATION_CASE_NOT_FOUND();
      throw error;
    }
    return certificationCase;
  }

  /**
   * The caller's own cases, newest first. Once every one of them belongs to a filing window whose
   * viewing deadline has passed, the service is closed for them (BJEEA: results viewable until the
   * deadline, then the service closes).
   */
  async mine(ctx: CertificationContext): Promise<CertificationCase[]> {
    const caller = requireCaller(ctx.caller);
    const cases = await ctx.em.find(CertificationCase, { candidateId: caller.subject }, { orderBy: { createdAt: "desc", id: "desc" }, limit: MAX_OWN_CASES });
    if (cases.length === 0) return cases;
    if (cases.every((item) => isWindowed(item.kind) && item.windowId)) {
      const windows = await ctx.em.find(CertificationWindow, { id: { $in: [...new Set(cases.map((item) => item.windowId!))] } });
      const until = new Map(windows.map((window) => [window.id, window.viewableUntil]));
      const now = ctx.clock.now();
      if (cases.every((item) => { const end = until.get(item.windowId!); return end !== undefined && now >= end; })) {
        throw CertificationCaseErrors.CERTIFICATION_SERVICE_CLOSED();
      }
    }
    return cases;
  }

  /** What the caller may apply for, and why not: the same judgement as `start`, without refusing. */
  async eligibility(ctx: CertificationContext, originProvinceCode: string | null | undefined): Promise<CertificationEligibility> {
    const { binding, provinceCode } = this.candidateBinding(ctx);
    if (originProvinceCode !== null && originProvinceCode !== undefined) this.checkOrigin(originProvinceCode, provinceCode);
    const kind = kindFor(binding.role);
    const assessment = await this.assess(ctx, binding, ctx.caller!.subject, provinceCode, kind);
    const currentCase = await ctx.em.findOne(CertificationCase, { candidateId: ctx.caller!.subject }, { orderBy: { createdAt: "desc", id: "desc" } });
    const refusal = assessment.refusal;
    return {
      eligible: refusal === null,
      kind: refusal === "KIND_NOT_OFFERED" ? null : refusal === "SCHOOL_FILES" ? SchoolUploadCertification.kind : kind.kind,
      reasonCode: refusal,
      reason: refusal ? REFUSAL_MESSAGES[refusal] : null,
      window: assessment.window,
      currentCase,
    };
  }

  /**
   * The candidate starts (or takes up again) their case in the province they are registered in:
   * eligibility first, then their open draft or returned case if there is one, else a new draft.
   * Evidence is uploaded into the draft; `submit` sends it to review.
   */
  async start(ctx: CertificationContext, input: StartCertificationCaseInput): Promise<CertificationCase> {
    const { binding, provinceCode } = this.candidateBinding(ctx);
    this.checkOrigin(input.originProvinceCode, provinceCode);
    const candidateId = ctx.caller!.subject;
    const kind = kindFor(binding.role);
    const assessment = await this.assess(ctx, binding, candidateId, provinceCode, kind);
    return this.openDraft(ctx, {
      assessment,
      kind,
      candidateId,
      provinceCode,
      originProvinceCode: input.originProvinceCode,
      organizationPath: binding.organizationPath,
    });
  }

  /**
   * A Beijing school files the case of a student transferred in: the student must hold an
   * in-school record registered under the school (registry's record-registered event).
   */
  async startForSchool(ctx: CertificationContext, input: StartSchoolCertificationCaseInput): Promise<CertificationCase> {
    const caller = requireCaller(ctx.caller);
    const bindings = caller.roles.filter((binding) => binding.role === Role.SCHOOL_ADMIN);
    const fact = isUuid(input.candidateId)
      ? await ctx.em.findOne(CandidateFact, { candidateId: input.candidateId, kind: CandidateFactKind.RECORD_REGISTERED, candidateKind: "IN_SCHOOL" }, { orderBy: { occurredAt: "desc" } })
      : null;
    const binding = fact ? bindings.find((item) => isWithin(splitPath(fact.organizationPath), item.organizationPath)) : undefined;
    if (!fact || !binding) {
      // A school admin at all (the rule let them in), but the student is not theirs: answered as missing.
      if (bindings.length === 0) authorize(caller, SCHOOL_CASES, { organizationPath: [] });
      throw CertificationCaseErrors.CERTIFICATION_STUDENT_NOT_FOUND();
    }
    const provinceCode = fact.provinceCode;
    authorize(caller, SCHOOL_CASES, { organizationPath: splitPath(fact.organizationPath) });
    this.checkOrigin(input.originProvinceCode, provinceCode);
    const assessment = await this.assess(ctx, binding, fact.candidateId, provinceCode, SchoolUploadCertification);
    return this.openDraft(ctx, {
      assessment,
      kind: SchoolUploadCertification,
      candidateId: fact.candidateId,
      provinceCode,
      originProvinceCode: input.originProvinceCode,
      organizationPath: splitPath(fact.organizationPath),
    });
  }

  /** The school's school-flow cases, newest first, cursor-paged. */
  async schoolCases(ctx: CertificationContext, page: { first?: number | null; after?: string | null }): Promise<Page<CertificationCase>> {
    const caller = requireCaller(ctx.caller);
    const prefixes = caller.passwordChangeRequired ? [] : caller.roles.filter((binding) => binding.role === Role.SCHOOL_ADMIN).map((binding) => binding.organizationPath);
    if (prefixes.length === 0) return { items: [], nextCursor: null };
    const size = clampPageSize(page.first);
    const where: FilterQuery<CertificationCase>[] = [
      { kind: SchoolUploadCertification.kind },
      scopeWhere({ organizationPathPrefixes: prefixes }, { path: "organizationPath" }) as FilterQuery<CertificationCase>,
    ];
    if (page.after) {
      const [createdAt, id] = decodeCursor(page.after, ["date", "uuid"]);
      where.push(keysetAfter(CASE_ORDER, [new Date(createdAt as string), id]) as FilterQuery<CertificationCase>);
    }
    const rows = await ctx.em.find(CertificationCase, { $and: where }, { orderBy: keysetOrder(CASE_ORDER), limit: size + 1 });
    return pageFrom(rows, size, (row) => [row.createdAt.toISOString(), row.id]);
  }

  /** An upload link for one slot of the case's evidence, while the case is a draft or returned. */
  async requestEvidenceUpload(ctx: CertificationContext, caseId: string, slot: CertificationEvidenceSlot, fileName: string): Promise<FileUploadTicket> {
    const certificationCase = await this.caseForFiler(ctx, caseId);
    if (certificationCase.status !== CertificationCaseStatus.DRAFT && certificationCase.status !== CertificationCaseStatus.RETURNED) {
      throw CertificationCaseErrors.CERTIFICATION_CASE_LOCKED();
    }
    if (!slotsOf(certificationCase.kind).includes(slot)) throw CertificationCaseErrors.CERTIFICATION_EVIDENCE_SLOT_INVALID();
    await this.requireOpenWindow(ctx, certificationCase);
    return ctx.files.issueUpload(ctx, EVIDENCE_SLOTS[slot].spec, {
      subject: { type: "CertificationCase", id: certificationCase.id },
      organizationPath: splitPath(certificationCase.organizationPath),
      fileName,
    });
  }

  /**
   * Sends the case to review: a draft starts its application, a returned case is resubmitted (from
   * the first step). A case already under review is answered as it is: the same submission sent
   * twice changes nothing. Every slot must hold a file; a windowed kind only inside its window.
   */
  async submit(ctx: CertificationContext, input: SubmitCertificationCaseInput): Promise<CertificationCase> {
    const certificationCase = await this.caseForFiler(ctx, input.caseId);
    if (certificationCase.status === CertificationCaseStatus.PENDING_REVIEW) return certificationCase;
    if (certificationCase.status !== CertificationCaseStatus.DRAFT && certificationCase.status !== CertificationCaseStatus.RETURNED) {
      throw CertificationCaseErrors.CERTIFICATION_CASE_LOCKED();
    }
    const [files] = await this.evidenceBySlot(ctx, [certificationCase]);
    const missing = slotsOf(certificationCase.kind).filter((slot) => !files!.get(slot));
    if (missing.length > 0) throw CertificationCaseErrors.CERTIFICATION_EVIDENCE_MISSING({ names: missing.map((slot) => EVIDENCE_SLOTS[slot].name).join("、") });
    const window = await this.requireOpenWindow(ctx, certificationCase);
    const kind = CERTIFICATION_KINDS.find((spec) => spec.kind === certificationCase.kind)!;
    const forSchool = certificationCase.kind === SchoolUploadCertification.kind;

    try {
      await ctx.transaction(async (tx) => {
        const current = await tx.em.findOneOrFail(CertificationCase, { id: certificationCase.id }, { refresh: true });
        const before = current.status;
        if (window) current.windowId = window.id;
        if (current.status === CertificationCaseStatus.DRAFT) {
          // The status is the guard: of two submissions racing, only one turns the draft.
          const won = await tx.em.nativeUpdate(CertificationCase, { id: current.id, status: CertificationCaseStatus.DRAFT }, { status: CertificationCaseStatus.PENDING_REVIEW });
          if (won !== 1) return;
          const application = await startApplication(tx, kind, {
            provinceCode: current.certifyingProvinceCode,
            subject: { id: current.id },
            applicantId: current.candidateId,
            organizationPath: splitPath(current.organizationPath),
          });
          current.applicationId = application.id;
        } else {
          const application = await tx.em.findOneOrFail(WorkflowApplication, { id: current.applicationId! }, { refresh: true });
          await resubmitApplication(tx, {
            applicationId: application.id,
            expectedVersion: application.version,
            idempotencyKey: input.idempotencyKey,
            authorizedForApplicant: forSchool,
          });
        }
        await tx.audit.record({
          action: "certification-case.submitted",
          subject: { type: "CertificationCase", id: current.id },
          organizationPath: splitPath(current.organizationPath),
          before: { status: before },
          after: { status: CertificationCaseStatus.PENDING_REVIEW, evidence: [...files!.values()].map((file) => file.id) },
        });
      });
    } catch (error) {
      // The same submission twice at once: the loser finds the case under review and answers with it.
      const again = await ctx.em.findOne(CertificationCase, { id: certificationCase.id }, { refresh: true });
      if (again?.status === CertificationCaseStatus.PENDING_REVIEW) return again;
      throw error;
    }
    return ctx.em.findOneOrFail(CertificationCase, { id: certificationCase.id }, { refresh: true });
  }

  /**
   * The reviewer at the current step records the subjects as the certificate shows them; the
   * certifying province's rules for the origin province give each verdict. Replaces the set.
   */
  async saveSubjects(ctx: CertificationContext, input: SaveCertificationSubjectsInput): Promise<CertificationCase> {
    const certificationCase = await this.caseWithApplication(ctx, input.caseId);
    const application = await ctx.em.findOneOrFail(WorkflowApplication, { id: certificationCase.applicationId! }, { refresh: true });
    const caller = authorize(ctx.caller, { roles: [application.actorRole] }, { organizationPath: splitPath(application.actingOrganizationPath) });
    if (application.status !== WorkflowStatus.IN_PROGRESS) throw CertificationCaseErrors.CERTIFICATION_CASE_LOCKED();
    const rules = await config.sourceRules(ctx, certificationCase.certifyingProvinceCode, certificationCase.originProvinceCode);
    if (!rules) throw CertificationCaseErrors.CERTIFICATION_RULES_MISSING();
    const results = recognizeAll(rules, input.subjects);

    return ctx.transaction(async (tx) => {
      const current = await tx.em.findOneOrFail(CertificationCase, { id: certificationCase.id });
      const before = subjectsOf(current).map(({ subjectCode, passed }) => ({ subjectCode, passed }));
      current.subjectsJson = JSON.stringify(results);
      await tx.audit.record({
        action: "certification-case.subjects-saved",
        subject: { type: "CertificationCase", id: current.id },
        organizationPath: splitPath(current.organizationPath),
        before: { subjects: before },
        after: { subjects: results.map(({ subjectCode, grade, score, passed }) => ({ subjectCode, grade, score, passed })), by: caller.subject, step: application.stepKey },
      });
      return current;
    });
  }

  /** The cases waiting at a step the caller acts on, by review deadline (the engine's queue). */
  async queue(ctx: CertificationContext, page: { first?: number | null; after?: string | null }): Promise<Page<CertificationCase>> {
    const applications = await applicationQueue(ctx, { kinds: CERTIFICATION_KIND_NAMES, first: page.first, after: page.after });
    const ids = applications.items.map((application) => application.subjectId);
    const cases = ids.length ? await ctx.em.find(CertificationCase, { id: { $in: ids } }) : [];
    const byId = new Map(cases.map((item) => [item.id, item]));
    return { items: ids.flatMap((id) => byId.get(id) ?? []), nextCursor: applications.nextCursor };
  }

  /**
   * A decision at the case's current step, through the engine (which checks step, role, scope and
   * version). The final approval's certificate and the events come from the kind's transition
   * hook, in the decision's transaction.
   */
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

  /** The current file of each slot, for many cases in one query (uploads completed only; the latest wins). */
  async evidenceBySlot(ctx: CertificationContext, cases: readonly CertificationCase[]): Promise<Array<Map<CertificationEvidenceSlot, StoredFile>>> {
    const files = cases.length
      ? await ctx.em.find(
          StoredFile,
          { subjectType: "CertificationCase", subjectId: { $in: cases.map((item) => item.id) }, purpose: { $in: EVIDENCE_PURPOSES }, uploadedAt: { $ne: null } },
          { orderBy: { uploadedAt: "asc", id: "asc" } },
        )
      : [];
    return cases.map((item) => {
      const current = new Map<CertificationEvidenceSlot, StoredFile>();
      for (const slot of slotsOf(item.kind)) {
        const latest = files.filter((file) => file.subjectId === item.id && file.purpose === EVIDENCE_SLOTS[slot].spec.purpose).at(-1);
        if (latest) current.set(slot, latest);
      }
      return current;
    });
  }

  /** The kind's slots in order, each with its current file. */
  requirementsOf(certificationCase: CertificationCase, files: Map<CertificationEvidenceSlot, StoredFile>): CertificationEvidenceRequirement[] {
    return slotsOf(certificationCase.kind).map((slot) => ({
      slot,
      name: EVIDENCE_SLOTS[slot].name,
      maxBytes: EVIDENCE_SLOTS[slot].spec.maxBytes,
      allowedTypes: [...EVIDENCE_SLOTS[slot].spec.allowedTypes],
      file: files.get(slot) ?? null,
    }));
  }

  /** The viewing deadline of each case's window (windowed kinds), in one query. */
  async viewableUntil(ctx: CertificationContext, cases: readonly CertificationCase[]): Promise<Array<Date | null>> {
    const ids = [...new Set(cases.flatMap((item) => (item.windowId ? [item.windowId] : [])))];
    const windows = ids.length ? await ctx.em.find(CertificationWindow, { id: { $in: ids } }) : [];
    const until = new Map(windows.map((window) => [window.id, window.viewableUntil]));
    return cases.map((item) => (item.windowId ? (until.get(item.windowId) ?? null) : null));
  }

  // ---- helpers

  /** The caller's candidate binding and its province (refused with the rule's FORBIDDEN otherwise). */
  private candidateBinding(ctx: CertificationContext): { binding: RoleBinding; provinceCode: string } {
    const binding = ctx.caller?.roles.find((role) => CANDIDATE_ROLES.includes(role.role));
    authorize(ctx.caller, START_CASES, { organizationPath: binding?.organizationPath ?? [], ownerUserId: ctx.caller?.subject ?? "" });
    if (!binding!.provinceCode) throw CertificationCaseErrors.CERTIFICATION_LOGIN_OUTDATED();
    return { binding: binding!, provinceCode: binding!.provinceCode };
  }

  private checkOrigin(originProvinceCode: string, certifyingProvinceCode: string): void {
    if (!isProvinceCode(originProvinceCode)) throw CertificationCaseErrors.CERTIFICATION_PROVINCE_INVALID();
    if (originProvinceCode === certifyingProvinceCode) throw CertificationCaseErrors.CERTIFICATION_SAME_PROVINCE();
  }

  /**
   * May this candidate apply for `kind` in the province now? In order: the province runs the kind;
   * not certified there before; for returning candidates, neither a record transferred in nor the
   * exam sat there (registry's events); a windowed kind's window is open.
   */
  private async assess(ctx: CertificationContext, _binding: RoleBinding, candidateId: string, provinceCode: string, kind: WorkflowKindSpec): Promise<Assessment> {
    const now = ctx.clock.now();
    const window = isWindowed(kind.kind)
      ? ((await config.openWindow(ctx, provinceCode, kind.kind, now)) ?? (await config.latestWindow(ctx, provinceCode, kind.kind, now)))
      : null;
    if (!(await activeDefinition(ctx.em, provinceCode, kind.kind))) {
      // Where the province has the school file for its transferred-in students (Beijing), an
      // in-school candidate is sent to the school rather than told the service does not exist.
      const schoolFiles = kind === TransferInCertification && (await activeDefinition(ctx.em, provinceCode, SchoolUploadCertification.kind));
      return { refusal: schoolFiles ? "SCHOOL_FILES" : "KIND_NOT_OFFERED", window };
    }
    if (await ctx.em.count(CertificationCase, { candidateId, certifyingProvinceCode: provinceCode, status: CertificationCaseStatus.APPROVED })) {
      return { refusal: "ALREADY_CERTIFIED", window };
    }
    if (kind === ReturningCandidateCertification) {
      const facts = await ctx.em.find(CandidateFact, { candidateId, provinceCode, kind: { $in: [CandidateFactKind.RECORD_TRANSFERRED_IN, CandidateFactKind.EXAM_RESULTS_RECORDED] } });
      if (facts.some((fact) => fact.kind === CandidateFactKind.RECORD_TRANSFERRED_IN)) return { refusal: "TRANSFERRED_IN", window };
      if (facts.some((fact) => fact.kind === CandidateFactKind.EXAM_RESULTS_RECORDED)) return { refusal: "SAT_EXAM_HERE", window };
    }
    if (isWindowed(kind.kind) && !(window && window.isOpenAt(now))) return { refusal: "WINDOW_CLOSED", window };
    return { refusal: null, window };
  }

  /** The candidate's open case in the province (returned as it is), or a new draft when eligible. */
  private async openDraft(
    ctx: CertificationContext,
    input: { assessment: Assessment; kind: WorkflowKindSpec; candidateId: string; provinceCode: string; originProvinceCode: string; organizationPath: readonly string[] },
  ): Promise<CertificationCase> {
    const { assessment, kind, candidateId, provinceCode } = input;
    const refusal = assessment.refusal;
    if (refusal === "KIND_NOT_OFFERED") throw CertificationCaseErrors.KIND_NOT_OFFERED();
    if (refusal && refusal !== "WINDOW_CLOSED") throw CertificationCaseErrors.NOT_ELIGIBLE({ reasonCode: refusal }, { reasonCode: refusal });
    const open = await ctx.em.findOne(CertificationCase, { pendingKey: pendingKeyOf(candidateId, provinceCode) });
    if (open?.status === CertificationCaseStatus.PENDING_REVIEW) throw CertificationCaseErrors.CERTIFICATION_CASE_ALREADY_OPEN();
    if (open) return open.originProvinceCode === input.originProvinceCode ? open : this.changeOrigin(ctx, open, input.originProvinceCode);
    if (refusal === "WINDOW_CLOSED") throw CertificationCaseErrors.WINDOW_CLOSED();

    try {
      return await ctx.transaction(async (tx) => {
        const certificationCase = tx.em.create(CertificationCase, {
          candidateId,
          organizationPath: input.organizationPath.join(PATH_SEPARATOR),
          originProvinceCode: input.originProvinceCode,
          certifyingProvinceCode: provinceCode,
          kind: kind.kind,
          status: CertificationCaseStatus.DRAFT,
          pendingKey: pendingKeyOf(candidateId, provinceCode),
          createdAt: tx.clock.now(),
          startedBy: tx.caller!.subject,
          windowId: assessment.window?.id ?? null,
        });
        // Two starts racing meet at the unique pending key: the loser answers with the winner's draft (below).
        await flushUnique(tx.em, () => CertificationCaseErrors.CERTIFICATION_CASE_ALREADY_OPEN());
        await tx.audit.record({
          action: "certification-case.started",
          subject: { type: "CertificationCase", id: certificationCase.id },
          organizationPath: input.organizationPath,
          after: { kind: kind.kind, originProvinceCode: input.originProvinceCode, certifyingProvinceCode: provinceCode, candidateId },
        });
        return certificationCase;
      });
    } catch (error) {
      const conflict = error instanceof UniqueConstraintViolationException || (error instanceof DomainError && error.code === "CERTIFICATION_CASE_ALREADY_OPEN");
      if (!conflict) throw error;
      const winner = await ctx.em.findOne(CertificationCase, { pendingKey: pendingKeyOf(candidateId, provinceCode) }, { refresh: true });
      if (winner && winner.status !== CertificationCaseStatus.PENDING_REVIEW) return winner;
      throw CertificationCaseErrors.CERTIFICATION_CASE_ALREADY_OPEN();
    }
  }

  /**
   * A province chosen by mistake is corrected by starting again with the right one: a draft takes
   * it (its evidence stays, nothing was judged yet). A returned case keeps its origin — the
   * reviewer recorded its subjects on that province's scale.
   */
  private async changeOrigin(ctx: CertificationContext, open: CertificationCase, originProvinceCode: string): Promise<CertificationCase> {
    if (open.status !== CertificationCaseStatus.DRAFT) throw CertificationCaseErrors.CERTIFICATION_ORIGIN_FROZEN();
    return ctx.transaction(async (tx) => {
      const draft = await tx.em.findOneOrFail(CertificationCase, { id: open.id }, { refresh: true });
      if (draft.status !== CertificationCaseStatus.DRAFT) throw CertificationCaseErrors.CERTIFICATION_ORIGIN_FROZEN();
      const before = draft.originProvinceCode;
      draft.originProvinceCode = originProvinceCode;
      await tx.em.flush();
      await tx.audit.record({
        action: "certification-case.origin-changed",
        subject: { type: "CertificationCase", id: draft.id },
        organizationPath: splitPath(draft.organizationPath),
        before: { originProvinceCode: before },
        after: { originProvinceCode },
      });
      return draft;
    });
  }

  /** A windowed kind accepts uploads and submissions only inside its window: from the opening instant, up to (not at) the closing one. */
  /** The open window (windowed kinds; a case resubmitted in a later window takes that window's viewing deadline), or null for kinds filed any time. */
  private async requireOpenWindow(ctx: CertificationContext, certificationCase: CertificationCase): Promise<CertificationWindow | null> {
    if (!isWindowed(certificationCase.kind)) return null;
    const window = await config.openWindow(ctx, certificationCase.certifyingProvinceCode, certificationCase.kind, ctx.clock.now());
    if (!window) throw CertificationCaseErrors.WINDOW_CLOSED();
    return window;
  }

  /** The case the caller files: the candidate their own, the school admin the school-flow cases under the school. */
  private async caseForFiler(ctx: CertificationContext, caseId: string): Promise<CertificationCase> {
    const certificationCase = isUuid(caseId) ? await ctx.em.findOne(CertificationCase, { id: caseId }) : null;
    if (!certificationCase) throw CertificationCaseErrors.CERTIFICATION_CASE_NOT_FOUND();
    const organizationPath = splitPath(certificationCase.organizationPath);
    if (certificationCase.kind === SchoolUploadCertification.kind) authorize(ctx.caller, SCHOOL_CASES, { organizationPath });
    else authorize(ctx.caller, START_CASES, { organizationPath, ownerUserId: certificationCase.candidateId });
    return certificationCase;
  }

  private async caseWithApplication(ctx: CertificationContext, caseId: string): Promise<CertificationCase> {
    const certificationCase = isUuid(caseId) ? await ctx.em.findOne(CertificationCase, { id: caseId }) : null;
    if (!certificationCase?.applicationId) throw CertificationCaseErrors.CERTIFICATION_CASE_NOT_FOUND();
    return certificationCase;
  }
}

const SUBJECT_CODES = new Set(CERTIFIABLE_SUBJECTS.map((subject) => subject.code));
const PART_CODES = new Set(["MUSIC", "FINE_ART"]);
const blank = (value: string | null | undefined) => value === null || value === undefined || value.trim() === "";

function markOf(input: { grade?: string | null; score?: string | null }): SubjectMark | null {
  const mark: Record<string, string> = {};
  if (!blank(input.grade)) mark.grade = input.grade!.trim();
  if (!blank(input.score)) mark.score = input.score!.trim();
  return Object.keys(mark).length ? (mark as unknown as SubjectMark) : null;
}

function fullScoreOf(rules: SourceProvinceRules, code: string, score: string | null | undefined): number | null {
  if (blank(score)) return null;
  const full = rules.fullScores[code];
  return typeof full === "number" ? full : null;
}

/**
 * Every subject through the recognition rules, or the first refusal: a selective-exam score, an
 * unknown or repeated subject, parts for anything but art, or what the rules cannot decide.
 */
export function recognizeAll(rules: SourceProvinceRules, subjects: readonly CertificationSubjectInput[]): CertificationSubjectResult[] {
  const seen = new Set<string>();
  return subjects.map((subject) => {
    const code = subject.subjectCode.trim();
    const name = recognitionSubjectName(code);
    if (!SUBJECT_CODES.has(code)) throw CertificationCaseErrors.CERTIFICATION_SUBJECT_INVALID({ reason: `科目代码“${code}”不是合格性考试科目` });
    if (seen.has(code)) throw CertificationCaseErrors.CERTIFICATION_SUBJECT_INVALID({ reason: `${name}重复录入` });
    seen.add(code);
    if (subject.examKind === CertificationExamKind.SELECTIVE) throw CertificationCaseErrors.CERTIFICATION_SELECTIVE_SCORE({ subjectName: name });
    const parts = subject.parts ?? [];
    if (parts.length > 0 && code !== "ARTS") throw CertificationCaseErrors.CERTIFICATION_SUBJECT_INVALID({ reason: `${name}没有分项成绩` });
    if (parts.length > 0 && !rules.artAsMusicAndFineArt) throw CertificationCaseErrors.CERTIFICATION_SUBJECT_INVALID({ reason: "该省份的艺术成绩不分音乐、美术，请直接录入艺术的等级或分数" });
    const partCodes = parts.map((part) => part.subjectCode.trim());
    if (partCodes.some((part) => !PART_CODES.has(part)) || new Set(partCodes).size !== partCodes.length) {
      throw CertificationCaseErrors.CERTIFICATION_SUBJECT_INVALID({ reason: "艺术的分项只能是音乐（MUSIC）和美术（FINE_ART），各一次" });
    }
    const byPart = Object.fromEntries(parts.map((part) => [part.subjectCode.trim(), markOf(part)]));
    const verdict = recognizeSubject(rules, code, { mark: markOf(subject), parts: byPart });
    if (!verdict.ok) throw CertificationCaseErrors.CERTIFICATION_SUBJECT_INVALID({ reason: `${name}：${verdict.reason}` });
    const partResults: CertificationMark[] = parts.map((part) => {
      const partCode = part.subjectCode.trim();
      const partVerdict = verdict.parts?.[partCode];
      return {
        subjectCode: partCode,
        subjectName: recognitionSubjectName(partCode),
        grade: blank(part.grade) ? null : part.grade!.trim(),
        score: blank(part.score) ? null : part.score!.trim(),
        fullScore: fullScoreOf(rules, partCode, part.score),
        passed: partVerdict?.ok ? partVerdict.passed : false,
        explanation: partVerdict?.ok ? partVerdict.explanation : "",
      };
    });
    return {
      subjectCode: code,
      subjectName: name,
      grade: blank(subject.grade) ? null : subject.grade!.trim(),
      score: blank(subject.score) ? null : subject.score!.trim(),
      fullScore: fullScoreOf(rules, code, subject.score),
      passed: verdict.passed,
      explanation: verdict.explanation,
      parts: partResults,
    };
  });
}
