import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { ProtectedText } from "@xuekao/subgraph-kit";
import { Field, ID, ObjectType } from "type-graphql";

/**
 * A student on a school's student-record roster (学籍名单): a school may register only students
 * on its own roster (docs/domain.md "In-school candidates"). The school imports it from a
 * spreadsheet; pre-registration matches a candidate to it by ID number.
 */
@ObjectType({ description: "学籍名单中的一名学生（身份证号仅显示脱敏形式）" })
@Entity({ tableName: "roster_entry" })
@Index({ properties: ["schoolId", "studentNumber"] })
@Index({ properties: ["classId", "studentNumber"] })
export class RosterEntry {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Field(() => ID, { description: "学校（组织）编号" })
  @Property({ type: "uuid" })
  schoolId!: string;

  @Field(() => ID, { description: "班级（组织）编号" })
  @Property({ type: "uuid" })
  classId!: string;

  /** The class's path (ids from the province down to the class, joined by "/"): scope in SQL. */
  @Property({ type: "string", length: 400 })
  @Index()
  organizationPath!: string;

  /**
   * 学籍号: unique nationally, so a student is on one school's roster at a time. No @Field: a G
   * number is G + the ID number, so it is personal data and shown masked (`maskedStudentNumber`).
   */
  @Property({ type: "string", length: 32 })
  @Unique()
  studentNumber!: string;

  @Field(() => String)
  @Property({ type: "string", length: 50 })
  name!: string;

  /** Encrypted at rest; shown masked (`maskedIdNumber`), never in a log. */
  @Property({ type: new ProtectedText({ property: "idNumberLookup", purpose: "id-number" }) })
  idNumber!: string;

  /** `ctx.personalData.lookup("id-number", idNumber)`: one roster entry per person. */
  @Property({ type: "string", length: 64 })
  @Unique()
  idNumberLookup!: string;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;

  @Field(() => Date)
  @Property({ type: "datetime" })
  updatedAt!: Date;
}
