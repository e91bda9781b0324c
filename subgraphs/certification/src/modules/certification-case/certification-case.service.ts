import type { EntityManager, FilterQuery } from "@mikro-orm/core";
import { type AccessRule, authorize, type Caller, CANDIDATE_ROLES, DomainError, flushUnique, PATH_SEPARATOR, requireCaller, Role, scopeFilter, scopeWhere } from "@xuekao/subgraph-kit";
import { recordEvent } from "@xuekao/events";
import { CertificationCaseSubmitted } from "../../events.js";
import { CertificationCase, CertificationCaseStatus } from "./certification-case.entity.js";
import { CertificationCaseErrors } from "./certification-case.errors.js";
import type { OpenCertificationCaseInput } from "./certification-case.inputs.js";
import { isProvinceCode } from "./province-codes.js";

export const MAX_CASES_PAGE = 200;

export const pendingKeyOf = (candidateId: string, certifyingProvinceCode: string) => `${candidateId}:${certifyingProvinceCode}`;

/** A candidate applies for themself only; the school flow (school uploads for a student) comes with the certification issue. */
export const OPEN_CASES: AccessRule = { roles: [Role.CANDIDATE_IN_SCHOOL, Role.CANDIDATE_SOCIAL] };

/**
 * Who reads cases: the candidate their own; the agencies on the approval chain (county →
 * league/city → province, docs/domain.md "Arriving from another province") and the province's
 * reviewers their subtree; third parties with results:read (certified results are results).
 */
export const READ_CASES: AccessRule = {
  roles: [
    Role.CANDIDATE_IN_SCHOOL,
    Role.CANDIDATE_SOCIAL,
    Role.COUNTY_AGENCY,
    Role.LEAGUE_AGENCY,
    Role.PROVINCE_INSTITUTE,
    Role.CERTIFICATION_REVIEWER,
    Role.THIRD_PARTY_CLIENT,
  ],
  scopes: ["results:read"],
};

export class CertificationCaseService {
  constructor(private readonly em: EntityManager) {}

  /** Only the cases inside the caller's scope; none is not an error, anonymity is. */
  async list(caller: Caller | null, limit: number): Promise<CertificationCase[]> {
    requireCaller(caller);
    const filter = scopeFilter(caller, READ_CASES);
    if (!filter) return [];
    return this.em.find(
      CertificationCase,
      scopeWhere(filter, { path: "organizationPath", owner: "candidateId" }) as FilterQuery<CertificationCase>,
      { orderBy: { submittedAt: "desc" }, limit: Math.min(Math.max(limit, 1), MAX_CASES_PAGE) },
    );
  }

  /**
   * The caller applies to the province they are registered in as a candidate (Beijing: a social
   * candidate registered with the district of household registration). Candidates certified
   * before may not apply again (BJEEA notice); one pending case at a time.
   */
  async open(caller: Caller | null, input: OpenCertificationCaseInput): Promise<CertificationCase> {
    const binding = caller?.roles.find((role) => CANDIDATE_ROLES.includes(role.role));
    authorize(caller, OPEN_CASES, { organizationPath: binding?.organizationPath ?? [], ownerUserId: caller?.subject ?? "" });
    const candidateId = caller!.subject;
    const certifyingProvinceCode = binding!.provinceCode;
    // Tokens issued before province codes travelled in them; a new login carries it.
    if (!certifyingProvinceCode) throw new DomainError("UNAUTHENTICATED", "UNAUTHENTICATED", "登录信息已更新，请重新登录");
    if (!isProvinceCode(input.originProvinceCode)) throw CertificationCaseErrors.provinceInvalid("originProvinceCode");
    if (input.originProvinceCode === certifyingProvinceCode) throw CertificationCaseErrors.sameProvince();

    const previous = await this.em.find(CertificationCase, { candidateId, certifyingProvinceCode });
    if (previous.some((item) => item.status === CertificationCaseStatus.APPROVED)) throw CertificationCaseErrors.alreadyCertified();
    if (previous.some((item) => item.status === CertificationCaseStatus.PENDING_REVIEW)) throw CertificationCaseErrors.alreadyOpen();

    const certificationCase = this.em.create(CertificationCase, {
      candidateId,
      organizationPath: binding!.organizationPath.join(PATH_SEPARATOR),
      originProvinceCode: input.originProvinceCode,
      certifyingProvinceCode,
      status: CertificationCaseStatus.PENDING_REVIEW,
      pendingKey: pendingKeyOf(candidateId, certifyingProvinceCode),
      submittedAt: new Date(),
    });
    recordEvent(
      this.em,
      CertificationCaseSubmitted.create(
        {
          caseId: certificationCase.id,
          candidateId,
          originProvinceCode: certificationCase.originProvinceCode,
          certifyingProvinceCode,
          submittedAt: certificationCase.submittedAt.toISOString(),
        },
        { producer: "certification", organizationPath: binding!.organizationPath },
      ),
    );
    await flushUnique(this.em, () => CertificationCaseErrors.alreadyOpen());
    return certificationCase;
  }
}
