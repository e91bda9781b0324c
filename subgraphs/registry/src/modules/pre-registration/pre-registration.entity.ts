import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { ProtectedText } from "@xuekao/subgraph-kit";
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

/**
 * Where a pre-registration stands. The workflow application holds who acts next; this status is
 * kept beside it (in the transition's transaction) so that lists and counts filter in SQL.
 */
export enum PreRegistrationStatus {
  /** Saved by the candidate, not yet submitted. */
  DRAFT = "DRAFT",
  /** At a review step (class teacher; county and province for social candidates). */
  UNDER_REVIEW = "UNDER_REVIEW",
  /** Returned for correction with a reason; the candidate corrects and submits again. */
  RETURNED = "RETURNED",
  /** Reviews passed: waiting for the county agency to collect identity and photo. */
  AWAITING_COLLECTION = "AWAITING_COLLECTION",
  /** Collected: the record (考籍) exists. */
  REGISTERED = "REGISTERED",
  REJECTED = "REJECTED",
  WITHDRAWN = "WITHDRAWN",
}

registerEnumType(PreRegistrationStatus, {
  name: "PreRegistrationStatus",
  description: "考籍预注册状态：草稿 / 审核中 / 已退回 / 待采集 / 已注册 / 未通过 / 已撤回",
});

/** A social candidate's or an in-school candidate's pre-registration. */
export enum CandidateKind {
  IN_SCHOOL = "IN_SCHOOL",
  SOCIAL = "SOCIAL",
}

registerEnumType(CandidateKind, { name: "CandidateKind", description: "考生类别：在校生 / 社会考生" });

/**
 * 考籍预注册: what a candidate fills in on the portal before the reviews and the collection make
 * it a record. The candidate's own fields are kept as the Inner Mongolia rules list them; ID
 * number, mobile and the people around the candidate (family, guardian) are stored encrypted.
 * GraphQL fields are resolved in the resolver, where masking depends on who asks.
 */
@ObjectType({ description: "考籍预注册信息" })
@Directive('@key(fields: "id")')
@Entity({ tableName: "pre_registration" })
@Index({ properties: ["status", "organizationPath"] })
@Index({ properties: ["status", "actorRole", "queueOrderAt", "id"] })
@Unique({ properties: ["provinceCode", "claimedIdNumberLookup"] })
export class PreRegistration {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  /** The candidate's account (identity's User). One pre-registration per account. */
  @Property({ type: "uuid" })
  @Unique()
  candidateId!: string;

  @Field(() => CandidateKind)
  @Property({ type: "string", length: 16 })
  candidateKind!: CandidateKind;

  @Field(() => String, { description: "省级行政区划代码" })
  @Property({ type: "string", length: 2 })
  provinceCode!: string;

  @Field(() => PreRegistrationStatus)
  @Property({ type: "string", length: 24 })
  status: PreRegistrationStatus = PreRegistrationStatus.DRAFT;

  /**
   * Where it sits, ids province first: the class on the school's roster (in-school), or the
   * county of the household registration (social). Reviewers' scope is decided on it in SQL.
   */
  @Property({ type: "string", length: 400 })
  organizationPath!: string;

  @Property({ type: "uuid", nullable: true })
  schoolId: string | null = null;

  @Property({ type: "uuid", nullable: true })
  classId: string | null = null;

  /** The roster row the candidate was matched to at submission (in-school). */
  @Property({ type: "uuid", nullable: true })
  rosterEntryId: string | null = null;

  @Field(() => String, { nullable: true, description: "学籍号（在校生，来自学校的学籍名单）" })
  @Property({ type: "string", length: 32, nullable: true })
  studentNumber: string | null = null;

  @Field(() => String, { nullable: true, description: "考籍号（注册后生成，终身不变）" })
  @Property({ type: "string", length: 32, nullable: true })
  recordNumber: string | null = null;

  @Field(() => String)
  @Property({ type: "string", length: 60 })
  name: string = "";

  @Field(() => String, { description: "性别：MALE / FEMALE；未填为空" })
  @Property({ type: "string", length: 8 })
  gender: string = "";

  @Field(() => String, { description: "民族代码（GB/T 3304）" })
  @Property({ type: "string", length: 2 })
  ethnicityCode: string = "";

  @Field(() => String)
  @Property({ type: "string", length: 20 })
  politicalStatus: string = "";

  @Field(() => String, { description: "学生类别代码" })
  @Property({ type: "string", length: 24 })
  studentCategory: string = "";

  @Field(() => String, { description: "户口所在地" })
  @Property({ type: "string", length: 200 })
  householdLocation: string = "";

  @Field(() => String, { description: "户籍登记机关" })
  @Property({ type: "string", length: 120 })
  householdAuthority: string = "";

  @Field(() => Boolean, { description: "是否有居民身份证（无证的社会考生考籍号以 J 开头）" })
  @Property({ type: "boolean" })
  hasIdNumber: boolean = true;

  @Property({ type: new ProtectedText({ property: "idNumberLookup", purpose: "id-number" }), nullable: true })
  idNumber: string | null = null;

  @Property({ type: "string", length: 64, nullable: true })
  @Index()
  idNumberLookup: string | null = null;

  /**
   * The lookup, set only while the pre-registration is submitted or registered: one person per ID
   * number in a province, decided by this unique index even when two submit at the same instant.
   */
  @Property({ type: "string", length: 64, nullable: true })
  claimedIdNumberLookup: string | null = null;

  @Field(() => String, { description: "出生日期（YYYY-MM-DD）" })
  @Property({ type: "string", length: 10 })
  birthDate: string = "";

  @Property({ type: new ProtectedText(), nullable: true })
  mobile: string | null = null;

  @Field(() => String, { description: "通信地址" })
  @Property({ type: "string", length: 240 })
  address: string = "";

  @Field(() => String, { description: "邮政编码" })
  @Property({ type: "string", length: 6 })
  postcode: string = "";

  /** JSON array of ResumeEntry. */
  @Property({ type: "text" })
  resumeJson: string = "[]";

  /** JSON array of FamilyMember, encrypted (names and mobiles of the candidate's family). */
  @Property({ type: new ProtectedText(), nullable: true })
  familyJson: string | null = null;

  /** JSON Guardian, encrypted. */
  @Property({ type: new ProtectedText(), nullable: true })
  guardianJson: string | null = null;

  @Field(() => String, { description: "外语语种" })
  @Property({ type: "string", length: 8 })
  foreignLanguage: string = "";

  @Field(() => Int, { nullable: true, description: "入学年份（在校生）" })
  @Property({ type: "integer", nullable: true })
  enrollmentYear: number | null = null;

  @Property({ type: "uuid", nullable: true })
  applicationId: string | null = null;

  /** The photo taken at collection (stored file id). */
  @Property({ type: "uuid", nullable: true })
  photoFileId: string | null = null;

  /** The submission's idempotency key: a retried submission gets the same answer, nothing twice. */
  @Property({ type: "string", length: 80, nullable: true })
  lastSubmissionKey: string | null = null;

  /*
   * The engine's current step, mirrored in each transition's transaction so that a reviewer's
   * queue filters on this table's columns (class, name, status) in one SQL query.
   */
  @Field(() => String, { nullable: true, description: "当前环节代码（审核中、待采集时）" })
  @Property({ type: "string", length: 40, nullable: true })
  stepKey: string | null = null;

  @Property({ type: "string", length: 32, nullable: true })
  actorRole: string | null = null;

  @Property({ type: "string", length: 400, nullable: true })
  actingOrganizationPath: string | null = null;

  @Property({ type: "datetime", nullable: true })
  queueOrderAt: Date | null = null;

  /** Increments on every save and transition: a stale form is refused (CONFLICT). */
  @Field(() => Int, { description: "版本号：保存草稿或提交时带上，防止覆盖他处的修改" })
  @Property({ type: "integer" })
  version: number = 1;

  @Field(() => Date, { nullable: true, description: "最近一次提交时间" })
  @Property({ type: "datetime", nullable: true })
  submittedAt: Date | null = null;

  @Field(() => Date, { nullable: true, description: "注册（采集完成）时间" })
  @Property({ type: "datetime", nullable: true })
  registeredAt: Date | null = null;

  @Property({ type: "datetime" })
  createdAt!: Date;

  @Field(() => Date)
  @Property({ type: "datetime" })
  updatedAt!: Date;
}
