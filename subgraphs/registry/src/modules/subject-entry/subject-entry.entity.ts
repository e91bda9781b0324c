import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

/** A subject's result: 合格 or 不合格 (docs/domain.md "The exam"). */
export enum SubjectResult {
  PASS = "PASS",
  FAIL = "FAIL",
}

registerEnumType(SubjectResult, { name: "SubjectResult", description: "成绩：合格 / 不合格" });

/**
 * 选课报名: a candidate's entry for one subject of one session, and later that subject's result.
 * (session, candidate, subject) is unique: entering again is a no-op, and two racing requests
 * meet at the index. A withdrawal deletes the row (the audit trail keeps it).
 */
@ObjectType({ description: "选课报名：考生在某考次报考的一个科目，及其成绩" })
@Entity({ tableName: "subject_entry" })
@Unique({ properties: ["sessionId", "candidateId", "subjectCode"] })
@Index({ properties: ["candidateId", "subjectCode"] })
export class SubjectEntry {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Field(() => ID)
  @Property({ type: "uuid" })
  @Index()
  sessionId!: string;

  @Property({ type: "uuid" })
  recordId!: string;

  @Field(() => String, { description: "考籍号（准考证号）" })
  @Property({ type: "string", length: 32 })
  recordNumber!: string;

  @Property({ type: "uuid" })
  candidateId!: string;

  /** The candidate record's organisation path (province first): whose staff see the entry. */
  @Property({ type: "string", length: 400 })
  @Index()
  organizationPath!: string;

  @Field(() => String, { description: "科目代码" })
  @Property({ type: "string", length: 32 })
  subjectCode!: string;

  @Field(() => Date, { description: "报名时间" })
  @Property({ type: "datetime" })
  enteredAt!: Date;

  /** Shown through the resolver only from the session's publication instant (or to the importers). */
  @Property({ type: "string", length: 8, nullable: true })
  result: SubjectResult | null = null;

  @Property({ type: "double", nullable: true })
  score: number | null = null;

  @Property({ type: "datetime", nullable: true })
  resultRecordedAt: Date | null = null;
}
