import { Rule, signedIn } from "@xuekao/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { IdentityContext } from "../../identity-context.js";
import { User } from "../user/user.entity.js";
import { ChangeMobileInput, ChangePasswordInput } from "./account.inputs.js";
import { AccountService } from "./account.service.js";

@Resolver()
export class AccountResolver {
  private readonly accounts = new AccountService();

  @Mutation(() => Boolean, { description: "修改密码：本设备保持登录，其他设备上的登录全部失效" })
  @Rule(signedIn("本人修改本人的密码（须先修改初始密码时正是为此）"))
  changePassword(@Arg("input", () => ChangePasswordInput) input: ChangePasswordInput, @Ctx() ctx: IdentityContext): Promise<boolean> {
    return this.accounts.changePassword(ctx, input.currentPassword, input.newPassword);
  }

  @Mutation(() => User, { description: "更换绑定手机号（验证码发送至新手机号）" })
  @Rule(signedIn("本人更换本人的手机号，凭发送到新号码的验证码"))
  changeMobile(@Arg("input", () => ChangeMobileInput) input: ChangeMobileInput, @Ctx() ctx: IdentityContext): Promise<User> {
    return this.accounts.changeMobile(ctx, input.newMobile, input.smsCode);
  }
}
