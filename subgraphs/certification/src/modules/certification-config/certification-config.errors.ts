import { defineErrors } from "@xuekao/subgraph-kit";

export const CertificationConfigErrors = defineErrors("certification-config", {
  CERTIFICATION_CONFIG_PROVINCE_INVALID: { category: "BAD_USER_INPUT", field: "provinceCode", message: "省级行政区划代码无效" },
  CERTIFICATION_SOURCE_PROVINCE_INVALID: { category: "BAD_USER_INPUT", field: "sourceProvinceCode", message: "来源省份代码无效，且不能与受理省份相同" },
  CERTIFICATION_WINDOW_KIND_INVALID: { category: "BAD_USER_INPUT", field: "kind", message: "该认定类别不按办理时间受理" },
  CERTIFICATION_WINDOW_NAME_INVALID: { category: "BAD_USER_INPUT", field: "name", message: "名称须为 2 至 40 个字" },
  CERTIFICATION_WINDOW_CLOSES_BEFORE_OPENING: { category: "BAD_USER_INPUT", field: "closesAt", message: "申请截止时间须晚于开始时间" },
  CERTIFICATION_WINDOW_VIEWABLE_BEFORE_CLOSING: { category: "BAD_USER_INPUT", field: "viewableUntil", message: "结果查看截止时间不得早于申请截止时间" },
  CERTIFICATION_WINDOW_NOT_FOUND: { category: "NOT_FOUND", field: "id", message: "未找到该办理时间" },
  CERTIFICATION_WINDOW_NAME_TAKEN: { category: "CONFLICT", field: "name", message: (params: { name: string }) => `已有名为“${params.name}”的办理时间` },
  CERTIFICATION_GRADES_INVALID: { category: "BAD_USER_INPUT", field: "grades", message: "等级须至少一个（至多 10 个），每个 1 至 16 个字，且不得重复" },
  CERTIFICATION_PASS_GRADE_INVALID: { category: "BAD_USER_INPUT", field: "passGrade", message: "合格等级须为所列等级之一；未列等级时不填" },
  CERTIFICATION_FULL_SCORE_INVALID: {
    category: "BAD_USER_INPUT",
    field: "fullScores",
    message: (params: { subjectCode: string }) => `${params.subjectCode} 的满分须为大于 0、不超过 1000 的数（至多两位小数），且每科只填一次`,
  },
  CERTIFICATION_SUBJECT_UNKNOWN: { category: "BAD_USER_INPUT", field: "fullScores", message: (params: { subjectCode: string }) => `科目代码 ${params.subjectCode} 不是可认定的科目` },
  CERTIFICATION_RULES_EMPTY: { category: "BAD_USER_INPUT", field: "grades", message: "请至少配置等级制度或一科满分" },
});
