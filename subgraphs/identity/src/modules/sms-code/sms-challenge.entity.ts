import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/core";
import { registerEnumType } from "type-graphql";

export enum SmsPurpose {
  REGISTER = "REGISTER",
  CHANGE_MOBILE = "CHANGE_MOBILE",
}

registerEnumType(SmsPurpose, { name: "SmsPurpose", description: "验证码用途：注册 / 更换手机号" });

/** One 6-digit code sent to a mobile, stored as a hash; valid 5 minutes, at most 5 tries. */
@Entity({ tableName: "sms_challenge" })
@Index({ properties: ["mobile", "createdAt"] })
export class SmsChallenge {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "string", length: 11 })
  mobile!: string;

  @Property({ type: "string", length: 16 })
  purpose!: SmsPurpose;

  @Property({ type: "string", length: 64 })
  codeHash!: string;

  @Property({ type: "datetime" })
  expiresAt!: Date;

  @Property({ type: "integer" })
  attempts = 0;

  @Property({ type: "datetime", nullable: true })
  consumedAt: Date | null = null;

  @Property({ type: "datetime" })
  createdAt: Date = new Date();
}
