import { DomainError } from "@xuekao/subgraph-kit";

export const ExamSessionErrors = {
  codeInvalid: () =>
    new DomainError("EXAM_SESSION_CODE_INVALID", "BAD_USER_INPUT", "考次代码须为 1 至 32 位字母、数字或连字符", { field: "code" }),
  nameInvalid: () =>
    new DomainError("EXAM_SESSION_NAME_INVALID", "BAD_USER_INPUT", "考次名称须为 2 至 40 个字，不含【】、网址或换行", { field: "name" }),
  provinceInvalid: () =>
    new DomainError("EXAM_SESSION_PROVINCE_INVALID", "BAD_USER_INPUT", "省级行政区划代码须为 2 位数字", { field: "provinceCode" }),
  windowInvalid: () =>
    new DomainError("EXAM_SESSION_WINDOW_INVALID", "BAD_USER_INPUT", "报名截止时间须晚于报名开始时间", {
      field: "registrationClosesAt",
    }),
  publicationBeforeRegistrationEnds: () =>
    new DomainError("EXAM_SESSION_PUBLICATION_INVALID", "BAD_USER_INPUT", "成绩公布时间须晚于报名截止时间", {
      field: "scoresPublishedAt",
    }),
  codeTaken: (code: string) =>
    new DomainError("EXAM_SESSION_CODE_TAKEN", "CONFLICT", `本省已有代码为 ${code} 的考次`, { field: "code" }),
};
