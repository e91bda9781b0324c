import { publicAccess, Rule } from "@xuekao/subgraph-kit";
import { Arg, Ctx, Query, Resolver } from "type-graphql";
import type { RegistryContext } from "../../registry-context.js";
import { ExamSubject } from "./exam-subject.entity.js";
import { ExamSubjectService } from "./exam-subject.service.js";

@Resolver(() => ExamSubject)
export class ExamSubjectResolver {
  private readonly subjects = new ExamSubjectService();

  @Query(() => [ExamSubject], { nullable: true, description: "某省的合格考科目目录（按显示顺序；科目设置是公开信息，无需登录）" })
  @Rule(publicAccess("合格考科目设置是公开信息"))
  examSubjects(@Arg("provinceCode", () => String, { description: "省级行政区划代码，如 15" }) provinceCode: string, @Ctx() ctx: RegistryContext): Promise<ExamSubject[]> {
    return this.subjects.list(ctx, provinceCode);
  }
}
