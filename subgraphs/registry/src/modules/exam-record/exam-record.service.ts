import type { FilterQuery } from "@mikro-orm/core";
import { accessRule, clampPageSize, decodeCursor, isUuid, keysetAfter, keysetOrder, pageFrom, Role, scopeFilter, scopeWhere, type KeysetField, type Page } from "@xuekao/subgraph-kit";
import type { RegistryContext } from "../../registry-context.js";
import { ExamRecord, type ExamRecordStatus } from "./exam-record.entity.js";

const RECORD_ORDER: KeysetField[] = [
  { field: "recordNumber", direction: "asc" },
  { field: "id", direction: "asc" },
];

export interface ExamRecordFilter {
  /** Records under this organisation (a school, a class, a county…), inside the caller's scope. */
  organizationId?: string | null;
  status?: ExamRecordStatus | null;
  /** A record number, or its beginning. */
  recordNumberPrefix?: string | null;
}

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

  /**
   * A page of the records in the caller's scope, by record number, filtered in SQL: what a county
   * agency pages through among a province's 10⁵ records (one indexed query per page).
   */
  async page(ctx: RegistryContext, filter: ExamRecordFilter, options: { first?: number | null; after?: string | null }): Promise<Page<ExamRecord>> {
    const scope = scopeFilter(ctx.caller, READ_RECORDS);
    if (!scope) return { items: [], nextCursor: null };
    const where: FilterQuery<ExamRecord>[] = [scopeWhere(scope, { path: "organizationPath", owner: "candidateId" }) as FilterQuery<ExamRecord>];
    if (filter.organizationId) {
      if (!isUuid(filter.organizationId)) return { items: [], nextCursor: null };
      where.push({ $or: [{ schoolId: filter.organizationId }, { organizationPath: { $like: `%${filter.organizationId}%` } }] });
    }
    if (filter.status) where.push({ status: filter.status });
    const prefix = filter.recordNumberPrefix?.trim().toUpperCase();
    if (prefix) {
      if (!/^[A-Z0-9]{1,32}$/.test(prefix)) return { items: [], nextCursor: null };
      where.push({ recordNumber: { $like: `${prefix}%` } });
    }
    const size = clampPageSize(options.first);
    if (options.after) where.push(keysetAfter(RECORD_ORDER, decodeCursor(options.after, ["string", "uuid"])) as FilterQuery<ExamRecord>);
    const rows = await ctx.em.find(ExamRecord, { $and: where }, { orderBy: keysetOrder(RECORD_ORDER), limit: size + 1 });
    return pageFrom(rows, size, (row) => [row.recordNumber, row.id]);
  }
}
