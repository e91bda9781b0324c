import { publicAccess, requiresRole, Rule } from "@xuekao/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from "type-graphql";
import type { RegistryContext } from "../../registry-context.js";
import { ExamSubject } from "../exam-subject/exam-subject.entity.js";
import { ExamSession } from "./exam-session.entity.js";
import { CreateExamSessionInput } from "./exam-session.inputs.js";
import { CONFIGURE_SESSIONS, ExamSessionService } from "./exam-session.service.js";

@Resolver(() => ExamSession)
export class ExamSessionResolver {
  private readonly sessions = new ExamSessionService();

  @Query(() => [ExamSession], {
    nullable: true,
    description: "本人所在省份的考次，最新的在前（考生为其注册考籍的省份；未登录时省份未知，返回空列表）",
  })
  @Rule(publicAccess("考次与报名时间是公开信息；未登录者省份未知，只得到空列表"))
  examSessions(@Ctx() ctx: RegistryContext): Promise<ExamSession[]> {
    return this.sessions.list(ctx);
  }

  @Query(() => ExamSession, { nullable: true, description: "本人所在省份的一个考次（其他省份的考次视为不存在）" })
  @Rule(publicAccess("考次是公开信息；只返回本人所在省份的考次"))
  examSession(@Arg("id", () => ID) id: string, @Ctx() ctx: RegistryContext): Promise<ExamSession> {
    return this.sessions.get(ctx, id);
  }

  @Mutation(() => ExamSession, { description: "新建考次（仅本省的省级考试院）" })
  @Rule(requiresRole(CONFIGURE_SESSIONS))
  createExamSession(@Arg("input", () => CreateExamSessionInput) input: CreateExamSessionInput, @Ctx() ctx: RegistryContext): Promise<ExamSession> {
    return this.sessions.create(ctx, input);
  }

  @FieldResolver(() => [ExamSubject], { description: "本考次开考的科目（按本省科目目录顺序）" })
  subjects(@Root() session: ExamSession, @Ctx() ctx: RegistryContext): Promise<ExamSubject[]> {
    return this.sessions.subjectsOf(ctx, session);
  }

  @FieldResolver(() => Boolean, { description: "此刻是否在选课报名时间内（按服务器时间判断；截止时刻起不再受理）" })
  registrationOpen(@Root() session: ExamSession, @Ctx() ctx: RegistryContext): boolean {
    return session.isOpenAt(ctx.clock.now());
  }

  @FieldResolver(() => Boolean, { description: "成绩是否已公布（按服务器时间判断）" })
  scoresPublished(@Root() session: ExamSession, @Ctx() ctx: RegistryContext): boolean {
    return session.scoresPublishedAtOrBefore(ctx.clock.now());
  }
}
