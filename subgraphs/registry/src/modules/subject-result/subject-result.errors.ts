import { defineErrors } from "@xuekao/subgraph-kit";

/** Refusals of a results import as a whole; the problems of single rows are in the import's report. */
export const SubjectResultErrors = defineErrors("subject-result", {
  RESULT_IMPORT_TOO_EARLY: { category: "CONFLICT", field: "sessionId", message: "本考次选课报名截止后才能导入成绩" },
  RESULTS_ALREADY_PUBLISHED: { category: "CONFLICT", field: "sessionId", message: "本考次成绩已公布，不能再导入或修改成绩" },
});
