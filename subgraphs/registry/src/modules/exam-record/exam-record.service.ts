import type { FilterQuery } from "@mikro-orm/core";
import { accessRule, Role, scopeFilter, scopeWhere } from "@xuekao/subgraph-kit";
import type { RegistryContext } from "../../registry-context.js";
import { ExamRecord } from "./exam-record.entity.js";

export const MAX_RECORDS_PAGE = 200;

/**
 * Who reads 考籍 records (docs/domain.md "Organisations and who sees what"): a candidate their own; a class teacher their
 * classes; the school; county, league and province their subtree; third parties with results:read.
 */
export const READ_RECORDS = accessRule("READ_RECORDS", {
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
});

export class ExamRecordService {
  /** Only the records inside the caller's scope (the declared rule already refused anonymity). */
  async list(ctx: RegistryContext, limit: number): Promise<ExamRecord[]> {
    const filter = scopeFilter(ctx.caller, READ_RECORDS);
    if (!filter) return [];
    return ctx.em.find(ExamRecord, scopeWhere(filter, { path: "organizationPath", owner: "candidateId" }) as FilterQuery<ExamRecord>, {
      orderBy: { recordNumber: "asc" },
      limit: Math.min(Math.max(limit, 1), MAX_RECORDS_PAGE),
    });
  }
}
