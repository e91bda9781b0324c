import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Field, ID, ObjectType } from "type-graphql";

/**
 * 认定科目: a subject another province's qualification exam decided, certified by this province
 * (Inner Mongolia's transfer-in, `certification.subjects-certified`). It counts as the original
 * province decided it: a pass is a pass here (no new entry for it), a fail may be entered again.
 * One row per candidate and subject; certification is the source, registry keeps its copy.
 */
@ObjectType({ description: "认定科目：外省合格性考试成绩经本省认定的科目及结论" })
@Entity({ tableName: "certified_subject" })
@Unique({ properties: ["candidateId", "subjectCode"] })
export class CertifiedSubject {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "uuid" })
  candidateId!: string;

  @Field(() => String, { description: "科目代码" })
  @Property({ type: "string", length: 40 })
  subjectCode!: string;

  @Field(() => Boolean, { description: "认定结论：合格（true）或不合格（false），与原省份结论一致" })
  @Property({ type: "boolean" })
  passed!: boolean;

  @Field(() => String, { nullable: true, description: "认定说明（如原成绩、等级）" })
  @Property({ type: "string", length: 200, nullable: true })
  detail: string | null = null;

  @Field(() => String, { description: "认定省级行政区划代码" })
  @Property({ type: "string", length: 2 })
  provinceCode!: string;

  @Field(() => String, { description: "成绩来源省级行政区划代码" })
  @Property({ type: "string", length: 2 })
  originProvinceCode!: string;

  @Field(() => ID, { description: "成绩认定申请编号" })
  @Property({ type: "uuid" })
  caseId!: string;

  @Field(() => Date, { description: "认定时间" })
  @Property({ type: "datetime" })
  certifiedAt!: Date;

  /** The candidate's record path when certified (else the case's): whose staff the audit entry belongs to. */
  @Property({ type: "string", length: 400 })
  @Index()
  organizationPath!: string;
}
