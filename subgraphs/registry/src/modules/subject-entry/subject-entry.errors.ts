import { defineErrors } from "@xuekao/subgraph-kit";

export const SubjectEntryErrors = defineErrors("subject-entry", {
  EXAM_RECORD_NOT_FOUND: { category: "NOT_FOUND", message: "未找到您的考籍：考籍注册完成后才能选课报名" },
  RECORD_NOT_REGISTERED: { category: "CONFLICT", message: "您的考籍当前不是已注册状态（如休籍），不能选课报名" },
  WINDOW_NOT_OPEN: { category: "CONFLICT", field: "sessionId", message: "本考次选课报名尚未开始" },
  WINDOW_CLOSED: { category: "CONFLICT", field: "sessionId", message: "本考次选课报名已截止" },
  SUBJECTS_REQUIRED: { category: "BAD_USER_INPUT", field: "subjectCodes", message: "请至少选择一个科目" },
  SUBJECT_NOT_OFFERED: {
    category: "BAD_USER_INPUT",
    field: "subjectCodes",
    message: (params: { subject: string }) => `本考次未开考该科目：${params.subject}`,
  },
  SUBJECT_ALREADY_PASSED: {
    category: "CONFLICT",
    field: "subjectCodes",
    // A subject certified as passed (transfer-in from another province) counts as passed here.
    message: (params: { subject: string; certified?: boolean }) =>
      params.certified ? `您的${params.subject}已认定合格（外省成绩转入认定），无需再次报考` : `您的${params.subject}已合格，无需再次报考`,
  },
  SITTING_TOO_EARLY: {
    category: "CONFLICT",
    field: "sessionId",
    message: "在校考生最早于高一下学期末参加合格考，本考次报名截止时您尚在高一上学期，不能报考",
  },
  YEAR_ONE_LIMIT: {
    category: "CONFLICT",
    field: "subjectCodes",
    message: (params: { limit: number; already: number }) => `高一年级最多报考 ${params.limit} 个科目，您在高一已报考 ${params.already} 个`,
  },
});
