import { requiresRole, Rule, SpreadsheetImport } from "@xuekao/subgraph-kit";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { RegistryContext } from "../../registry-context.js";
import { OpenedResultImport, ResultImportTemplate } from "./subject-result.inputs.js";
import { IMPORT_RESULTS, SubjectResultService } from "./subject-result.service.js";

@Resolver()
export class SubjectResultResolver {
  private readonly results = new SubjectResultService();

  @Query(() => ResultImportTemplate, { nullable: true, description: "成绩导入模板（.xlsx：列名与一行示例）" })
  @Rule(requiresRole(IMPORT_RESULTS))
  resultImportTemplate(@Ctx() ctx: RegistryContext): Promise<ResultImportTemplate> {
    return this.results.template(ctx);
  }

  @Query(() => SpreadsheetImport, { nullable: true, description: "本单位的一次成绩导入：状态、进度与逐行问题报告" })
  @Rule(requiresRole(IMPORT_RESULTS))
  resultImport(@Arg("id", () => ID) id: string, @Ctx() ctx: RegistryContext): Promise<SpreadsheetImport> {
    return this.results.get(ctx, id);
  }

  @Mutation(() => OpenedResultImport, {
    description: "新建某考次的成绩导入并取得文件上传凭证（报名截止后、成绩公布前；省级考试院录入省组考科目，盟市录入盟市组考科目且仅限本盟市考生）",
  })
  @Rule(requiresRole(IMPORT_RESULTS))
  openResultImport(
    @Arg("sessionId", () => ID) sessionId: string,
    @Arg("fileName", () => String, { description: "原文件名（仅用于显示）" }) fileName: string,
    @Ctx() ctx: RegistryContext,
  ): Promise<OpenedResultImport> {
    return this.results.open(ctx, sessionId, fileName);
  }

  @Mutation(() => SpreadsheetImport, { description: "试导入：逐行检查已上传的成绩文件并生成问题报告，不保存任何成绩（完成后查询 resultImport）" })
  @Rule(requiresRole(IMPORT_RESULTS))
  checkResultImport(@Arg("id", () => ID) id: string, @Ctx() ctx: RegistryContext): Promise<SpreadsheetImport> {
    return this.results.check(ctx, id);
  }

  @Mutation(() => SpreadsheetImport, { description: "正式导入：再次检查后在一个事务中保存全部成绩；有任何问题则一行也不保存" })
  @Rule(requiresRole(IMPORT_RESULTS))
  commitResultImport(@Arg("id", () => ID) id: string, @Ctx() ctx: RegistryContext): Promise<SpreadsheetImport> {
    return this.results.commit(ctx, id);
  }
}
