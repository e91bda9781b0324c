import { requiresRole, Rule } from "@xuekao/subgraph-kit";
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { RegistryContext } from "../../registry-context.js";
import { ImportSubjectResultsInput, ResultImportReport, ResultImportTemplate } from "./subject-result.inputs.js";
import { IMPORT_RESULTS, SubjectResultService } from "./subject-result.service.js";

@Resolver()
export class SubjectResultResolver {
  private readonly results = new SubjectResultService();

  @Query(() => ResultImportTemplate, { nullable: true, description: "成绩导入模板（.xlsx：列名与一行示例）" })
  @Rule(requiresRole(IMPORT_RESULTS))
  resultImportTemplate(@Ctx() ctx: RegistryContext): Promise<ResultImportTemplate> {
    return this.results.template(ctx);
  }

  @Mutation(() => ResultImportReport, {
    description: "导入某考次的成绩：先试导入查看逐行问题，再正式导入（全部无误才保存，否则一行也不保存）。省级考试院录入省组考科目，盟市录入盟市组考科目且仅限本盟市考生",
  })
  @Rule(requiresRole(IMPORT_RESULTS))
  importSubjectResults(@Arg("input", () => ImportSubjectResultsInput) input: ImportSubjectResultsInput, @Ctx() ctx: RegistryContext): Promise<ResultImportReport> {
    return this.results.import(ctx, input);
  }
}
