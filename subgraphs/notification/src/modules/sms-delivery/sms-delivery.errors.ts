import { DomainError } from "@xuekao/subgraph-kit";

export const SmsDeliveryErrors = {
  notFound: (id: string) => new DomainError("SMS_DELIVERY_NOT_FOUND", "NOT_FOUND", "短信投递记录不存在", { id }),
  notDead: (id: string) =>
    new DomainError("SMS_DELIVERY_NOT_RETRYABLE", "CONFLICT", "只有已放弃发送的短信才能重新发送", { id }),
  codeExpired: (id: string) =>
    new DomainError("SMS_DELIVERY_CODE_EXPIRED", "CONFLICT", "验证码短信不重新发送：验证码已失效，请考生重新获取", { id }),
  mobileInvalid: () =>
    new DomainError("SMS_DELIVERY_FILTER_INVALID", "BAD_USER_INPUT", "手机号须为 11 位数字", { field: "mobile" }),
  rangeInvalid: () =>
    new DomainError("SMS_DELIVERY_FILTER_INVALID", "BAD_USER_INPUT", "结束时间须晚于开始时间", { field: "createdBefore" }),
};
