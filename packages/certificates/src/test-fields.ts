import type { CertificateFields } from "./fields.js";

/** A certificate's fields for tests and demo data (a made-up person, ID masked). */
export const sampleCertificateFields = (overrides: Partial<CertificateFields> = {}): CertificateFields => ({
  code: "7K3QD-XM2PA",
  kind: "CERTIFICATION_RESULT",
  title: "外省普通高中学业水平合格性考试成绩认定结果",
  issuerName: "北京教育考试院",
  provinceCode: "11",
  holderName: "张小明",
  idNumberMasked: "1304**********1234",
  recordNumber: "G110101200801011234",
  originProvinceName: "河北省",
  subjects: [
    { code: "MATHEMATICS", name: "数学", result: "合格", detail: "B 不低于合格等级 C，合格" },
    { code: "PHYSICS", name: "物理", result: "不合格", detail: "D 低于合格等级 C，不合格" },
  ],
  issuedAt: "2026-03-20T02:00:00.000Z",
  ...overrides,
});
