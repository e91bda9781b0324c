import type { SubgraphContext } from "@xuekao/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { sessions, smsCodes } from "../../identity-services.js";
import { User } from "../user/user.entity.js";
import { ChangeMobileInput, ChangePasswordInput } from "./account.inputs.js";
import { AccountService } from "./account.service.js";

@Resolver()
export class AccountResolver {
  @Mutation(() => Boolean, { description: "修改密码：本设备保持登录，其他设备上的登录全部失效" })
  changePassword(@Arg("input", () => ChangePasswordInput) input: ChangePasswordInput, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return new AccountService(ctx.em, sessions(ctx), smsCodes(ctx)).changePassword(ctx.caller, input.currentPassword, input.newPassword);
  }

  @Mutation(() => User, { description: "更换绑定手机号（验证码发送至新手机号）" })
  changeMobile(@Arg("input", () => ChangeMobileInput) input: ChangeMobileInput, @Ctx() ctx: SubgraphContext): Promise<User> {
    return new AccountService(ctx.em, sessions(ctx), smsCodes(ctx)).changeMobile(ctx.caller, input.newMobile, input.smsCode);
  }
}
