import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/core";
import { ProtectedText } from "@xuekao/subgraph-kit";
import { registerEnumType } from "type-graphql";
import { MOBILE_LOOKUP } from "../user/user.entity.js";

export enum SmsPurpose {
  REGISTER = "REGISTER",
  CHANGE_MOBILE = "CHANGE_MOBILE",
}

registerEnumType(SmsPurpose, { name: "SmsPurpose", description: "验证码用途：注册 / 更换手机号" });

/** One 6-digit code sent to a mobile, stored as a hash; valid 5 minutes, at most 5 tries. */
@Entity({ tableName: "sms_challenge" })
// Every query is by number (its lookup), newest first: codes of the last day, the latest unused one.
@Index({ properties: ["mobileLookup", "createdAt"] })
export class SmsChallenge {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  /** Personal data: stored encrypted; query by `mobileLookup`. */
  @Property({ type: new ProtectedText({ property: "mobileLookup", purpose: MOBILE_LOOKUP }) })
  mobile!: string;

  /** `ctx.personalData.lookup("mobile", mobile)`, set with it. Nullable only so that rows written before protection can be filled in at start. */
  @Property({ type: "string", length: 64, nullable: true })
  mobileLookup!: string | null;

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
  createdAt!: Date;
}
