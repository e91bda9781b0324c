import { inScopeOf, requiresRole, Rule, SpreadsheetImport } from "@xuekao/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RegistryContext } from "../../registry-context.js";
import { DirectoryOrganization } from "../organization-directory/directory-organization.entity.js";
import { RosterEntry } from "./roster.entity.js";
import { RosterEntryPage, RosterImportStart, SpreadsheetTemplateFile } from "./roster.inputs.js";
import { MANAGE_ROSTER, READ_ROSTER, RosterService } from "./roster.service.js";

@Resolver(() => RosterEntry)
export class RosterResolver {
  private readonly roster = new RosterService();

  @Query(() => RosterEntryPage, { nullable: true, description: "本人管理范围内的学籍名单（按学籍号排序，分页；可只看某校或某班）" })
  @Rule(inScopeOf(READ_ROSTER))
  rosterEntries(
    @Arg("schoolId", () => ID, { nullable: true }) schoolId: string | null,
    @Arg("classId", () => ID, { nullable: true }) classId: string | null,
    @Arg("first", () => Int, { nullable: true, description: "每页条数（默认 50，至多 200）" }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RegistryContext,
  ): Promise<RosterEntryPage> {
    return this.roster.list(ctx, { schoolId, classId, first, after });
  }

  @Query(() => SpreadsheetImport, { nullable: true, description: "学籍名单导入的状态、进度与问题报告（本校管理员或指定工作人员）" })
  @Rule(requiresRole(MANAGE_ROSTER))
  rosterImport(@Arg("id", () => ID) id: string, @Ctx() ctx: RegistryContext): Promise<SpreadsheetImport> {
    return this.roster.importOf(ctx, id);
  }

  @Query(() => SpreadsheetTemplateFile, { nullable: true, description: "学籍名单导入模板（.xlsx：表头与一行示例）" })
  @Rule(requiresRole(MANAGE_ROSTER))
  rosterImportTemplate(): Promise<SpreadsheetTemplateFile> {
    return this.roster.template();
  }

  @Mutation(() => RosterImportStart, { description: "开始导入本校学籍名单：返回导入记录与 .xlsx 文件的上传凭证" })
  @Rule(requiresRole(MANAGE_ROSTER))
  startRosterImport(
    @Arg("schoolId", () => ID) schoolId: string,
    @Arg("fileName", () => String, { description: "原文件名（仅用于显示）" }) fileName: string,
    @Ctx() ctx: RegistryContext,
  ): Promise<RosterImportStart> {
    return this.roster.startImport(ctx, schoolId, fileName);
  }

  @Mutation(() => SpreadsheetImport, { description: "检查已上传的学籍名单（不写入任何数据）；进度与问题报告见 rosterImport" })
  @Rule(requiresRole(MANAGE_ROSTER))
  checkRosterImport(@Arg("importId", () => ID) importId: string, @Ctx() ctx: RegistryContext): Promise<SpreadsheetImport> {
    return this.roster.check(ctx, importId);
  }

  @Mutation(() => SpreadsheetImport, { description: "确认导入检查无误的学籍名单：全部写入或全部不写入；进度见 rosterImport" })
  @Rule(requiresRole(MANAGE_ROSTER))
  commitRosterImport(@Arg("importId", () => ID) importId: string, @Ctx() ctx: RegistryContext): Promise<SpreadsheetImport> {
    return this.roster.commit(ctx, importId);
  }

  @FieldResolver(() => String, { description: "学籍号（脱敏：G 开头的学籍号含身份证号）" })
  maskedStudentNumber(@Root() entry: RosterEntry, @Ctx() ctx: RegistryContext): string {
    return this.roster.maskedStudentNumber(ctx, entry);
  }

  @FieldResolver(() => String, { description: "身份证号（脱敏）" })
  maskedIdNumber(@Root() entry: RosterEntry, @Ctx() ctx: RegistryContext): string {
    return this.roster.maskedIdNumber(ctx, entry);
  }

  @FieldResolver(() => String, { nullable: true, description: "班级名称" })
  async className(@Root() entry: RosterEntry, @Ctx() { loaders }: RegistryContext): Promise<string | null> {
    return (await loaders.load(DirectoryOrganization, entry.classId))?.name ?? null;
  }
}
