import type { SubgraphContext } from "@xuekao/subgraph-kit";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { User } from "./user.entity.js";
import { UserService } from "./user.service.js";

@Resolver(() => User)
export class UserResolver {
  @Query(() => [User], { nullable: true, description: "管理范围内的用户（按用户名排序，每页至多 200 条；需登录）" })
  users(@Arg("limit", () => Int, { defaultValue: 50 }) limit: number, @Ctx() { em, caller }: SubgraphContext): Promise<User[]> {
    return new UserService(em).list(caller, limit);
  }

  @Query(() => User, { nullable: true, description: "管理范围内的一位用户；不存在或无权查看时为 null" })
  user(@Arg("id", () => ID) id: string, @Ctx() { em, caller }: SubgraphContext): Promise<User | null> {
    return new UserService(em).findVisible(caller, id);
  }
}
