import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/core";
import { Field, ID, ObjectType, registerEnumType } from "type-graphql";

/** The tiers of the exam administration, as identity names them (docs/domain.md "Organisations and who sees what"). */
export enum DirectoryOrganizationKind {
  PROVINCE = "PROVINCE",
  LEAGUE = "LEAGUE",
  COUNTY = "COUNTY",
  SCHOOL = "SCHOOL",
  CLASS = "CLASS",
}

registerEnumType(DirectoryOrganizationKind, {
  name: "DirectoryOrganizationKind",
  description: "省级考试院 / 盟市 / 旗县区 / 学校 / 班级（登记子图的组织目录）",
});

/**
 * Registry's own copy of an organisation, kept from identity's `identity.organization-changed`
 * events (identity owns organisations; nothing here reads its tables). Registry needs it to
 * resolve a roster's class codes, a school's county and a province's schools in SQL.
 */
@ObjectType({ description: "组织目录中的一个组织（学校、班级等），由身份子图同步" })
@Entity({ tableName: "directory_organization" })
@Index({ properties: ["provinceCode", "kind", "code"] })
@Index({ properties: ["parentId", "kind"] })
export class DirectoryOrganization {
  /** identity's organisation id. */
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "uuid", nullable: true })
  parentId: string | null = null;

  /** Ids from the province down to this organisation, joined by "/" (as identity stores it). */
  @Property({ type: "string", length: 400 })
  @Index()
  path!: string;

  // A plain string column, as in identity (SQLite has no enum type).
  @Field(() => DirectoryOrganizationKind)
  @Property({ type: "string", length: 16 })
  kind!: DirectoryOrganizationKind;

  @Field(() => String, { description: "官方代码（学校代码、班级代码等）" })
  @Property({ type: "string", length: 32 })
  code!: string;

  @Field(() => String)
  @Property({ type: "string", length: 100 })
  name!: string;

  /** Official code of the province it lies in (15, 11, …). */
  @Field(() => String, { description: "所在省级行政区划代码" })
  @Property({ type: "string", length: 2 })
  provinceCode!: string;

  /** occurredAt of the event this row reflects: an older event arriving late never overwrites it. */
  @Property({ type: "datetime" })
  asOf!: Date;
}
