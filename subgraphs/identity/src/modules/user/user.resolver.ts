import type { SubgraphContext } from "@xuekao/subgraph-kit";
import { Arg, Ctx, ID, Int, Query, Resolver } from "type-graphql";
import { User } from "./user.entity.js";
import { UserService } from "./user.service.js";

@Resolver(() => User)
export class UserResolver {
  @Query(() => [User], { nullable: true, description: "用户列表（按用户名排序，每页至多 200 条）" })
  users(@Arg("limit", () => Int, { defaultValue: 50 }) limit: number, @Ctx() { em }: SubgraphContext): Promise<User[]> {
    return new UserService(em).list(limit);
  }

  @Query(() => User, { nullable: true })
  user(@Arg("id", () => ID) id: string, @Ctx() { loaders }: SubgraphContext): Promise<User | null> {
    return loaders.load(User, id);
  }
}
