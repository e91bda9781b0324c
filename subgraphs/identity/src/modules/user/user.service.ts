import type { FilterQuery } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { accessRule, AuthErrors, isUuid, Role, scopeFilter, scopeWhere } from "@xuekao/subgraph-kit";
import type { IdentityContext } from "../../identity-context.js";
import { Organization } from "../organization/organization.entity.js";
import { RoleBinding } from "../role-binding/role-binding.entity.js";
import { User } from "./user.entity.js";

export const MAX_USERS_PAGE = 200;

/**
 * Names are personal data: staff see the people bound inside their scope (a class teacher
 * the class, a county its schools and candidates, …), a candidate only themself, anonymous
 * callers and third-party systems nobody.
 */
export const READ_PEOPLE = accessRule("READ_PEOPLE", {
  roles: [
    Role.CANDIDATE_IN_SCHOOL,
    Role.CANDIDATE_SOCIAL,
    Role.CLASS_TEACHER,
    Role.SCHOOL_ADMIN,
    Role.SCHOOL_STAFF,
    Role.COUNTY_AGENCY,
    Role.LEAGUE_AGENCY,
    Role.PROVINCE_INSTITUTE,
    Role.CERTIFICATION_REVIEWER,
  ],
});

export class UserService {
  list(ctx: IdentityContext, limit: number): Promise<User[]> {
    return this.inScope(ctx, {}, Math.min(Math.max(limit, 1), MAX_USERS_PAGE));
  }

  /** One user, or null when there is none the caller may see (the same answer either way). */
  async findVisible(ctx: IdentityContext, id: string): Promise<User | null> {
    if (!isUuid(id)) return null;
    return (await this.inScope(ctx, { id }, 1))[0] ?? null;
  }

  /**
   * The users the caller may see among `ids`, in the order asked (null where not visible): what
   * entity references (`_entities`) resolve to, so a federated `candidate { displayName }` shows
   * a name only to someone whose scope holds that person. One query per batch.
   */
  async visibleByIds(ctx: IdentityContext, ids: readonly string[]): Promise<Array<User | null>> {
    const valid = ids.filter(isUuid);
    const visible = ctx.caller?.kind === "user" && valid.length > 0 ? await this.inScope(ctx, { id: { $in: valid } }, valid.length) : [];
    const byId = new Map(visible.map((user) => [user.id, user]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  /**
   * One query: users bound to an organisation inside the caller's subtrees (role_binding ⋈
   * organization.path as nested subqueries), or the caller themself. Never loads the bindings
   * into memory, so a province-wide scope of 10⁵ candidates costs the same round trip.
   */
  private async inScope(ctx: IdentityContext, where: FilterQuery<User>, limit: number): Promise<User[]> {
    // People are read by people: a third-party system is told to sign in as one (as before the rules).
    if (ctx.caller?.kind !== "user") throw AuthErrors.UNAUTHENTICATED();
    const filter = scopeFilter(ctx.caller, READ_PEOPLE);
    if (!filter) return [];
    const visible: FilterQuery<User>[] = [];
    if (filter.ownerUserId) visible.push({ id: filter.ownerUserId });
    if (filter.organizationPathPrefixes.length > 0) {
      // Both drivers (libsql, PostgreSQL) are SQL drivers; the kit opens no other kind.
      const em = ctx.em as SqlEntityManager;
      const organizations = em
        .createQueryBuilder(Organization, "o")
        .select("o.id")
        .where(scopeWhere({ organizationPathPrefixes: filter.organizationPathPrefixes }, { path: "o.path" }));
      const boundUsers = em
        .createQueryBuilder(RoleBinding, "rb")
        .select("rb.userId")
        .where({ organizationId: { $in: organizations.getKnexQuery() } });
      visible.push({ id: { $in: boundUsers.getKnexQuery() } } as unknown as FilterQuery<User>);
    }
    return ctx.em.find(User, { $and: [where, { $or: visible }] } as FilterQuery<User>, {
      orderBy: { username: "asc" },
      limit,
    });
  }
}
