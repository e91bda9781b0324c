import { requiresRole, Rule, signedIn } from "@xuekao/subgraph-kit";
import { Arg, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from "type-graphql";
import type { CertificationContext } from "../../certification-context.js";
import { CertificationSourceRules, CertificationWindow, SubjectFullScore } from "./certification-config.entity.js";
import { SaveCertificationSourceRulesInput, SaveCertificationWindowInput } from "./certification-config.inputs.js";
import { CertificationConfigService, CONFIGURE_CERTIFICATION } from "./certification-config.service.js";

@Resolver(() => CertificationWindow)
export class CertificationWindowResolver {
  private readonly config = new CertificationConfigService();

  @Query(() => [CertificationWindow], { nullable: true, description: "某省的成绩认定办理时间，最近的在前（不填省份时为本人所在省份）" })
  @Rule(signedIn("办理时间是公开的办事信息；考生、学校与审核人员都要据此办理"))
  certificationWindows(@Arg("provinceCode", () => String, { nullable: true }) provinceCode: string | null, @Ctx() ctx: CertificationContext): Promise<CertificationWindow[]> {
    return this.config.listWindows(ctx, provinceCode);
  }

  @Mutation(() => CertificationWindow, { description: "新建或修改成绩认定办理时间（仅本省的省级考试院）" })
  @Rule(requiresRole(CONFIGURE_CERTIFICATION))
  saveCertificationWindow(@Arg("input", () => SaveCertificationWindowInput) input: SaveCertificationWindowInput, @Ctx() ctx: CertificationContext): Promise<CertificationWindow> {
    return this.config.saveWindow(ctx, input);
  }

  @FieldResolver(() => Boolean, { description: "此刻是否受理申请（按服务器时间；截止时刻起不再受理）" })
  open(@Root() window: CertificationWindow, @Ctx() ctx: CertificationContext): boolean {
    return window.isOpenAt(ctx.clock.now());
  }
}

@Resolver(() => CertificationSourceRules)
export class CertificationSourceRulesResolver {
  private readonly config = new CertificationConfigService();

  @Query(() => [CertificationSourceRules], { nullable: true, description: "受理省份对各来源省份的成绩认定规则（可只查一个来源省份）" })
  @Rule(signedIn("认定规则是公开的办事信息；考生与学校据此准备材料"))
  certificationSourceRules(
    @Arg("certifyingProvinceCode", () => String) certifyingProvinceCode: string,
    @Arg("sourceProvinceCode", () => String, { nullable: true }) sourceProvinceCode: string | null,
    @Ctx() ctx: CertificationContext,
  ): Promise<CertificationSourceRules[]> {
    return this.config.listSourceRules(ctx, certifyingProvinceCode, sourceProvinceCode);
  }

  @Mutation(() => CertificationSourceRules, { description: "保存某来源省份的成绩认定规则（仅本省的省级考试院）" })
  @Rule(requiresRole(CONFIGURE_CERTIFICATION))
  saveCertificationSourceRules(
    @Arg("input", () => SaveCertificationSourceRulesInput) input: SaveCertificationSourceRulesInput,
    @Ctx() ctx: CertificationContext,
  ): Promise<CertificationSourceRules> {
    return this.config.saveSourceRules(ctx, input);
  }

  @FieldResolver(() => [String], { nullable: true, description: "等级，优者在前；只给分数时为空" })
  grades(@Root() rules: CertificationSourceRules): string[] | null {
    return rules.grades();
  }

  @FieldResolver(() => [SubjectFullScore], { description: "各科满分（来源省份给分数的科目）" })
  fullScores(@Root() rules: CertificationSourceRules): SubjectFullScore[] {
    return Object.entries(rules.fullScores()).map(([subjectCode, fullScore]) => ({ subjectCode, fullScore }));
  }
}
