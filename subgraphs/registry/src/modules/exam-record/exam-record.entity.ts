import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

export enum ExamRecordStatus {
  PRE_REGISTERED = "PRE_REGISTERED",
  REGISTERED = "REGISTERED",
  SUSPENDED = "SUSPENDED",
  TRANSFERRED_OUT = "TRANSFERRED_OUT",
  GRADUATED = "GRADUATED",
}

registerEnumType(ExamRecordStatus, {
  name: "ExamRecordStatus",
  description: "考籍状态：预注册 / 已注册 / 休籍 / 已转出 / 已毕业",
});

/**
 * 考籍: a candidate's exam registration record. The record number is the student record
 * number (学籍号), also the admission ticket number, and never changes once given.
 * The candidate (a User) and the school (an Organization) belong to the identity subgraph.
 */
@ObjectType({ description: "考籍" })
@Directive('@key(fields: "id")')
@Entity({ tableName: "exam_record" })
export class ExamRecord {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Field(() => String, { description: "考籍号（即学籍号、准考证号），终身不变" })
  @Property({ type: "string", length: 32 })
  @Unique()
  recordNumber!: string;

  // Plain string column: see identity's Organization.kind for why not @Enum on SQLite.
  @Field(() => ExamRecordStatus)
  @Property({ type: "string", length: 24 })
  status: ExamRecordStatus = ExamRecordStatus.PRE_REGISTERED;

  @Property({ type: "uuid" })
  @Unique()
  candidateId!: string;

  /** The school of an in-school candidate; null for a social candidate. */
  @Property({ type: "uuid", nullable: true })
  @Index()
  schoolId: string | null = null;

  /**
   * Organisation path (ids, province first) of where the candidate sits: the class for an
   * in-school candidate. Scope checks compare it with the caller's role bindings.
   */
  @Property({ type: "string", length: 400 })
  @Index()
  organizationPath!: string;

  /**
   * Official code of the province the record is registered in (15, 11, …): the sessions the
   * candidate may enter. Set when the record is created (collection); null on rows from before.
   */
  @Field(() => String, { nullable: true, description: "考籍所在省级行政区划代码" })
  @Property({ type: "string", length: 2, nullable: true })
  provinceCode: string | null = null;

  /**
   * In-school candidates: the calendar year of the 1 September (Beijing time) they entered high
   * school, from which year 1's sitting rules follow (docs/domain.md "Subject registration").
   * Null for social candidates, who have none.
   */
  @Field(() => Int, { nullable: true, description: "入学年份（在校考生；社会考生为空）" })
  @Property({ type: "integer", nullable: true })
  enrollmentYear: number | null = null;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;
}
