import { defineErrors } from "@xuekao/subgraph-kit";

/**
 * The mobile errors name `mobile` by default; a form whose field is called otherwise passes
 * `{ field: "newMobile" }` in the details.
 */
export const SmsCodeErrors = defineErrors("sms-code", {
  MOBILE_INVALID: { category: "BAD_USER_INPUT", field: "mobile", message: "请输入正确的 11 位手机号" },
  MOBILE_TAKEN: { category: "CONFLICT", field: "mobile", message: "该手机号已绑定其他账号" },
  /** Raise with `{ retryAt }` (ISO) in the details. */
  SMS_RESEND_TOO_SOON: { category: "BAD_USER_INPUT", field: "mobile", message: "验证码已发送，请稍后再重新获取" },
  SMS_RATE_LIMITED: { category: "BAD_USER_INPUT", field: "mobile", message: "该手机号今日获取验证码次数过多，请明天再试" },
  /** With `{ attemptsLeft }` the message counts down (and the details carry it); without, "get a new one". */
  SMS_CODE_INVALID: {
    category: "BAD_USER_INPUT",
    field: "smsCode",
    message: (params: { attemptsLeft?: number }) =>
      params.attemptsLeft === undefined ? "验证码不正确，请重新获取" : `验证码不正确，还可尝试 ${params.attemptsLeft} 次`,
  },
  SMS_CODE_EXPIRED: { category: "BAD_USER_INPUT", field: "smsCode", message: "验证码已过期，请重新获取" },
  SMS_CODE_TOO_MANY_ATTEMPTS: { category: "BAD_USER_INPUT", field: "smsCode", message: "验证码错误次数过多，请重新获取" },
});
