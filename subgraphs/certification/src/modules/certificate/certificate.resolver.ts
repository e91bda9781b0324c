import { publicAccess, requiresRole, Rule, signedIn } from "@xuekao/subgraph-kit";
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CertificationContext } from "../../certification-context.js";
import { Certificate } from "./certificate.entity.js";
import { CertificateVerification } from "./certificate.inputs.js";
import { CertificateService, REVOKE_CERTIFICATES } from "./certificate.service.js";

@Resolver(() => Certificate)
export class CertificateResolver {
  private readonly certificates = new CertificateService();

  @Query(() => CertificateVerification, { description: "凭验证码核验证书：内容、签名是否有效、是否撤销（无需登录；每次核验均记录）" })
  @Rule(publicAccess("证书持有人把证书交给学校、单位等第三方核验：核验人没有账号；只凭证书上的验证码（45 位随机），结果只含证书本身印有的内容（身份证号已遮蔽）"))
  verifyCertificate(@Arg("code", () => String, { description: "证书上的验证码，如 7K3QD-XM2PA（大小写、空格与连字符不限）" }) code: string, @Ctx() ctx: CertificationContext): Promise<CertificateVerification> {
    return this.certificates.verify(ctx, code);
  }

  @Query(() => [Certificate], { nullable: true, description: "本人的证书（成绩认定结果、成绩证明），最新的在前" })
  @Rule(signedIn("本人的证书"))
  myCertificates(@Ctx() ctx: CertificationContext): Promise<Certificate[]> {
    return this.certificates.mine(ctx);
  }

  @Mutation(() => Certificate, { description: "撤销证书（签发省份的考试院或认定审核人员；须填写原因，记入审计）" })
  @Rule(requiresRole(REVOKE_CERTIFICATES))
  revokeCertificate(
    @Arg("code", () => String) code: string,
    @Arg("reason", () => String, { description: "撤销原因（2 至 200 字）" }) reason: string,
    @Ctx() ctx: CertificationContext,
  ): Promise<Certificate> {
    return this.certificates.revoke(ctx, { code, reason });
  }

  @FieldResolver(() => String, { nullable: true, description: "证书 PDF 的下载地址（本人短时有效）" })
  downloadUrl(@Root() certificate: Certificate, @Ctx() ctx: CertificationContext): Promise<string | null> {
    return this.certificates.downloadUrl(ctx, certificate);
  }
}
