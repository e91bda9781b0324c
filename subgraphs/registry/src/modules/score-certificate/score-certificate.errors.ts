import { defineErrors } from "@xuekao/subgraph-kit";

export const ScoreCertificateErrors = defineErrors("score-certificate", {
  SCORE_CERTIFICATE_RECORD_NOT_FOUND: { category: "NOT_FOUND", field: "recordId", message: "考籍不存在或不在您的管理范围内" },
  SCORE_CERTIFICATE_NO_RESULTS: { category: "CONFLICT", message: "该考籍尚无已公布的合格性考试成绩，暂不能开具成绩证明" },
  SCORE_CERTIFICATE_PERSON_UNKNOWN: { category: "CONFLICT", message: "该考籍缺少考生姓名或身份证号，请先完善考籍信息" },
});
