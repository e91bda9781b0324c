import { DomainError } from "@xuekao/subgraph-kit";

export const CertificationCaseErrors = {
  provinceInvalid: (field: string) =>
    new DomainError("CERTIFICATION_PROVINCE_INVALID", "BAD_USER_INPUT", "省级行政区划代码无效", { field }),
  sameProvince: () =>
    new DomainError(
      "CERTIFICATION_SAME_PROVINCE",
      "BAD_USER_INPUT",
      "在本省参加的合格考成绩无需认定",
      { field: "originProvinceCode" },
    ),
  alreadyOpen: () =>
    new DomainError("CERTIFICATION_CASE_ALREADY_OPEN", "CONFLICT", "该考生已有待审核的成绩认定申请，请勿重复提交"),
  alreadyCertified: () =>
    new DomainError("CERTIFICATION_ALREADY_CERTIFIED", "CONFLICT", "该考生的外省成绩已认定，不能再次申请"),
};
