import { publicAccess, Rule } from "@xuekao/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { IdentityContext } from "../../identity-context.js";
import { AuthPayload } from "../session/session.types.js";
import { SmsCodeService } from "../sms-code/sms-code.service.js";
import { RegisterCandidateInput, RequestSmsCodeInput, SmsCodeTicket } from "./registration.inputs.js";
import { RegistrationService } from "./registration.service.js";

@Resolver()
export class RegistrationResolver {
  private readonly smsCodes = new SmsCodeService();
  private readonly registrations = new RegistrationService();

  @Mutation(() => SmsCodeTicket, { description: "向手机号发送 6 位验证码（5 分钟内有效，每分钟至多一次）" })
  @Rule(publicAccess("注册前尚无账号：注册验证码对所有人开放（限频）；更换手机号的验证码由服务要求本人登录"))
  requestSmsCode(@Arg("input", () => RequestSmsCodeInput) input: RequestSmsCodeInput, @Ctx() ctx: IdentityContext): Promise<SmsCodeTicket> {
    return this.smsCodes.request(ctx, input.mobile, input.purpose);
  }

  @Mutation(() => AuthPayload, { description: "考生注册（绑定手机号），成功后直接登录" })
  @Rule(publicAccess("考生自行注册：尚无账号，凭手机验证码"))
  registerCandidate(@Arg("input", () => RegisterCandidateInput) input: RegisterCandidateInput, @Ctx() ctx: IdentityContext): Promise<AuthPayload> {
    return this.registrations.register(ctx, input);
  }
}
