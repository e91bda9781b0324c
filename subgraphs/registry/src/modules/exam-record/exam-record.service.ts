import type { EntityManager, FilterQuery } from "@mikro-orm/core";
import { type AccessRule, type Caller, requireCaller, Role, scopeFilter, scopeWhere } from "@xuekao/subgraph-kit";
import { ExamRecord } from "./exam-record.entity.js";

export const MAX_RECORDS_PAGE = 200;

/**
 * Who reads 考籍 records (docs/domain.md "Organisations and who sees what"): a candidate their own; a class teacher their
 * classes; the school; county, league and province their subtree; third parties with results:read.
 */
export const READ_RECORDS: AccessRule = {
  roles: [
    Role.CANDIDATE_IN_SCHOOL,
    Role.CANDIDATE_SOCIAL,
    Role.CLASS_TEACHER,
    Role.SCHOOL_ADMIN,
    Role.SCHOOL_STAFF,
    Role.COUNTY_AGENCY,
    Role.LEAGUE_AGENCY,
    Role.PROVINCE_INSTITUTE,
    Role.THIRD_PARTY_CLIENT,
  ],
  scopes: ["results:read"],
};

export class ExamRecordService {
  constructor(private readonly em: EntityManager) {}

  /** Only the records inside the caller's scope; none is not an error, anonymity is. */
  async list(caller: Caller | null, limit: number): Promise<ExamRecord[]> {
    requireCaller(caller);
    const filter = scopeFilter(caller, READ_RECORDS);
    if (!filter) return [];
    return this.em.find(ExamRecord, scopeWhere(filter, { path: "organizationPath", owner: "candidateId" }) as FilterQuery<ExamRecord>, {
      orderBy: { recordNumber: "asc" },
      limit: Math.min(Math.max(limit, 1), MAX_RECORDS_PAGE),
    });
  }
}
