import { randomUUID } from "node:crypto";
import type { FilterQuery } from "@mikro-orm/core";
import { isOrganizationCode } from "@xuekao/rules";
import { accessRule, authorize, CANDIDATE_ROLES, flushUnique, isUuid, PATH_SEPARATOR, requireCaller, scopeWhere, splitPath, requireId, Role, textLength, type NamedAccessRule } from "@xuekao/subgraph-kit";
import type { IdentityContext } from "../../identity-context.js";
import { Organization, OrganizationKind } from "./organization.entity.js";
import { OrganizationErrors } from "./organization.errors.js";
import type { CreateOrganizationInput } from "./organization.inputs.js";
import { recordOrganizationChanged } from "./organization-event.js";

/**
 * Which kinds may stand directly above each kind. A county sits under a league in Inner
 * Mongolia and directly under the province in Beijing, which has no league level.
 */
export const ALLOWED_PARENT_KINDS: Record<OrganizationKind, readonly OrganizationKind[]> = {
  [OrganizationKind.PROVINCE]: [],
  [OrganizationKind.LEAGUE]: [OrganizationKind.PROVINCE],
  [OrganizationKind.COUNTY]: [OrganizationKind.LEAGUE, OrganizationKind.PROVINCE],
  [OrganizationKind.SCHOOL]: [OrganizationKind.COUNTY],
  [OrganizationKind.CLASS]: [OrganizationKind.SCHOOL],
};

/** The path of a new organisation: its parent's path, then its own id. */
export const organizationPath = (parent: Pick<Organization, "path"> | null, id: string) => (parent ? `${parent.path}${PATH_SEPARATOR}${id}` : id);

/** The stored path as the ids an access rule compares. */
export const pathIds = (organization: Pick<Organization, "path">): string[] => splitPath(organization.path);

/**
 * Who sets up organisations at all (the declared rule of `createOrganization`): the province
 * institute (agencies, schools) and school admins (classes). Which kind, and where, is
 * `CREATE_CHILD_OF`, checked against the parent's place in the tree.
 */
export const CREATE_ORGANIZATIONS = accessRule("CREATE_ORGANIZATIONS", { roles: [Role.PROVINCE_INSTITUTE, Role.SCHOOL_ADMIN] });

/** Who may create an organisation of each kind, checked against the parent's place in the tree. */
const CREATE_CHILD_OF: Record<OrganizationKind, NamedAccessRule> = {
  [OrganizationKind.PROVINCE]: accessRule("CREATE_PROVINCE", { roles: [] }),
  [OrganizationKind.LEAGUE]: accessRule("CREATE_LEAGUE", { roles: [Role.PROVINCE_INSTITUTE] }),
  [OrganizationKind.COUNTY]: accessRule("CREATE_COUNTY", { roles: [Role.PROVINCE_INSTITUTE] }),
  [OrganizationKind.SCHOOL]: accessRule("CREATE_SCHOOL", { roles: [Role.PROVINCE_INSTITUTE] }),
  [OrganizationKind.CLASS]: accessRule("CREATE_CLASS", { roles: [Role.SCHOOL_ADMIN] }),
};

export class OrganizationService {
  /** One level, one subtree (by the stored path: a prefix LIKE), or both; the whole country otherwise. */
  async list(ctx: IdentityContext, kind?: OrganizationKind, under?: string): Promise<Organization[]> {
    const where: FilterQuery<Organization>[] = [];
    if (kind) where.push({ kind });
    if (under !== undefined) {
      const root = isUuid(under) ? await ctx.em.findOne(Organization, { id: under }, { fields: ["path"] }) : null;
      if (!root) return [];
      where.push({ $or: [{ path: root.path }, { path: { $like: `${root.path}${PATH_SEPARATOR}%` } }] });
    }
    return ctx.em.find(Organization, { $and: where }, { orderBy: { code: "asc" } });
  }

  /**
   * The organisations inside the caller's jurisdiction: the subtrees of the organisations where
   * they hold a staff role (a county agency its county and schools, never another province's).
   * Candidates and third parties have none. One query; by code.
   */
  async jurisdiction(ctx: IdentityContext): Promise<Organization[]> {
    const caller = requireCaller(ctx.caller);
    const prefixes = caller.roles.filter((binding) => !CANDIDATE_ROLES.includes(binding.role) && binding.organizationPath.length > 0).map((binding) => binding.organizationPath);
    if (prefixes.length === 0) return [];
    return ctx.em.find(Organization, scopeWhere({ organizationPathPrefixes: prefixes }, { path: "path" }) as FilterQuery<Organization>, { orderBy: { code: "asc" } });
  }

  /**
   * The province institute sets up agencies and allocates schools inside its province; a school
   * admin sets up classes in the school. Provinces themselves are set up by the platform's
   * operators (seeded configuration), never through the API. Audited: `organization.created`.
   */
  async create(ctx: IdentityContext, input: CreateOrganizationInput): Promise<Organization> {
    const caller = requireCaller(ctx.caller);
    if (input.kind === OrganizationKind.PROVINCE) throw OrganizationErrors.FORBIDDEN();
    const code = input.code.trim();
    const name = input.name.trim();
    if (!isOrganizationCode(code)) throw OrganizationErrors.ORGANIZATION_CODE_INVALID();
    if (textLength(name) < 2 || textLength(name) > 100) throw OrganizationErrors.ORGANIZATION_NAME_INVALID();

    const allowedParents = ALLOWED_PARENT_KINDS[input.kind];
    let parent: Organization | null = null;
    if (input.parentId) {
      parent = await ctx.em.findOne(Organization, { id: requireId(input.parentId, "parentId") });
      if (!parent) throw OrganizationErrors.ORGANIZATION_PARENT_NOT_FOUND(undefined, { parentId: input.parentId });
    }
    if (parent) authorize(caller, CREATE_CHILD_OF[input.kind], { organizationPath: pathIds(parent) });
    if ((parent === null) !== (allowedParents.length === 0) || (parent && !allowedParents.includes(parent.kind))) {
      throw OrganizationErrors.ORGANIZATION_PARENT_KIND_INVALID({ allowed: allowedParents }, { kind: input.kind, allowed: allowedParents });
    }
    if (await ctx.em.count(Organization, { code })) throw OrganizationErrors.ORGANIZATION_CODE_TAKEN({ code });
    // Provinces are seeded, never created here: a new organisation always has one above it.
    const province = parent ? await ctx.em.findOne(Organization, { id: pathIds(parent)[0]! }, { fields: ["code"] }) : null;
    if (!province) throw OrganizationErrors.ORGANIZATION_PARENT_NOT_FOUND(undefined, { parentId: input.parentId });

    return ctx.transaction(async (tx) => {
      const id = randomUUID();
      const organization = tx.em.create(Organization, {
        id,
        code,
        name,
        kind: input.kind,
        parentId: parent?.id ?? null,
        path: organizationPath(parent, id),
        createdAt: tx.clock.now(),
      });
      await tx.audit.record({
        action: "organization.created",
        subject: { type: "Organization", id },
        organizationPath: pathIds(organization),
        // Not `code`: the kit's masking takes a bare `code` for an SMS code and hides it.
        after: { organizationCode: code, name, kind: input.kind, parentId: organization.parentId },
      });
      recordOrganizationChanged(tx, organization, province.code);
      await flushUnique(tx.em, () => OrganizationErrors.ORGANIZATION_CODE_TAKEN({ code }));
      return organization;
    });
  }
}
