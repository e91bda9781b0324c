import { defineErrors } from "@xuekao/subgraph-kit";

export const ExamSessionErrors = defineErrors("exam-session", {
  EXAM_SESSION_CODE_INVALID: { category: "BAD_USER_INPUT", field: "code", message: "考次代码须为 1 至 32 位字母、数字或连字符" },
  EXAM_SESSION_NAME_INVALID: { category: "BAD_USER_INPUT", field: "name", message: "考次名称须为 2 至 40 个字，不含【】、网址或换行" },
  EXAM_SESSION_PROVINCE_INVALID: { category: "BAD_USER_INPUT", field: "provinceCode", message: "省级行政区划代码须为 2 位数字" },
  EXAM_SESSION_WINDOW_INVALID: { category: "BAD_USER_INPUT", field: "registrationClosesAt", message: "报名截止时间须晚于报名开始时间" },
  EXAM_SESSION_PUBLICATION_INVALID: { category: "BAD_USER_INPUT", field: "scoresPublishedAt", message: "成绩公布时间须晚于报名截止时间" },
  EXAM_SESSION_SUBJECTS_INVALID: { category: "BAD_USER_INPUT", field: "subjectCodes", message: "请从本省科目目录中选择至少一个开考科目" },
  EXAM_SESSION_NOT_FOUND: { category: "NOT_FOUND", field: "sessionId", message: "未找到该考次" },
  EXAM_SESSION_CODE_TAKEN: { category: "CONFLICT", field: "code", message: (params: { code: string }) => `本省已有代码为 ${params.code} 的考次` },
});
