import { publicAccess, requiresRole, Rule } from "@xuekao/subgraph-kit";
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import type { RegistryContext } from "../../registry-context.js";
import { ExamSession } from "./exam-session.entity.js";
import { CreateExamSessionInput } from "./exam-session.inputs.js";
import { CONFIGURE_SESSIONS, ExamSessionService } from "./exam-session.service.js";

@Resolver(() => ExamSession)
export class ExamSessionResolver {
  private readonly sessions = new ExamSessionService();

  @Query(() => [ExamSession], { nullable: true, description: "全部考次，最新的在前（考次与报名时间是公开信息，无需登录）" })
  @Rule(publicAccess("考次与报名时间是公开信息"))
  examSessions(@Ctx() ctx: RegistryContext): Promise<ExamSession[]> {
    return this.sessions.list(ctx);
  }

  @Mutation(() => ExamSession, { description: "新建考次（仅本省的省级考试院）" })
  @Rule(requiresRole(CONFIGURE_SESSIONS))
  createExamSession(@Arg("input", () => CreateExamSessionInput) input: CreateExamSessionInput, @Ctx() ctx: RegistryContext): Promise<ExamSession> {
    return this.sessions.create(ctx, input);
  }
}
