import { createHash } from "node:crypto";
import type { FilterQuery } from "@mikro-orm/core";
import {
  MAX_FAMILY_MEMBERS,
  MAX_RESUME_ENTRIES,
  normalizeMobile,
  validateIdNumber,
  validateRegistrationForm,
  type FamilyMember,
  type Guardian,
  type RegistrationForm,
  type ResumeEntry,
} from "@xuekao/rules";
import {
  accessRule,
  actingScopeWhere,
  authorize,
  CANDIDATE_ROLES,
  clampPageSize,
  decideApplication,
  decodeCursor,
  DomainError,
  isUuid,
  keysetAfter,
  keysetOrder,
  pageFrom,
  PATH_SEPARATOR,
  requireCaller,
  resubmitApplication,
  revealPersonalData,
  Role,
  splitPath,
  startApplication,
  StoredFile,
  WorkflowApplication,
  WorkflowDecision,
  WorkflowErrors,
  type Caller,
  type FileSlotSpec,
  type FileUploadTicket,
  type KeysetField,
  type Page,
  type RoleBinding,
} from "@xuekao/subgraph-kit";
import type { RegistryContext } from "../../registry-context.js";
import { RosterService } from "../roster/roster.service.js";
import { CandidateKind, PreRegistration, PreRegistrationStatus } from "./pre-registration.entity.js";
import { PreRegistrationErrors } from "./pre-registration.errors.js";
import type {
  BulkApprovePreRegistrationsInput,
  BulkApproveResult,
  CollectPreRegistrationInput,
  PreRegistrationInput,
  PreRegistrationQueueFilter,
  ReviewPreRegistrationInput,
  SavePreRegistrationInput,
  SubmitPreRegistrationInput,
} from "./pre-registration.inputs.js";
import { COLLECTION_STEP, InSchoolPreRegistration, SocialPreRegistration } from "./pre-registration.workflow.js";

/** The candidate fills in their own pre-registration (docs/domain.md "Record registration"). */
export const FILL_PRE_REGISTRATION = accessRule("FILL_PRE_REGISTRATION", { roles: [Role.CANDIDATE_IN_SCHOOL, Role.CANDIDATE_SOCIAL] });

/** Who reviews pre-registrations at some step: class teachers, county agencies, the province institute. */
export const REVIEW_PRE_REGISTRATIONS = accessRule("REVIEW_PRE_REGISTRATIONS", {
  roles: [Role.CLASS_TEACHER, Role.COUNTY_AGENCY, Role.PROVINCE_INSTITUTE],
});

/** Collection (identity check and photo) is the county agency's. */
export const COLLECT_PRE_REGISTRATIONS = accessRule("COLLECT_PRE_REGISTRATIONS", { roles: [Role.COUNTY_AGENCY] });

/** Who may read a full ID number of a pre-registration (audited): the county agency at collection, the province institute. */
export const READ_FULL_ID_NUMBER = accessRule("READ_FULL_ID_NUMBER", { roles: [Role.COUNTY_AGENCY, Role.PROVINCE_INSTITUTE] });

/** Staff who may see pre-registrations in their scope (lists, counts). */
export const READ_PRE_REGISTRATIONS = accessRule("READ_PRE_REGISTRATIONS", {
  roles: [Role.CLASS_TEACHER, Role.SCHOOL_ADMIN, Role.SCHOOL_STAFF, Role.COUNTY_AGENCY, Role.LEAGUE_AGENCY, Role.PROVINCE_INSTITUTE],
});

/** The photo taken at collection: what a record shows; jpg or png, judged by the bytes. */
export const REGISTRATION_PHOTO: FileSlotSpec = { purpose: "registration-photo", maxBytes: 2 * 1024 * 1024, allowedTypes: ["image/jpeg", "image/png"] };

export const MAX_BULK_APPROVALS = 100;

/** Text limits of a draft: a draft may be incomplete, never unbounded. */
const DRAFT_LIMITS: { field: keyof PreRegistrationInput; label: string; max: number }[] = [
  { field: "name", label: "姓名", max: 30 },
  { field: "householdLocation", label: "户口所在地", max: 100 },
  { field: "householdAuthority", label: "户籍登记机关", max: 60 },
  { field: "address", label: "通信地址", max: 120 },
  { field: "idNumber", label: "身份证号码", max: 18 },
  { field: "mobile", label: "手机号码", max: 20 },
  { field: "postcode", label: "邮政编码", max: 6 },
  { field: "birthDate", label: "出生日期", max: 10 },
  { field: "gender", label: "性别", max: 8 },
  { field: "ethnicityCode", label: "民族", max: 2 },
  { field: "politicalStatus", label: "政治面貌", max: 20 },
  { field: "studentCategory", label: "学生类别", max: 24 },
  { field: "foreignLanguage", label: "外语语种", max: 8 },
];

const QUEUE_ORDER: KeysetField[] = [
  { field: "queueOrderAt", direction: "asc" },
  { field: "id", direction: "asc" },
];

const length = (value: string) => [...value].length;

/** A client's idempotency key as the engine accepts it (8 to `max` letters, digits or hyphens). */
function checkedKey(key: string, max: number): string {
  const trimmed = key.trim();
  if (!/^[A-Za-z0-9-]+$/.test(trimmed) || trimmed.length < 8 || trimmed.length > max) throw WorkflowErrors.IDEMPOTENCY_KEY_INVALID();
  return trimmed;
}

function candidateBinding(caller: Caller): RoleBinding {
  const binding = caller.roles.find((role) => CANDIDATE_ROLES.includes(role.role));
  if (!binding) throw PreRegistrationErrors.NOT_A_CANDIDATE();
  return binding;
}

function formOf(input: PreRegistrationInput): RegistrationForm {
  return {
    name: input.name.trim(),
    gender: input.gender === "MALE" || input.gender === "FEMALE" ? input.gender : "",
    ethnicityCode: input.ethnicityCode.trim(),
    politicalStatus: input.politicalStatus.trim(),
    studentCategory: input.studentCategory.trim(),
    householdLocation: input.householdLocation.trim(),
    householdAuthority: input.householdAuthority.trim(),
    idNumber: input.idNumber.trim().toUpperCase(),
    hasIdNumber: input.hasIdNumber !== false,
    birthDate: input.birthDate.trim(),
    mobile: input.mobile.trim(),
    address: input.address.trim(),
    postcode: input.postcode.trim(),
    resume: input.resume.map((entry) => ({ from: entry.from.trim(), to: entry.to.trim(), organization: entry.organization.trim(), role: entry.role.trim() })),
    familyMembers: input.familyMembers.map((member) => ({
      relation: member.relation.trim(),
      name: member.name.trim(),
      organization: member.organization.trim(),
      mobile: member.mobile.trim(),
    })),
    foreignLanguage: input.foreignLanguage.trim(),
    guardian: { name: input.guardian.name.trim(), relation: input.guardian.relation.trim(), mobile: input.guardian.mobile.trim() },
    enrollmentYear: input.enrollmentYear ?? null,
  };
}

/** A draft is stored as typed, within bounds (a draft may be incomplete, never unbounded). */
function checkDraftBounds(input: PreRegistrationInput): void {
  for (const limit of DRAFT_LIMITS) {
    const value = input[limit.field];
    if (typeof value === "string" && length(value.trim()) > limit.max) throw PreRegistrationErrors.PRE_REGISTRATION_TOO_LONG({ label: limit.label }, { field: limit.field });
  }
  const texts = [
    ...input.resume.flatMap((entry) => [entry.from, entry.to, entry.organization, entry.role]),
    ...input.familyMembers.flatMap((member) => [member.relation, member.name, member.organization, member.mobile]),
    input.guardian.name,
    input.guardian.relation,
    input.guardian.mobile,
  ];
  if (input.resume.length > MAX_RESUME_ENTRIES || input.familyMembers.length > MAX_FAMILY_MEMBERS || texts.some((text) => length(text) > 60)) {
    throw PreRegistrationErrors.PRE_REGISTRATION_TOO_LONG({ label: "简历或家庭成员" });
  }
}

function writeForm(ctx: RegistryContext, row: PreRegistration, form: RegistrationForm): void {
  row.name = form.name;
  row.gender = form.gender;
  row.ethnicityCode = form.ethnicityCode;
  row.politicalStatus = form.politicalStatus;
  row.studentCategory = form.studentCategory;
  row.householdLocation = form.householdLocation;
  row.householdAuthority = form.householdAuthority;
  row.hasIdNumber = form.hasIdNumber !== false;
  row.idNumber = form.idNumber || null;
  row.idNumberLookup = form.idNumber ? ctx.personalData.lookup("id-number", form.idNumber) : null;
  row.birthDate = form.birthDate;
  row.mobile = form.mobile ? (normalizeMobile(form.mobile) ?? form.mobile) : null;
  row.address = form.address;
  row.postcode = form.postcode;
  row.resumeJson = JSON.stringify(form.resume);
  row.familyJson = JSON.stringify(form.familyMembers.map((member) => ({ ...member, mobile: member.mobile ? (normalizeMobile(member.mobile) ?? member.mobile) : "" })));
  row.guardianJson = JSON.stringify({ ...form.guardian, mobile: normalizeMobile(form.guardian.mobile) ?? form.guardian.mobile });
  row.foreignLanguage = form.foreignLanguage;
  row.enrollmentYear = form.enrollmentYear;
}

export function resumeOf(row: PreRegistration): ResumeEntry[] {
  return JSON.parse(row.resumeJson) as ResumeEntry[];
}

export function familyOf(row: PreRegistration): FamilyMember[] {
  return row.familyJson ? (JSON.parse(row.familyJson) as FamilyMember[]) : [];
}

export function guardianOf(row: PreRegistration): Guardian {
  return row.guardianJson ? (JSON.parse(row.guardianJson) as Guardian) : { name: "", relation: "", mobile: "" };
}

/** Whether the caller is the candidate the pre-registration belongs to. */
export const isOwner = (ctx: RegistryContext, row: PreRegistration) => ctx.caller?.subject === row.candidateId;

/** What the candidate may change: a draft, or what was returned to them. */
const EDITABLE = [PreRegistrationStatus.DRAFT, PreRegistrationStatus.RETURNED];

export class PreRegistrationService {
  private readonly roster = new RosterService();

  /** The caller's own pre-registration, or null before they save anything. */
  async mine(ctx: RegistryContext): Promise<PreRegistration | null> {
    const caller = requireCaller(ctx.caller);
    return ctx.em.findOne(PreRegistration, { candidateId: caller.subject });
  }

  /** Saves what the candidate has typed so far (no rule but bounds): they come back to it later. */
  async saveDraft(ctx: RegistryContext, input: SavePreRegistrationInput): Promise<PreRegistration> {
    const caller = requireCaller(ctx.caller);
    const binding = candidateBinding(caller);
    checkDraftBounds(input.form);
    return ctx.transaction(async (tx) => {
      const row = await this.ownRow(tx, caller, binding, input.expectedVersion ?? null);
      writeForm(tx, row, formOf(input.form));
      if (input.form.schoolId && isUuid(input.form.schoolId)) row.schoolId = input.form.schoolId;
      row.version += 1;
      row.updatedAt = tx.clock.now();
      return row;
    });
  }

  /**
   * Submits (or, after a return, resubmits) the pre-registration: every rule of the form, the
   * school's roster for an in-school candidate, one person per ID number in the province; then the
   * province's approval chain starts (or starts over) — all in one transaction.
   */
  async submit(ctx: RegistryContext, input: SubmitPreRegistrationInput): Promise<PreRegistration> {
    const caller = requireCaller(ctx.caller);
    const binding = candidateBinding(caller);
    const idempotencyKey = checkedKey(input.idempotencyKey, 80);
    checkDraftBounds(input.form);
    const inSchool = binding.role === Role.CANDIDATE_IN_SCHOOL;
    const form = formOf(input.form);
    const problems = validateRegistrationForm(form, { inSchool, today: ctx.clock.now() });
    if (Object.keys(problems).length > 0) {
      throw PreRegistrationErrors.PRE_REGISTRATION_INVALID({ count: Object.keys(problems).length }, { fields: problems });
    }
    const provinceCode = binding.provinceCode ?? "";
    const id = validateIdNumber(form.idNumber);
    if (!inSchool && id.ok && id.provinceCode !== provinceCode) throw PreRegistrationErrors.ID_NUMBER_OTHER_PROVINCE();

    // Where it sits: the class on the school's roster (in-school), the county of the household (social).
    let placement: { organizationPath: string[]; schoolId: string | null; classId: string | null; rosterEntryId: string | null; studentNumber: string | null };
    if (inSchool) {
      const schoolId = input.form.schoolId;
      if (!schoolId || !isUuid(schoolId)) throw PreRegistrationErrors.SCHOOL_REQUIRED();
      const entry = await this.roster.match(ctx, { schoolId, idNumber: form.idNumber });
      if (!entry || splitPath(entry.organizationPath)[0] !== binding.organizationPath[0]) throw PreRegistrationErrors.NOT_ON_ROSTER();
      if (entry.name !== form.name) throw PreRegistrationErrors.ROSTER_NAME_MISMATCH();
      placement = { organizationPath: splitPath(entry.organizationPath), schoolId, classId: entry.classId, rosterEntryId: entry.id, studentNumber: entry.studentNumber };
    } else {
      placement = { organizationPath: binding.organizationPath, schoolId: null, classId: null, rosterEntryId: null, studentNumber: null };
    }

    // Without an ID card there is nothing to claim: the record number is built at collection instead.
    const lookup = form.hasIdNumber === false ? null : ctx.personalData.lookup("id-number", form.idNumber);
    const taken = lookup ? await ctx.em.count(PreRegistration, { provinceCode, claimedIdNumberLookup: lookup, candidateId: { $ne: caller.subject } }) : 0;
    if (taken > 0) throw PreRegistrationErrors.DUPLICATE_ID_NUMBER();

    const row = await ctx.transaction(async (tx) => {
      // A retry of a submission that went through (whatever happened since): the same answer, nothing twice.
      const earlier = await tx.em.findOne(PreRegistration, { candidateId: caller.subject, lastSubmissionKey: idempotencyKey }, { refresh: true });
      if (earlier && !EDITABLE.includes(earlier.status)) return earlier;
      const row = await this.ownRow(tx, caller, binding, input.expectedVersion ?? null);
      if (!EDITABLE.includes(row.status)) throw PreRegistrationErrors.PRE_REGISTRATION_NOT_EDITABLE();
      const now = tx.clock.now();
      writeForm(tx, row, form);
      row.organizationPath = placement.organizationPath.join(PATH_SEPARATOR);
      row.schoolId = placement.schoolId;
      row.classId = placement.classId;
      row.rosterEntryId = placement.rosterEntryId;
      row.studentNumber = placement.studentNumber;
      row.provinceCode = provinceCode;
      row.candidateKind = inSchool ? CandidateKind.IN_SCHOOL : CandidateKind.SOCIAL;
      row.claimedIdNumberLookup = lookup;
      row.submittedAt = now;
      row.updatedAt = now;
      row.lastSubmissionKey = idempotencyKey;
      row.version += 1;
      try {
        await tx.em.flush();
      } catch (error) {
        if ((error as { name?: string }).name === "UniqueConstraintViolationException") throw PreRegistrationErrors.DUPLICATE_ID_NUMBER();
        throw error;
      }
      if (row.applicationId && row.status === PreRegistrationStatus.RETURNED) {
        const application = await tx.em.findOneOrFail(WorkflowApplication, { id: row.applicationId });
        // Where it sits may have changed (another class on the roster): the reviews follow.
        application.organizationPath = row.organizationPath;
        await tx.em.flush();
        await resubmitApplication(tx, { applicationId: row.applicationId, expectedVersion: application.version, idempotencyKey });
      } else {
        const application = await startApplication(tx, inSchool ? InSchoolPreRegistration : SocialPreRegistration, {
          provinceCode,
          subject: { id: row.id },
          applicantId: caller.subject,
          organizationPath: splitPath(row.organizationPath),
        });
        row.applicationId = application.id;
      }
      await tx.audit.record({
        action: "pre-registration.submitted",
        subject: { type: "PreRegistration", id: row.id },
        organizationPath: splitPath(row.organizationPath),
        after: { candidateKind: row.candidateKind, studentNumber: row.studentNumber, idNumber: form.idNumber, schoolId: row.schoolId },
      });
      return row;
    });
    return row;
  }

  /** The candidate's row, created on first save; a stale version is refused. */
  private async ownRow(tx: RegistryContext, caller: Caller, binding: RoleBinding, expectedVersion: number | null): Promise<PreRegistration> {
    const existing = await tx.em.findOne(PreRegistration, { candidateId: caller.subject }, { refresh: true });
    if (existing) {
      if (expectedVersion !== null && existing.version !== expectedVersion) throw PreRegistrationErrors.PRE_REGISTRATION_STALE();
      if (!EDITABLE.includes(existing.status) && existing.status !== PreRegistrationStatus.UNDER_REVIEW) throw PreRegistrationErrors.PRE_REGISTRATION_NOT_EDITABLE();
      return existing;
    }
    const now = tx.clock.now();
    return tx.em.create(PreRegistration, {
      candidateId: caller.subject,
      candidateKind: binding.role === Role.CANDIDATE_IN_SCHOOL ? CandidateKind.IN_SCHOOL : CandidateKind.SOCIAL,
      provinceCode: binding.provinceCode ?? "",
      organizationPath: binding.organizationPath.join(PATH_SEPARATOR),
      createdAt: now,
      updatedAt: now,
    } as PreRegistration);
  }

  /**
   * What waits for the caller: pre-registrations at a step the caller acts on (class teacher:
   * their classes; county: its schools' collection and its social candidates; province: social
   * candidates' second review), by waiting time, filtered and paged in SQL.
   */
  async queue(ctx: RegistryContext, filter: PreRegistrationQueueFilter | null, options: { first?: number | null; after?: string | null }): Promise<Page<PreRegistration>> {
    const caller = requireCaller(ctx.caller);
    const acting = actingScopeWhere(caller);
    if (!acting) return { items: [], nextCursor: null };
    const where: FilterQuery<PreRegistration>[] = [
      { status: { $in: [PreRegistrationStatus.UNDER_REVIEW, PreRegistrationStatus.AWAITING_COLLECTION] } },
      acting as FilterQuery<PreRegistration>,
    ];
    if (filter?.organizationId) {
      if (!isUuid(filter.organizationId)) return { items: [], nextCursor: null };
      where.push({ organizationPath: { $like: `%${filter.organizationId}%` } });
    }
    if (filter?.name?.trim()) where.push({ name: filter.name.trim() });
    if (filter?.stepKey?.trim()) where.push({ stepKey: filter.stepKey.trim() });
    const size = clampPageSize(options.first);
    if (options.after) {
      const [orderAt, id] = decodeCursor(options.after, ["date", "uuid"]);
      where.push(keysetAfter(QUEUE_ORDER, [new Date(orderAt as string), id]) as FilterQuery<PreRegistration>);
    }
    const rows = await ctx.em.find(PreRegistration, { $and: where }, { orderBy: keysetOrder(QUEUE_ORDER), limit: size + 1 });
    return pageFrom(rows, size, (row) => [row.queueOrderAt!.toISOString(), row.id]);
  }

  /** A review decision (class teacher; county and province for social candidates), through the engine. */
  async review(ctx: RegistryContext, input: ReviewPreRegistrationInput): Promise<PreRegistration> {
    const row = await this.forDecision(ctx, input.preRegistrationId);
    if (row.stepKey === COLLECTION_STEP && input.decision === WorkflowDecision.APPROVE) throw PreRegistrationErrors.DECIDE_BY_COLLECTION();
    await decideApplication(ctx, {
      applicationId: row.applicationId!,
      decision: input.decision,
      reason: input.reason ?? null,
      expectedVersion: input.expectedVersion,
      idempotencyKey: input.idempotencyKey,
    });
    return ctx.em.findOneOrFail(PreRegistration, { id: row.id }, { refresh: true });
  }

  /** Approves many, each on its own (one refused does not stop the others); the answer says which. */
  async bulkApprove(ctx: RegistryContext, input: BulkApprovePreRegistrationsInput): Promise<BulkApproveResult[]> {
    if (input.items.length > MAX_BULK_APPROVALS) throw PreRegistrationErrors.BULK_TOO_MANY({ max: MAX_BULK_APPROVALS });
    // Each item is decided under a key derived from the request's and its position (same request, same keys).
    const key = createHash("sha256").update(checkedKey(input.idempotencyKey, 80)).digest("hex").slice(0, 64);
    const results: BulkApproveResult[] = [];
    for (const [index, item] of input.items.entries()) {
      try {
        await this.review(ctx, {
          preRegistrationId: item.preRegistrationId,
          decision: WorkflowDecision.APPROVE,
          reason: null,
          expectedVersion: item.expectedVersion,
          idempotencyKey: `${key}-${index}`,
        });
        results.push({ preRegistrationId: item.preRegistrationId, ok: true, code: null, message: null });
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        results.push({ preRegistrationId: item.preRegistrationId, ok: false, code: error.code, message: error.message });
      }
    }
    return results;
  }

  /** An upload link for the collection photo, to the county agency acting at collection. */
  async requestPhotoUpload(ctx: RegistryContext, preRegistrationId: string, fileName: string): Promise<FileUploadTicket> {
    const row = await this.forDecision(ctx, preRegistrationId);
    if (row.stepKey !== COLLECTION_STEP) throw PreRegistrationErrors.NOT_AT_COLLECTION();
    return ctx.files.issueUpload(ctx, REGISTRATION_PHOTO, {
      subject: { type: "PreRegistration", id: row.id },
      organizationPath: splitPath(row.organizationPath),
      fileName,
    });
  }

  /**
   * Collection: the county agency has checked the candidate's identity against the original and
   * taken the photo; approving the last step registers the record (in the same transaction).
   */
  async collect(ctx: RegistryContext, input: CollectPreRegistrationInput): Promise<PreRegistration> {
    const row = await this.forDecision(ctx, input.preRegistrationId);
    if (row.stepKey !== COLLECTION_STEP || row.status !== PreRegistrationStatus.AWAITING_COLLECTION) throw PreRegistrationErrors.NOT_AT_COLLECTION();
    if (!input.identityVerified) throw PreRegistrationErrors.IDENTITY_NOT_VERIFIED();
    const photo = isUuid(input.photoFileId)
      ? await ctx.em.findOne(StoredFile, { id: input.photoFileId, subjectType: "PreRegistration", subjectId: row.id, purpose: REGISTRATION_PHOTO.purpose })
      : null;
    if (!photo?.uploadedAt) throw PreRegistrationErrors.PHOTO_REQUIRED();
    await ctx.transaction(async (tx) => {
      await tx.em.nativeUpdate(PreRegistration, { id: row.id }, { photoFileId: photo.id });
      await decideApplication(tx, {
        applicationId: row.applicationId!,
        decision: WorkflowDecision.APPROVE,
        reason: null,
        expectedVersion: input.expectedVersion,
        idempotencyKey: input.idempotencyKey,
      });
    });
    return ctx.em.findOneOrFail(PreRegistration, { id: row.id }, { refresh: true });
  }

  /** The full ID number, to the county agency and the province institute in scope; the read is audited. */
  async revealIdNumber(ctx: RegistryContext, preRegistrationId: string): Promise<string> {
    const row = isUuid(preRegistrationId) ? await ctx.em.findOne(PreRegistration, { id: preRegistrationId }) : null;
    if (!row?.idNumber) throw PreRegistrationErrors.PRE_REGISTRATION_NOT_FOUND();
    return revealPersonalData(ctx, {
      kind: "idNumber",
      value: row.idNumber,
      rule: READ_FULL_ID_NUMBER,
      scope: { organizationPath: splitPath(row.organizationPath) },
      subject: { type: "PreRegistration", id: row.id },
    });
  }

  /** A pre-registration at a step, for someone who may act on it; NOT_FOUND for anyone else. */
  private async forDecision(ctx: RegistryContext, preRegistrationId: string): Promise<PreRegistration> {
    const caller = requireCaller(ctx.caller);
    const row = isUuid(preRegistrationId) ? await ctx.em.findOne(PreRegistration, { id: preRegistrationId }, { refresh: true }) : null;
    if (!row?.applicationId || !row.actingOrganizationPath || !row.actorRole) throw PreRegistrationErrors.PRE_REGISTRATION_NOT_FOUND();
    const acting = splitPath(row.actingOrganizationPath);
    const actsHere = caller.roles.some(
      (binding) => binding.role === row.actorRole && binding.organizationPath.length > 0 && binding.organizationPath.every((id, index) => acting[index] === id),
    );
    if (!actsHere) {
      // Staff who see it (it moved on from their step) learn that; others learn nothing.
      try {
        authorize(caller, READ_PRE_REGISTRATIONS, { organizationPath: splitPath(row.organizationPath) });
      } catch {
        throw PreRegistrationErrors.PRE_REGISTRATION_NOT_FOUND();
      }
      throw WorkflowErrors.CONFLICT();
    }
    return row;
  }
}
