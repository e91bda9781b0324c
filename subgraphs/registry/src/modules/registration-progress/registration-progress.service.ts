import { raw } from "@mikro-orm/core";
import type { QBFilterQuery, SqlEntityManager } from "@mikro-orm/knex";
import { scopeFilter, scopeWhere, splitPath } from "@xuekao/subgraph-kit";
import type { RegistryContext } from "../../registry-context.js";
import { ExamRecord, ExamRecordStatus } from "../exam-record/exam-record.entity.js";
import { DirectoryOrganization, DirectoryOrganizationKind } from "../organization-directory/directory-organization.entity.js";
import { PreRegistration, PreRegistrationStatus } from "../pre-registration/pre-registration.entity.js";
import { READ_PRE_REGISTRATIONS } from "../pre-registration/pre-registration.service.js";
import { RegistrationCounts, type RegistrationProgress, type RegistrationProgressRow } from "./registration-progress.types.js";

const COUNTED: Partial<Record<PreRegistrationStatus, keyof RegistrationCounts>> = {
  [PreRegistrationStatus.UNDER_REVIEW]: "underReview",
  [PreRegistrationStatus.RETURNED]: "returned",
  [PreRegistrationStatus.AWAITING_COLLECTION]: "awaitingCollection",
};

/**
 * How registration stands in the caller's jurisdiction, counted in SQL (GROUP BY; nothing per
 * candidate is loaded): per school for in-school candidates, per county of household
 * registration for social candidates. The rows are as many as the schools in scope, not the
 * candidates. Registered means a record exists (demo and migrated records have no pre-registration).
 */
export class RegistrationProgressService {
  async progress(ctx: RegistryContext): Promise<RegistrationProgress> {
    const filter = scopeFilter(ctx.caller, READ_PRE_REGISTRATIONS);
    const totals = new RegistrationCounts();
    if (!filter) return { totals, rows: [] };
    const em = ctx.em as SqlEntityManager;
    const inScope = scopeWhere(filter, { path: "organizationPath" });

    // Key: a school id (in-school), or "social:" + the county path (social candidates sit at their county).
    const counts = new Map<string, RegistrationCounts>();
    const add = (key: string, field: keyof RegistrationCounts, n: number) => {
      const row = counts.get(key) ?? new RegistrationCounts();
      row[field] += n;
      counts.set(key, row);
      totals[field] += n;
    };
    const keyOf = (schoolId: string | null, path: string) => (schoolId ? schoolId : `social:${path}`);

    const waiting = (await em
      .createQueryBuilder(PreRegistration)
      .select(["schoolId", "organizationPath", "status", raw("count(*) as n")])
      .where({ $and: [inScope, { status: { $in: Object.keys(COUNTED) } }] } as QBFilterQuery<PreRegistration>)
      .groupBy(["schoolId", "organizationPath", "status"])
      .execute("all")) as unknown as Array<{ schoolId: string | null; organizationPath: string; status: PreRegistrationStatus; n: number | string }>;
    for (const row of waiting) add(keyOf(row.schoolId, row.organizationPath), COUNTED[row.status]!, Number(row.n));

    const registered = (await em
      .createQueryBuilder(ExamRecord)
      .select(["schoolId", raw("case when school_id is null then organization_path else '' end as social_path"), raw("count(*) as n")])
      .where({ $and: [inScope, { status: ExamRecordStatus.REGISTERED }] } as QBFilterQuery<ExamRecord>)
      .groupBy(["schoolId", raw("case when school_id is null then organization_path else '' end")])
      .execute("all", false)) as unknown as Array<{ school_id: string | null; social_path: string; n: number | string }>;
    for (const row of registered) add(keyOf(row.school_id, row.social_path), "registered", Number(row.n));

    // Names and counties from the directory: one query for the organisations the rows name.
    const ids = [...counts.keys()].map((key) => (key.startsWith("social:") ? splitPath(key.slice(7)).at(-1)! : key));
    const organizations = await ctx.em.find(DirectoryOrganization, { id: { $in: ids } });
    const byId = new Map(organizations.map((organization) => [organization.id, organization]));
    const countyIds = organizations.flatMap((organization) => splitPath(organization.path));
    const counties = new Map(
      (await ctx.em.find(DirectoryOrganization, { id: { $in: [...new Set(countyIds)] }, kind: DirectoryOrganizationKind.COUNTY })).map((county) => [county.id, county]),
    );
    const countyOf = (organization: DirectoryOrganization) =>
      organization.kind === DirectoryOrganizationKind.COUNTY ? organization : (splitPath(organization.path).map((id) => counties.get(id)).find(Boolean) ?? null);

    const rows: Array<RegistrationProgressRow & { sortKey: string }> = [];
    for (const [key, row] of counts) {
      const social = key.startsWith("social:");
      const id = social ? splitPath(key.slice(7)).at(-1)! : key;
      const organization = byId.get(id);
      const county = organization ? countyOf(organization) : null;
      rows.push({
        organization: { id },
        name: organization?.name ?? id,
        code: organization?.code ?? "",
        countyName: county?.name ?? null,
        social,
        counts: row,
        sortKey: `${county?.code ?? ""}|${social ? 0 : 1}|${organization?.code ?? id}`,
      });
    }
    rows.sort((a, b) => (a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0));
    return { totals, rows: rows.map(({ sortKey: _sortKey, ...row }) => row) };
  }
}
