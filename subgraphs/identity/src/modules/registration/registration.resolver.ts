import type { SubgraphContext } from "@xuekao/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { sessions, smsCodes } from "../../identity-services.js";
import { AuthPayload } from "../session/session.types.js";
import { SessionErrors } from "../session/session.errors.js";
import { SmsPurpose } from "../sms-code/sms-challenge.entity.js";
import { RegisterCandidateInput, RequestSmsCodeInput, SmsCodeTicket } from "./registration.inputs.js";
import { RegistrationService } from "./registration.service.js";

@Resolver()
export class RegistrationResolver {
  @Mutation(() => SmsCodeTicket, { description: "向手机号发送 6 位验证码（5 分钟内有效，每分钟至多一次）" })
  requestSmsCode(@Arg("input", () => RequestSmsCodeInput) input: RequestSmsCodeInput, @Ctx() ctx: SubgraphContext): Promise<SmsCodeTicket> {
    // Changing a mobile is for a signed-in person; registration codes are open but rate-limited.
    if (input.purpose === SmsPurpose.CHANGE_MOBILE && ctx.caller?.kind !== "user") throw SessionErrors.notSignedIn();
    // For a change of mobile the code concerns the caller (their organisation places it in the delivery log).
    const requester = input.purpose === SmsPurpose.CHANGE_MOBILE && ctx.caller ? { userId: ctx.caller.subject, organizationPath: ctx.caller.roles[0]?.organizationPath ?? [] } : null;
    return smsCodes(ctx).request(input.mobile, input.purpose, requester);
  }

  @Mutation(() => AuthPayload, { description: "考生注册（绑定手机号），成功后直接登录" })
  registerCandidate(@Arg("input", () => RegisterCandidateInput) input: RegisterCandidateInput, @Ctx() ctx: SubgraphContext): Promise<AuthPayload> {
    return new RegistrationService(ctx.em, smsCodes(ctx), sessions(ctx)).register(input);
  }
}
