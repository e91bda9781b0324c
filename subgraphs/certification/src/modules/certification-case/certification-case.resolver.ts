import type { SubgraphContext } from "@xuekao/subgraph-kit";
import { Arg, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { UserReference } from "../references/user.reference.js";
import { CertificationCase } from "./certification-case.entity.js";
import { OpenCertificationCaseInput } from "./certification-case.inputs.js";
import { CertificationCaseService } from "./certification-case.service.js";

@Resolver(() => CertificationCase)
export class CertificationCaseResolver {
  @Query(() => [CertificationCase], { nullable: true, description: "本人管理范围内的成绩认定申请，最新提交的在前（每页至多 200 条；需登录）" })
  certificationCases(
    @Arg("limit", () => Int, { defaultValue: 50 }) limit: number,
    @Ctx() { em, caller }: SubgraphContext,
  ): Promise<CertificationCase[]> {
    return new CertificationCaseService(em).list(caller, limit);
  }

  @Mutation(() => CertificationCase, { description: "考生本人向所在省份提交外省合格考成绩认定申请" })
  openCertificationCase(
    @Arg("input", () => OpenCertificationCaseInput) input: OpenCertificationCaseInput,
    @Ctx() { em, caller }: SubgraphContext,
  ): Promise<CertificationCase> {
    return new CertificationCaseService(em).open(caller, input);
  }

  // Nullable so that an identity outage does not null the whole list (see registry ExamRecord.candidate).
  @FieldResolver(() => UserReference, { nullable: true, description: "申请人（由身份子图提供；该服务不可用时为 null）" })
  candidate(@Root() certificationCase: CertificationCase): UserReference {
    return { id: certificationCase.candidateId };
  }
}
