import { Field, ObjectType } from "type-graphql";
import { CertificateKindName } from "./certificate.entity.js";

@ObjectType({ description: "证书上的一个科目" })
export class CertificateSubjectView {
  @Field(() => String) code!: string;
  @Field(() => String, { description: "科目名称" }) name!: string;
  @Field(() => String, { description: "合格 / 不合格" }) result!: string;
  @Field(() => String, { nullable: true, description: "说明（如认定依据）" }) detail!: string | null;
}

/** Every field of a certificate, as issued (strings as signed; the ID number masked). */
@ObjectType({ description: "证书内容（与签发时一致；身份证号已遮蔽）" })
export class CertificateFieldsView {
  @Field(() => String) code!: string;
  @Field(() => CertificateKindName) kind!: CertificateKindName;
  @Field(() => String) title!: string;
  @Field(() => String) issuerName!: string;
  @Field(() => String) provinceCode!: string;
  @Field(() => String) holderName!: string;
  @Field(() => String) idNumberMasked!: string;
  @Field(() => String, { nullable: true }) recordNumber!: string | null;
  @Field(() => String, { nullable: true, description: "成绩来源省份（认定结果）" }) originProvinceName!: string | null;
  @Field(() => [CertificateSubjectView]) subjects!: CertificateSubjectView[];
  @Field(() => String, { description: "签发时间（ISO 8601，签名内容原文）" }) issuedAt!: string;
}

@ObjectType({ description: "证书核验结果：是否存在、签名是否有效、是否已撤销，以及证书的全部内容" })
export class CertificateVerification {
  @Field(() => String, { description: "规范化后的验证码" }) code!: string;
  @Field(() => Boolean, { description: "是否找到该验证码的证书" }) found!: boolean;
  @Field(() => Boolean, { description: "签名是否有效（内容未被篡改）" }) signatureValid!: boolean;
  @Field(() => Boolean) revoked!: boolean;
  @Field(() => Date, { nullable: true }) revokedAt!: Date | null;
  @Field(() => String, { nullable: true }) revocationReason!: string | null;
  @Field(() => CertificateFieldsView, { nullable: true, description: "证书内容；签名无效时为证书所称内容，未找到或无法读取时为 null" })
  fields!: CertificateFieldsView | null;
}
