import type { EntityManager } from "@mikro-orm/core";
import { flushUnique, requireId } from "@xuekao/subgraph-kit";
import { CertificationCase, CertificationCaseStatus } from "./certification-case.entity.js";
import { CertificationCaseErrors } from "./certification-case.errors.js";
import type { OpenCertificationCaseInput } from "./certification-case.inputs.js";
import { isProvinceCode } from "./province-codes.js";

export const MAX_CASES_PAGE = 200;

export const pendingKeyOf = (candidateId: string, certifyingProvinceCode: string) => `${candidateId}:${certifyingProvinceCode}`;

export class CertificationCaseService {
  constructor(private readonly em: EntityManager) {}

  list(limit: number): Promise<CertificationCase[]> {
    return this.em.find(
      CertificationCase,
      {},
      { orderBy: { submittedAt: "desc" }, limit: Math.min(Math.max(limit, 1), MAX_CASES_PAGE) },
    );
  }

  /** Candidates certified before may not apply again (BJEEA notice); one pending case at a time. */
  async open(input: OpenCertificationCaseInput): Promise<CertificationCase> {
    const candidateId = requireId(input.candidateId, "candidateId");
    if (!isProvinceCode(input.originProvinceCode)) throw CertificationCaseErrors.provinceInvalid("originProvinceCode");
    if (!isProvinceCode(input.certifyingProvinceCode)) throw CertificationCaseErrors.provinceInvalid("certifyingProvinceCode");
    if (input.originProvinceCode === input.certifyingProvinceCode) throw CertificationCaseErrors.sameProvince();

    const previous = await this.em.find(CertificationCase, {
      candidateId,
      certifyingProvinceCode: input.certifyingProvinceCode,
    });
    if (previous.some((item) => item.status === CertificationCaseStatus.APPROVED)) throw CertificationCaseErrors.alreadyCertified();
    if (previous.some((item) => item.status === CertificationCaseStatus.PENDING_REVIEW)) throw CertificationCaseErrors.alreadyOpen();

    const certificationCase = this.em.create(CertificationCase, {
      candidateId,
      originProvinceCode: input.originProvinceCode,
      certifyingProvinceCode: input.certifyingProvinceCode,
      status: CertificationCaseStatus.PENDING_REVIEW,
      pendingKey: pendingKeyOf(candidateId, input.certifyingProvinceCode),
      submittedAt: new Date(),
    });
    await flushUnique(this.em, () => CertificationCaseErrors.alreadyOpen());
    return certificationCase;
  }
}
