import { inScopeOf, Rule } from "@xuekao/subgraph-kit";
import { Ctx, Query, Resolver } from "type-graphql";
import type { RegistryContext } from "../../registry-context.js";
import { READ_PRE_REGISTRATIONS } from "../pre-registration/pre-registration.service.js";
import { RegistrationProgressService } from "./registration-progress.service.js";
import { RegistrationProgress } from "./registration-progress.types.js";

@Resolver()
export class RegistrationProgressResolver {
  private readonly progress = new RegistrationProgressService();

  @Query(() => RegistrationProgress, { nullable: true, description: "本人管辖范围内的考籍注册进度：审核中、已退回、待采集、已注册（按学校、按旗县区社会考生）" })
  @Rule(inScopeOf(READ_PRE_REGISTRATIONS))
  registrationProgress(@Ctx() ctx: RegistryContext): Promise<RegistrationProgress> {
    return this.progress.progress(ctx);
  }
}
