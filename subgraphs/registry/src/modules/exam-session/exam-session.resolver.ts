import type { SubgraphContext } from "@xuekao/subgraph-kit";
import { Arg, Ctx, Mutation, Query, Resolver } from "type-graphql";
import { ExamSession } from "./exam-session.entity.js";
import { CreateExamSessionInput } from "./exam-session.inputs.js";
import { ExamSessionService } from "./exam-session.service.js";

@Resolver(() => ExamSession)
export class ExamSessionResolver {
  @Query(() => [ExamSession], { nullable: true, description: "全部考次，最新的在前（考次与报名时间是公开信息，无需登录）" })
  examSessions(@Ctx() { em }: SubgraphContext): Promise<ExamSession[]> {
    return new ExamSessionService(em).list();
  }

  @Mutation(() => ExamSession, { description: "新建考次（仅本省的省级考试院）" })
  createExamSession(
    @Arg("input", () => CreateExamSessionInput) input: CreateExamSessionInput,
    @Ctx() { em, caller }: SubgraphContext,
  ): Promise<ExamSession> {
    return new ExamSessionService(em).create(caller, input);
  }
}
