import { randomUUID } from "node:crypto";
import { BigIntType, Entity, Index, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ID, Int, ObjectType } from "type-graphql";

/**
 * One decision or sensitive read, as it happened: who (actor, the role and organisation they acted
 * through), what (action on a subject), the change (before/after, personal fields masked), the
 * request it came from and when. Append-only: each entry carries the SHA-256 of its content and
 * of the entry before it (`prevHash`), so a row edited or deleted afterwards breaks the chain at
 * that row, and `verifyAuditChain` names it.
 *
 * Every subgraph keeps its own chain in its own database (see `AuditChainHead`).
 */
@ObjectType("AuditEntry", { description: "审计记录：谁、以什么身份、对什么做了什么（个人信息已脱敏），前后相连不可篡改" })
@Directive("@shareable")
@Entity({ tableName: "audit_entry" })
@Index({ properties: ["subjectType", "subjectId", "seq"] })
export class AuditEntry {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  /** Position in the chain, from 1, without gaps. */
  @Field(() => Int, { description: "在审计链中的序号（从 1 起连续）" })
  @Property({ type: new BigIntType("number"), unique: true })
  seq!: number;

  @Field(() => Date)
  @Property({ type: "datetime" })
  occurredAt!: Date;

  @Field(() => String, { description: "请求编号（与日志对应）" })
  @Property({ type: "string", length: 128 })
  requestId!: string;

  @Field(() => String, { description: "操作者类别：user 用户 / client 第三方系统 / system 系统任务" })
  @Property({ type: "string", length: 16 })
  actorKind!: "user" | "client" | "system";

  @Field(() => String, { nullable: true, description: "操作者编号（用户或客户端）" })
  @Property({ type: "string", length: 128, nullable: true })
  actorId: string | null = null;

  @Field(() => String, { nullable: true, description: "操作时所用的角色" })
  @Property({ type: "string", length: 32, nullable: true })
  actorRole: string | null = null;

  @Field(() => String, { nullable: true, description: "操作时所在的组织" })
  @Property({ type: "string", length: 64, nullable: true })
  actorOrganizationId: string | null = null;

  @Field(() => String, { description: "操作，如 workflow.decided、personal-data.read" })
  @Property({ type: "string", length: 64 })
  action!: string;

  @Field(() => String, { description: "对象类别，如 CertificationCase" })
  @Property({ type: "string", length: 64 })
  subjectType!: string;

  @Field(() => String, { description: "对象编号" })
  @Property({ type: "string", length: 128 })
  subjectId!: string;

  /** Where the subject sits (ids joined by "/", province first): who may read the entry. */
  @Property({ type: "string", length: 400 })
  @Index()
  organizationPath!: string;

  @Field(() => String, { nullable: true, description: "变更前（JSON，个人信息已脱敏）" })
  @Property({ type: "text", nullable: true })
  before: string | null = null;

  @Field(() => String, { nullable: true, description: "变更后（JSON，个人信息已脱敏）" })
  @Property({ type: "text", nullable: true })
  after: string | null = null;

  @Field(() => String, { description: "前一条记录的摘要（SHA-256）" })
  @Property({ type: "string", length: 64 })
  prevHash!: string;

  @Field(() => String, { description: "本条记录的摘要（SHA-256）" })
  @Property({ type: "string", length: 64 })
  hash!: string;
}

/**
 * The end of a subgraph's chain: the last sequence number and hash. Appending locks this one row
 * (for the instant between sealing and commit), so concurrent transactions extend the chain one
 * after the other and never fork it.
 */
@Entity({ tableName: "audit_chain_head" })
export class AuditChainHead {
  @PrimaryKey({ type: "integer", autoincrement: false })
  id: number = 1;

  @Property({ type: new BigIntType("number") })
  lastSeq: number = 0;

  @Property({ type: "string", length: 64 })
  lastHash: string = GENESIS_HASH;
}

/** The `prevHash` of the first entry. */
export const GENESIS_HASH = "0".repeat(64);
