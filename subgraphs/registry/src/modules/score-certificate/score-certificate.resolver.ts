import { requiresRole, Rule } from "@xuekao/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from "type-graphql";
import type { RegistryContext } from "../../registry-context.js";
import { ScoreCertificate } from "./score-certificate.entity.js";
import { ISSUE_SCORE_CERTIFICATES, ScoreCertificateService } from "./score-certificate.service.js";

@Resolver(() => ScoreCertificate)
export class ScoreCertificateResolver {
  private readonly certificates = new ScoreCertificateService();

  @Mutation(() => ScoreCertificate, { description: "开具合格性考试成绩证明（考生本人的考籍，或考籍所在旗县区招办）：按已公布成绩签发，带验证码与二维码" })
  @Rule(requiresRole(ISSUE_SCORE_CERTIFICATES))
  issueScoreCertificate(@Arg("recordId", () => ID) recordId: string, @Ctx() ctx: RegistryContext): Promise<ScoreCertificate> {
    return this.certificates.issue(ctx, recordId);
  }

  @FieldResolver(() => String, { nullable: true, description: "PDF 下载地址（本人短时有效）" })
  downloadUrl(@Root() certificate: ScoreCertificate, @Ctx() ctx: RegistryContext): Promise<string | null> {
    return this.certificates.downloadUrl(ctx, certificate);
  }
}
