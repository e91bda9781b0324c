import { defineErrors } from "../errors.js";

export const WorkflowErrors = defineErrors("workflow", {
  /** Two deciders on one version: the second learns the application moved on and reloads it. */
  CONFLICT: { category: "CONFLICT", message: "该申请已被他人处理或已更新，请刷新后查看最新状态" },
  APPLICATION_NOT_FOUND: { category: "NOT_FOUND", message: "申请不存在或不在您的管理范围内" },
  APPLICATION_CLOSED: { category: "CONFLICT", message: "该申请已办结，不能再作处理" },
  NOT_RETURNED: { category: "CONFLICT", message: "只有被退回的申请才能修改后重新提交" },
  DECISION_NOT_ALLOWED: { category: "BAD_USER_INPUT", field: "decision", message: (step: string) => `“${step}”环节不能作此决定` },
  REASON_REQUIRED: { category: "BAD_USER_INPUT", field: "reason", message: "退回或不予通过须填写原因（2 至 500 个字）" },
  IDEMPOTENCY_KEY_INVALID: { category: "BAD_USER_INPUT", field: "idempotencyKey", message: "请求编号须为 8 至 80 位字母、数字或连字符" },
  IDEMPOTENCY_KEY_REUSED: { category: "CONFLICT", field: "idempotencyKey", message: "该请求编号已用于另一项操作，请勿重复使用" },
  NO_DEFINITION: { category: "CONFLICT", message: (kindName: string) => `本省尚未配置“${kindName}”的审核流程，请联系省级考试院` },
  ROUTE_INVALID: { category: "BAD_USER_INPUT", message: (step: string) => `无法确定“${step}”环节的审核单位` },
  DEFINITION_INVALID: { category: "BAD_USER_INPUT", field: "steps", message: (problem: string) => `审核流程配置有误：${problem}` },
  DEFINITION_KIND_UNKNOWN: { category: "BAD_USER_INPUT", field: "kind", message: "申请类别不存在" },
  DEFINITION_VERSION_CONFLICT: { category: "CONFLICT", field: "expectedVersion", message: "审核流程已被他人修改，请刷新后重新编辑" },
  PROVINCE_INVALID: { category: "BAD_USER_INPUT", field: "provinceCode", message: "省级行政区划代码无效" },
});
