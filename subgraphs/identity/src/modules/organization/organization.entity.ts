import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Directive, Field, ID, ObjectType, registerEnumType } from "type-graphql";

/** The tiers of the exam administration, top to bottom (Beijing skips LEAGUE). */
export enum OrganizationKind {
  PROVINCE = "PROVINCE",
  LEAGUE = "LEAGUE",
  COUNTY = "COUNTY",
  SCHOOL = "SCHOOL",
  CLASS = "CLASS",
}

registerEnumType(OrganizationKind, {
  name: "OrganizationKind",
  description: "省级考试院 / 盟市 / 旗县区 / 学校 / 班级",
});

@ObjectType({ description: "考试管理组织：省级考试院、盟市、旗县区、学校或班级" })
@Directive('@key(fields: "id")')
@Entity({ tableName: "organization" })
export class Organization {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Field(() => String, { description: "官方代码（省 15/11，盟市、旗县区行政区划代码，学校代码，班级代码）" })
  @Property({ type: "string", length: 32 })
  @Unique()
  code!: string;

  @Field(() => String)
  @Property({ type: "string", length: 100 })
  name!: string;

  // A plain string column, not @Enum: MikroORM 6's SQLite introspection misreads enum check
  // constraints and would report a migration as needed forever. GraphQL validates the value.
  @Field(() => OrganizationKind)
  @Property({ type: "string", length: 16 })
  kind!: OrganizationKind;

  // A plain indexed id, not a self-referencing @ManyToOne: SQLite introspection drops
  // self-referencing foreign keys, which again would keep libsql migrations out of step.
  // OrganizationService checks that the parent exists and has an allowed kind.
  @Field(() => ID, { nullable: true })
  @Property({ type: "uuid", nullable: true })
  @Index()
  parentId: string | null = null;

  /**
   * Ids from the province down to this organisation, joined by "/". Access tokens carry it in
   * each role binding, so every subgraph checks scope by prefix without asking identity.
   */
  @Property({ type: "string", length: 400 })
  path!: string;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;
}
