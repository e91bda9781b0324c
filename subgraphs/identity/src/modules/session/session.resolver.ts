import type { SubgraphContext } from "@xuekao/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { sessions } from "../../identity-services.js";
import { AuthPayload, LoginInput } from "./session.types.js";

@Resolver()
export class SessionResolver {
  @Mutation(() => AuthPayload, { description: "用户名（或手机号）与密码登录；连续输错将暂时锁定账号" })
  login(@Arg("input", () => LoginInput) input: LoginInput, @Ctx() ctx: SubgraphContext): Promise<AuthPayload> {
    return sessions(ctx).login(input.username, input.password);
  }

  @Mutation(() => AuthPayload, { description: "用刷新令牌换发新的访问令牌和刷新令牌（刷新令牌仅可使用一次）" })
  refreshSession(@Arg("refreshToken", () => String) refreshToken: string, @Ctx() ctx: SubgraphContext): Promise<AuthPayload> {
    return sessions(ctx).refresh(refreshToken);
  }

  @Mutation(() => Boolean, { description: "退出登录：作废这次登录的全部刷新令牌" })
  logout(@Arg("refreshToken", () => String) refreshToken: string, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return sessions(ctx).logout(refreshToken);
  }
}
