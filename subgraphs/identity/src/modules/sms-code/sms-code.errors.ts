import { DomainError } from "@xuekao/subgraph-kit";

const field = { field: "smsCode" };

export const SmsCodeErrors = {
  mobileInvalid: (fieldName = "mobile") =>
    new DomainError("MOBILE_INVALID", "BAD_USER_INPUT", "请输入正确的 11 位手机号", { field: fieldName }),
  mobileTaken: (fieldName = "mobile") =>
    new DomainError("MOBILE_TAKEN", "CONFLICT", "该手机号已绑定其他账号", { field: fieldName }),
  resendTooSoon: (retryAt: Date) =>
    new DomainError("SMS_RESEND_TOO_SOON", "BAD_USER_INPUT", "验证码已发送，请稍后再重新获取", { field: "mobile", retryAt: retryAt.toISOString() }),
  rateLimited: () =>
    new DomainError("SMS_RATE_LIMITED", "BAD_USER_INPUT", "该手机号今日获取验证码次数过多，请明天再试", { field: "mobile" }),
  codeInvalid: (attemptsLeft?: number) =>
    new DomainError(
      "SMS_CODE_INVALID",
      "BAD_USER_INPUT",
      attemptsLeft === undefined ? "验证码不正确，请重新获取" : `验证码不正确，还可尝试 ${attemptsLeft} 次`,
      { ...field, ...(attemptsLeft === undefined ? {} : { attemptsLeft }) },
    ),
  codeExpired: () => new DomainError("SMS_CODE_EXPIRED", "BAD_USER_INPUT", "验证码已过期，请重新获取", field),
  tooManyAttempts: () =>
    new DomainError("SMS_CODE_TOO_MANY_ATTEMPTS", "BAD_USER_INPUT", "验证码错误次数过多，请重新获取", field),
};
