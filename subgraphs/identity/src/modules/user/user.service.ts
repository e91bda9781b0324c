import type { EntityManager, FilterQuery } from "@mikro-orm/core";
import { isUuid, Role, scopeFilter, scopeWhere, type AccessRule, type Caller } from "@xuekao/subgraph-kit";
import { Organization } from "../organization/organization.entity.js";
import { RoleBinding } from "../role-binding/role-binding.entity.js";
import { SessionErrors } from "../session/session.errors.js";
import { User } from "./user.entity.js";

export const MAX_USERS_PAGE = 200;

/**
 * Names are personal data: staff see the people bound inside their scope (a class teacher
 * the class, a county its schools and candidates, …), a candidate only themself, anonymous
 * callers and third-party systems nobody.
 */
export const READ_PEOPLE: AccessRule = {
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
};

export class UserService {
  constructor(private readonly em: EntityManager) {}

  list(caller: Caller | null, limit: number): Promise<User[]> {
    return this.inScope(caller, {}, Math.min(Math.max(limit, 1), MAX_USERS_PAGE));
  }

  /** One user, or null when there is none the caller may see (the same answer either way). */
  async findVisible(caller: Caller | null, id: string): Promise<User | null> {
    if (!isUuid(id)) return null;
    return (await this.inScope(caller, { id }, 1))[0] ?? null;
  }

  private async inScope(caller: Caller | null, where: FilterQuery<User>, limit: number): Promise<User[]> {
    if (caller?.kind !== "user") throw SessionErrors.notSignedIn();
    const filter = scopeFilter(caller, READ_PEOPLE);
    if (!filter) return [];
    const visibleIds = new Set<string>();
    if (filter.ownerUserId) visibleIds.add(filter.ownerUserId);
    if (filter.organizationPathPrefixes.length > 0) {
      const organizations = await this.em.find(
        Organization,
        scopeWhere({ organizationPathPrefixes: filter.organizationPathPrefixes }, { path: "path" }) as FilterQuery<Organization>,
        { fields: ["id"] },
      );
      const bindings = await this.em.find(
        RoleBinding,
        { organizationId: { $in: organizations.map((organization) => organization.id) } },
        { fields: ["userId"] },
      );
      for (const binding of bindings) visibleIds.add(binding.userId);
    }
    return this.em.find(User, { $and: [where, { id: { $in: [...visibleIds] } }] } as FilterQuery<User>, {
      orderBy: { username: "asc" },
      limit,
    });
  }
}
