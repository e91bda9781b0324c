import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property } from "@mikro-orm/core";
import type { CertificateFields, CertificateKind } from "@xuekao/certificates";
import { Field, ObjectType, registerEnumType } from "type-graphql";

export enum CertificateKindName {
  CERTIFICATION_RESULT = "CERTIFICATION_RESULT",
  SCORE_CERTIFICATE = "SCORE_CERTIFICATE",
}
registerEnumType(CertificateKindName, { name: "CertificateKind", description: "证书类别：外省成绩认定结果 / 合格性考试成绩证明" });

/**
 * A signed certificate: certification results issued here, and score certificates (成绩证明)
 * registry issued and announced, so one query verifies both. The token (compact JWS, Ed25519) is
 * the certificate; `fieldsJson` is its payload kept readable for lists. As a GraphQL type it is
 * what its holder (and whoever may see its case) gets: code, kind, times and a download link.
 */
@ObjectType("IssuedCertificate", { description: "已签发的证书（可凭验证码公开核验）" })
@Entity({ tableName: "certificate" })
export class Certificate {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Field(() => String, { description: "验证码（XXXXX-XXXXX）" })
  @Property({ type: "string", length: 11, unique: true })
  code!: string;

  @Field(() => CertificateKindName)
  @Property({ type: "string", length: 32 })
  kind!: CertificateKind;

  @Property({ type: "uuid" })
  @Index()
  candidateId!: string;

  /** The certification case it results from (null for a score certificate). */
  @Property({ type: "uuid", nullable: true })
  @Index()
  caseId: string | null = null;

  /** The holder's registration path, province first: the issuing province's staff act on it. */
  @Property({ type: "string", length: 400 })
  @Index()
  organizationPath!: string;

  @Property({ type: "string", length: 2 })
  provinceCode!: string;

  /** The signed certificate (compact JWS). */
  @Property({ type: "text" })
  token!: string;

  @Property({ type: "text" })
  fieldsJson!: string;

  @Field(() => Date, { description: "签发时间" })
  @Property({ type: "datetime" })
  issuedAt!: Date;

  @Field(() => Date, { nullable: true, description: "撤销时间；未撤销为 null" })
  @Property({ type: "datetime", nullable: true })
  revokedAt: Date | null = null;

  @Property({ type: "string", length: 128, nullable: true })
  revokedBy: string | null = null;

  @Property({ type: "string", length: 200, nullable: true })
  revocationReason: string | null = null;

  /** The rendered PDF (made on the first download, then kept). */
  @Property({ type: "uuid", nullable: true })
  pdfFileId: string | null = null;

  fields(): CertificateFields {
    return JSON.parse(this.fieldsJson) as CertificateFields;
  }
}

export enum VerificationOutcome {
  FOUND_VALID = "FOUND_VALID",
  FOUND_INVALID = "FOUND_INVALID",
  REVOKED = "REVOKED",
  NOT_FOUND = "NOT_FOUND",
}

/**
 * One verification asked of the public page or the API: which code, what it found, when, by whom
 * if signed in. Nothing personal: the code is the certificate's, the caller an id.
 */
@Entity({ tableName: "certificate_verification" })
export class CertificateVerificationLog {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "uuid", nullable: true })
  @Index()
  certificateId: string | null = null;

  /** The code asked, normalised (only well-formed codes are looked up, and logged). */
  @Property({ type: "string", length: 11 })
  @Index()
  code!: string;

  @Property({ type: "string", length: 16 })
  outcome!: VerificationOutcome;

  @Property({ type: "datetime" })
  @Index()
  at!: Date;

  @Property({ type: "string", length: 128, nullable: true })
  callerId: string | null = null;

  @Property({ type: "string", length: 128 })
  requestId!: string;
}
