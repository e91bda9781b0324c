import { inScopeOf, Rule } from "@xuekao/subgraph-kit";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import type { IdentityContext } from "../../identity-context.js";
import { User } from "./user.entity.js";
import { READ_PEOPLE, UserService } from "./user.service.js";

@Resolver(() => User)
export class UserResolver {
  private readonly service = new UserService();

  @Query(() => [User], { nullable: true, description: "管理范围内的用户（按用户名排序，每页至多 200 条；需登录）" })
  @Rule(inScopeOf(READ_PEOPLE))
  users(@Arg("limit", () => Int, { defaultValue: 50 }) limit: number, @Ctx() ctx: IdentityContext): Promise<User[]> {
    return this.service.list(ctx, limit);
  }

  @Query(() => User, { nullable: true, description: "管理范围内的一位用户；不存在或无权查看时为 null" })
  @Rule(inScopeOf(READ_PEOPLE))
  user(@Arg("id", () => ID) id: string, @Ctx() ctx: IdentityContext): Promise<User | null> {
    return this.service.findVisible(ctx, id);
  }
}
