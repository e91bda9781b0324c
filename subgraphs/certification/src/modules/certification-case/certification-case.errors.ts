import { defineErrors } from "@xuekao/subgraph-kit";

/** Why a candidate may not apply (NOT_ELIGIBLE's `extensions.reasonCode`), in the words shown to them. */
export const NOT_ELIGIBLE_REASONS = {
  ALREADY_CERTIFIED: "您的外省合格考成绩已在本省认定，不能再次申请",
  TRANSFERRED_IN: "您的考籍已转入本省，请由就读学校为您办理成绩认定",
  SAT_EXAM_HERE: "您已在本省参加合格性考试，无需办理成绩认定",
  SCHOOL_FILES: "在校生的外省合格考成绩认定由就读学校办理，请联系学校",
} as const;
export type NotEligibleReason = keyof typeof NOT_ELIGIBLE_REASONS;

export const CertificationCaseErrors = defineErrors("certification-case", {
  CERTIFICATION_PROVINCE_INVALID: { category: "BAD_USER_INPUT", field: "originProvinceCode", message: "省级行政区划代码无效" },
  CERTIFICATION_SAME_PROVINCE: { category: "BAD_USER_INPUT", field: "originProvinceCode", message: "在本省参加的合格考成绩无需认定" },
  CERTIFICATION_CASE_ALREADY_OPEN: { category: "CONFLICT", message: "该考生已有待审核的成绩认定申请，请勿重复提交" },
  CERTIFICATION_CASE_NOT_FOUND: { category: "NOT_FOUND", message: "成绩认定申请不存在或不在您的管理范围内" },
  /** A token from before province codes travelled in it; a new login carries it. */
  CERTIFICATION_LOGIN_OUTDATED: { category: "UNAUTHENTICATED", message: "登录信息已更新，请重新登录" },
  NOT_ELIGIBLE: { category: "CONFLICT", message: (p: { reasonCode: NotEligibleReason }) => NOT_ELIGIBLE_REASONS[p.reasonCode] },
  KIND_NOT_OFFERED: { category: "CONFLICT", message: "本省未开办适用于您的成绩认定业务" },
  WINDOW_CLOSED: { category: "CONFLICT", message: "当前不在成绩认定申请受理时间内" },
  CERTIFICATION_SERVICE_CLOSED: { category: "CONFLICT", message: "成绩认定结果查询服务已关闭" },
  CERTIFICATION_STUDENT_NOT_FOUND: { category: "NOT_FOUND", field: "candidateId", message: "本校没有该学生的在校考籍" },
  CERTIFICATION_ORIGIN_FROZEN: {
    category: "CONFLICT",
    field: "originProvinceCode",
    message: "已提交过的申请不能更改成绩来源省份；如省份选错，请联系审核单位",
  },
  CERTIFICATION_CASE_LOCKED: { category: "CONFLICT", message: "申请已提交或已办结，不能再修改材料" },
  CERTIFICATION_EVIDENCE_SLOT_INVALID: { category: "BAD_USER_INPUT", field: "slot", message: "该类成绩认定不需要这项材料" },
  CERTIFICATION_EVIDENCE_MISSING: { category: "BAD_USER_INPUT", message: (p: { names: string }) => `请先上传：${p.names}` },
  CERTIFICATION_SELECTIVE_SCORE: { category: "BAD_USER_INPUT", field: "subjects", message: (p: { subjectName: string }) => `${p.subjectName}：只认定合格性考试成绩，选择性考试成绩不予认定` },
  CERTIFICATION_SUBJECT_INVALID: { category: "BAD_USER_INPUT", field: "subjects", message: (p: { reason: string }) => p.reason },
  CERTIFICATION_RULES_MISSING: { category: "CONFLICT", message: "本省尚未配置该来源省份的成绩认定规则，请先在认定规则中配置" },
  CERTIFICATION_SUBJECTS_MISSING: { category: "CONFLICT", message: "请先录入各科成绩及认定结论，再作出认定通过的决定" },
  CERTIFICATION_HOLDER_UNKNOWN: { category: "CONFLICT", message: "暂未获取到申请人的姓名，无法签发认定结果，请稍后重试" },
});
