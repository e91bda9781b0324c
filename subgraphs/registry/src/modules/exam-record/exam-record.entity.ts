import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

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

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;
}
