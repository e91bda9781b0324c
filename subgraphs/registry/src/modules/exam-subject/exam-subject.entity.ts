import { randomUUID } from "node:crypto";
import { Entity, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

/**
 * Which level sets, marks and enters a subject's results (docs/domain.md "The exam"): the province
 * institute, or the league/city agencies (in Inner Mongolia 体育与健康, 艺术, 通用技术, 信息技术).
 */
export enum SubjectRunBy {
  PROVINCE = "PROVINCE",
  LEAGUE = "LEAGUE",
}

registerEnumType(SubjectRunBy, {
  name: "SubjectRunBy",
  description: "组考与成绩录入单位：省级考试院 / 盟市招生考试机构",
});

/** One subject of a province's qualification exam: data per province, never code. */
@ObjectType({ description: "合格考科目（按省份配置）" })
@Entity({ tableName: "exam_subject" })
@Unique({ properties: ["provinceCode", "code"] })
export class ExamSubject {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Field(() => String, { description: "省级行政区划代码" })
  @Property({ type: "string", length: 2 })
  provinceCode!: string;

  @Field(() => String, { description: "科目代码（省内唯一，如 CHINESE）" })
  @Property({ type: "string", length: 32 })
  code!: string;

  @Field(() => String, { description: "科目名称，如 语文" })
  @Property({ type: "string", length: 40 })
  name!: string;

  @Field(() => Int, { description: "显示顺序（从小到大）" })
  @Property({ type: "integer" })
  sortOrder!: number;

  // Plain string column: see identity's Organization.kind for why not @Enum on SQLite.
  @Field(() => SubjectRunBy)
  @Property({ type: "string", length: 16 })
  runBy!: SubjectRunBy;
}
