import { defineErrors } from "@xuekao/subgraph-kit";

/** Which filter value of the delivery log is wrong (one code, the field and message say which). */
export type DeliveryFilterProblem = "mobile" | "range";

const FILTER_PROBLEMS: Record<DeliveryFilterProblem, string> = {
  mobile: "手机号须为 11 位数字",
  range: "结束时间须晚于开始时间",
};

/** The input field each filter problem is about. */
export const FILTER_PROBLEM_FIELDS: Record<DeliveryFilterProblem, string> = { mobile: "mobile", range: "createdBefore" };

export const SmsDeliveryErrors = defineErrors("sms-delivery", {
  SMS_DELIVERY_NOT_FOUND: { category: "NOT_FOUND", message: "短信投递记录不存在" },
  SMS_DELIVERY_NOT_RETRYABLE: { category: "CONFLICT", message: "只有已放弃发送的短信才能重新发送" },
  SMS_DELIVERY_CODE_EXPIRED: { category: "CONFLICT", message: "验证码短信不重新发送：验证码已失效，请考生重新获取" },
  SMS_DELIVERY_FILTER_INVALID: { category: "BAD_USER_INPUT", message: (problem: DeliveryFilterProblem) => FILTER_PROBLEMS[problem] },
  /** A number the event carried that is not a mainland mobile: nothing is queued. */
  SMS_MOBILE_INVALID: { category: "BAD_USER_INPUT", field: "mobile", message: "手机号无效，无法发送短信" },
});

/** SMS_DELIVERY_FILTER_INVALID naming its field, as before the catalog (`extensions.field`). */
export const filterInvalid = (problem: DeliveryFilterProblem) => SmsDeliveryErrors.SMS_DELIVERY_FILTER_INVALID(problem, { field: FILTER_PROBLEM_FIELDS[problem] });
