import type { FilterQuery } from "@mikro-orm/core";
import { clampPageSize, decodeCursor, keysetAfter, keysetOrder, pageFrom, PATH_SEPARATOR, requireCaller, splitPath, type KeysetField, type Page, type RequestContext } from "@xuekao/subgraph-kit";
import { DirectoryOrganization, DirectoryOrganizationKind } from "./directory-organization.entity.js";

/** An organisation as identity announced it (`identity.organization-changed`), as of `asOf`. */
export interface DirectoryUpdate {
  id: string;
  parentId: string | null;
  path: readonly string[];
  kind: DirectoryOrganizationKind | `${DirectoryOrganizationKind}`;
  code: string;
  name: string;
  provinceCode: string;
  asOf: Date;
}

const SCHOOL_ORDER: KeysetField[] = [
  { field: "code", direction: "asc" },
  { field: "id", direction: "asc" },
];

/** At most this many characters of a search are used (a school name is shorter). */
const MAX_SEARCH_LENGTH = 50;

/**
 * `%`, `_` and `\` are dropped from a search: SQLite's LIKE has no default escape character, and
 * no school's name or code contains them.
 */
const likeLiteral = (text: string) => text.replace(/[\\%_]/g, "");

/**
 * Registry's directory of organisations: what identity announced, kept in registry's own table
 * (docs/architecture.md "Ownership"). Other modules ask it which class a code names, which
 * county a school lies in, and which schools a province has; none reads identity's tables.
 */
export class OrganizationDirectoryService {
  get(ctx: RequestContext, id: string): Promise<DirectoryOrganization | null> {
    return ctx.em.findOne(DirectoryOrganization, { id });
  }

  /** The organisation with this official code in the province (codes are unique nationally; the province guards against a foreign one). */
  findByCode(ctx: RequestContext, provinceCode: string, code: string): Promise<DirectoryOrganization | null> {
    return ctx.em.findOne(DirectoryOrganization, { provinceCode, code });
  }

  /** The organisations directly below `parentId` (of one kind, when given), by code. */
  childrenOf(ctx: RequestContext, parentId: string, kind?: DirectoryOrganizationKind): Promise<DirectoryOrganization[]> {
    return ctx.em.find(DirectoryOrganization, { parentId, ...(kind ? { kind } : {}) }, { orderBy: { code: "asc", id: "asc" } });
  }

  /** The COUNTY on the organisation's path (a school's or class's county; a county itself), or null above county level. */
  async countyOf(ctx: RequestContext, organization: Pick<DirectoryOrganization, "path">): Promise<DirectoryOrganization | null> {
    const ids = splitPath(organization.path);
    if (ids.length === 0) return null;
    return ctx.em.findOne(DirectoryOrganization, { id: { $in: ids }, kind: DirectoryOrganizationKind.COUNTY });
  }

  /**
   * The schools of the caller's province(s) (by their role bindings), by code, a page at a time,
   * optionally those whose name contains or whose code starts with `search`.
   */
  async schools(ctx: RequestContext, query: { search?: string | null; first?: number | null; after?: string | null }): Promise<Page<DirectoryOrganization>> {
    const caller = requireCaller(ctx.caller);
    const provinceCodes = [...new Set(caller.roles.flatMap((binding) => (binding.provinceCode ? [binding.provinceCode] : [])))];
    if (provinceCodes.length === 0) return { items: [], nextCursor: null };
    const size = clampPageSize(query.first);
    const where: FilterQuery<DirectoryOrganization>[] = [{ kind: DirectoryOrganizationKind.SCHOOL, provinceCode: { $in: provinceCodes } }];
    const search = likeLiteral([...(query.search ?? "").trim()].slice(0, MAX_SEARCH_LENGTH).join(""));
    if (search) where.push({ $or: [{ name: { $like: `%${search}%` } }, { code: { $like: `${search}%` } }] });
    if (query.after) where.push(keysetAfter(SCHOOL_ORDER, decodeCursor(query.after, ["string", "uuid"])) as FilterQuery<DirectoryOrganization>);
    const rows = await ctx.em.find(DirectoryOrganization, { $and: where }, { orderBy: keysetOrder(SCHOOL_ORDER), limit: size + 1 });
    return pageFrom(rows, size, (row) => [row.code, row.id]);
  }

  /**
   * Keeps the newest state of an organisation (events may arrive out of order after a
   * redelivery): an update older than the stored row changes nothing.
   */
  async apply(ctx: RequestContext, update: DirectoryUpdate): Promise<void> {
    const existing = await ctx.em.findOne(DirectoryOrganization, { id: update.id });
    if (existing && existing.asOf > update.asOf) return;
    const fields = {
      parentId: update.parentId,
      path: update.path.join(PATH_SEPARATOR),
      kind: update.kind as DirectoryOrganizationKind,
      code: update.code,
      name: update.name,
      provinceCode: update.provinceCode,
      asOf: update.asOf,
    };
    if (existing) Object.assign(existing, fields);
    else ctx.em.create(DirectoryOrganization, { id: update.id, ...fields });
  }
}
