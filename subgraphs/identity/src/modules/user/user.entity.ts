import { randomUUID } from "node:crypto";
import { Entity, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * A person who signs in: candidate, teacher, agency staff. Other subgraphs refer to users by id
 * (`User @key(fields: "id")`) and add their own fields to the type (e.g. `notifications`).
 */
@ObjectType({ description: "平台用户：考生、教师或机构工作人员" })
@Directive('@key(fields: "id")')
@Entity({ tableName: "app_user" })
export class User {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Field(() => String)
  @Property({ type: "string", length: 64 })
  @Unique()
  username!: string;

  @Field(() => String, { description: "姓名或显示名称" })
  @Property({ type: "string", length: 100 })
  displayName!: string;

  /** scrypt hash (see credential/password.ts); never a GraphQL field. */
  @Property({ type: "text", nullable: true })
  passwordHash: string | null = null;

  /**
   * Set when someone else chose the password (a staff account's initial password): the person
   * must choose their own before doing anything else. Cleared by changePassword.
   */
  @Property({ type: "boolean", default: false })
  mustChangePassword: boolean = false;

  /** Mainland mobile number, bound by SMS code; also a login name. */
  @Property({ type: "string", length: 11, nullable: true })
  @Unique()
  mobile: string | null = null;

  @Property({ type: "integer" })
  failedLoginCount = 0;

  @Property({ type: "datetime", nullable: true })
  lockedUntil: Date | null = null;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt: Date = new Date();
}
