import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/core";
import { Field, ObjectType } from "type-graphql";

/**
 * A score certificate (成绩证明) the province issued from a record's published results: signed
 * with the certificate key, its PDF kept, announced to certification (which verifies it publicly).
 */
@ObjectType({ description: "合格性考试成绩证明（可凭验证码公开核验）" })
@Entity({ tableName: "score_certificate" })
export class ScoreCertificate {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Field(() => String, { description: "验证码（XXXXX-XXXXX）" })
  @Property({ type: "string", length: 11, unique: true })
  code!: string;

  @Property({ type: "uuid" })
  @Index()
  recordId!: string;

  @Property({ type: "uuid" })
  @Index()
  candidateId!: string;

  @Property({ type: "string", length: 400 })
  @Index()
  organizationPath!: string;

  @Property({ type: "string", length: 2 })
  provinceCode!: string;

  @Property({ type: "text" })
  token!: string;

  @Field(() => Date, { description: "签发时间" })
  @Property({ type: "datetime" })
  issuedAt!: Date;

  @Property({ type: "uuid" })
  pdfFileId!: string;
}
