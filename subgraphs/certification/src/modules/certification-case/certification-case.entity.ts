import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum CertificationCaseStatus {
  /** Started, evidence being uploaded: not yet submitted, nobody reviews it. */
  DRAFT = "DRAFT",
  PENDING_REVIEW = "PENDING_REVIEW",
  /** Sent back for correction (a better scan, a missing page): the candidate resubmits. */
  RETURNED = "RETURNED",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
  WITHDRAWN = "WITHDRAWN",
}

registerEnumType(CertificationCaseStatus, {
  name: "CertificationCaseStatus",
  description: "认定状态：草稿（未提交）/ 待审核 / 退回修改 / 已认定 / 未通过 / 已撤回",
});

/**
 * A score certification case: a candidate who took the qualification exam in another
 * province asks this province to recognise those results (Beijing's 返京成绩认定, Inner
 * Mongolia's transfer-in certification). Its review runs on the kit's workflow engine (the
 * application `applicationId`); the case's status follows the application's transitions.
 */
@ObjectType({ description: "外省合格考成绩认定申请" })
@Directive('@key(fields: "id")')
@Entity({ tableName: "certification_case" })
export class CertificationCase {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "uuid" })
  @Index()
  candidateId!: string;

  /**
   * Organisation path of the candidate's registration when they applied (ids joined by "/",
   * province first): the agencies above it and the province's reviewers see the case. Rows from
   * before this column have "" and are visible to their candidate only.
   */
  @Property({ type: "string", length: 400, default: "" })
  @Index()
  organizationPath: string = "";

  @Field(() => String, { description: "原参加合格考的省级行政区划代码" })
  @Property({ type: "string", length: 2 })
  originProvinceCode!: string;

  @Field(() => String, { description: "受理认定的省级行政区划代码" })
  @Property({ type: "string", length: 2 })
  certifyingProvinceCode!: string;

  // Plain string column: see identity's Organization.kind for why not @Enum on SQLite.
  @Field(() => CertificationCaseStatus)
  @Property({ type: "string", length: 24 })
  status: CertificationCaseStatus = CertificationCaseStatus.DRAFT;

  /** The kind of certification (the workflow kind its application runs under). */
  @Field(() => String, { description: "认定类别，如 certification.returning-candidate" })
  @Property({ type: "string", length: 64, default: "certification.returning-candidate" })
  kind: string = "certification.returning-candidate";

  /** Its application in the workflow engine (null only for rows from before the engine). */
  @Property({ type: "uuid", nullable: true })
  @Index()
  applicationId: string | null = null;

  /**
   * `<candidateId>:<certifyingProvinceCode>` while the case is open (a draft, under review or
   * returned for correction), null once closed. The unique index (NULLs never collide, on PostgreSQL and SQLite
   * alike) is what guarantees one open case per candidate and province even when two submissions race.
   */
  @Property({ type: "string", length: 64, nullable: true })
  @Unique()
  pendingKey: string | null = null;

  @Field(() => Date, { description: "创建时间" })
  @Property({ type: "datetime" })
  @Index()
  createdAt!: Date;

  /** Set from ctx.clock at each submission (the latest one); null while a draft. */
  @Field(() => Date, { nullable: true, description: "最近一次提交时间；草稿为 null" })
  @Property({ type: "datetime", nullable: true })
  submittedAt: Date | null = null;

  /** Who started it: the candidate themself, or (school flow) the school's admin. */
  @Property({ type: "uuid", nullable: true })
  startedBy: string | null = null;

  /** The filing window it was started in (windowed kinds only): its viewing deadline closes the service. */
  @Property({ type: "uuid", nullable: true })
  windowId: string | null = null;

  /** The subjects as the reviewer recorded them, with the rules' verdicts (JSON of `CertificationSubjectResult[]`). */
  @Property({ type: "text", nullable: true })
  subjectsJson: string | null = null;

  /** When the review closed it (approved, rejected or withdrawn). */
  @Field(() => Date, { nullable: true, description: "办结时间" })
  @Property({ type: "datetime", nullable: true })
  closedAt: Date | null = null;

  /** The recorded subjects (the GraphQL shape is `CertificationSubjectResult`). */
  storedSubjects(): Array<{ subjectCode: string; subjectName: string; passed: boolean; explanation: string }> {
    return this.subjectsJson ? (JSON.parse(this.subjectsJson) as Array<{ subjectCode: string; subjectName: string; passed: boolean; explanation: string }>) : [];
  }

  /** Records a closing outcome; from then on the case no longer blocks a new application. */
  close(outcome: CertificationCaseStatus.APPROVED | CertificationCaseStatus.REJECTED | CertificationCaseStatus.WITHDRAWN, at: Date): void {
    this.status = outcome;
    this.pendingKey = null;
    this.closedAt = at;
  }
}
