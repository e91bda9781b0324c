import { defineErrors } from "@xuekao/subgraph-kit";

export const CertificateErrors = defineErrors("certificate", {
  CERTIFICATE_CODE_INVALID: {
    category: "BAD_USER_INPUT",
    field: "code",
    message: (p: { reason: "LENGTH" | "CHARACTER" | "CHECK" }) =>
      p.reason === "CHECK"
        ? "验证码有误（校验位不符），请逐位核对证书上的验证码"
        : p.reason === "LENGTH"
          ? "验证码应为 10 位字母或数字，如 7K3QD-XM2PA"
          : "验证码只含数字和字母（不含 I、L、O、U），请核对后重新输入",
  },
  CERTIFICATE_NOT_FOUND: { category: "NOT_FOUND", field: "code", message: "证书不存在或不在您的管理范围内" },
  CERTIFICATE_ALREADY_REVOKED: { category: "CONFLICT", message: "该证书已撤销" },
  CERTIFICATE_REASON_INVALID: { category: "BAD_USER_INPUT", field: "reason", message: "撤销原因须为 2 至 200 个字" },
});
