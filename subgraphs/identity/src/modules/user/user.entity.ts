import { randomUUID } from "node:crypto";
import { Entity, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { ProtectedText } from "@xuekao/subgraph-kit";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/** The purpose mobiles are looked up under (accounts and SMS challenges share it). */
export const MOBILE_LOOKUP = "mobile";

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

  /**
   * Mainland mobile number, bound by SMS code; also a login name. Personal data: stored
   * encrypted (`pd1:…`), never a GraphQL field. Find people by `mobileLookup`, never by this
   * column (every encryption differs, so equality never matches); set both together.
   */
  @Property({ type: new ProtectedText({ property: "mobileLookup", purpose: MOBILE_LOOKUP }), nullable: true })
  mobile: string | null = null;

  /** `ctx.personalData.lookup("mobile", mobile)`: one account per number. */
  @Property({ type: "string", length: 64, nullable: true })
  @Unique()
  mobileLookup: string | null = null;

  @Property({ type: "integer" })
  failedLoginCount = 0;

  @Property({ type: "datetime", nullable: true })
  lockedUntil: Date | null = null;

  /** Set from the request context's clock. */
  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;
}
