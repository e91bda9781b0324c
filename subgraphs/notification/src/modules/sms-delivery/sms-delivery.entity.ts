import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/core";
import { ProtectedText } from "@xuekao/subgraph-kit";
import { Field, ID, Int, ObjectType, registerEnumType } from "type-graphql";

/** Where a text message stands. Plain strings in the database (see identity's Organization.kind). */
export enum SmsDeliveryStatus {
  /** Waiting to be sent (first try, a retry after a failure, or held back by the per-mobile limit). */
  PENDING = "PENDING",
  SENT = "SENT",
  /** Given up: a permanent refusal, or every attempt failed. Province staff may send it again. */
  DEAD = "DEAD",
}

registerEnumType(SmsDeliveryStatus, { name: "SmsDeliveryStatus", description: "短信投递状态：待发送 / 已发送 / 已放弃（死信）" });

/**
 * One text message to one mobile, from the moment an event asks for it until the provider
 * accepted it or the engine gave up. The row is the queue: written in the same transaction as
 * the consumed event's dedupe mark, so a crash can neither lose nor duplicate it, and claimed by
 * a conditional update so two replicas never send the same row at once.
 */
@ObjectType({ description: "短信投递记录（手机号与验证码已脱敏）" })
@Entity({ tableName: "sms_delivery" })
@Index({ properties: ["status", "nextAttemptAt"] })
// The per-mobile hourly limit counts a mobile's recent messages by its lookup (the mobile itself is encrypted).
@Index({ properties: ["mobileLookup", "sentAt"] })
@Index({ properties: ["createdAt"] })
export class SmsDelivery {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  /** The event that asked for the message. */
  @Property({ type: "uuid", nullable: true })
  eventId: string | null = null;

  /** Template key (see templates/template-catalog.ts). */
  @Field(() => String, { description: "消息模板代码" })
  @Property({ type: "string", length: 64 })
  template!: string;

  /**
   * The template's variables as JSON, for template-based providers. Verification codes are
   * scrubbed once the message is sent or dead (see `scrubSecrets`): nobody needs them afterwards.
   */
  @Property({ type: "text" })
  variables!: string;

  /** The rendered text without the signature, as the log driver writes it. */
  @Property({ type: "text" })
  text!: string;

  /**
   * Encrypted at rest (`pd1:…`): the entity holds the number, the database only ciphertext. Never
   * queried by value (every encryption differs): queries go through `mobileLookup`. Required,
   * unlike a recipient's: a text message always has a number.
   */
  @Property({ type: new ProtectedText({ property: "mobileLookup", purpose: "mobile" }) })
  mobile!: string;

  /**
   * `ctx.personalData.lookup("mobile", mobile)`: what the delivery log's filter and the hourly
   * limit compare. Null only on rows from before protection, until the kit encrypts them at start.
   */
  @Property({ type: "string", length: 64, nullable: true })
  mobileLookup: string | null = null;

  /** The user the message is for, when known (a registration code goes to a number without an account yet). */
  @Property({ type: "uuid", nullable: true })
  recipientId: string | null = null;

  /** Organisation path the message concerns (ids joined by "/"): which province's staff see it in the delivery log. */
  @Property({ type: "string", length: 400 })
  @Index()
  organizationPath!: string;

  // Plain string column: see identity's Organization.kind for why not @Enum on SQLite.
  @Field(() => SmsDeliveryStatus)
  @Property({ type: "string", length: 16 })
  status: SmsDeliveryStatus = SmsDeliveryStatus.PENDING;

  /** Sends tried (a hold-back by the rate limit is not an attempt). */
  @Field(() => Int, { description: "已尝试发送次数" })
  @Property({ type: "integer" })
  attempts: number = 0;

  @Field(() => Date, { description: "下次尝试时间（待发送时有意义）" })
  @Property({ type: "datetime" })
  nextAttemptAt!: Date;

  /** Set while one worker sends the row; another worker may take it only after this passes (a crashed worker). */
  @Property({ type: "datetime", nullable: true })
  claimedUntil: Date | null = null;

  /** The provider's code and message for the last failure, or RATE_LIMITED while held back. */
  @Field(() => String, { nullable: true, description: "最近一次失败的原因（短信服务商的错误码与说明）" })
  @Property({ type: "text", nullable: true })
  lastError: string | null = null;

  @Property({ type: "string", length: 100, nullable: true })
  providerMessageId: string | null = null;

  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: "datetime", nullable: true })
  sentAt: Date | null = null;
}
