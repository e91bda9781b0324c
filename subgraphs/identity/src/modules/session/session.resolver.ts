import { publicAccess, Rule } from "@xuekao/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { IdentityContext } from "../../identity-context.js";
import { SessionService } from "./session.service.js";
import { AuthPayload, LoginInput } from "./session.types.js";

@Resolver()
export class SessionResolver {
  private readonly sessions = new SessionService();

  @Mutation(() => AuthPayload, { description: "用户名（或手机号）与密码登录；连续输错将暂时锁定账号" })
  @Rule(publicAccess("登录本身：凭用户名（或手机号）与密码"))
  login(@Arg("input", () => LoginInput) input: LoginInput, @Ctx() ctx: IdentityContext): Promise<AuthPayload> {
    return this.sessions.login(ctx, input.username, input.password);
  }

  @Mutation(() => AuthPayload, { description: "用刷新令牌换发新的访问令牌和刷新令牌（刷新令牌仅可使用一次）" })
  @Rule(publicAccess("刷新令牌本身即凭证：访问令牌过期后仍须能换发"))
  refreshSession(@Arg("refreshToken", () => String) refreshToken: string, @Ctx() ctx: IdentityContext): Promise<AuthPayload> {
    return this.sessions.refresh(ctx, refreshToken);
  }

  @Mutation(() => Boolean, { description: "退出登录：作废这次登录的全部刷新令牌" })
  @Rule(publicAccess("刷新令牌本身即凭证：访问令牌过期后仍须能退出"))
  logout(@Arg("refreshToken", () => String) refreshToken: string, @Ctx() ctx: IdentityContext): Promise<boolean> {
    return this.sessions.logout(ctx, refreshToken);
  }
}
