import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/core";
import { Directive, Field, ID, ObjectType } from "type-graphql";

/** One message in a person's in-app inbox (its SMS twin, when there is one, is an SmsDelivery). */
@ObjectType({ description: "站内消息" })
@Directive('@key(fields: "id")')
@Entity({ tableName: "notification" })
@Index({ properties: ["recipientId", "createdAt"] })
export class Notification {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "uuid" })
  recipientId!: string;

  @Field(() => String)
  @Property({ type: "string", length: 100 })
  title!: string;

  @Field(() => String)
  @Property({ type: "text" })
  body!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: "datetime", nullable: true })
  readAt: Date | null = null;

  /** When the message was written, by the writer's clock (always given: see InboxService.add). */
  @Field(() => Date)
  @Property({ type: "datetime" })
  createdAt!: Date;
}
