import { inScopeOf, requiresRole, Rule } from "@xuekao/subgraph-kit";
import { Arg, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RegistryContext } from "../../registry-context.js";
import { ExamSession } from "../exam-session/exam-session.entity.js";
import { ExamSubject } from "../exam-subject/exam-subject.entity.js";
import { UserReference } from "../references/user.reference.js";
import { SubjectEntry, SubjectResult } from "./subject-entry.entity.js";
import { EnterSubjectsInput, SubjectEntryPage, WithdrawSubjectEntryInput } from "./subject-entry.inputs.js";
import { ENTER_SUBJECTS, READ_ENTRIES, SubjectEntryService } from "./subject-entry.service.js";

@Resolver(() => SubjectEntry)
export class SubjectEntryResolver {
  private readonly entries = new SubjectEntryService();

  @Query(() => SubjectEntryPage, {
    nullable: true,
    description: "本人管理范围内的选课报名（考生为本人的；按考籍号、科目排序，分页）",
  })
  @Rule(inScopeOf(READ_ENTRIES))
  subjectEntries(
    @Arg("sessionId", () => ID, { nullable: true, description: "只看该考次" }) sessionId: string | null,
    @Arg("subjectCode", () => String, { nullable: true, description: "只看该科目" }) subjectCode: string | null,
    @Arg("first", () => Int, { nullable: true, description: "每页条数（默认 50，至多 200）" }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RegistryContext,
  ): Promise<SubjectEntryPage> {
    return this.entries.list(ctx, { sessionId, subjectCode, first, after });
  }

  @Mutation(() => [SubjectEntry], { description: "考生本人在报名时间内报考本省考次的科目；返回本人在该考次的全部报名" })
  @Rule(requiresRole(ENTER_SUBJECTS))
  enterSubjects(@Arg("input", () => EnterSubjectsInput) input: EnterSubjectsInput, @Ctx() ctx: RegistryContext): Promise<SubjectEntry[]> {
    return this.entries.enter(ctx, input);
  }

  @Mutation(() => [SubjectEntry], { description: "考生本人在报名截止前撤回一个科目的报名；返回本人在该考次余下的报名" })
  @Rule(requiresRole(ENTER_SUBJECTS))
  withdrawSubjectEntry(@Arg("input", () => WithdrawSubjectEntryInput) input: WithdrawSubjectEntryInput, @Ctx() ctx: RegistryContext): Promise<SubjectEntry[]> {
    return this.entries.withdraw(ctx, input);
  }

  @FieldResolver(() => ExamSession, { nullable: true })
  session(@Root() entry: SubjectEntry, @Ctx() { loaders }: RegistryContext): Promise<ExamSession | null> {
    return loaders.load(ExamSession, entry.sessionId);
  }

  @FieldResolver(() => ExamSubject, { nullable: true, description: "科目（本省科目目录）" })
  async subject(@Root() entry: SubjectEntry, @Ctx() ctx: RegistryContext): Promise<ExamSubject | null> {
    const session = await ctx.loaders.load(ExamSession, entry.sessionId);
    return session ? ctx.em.findOne(ExamSubject, { provinceCode: session.provinceCode, code: entry.subjectCode }) : null;
  }

  @FieldResolver(() => Boolean, { description: "成绩是否已公布" })
  async resultPublished(@Root() entry: SubjectEntry, @Ctx() ctx: RegistryContext): Promise<boolean> {
    return (await this.entries.visibleResult(ctx, entry)).published;
  }

  @FieldResolver(() => SubjectResult, { nullable: true, description: "成绩：合格 / 不合格（成绩公布前对考生和学校为空）" })
  async result(@Root() entry: SubjectEntry, @Ctx() ctx: RegistryContext): Promise<SubjectResult | null> {
    return (await this.entries.visibleResult(ctx, entry)).result;
  }

  @FieldResolver(() => Float, { nullable: true, description: "分数（有分数的科目；成绩公布前对考生和学校为空）" })
  async score(@Root() entry: SubjectEntry, @Ctx() ctx: RegistryContext): Promise<number | null> {
    return (await this.entries.visibleResult(ctx, entry)).score;
  }

  @FieldResolver(() => UserReference, { nullable: true, description: "考生（由身份子图提供；该服务不可用时为 null）" })
  candidate(@Root() entry: SubjectEntry): UserReference {
    return { id: entry.candidateId };
  }
}
