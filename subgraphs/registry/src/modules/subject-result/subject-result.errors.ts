import { defineErrors } from "@xuekao/subgraph-kit";

/** Refusals of a whole results import; problems of single rows are listed in the report instead. */
export const SubjectResultErrors = defineErrors("subject-result", {
  RESULT_FILE_INVALID: {
    category: "BAD_USER_INPUT",
    field: "contentBase64",
    message: "无法读取该文件：请上传按成绩导入模板填写的 .xlsx 文件",
  },
  RESULT_FILE_EMPTY: { category: "BAD_USER_INPUT", field: "contentBase64", message: "文件中没有成绩数据：请从第 2 行起每行填写一名考生一个科目的成绩" },
  RESULT_FILE_TOO_LARGE: {
    category: "BAD_USER_INPUT",
    field: "contentBase64",
    message: (params: { maxRows: number }) => `一个文件至多 ${params.maxRows} 行成绩，请拆分后分批导入`,
  },
  RESULT_IMPORT_TOO_EARLY: { category: "CONFLICT", field: "sessionId", message: "本考次选课报名截止后才能导入成绩" },
  RESULTS_ALREADY_PUBLISHED: { category: "CONFLICT", field: "sessionId", message: "本考次成绩已公布，不能再导入或修改成绩" },
});
