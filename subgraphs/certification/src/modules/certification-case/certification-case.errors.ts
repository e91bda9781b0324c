import { defineErrors } from "@xuekao/subgraph-kit";

export const CertificationCaseErrors = defineErrors("certification-case", {
  CERTIFICATION_PROVINCE_INVALID: { category: "BAD_USER_INPUT", field: "originProvinceCode", message: "省级行政区划代码无效" },
  CERTIFICATION_SAME_PROVINCE: { category: "BAD_USER_INPUT", field: "originProvinceCode", message: "在本省参加的合格考成绩无需认定" },
  CERTIFICATION_CASE_ALREADY_OPEN: { category: "CONFLICT", message: "该考生已有待审核的成绩认定申请，请勿重复提交" },
  CERTIFICATION_ALREADY_CERTIFIED: { category: "CONFLICT", message: "该考生的外省成绩已认定，不能再次申请" },
  CERTIFICATION_CASE_NOT_FOUND: { category: "NOT_FOUND", message: "成绩认定申请不存在或不在您的管理范围内" },
  CERTIFICATION_CASE_CLOSED: { category: "CONFLICT", message: "该申请已办结，不能再上传材料" },
  /** A token from before province codes travelled in it; a new login carries it. */
  CERTIFICATION_LOGIN_OUTDATED: { category: "UNAUTHENTICATED", message: "登录信息已更新，请重新登录" },
});
