import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

export enum CertificationCaseStatus {
  PENDING_REVIEW = "PENDING_REVIEW",
  APPROVED = "APPROVED",
  REJECTED = "REJECTED",
}

registerEnumType(CertificationCaseStatus, {
  name: "CertificationCaseStatus",
  description: "认定状态：待审核 / 已认定 / 未通过",
});

/**
 * A score certification case: a candidate who took the qualification exam in another
 * province asks this province to recognise those results (Beijing's 返京成绩认定, Inner
 * Mongolia's transfer-in certification). Evidence, rules and review come with the
 * certification issue; this is the case itself.
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
  status: CertificationCaseStatus = CertificationCaseStatus.PENDING_REVIEW;

  /**
   * `<candidateId>:<certifyingProvinceCode>` while the case is pending, null once decided. The
   * unique index (NULLs never collide, on PostgreSQL and SQLite alike) is what guarantees one
   * pending case per candidate and province even when two submissions race.
   */
  @Property({ type: "string", length: 64, nullable: true })
  @Unique()
  pendingKey: string | null = null;

  @Field(() => Date)
  @Property({ type: "datetime" })
  submittedAt: Date = new Date();

  /** When the reviewers were warned that the case has waited 48 h (once; see review-sla.job.ts). */
  @Property({ type: "datetime", nullable: true })
  slaWarnedAt: Date | null = null;

  /** When the case was escalated for having waited 72 h (once). */
  @Property({ type: "datetime", nullable: true })
  slaEscalatedAt: Date | null = null;

  /** Records the review's outcome; from then on the case no longer blocks a new application. */
  decide(outcome: CertificationCaseStatus.APPROVED | CertificationCaseStatus.REJECTED): void {
    this.status = outcome;
    this.pendingKey = null;
  }
}
