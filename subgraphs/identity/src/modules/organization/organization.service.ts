import { randomUUID } from "node:crypto";
import type { EntityManager, FilterQuery } from "@mikro-orm/core";
import { isOrganizationCode } from "@xuekao/rules";
import { type AccessRule, authorize, type Caller, DomainError, flushUnique, isUuid, requireCaller, requireId, Role, textLength } from "@xuekao/subgraph-kit";
import { Organization, OrganizationKind } from "./organization.entity.js";
import { OrganizationErrors } from "./organization.errors.js";
import type { CreateOrganizationInput } from "./organization.inputs.js";

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
export const organizationPath = (parent: Pick<Organization, "path"> | null, id: string) => (parent ? `${parent.path}/${id}` : id);

/** Who may create an organisation of each kind, checked against the parent's place in the tree. */
const CREATE_CHILD_OF: Record<OrganizationKind, AccessRule> = {
  [OrganizationKind.PROVINCE]: { roles: [] },
  [OrganizationKind.LEAGUE]: { roles: [Role.PROVINCE_INSTITUTE] },
  [OrganizationKind.COUNTY]: { roles: [Role.PROVINCE_INSTITUTE] },
  [OrganizationKind.SCHOOL]: { roles: [Role.PROVINCE_INSTITUTE] },
  [OrganizationKind.CLASS]: { roles: [Role.SCHOOL_ADMIN] },
};

export class OrganizationService {
  constructor(private readonly em: EntityManager) {}

  /** One level, one subtree (by the stored path: a prefix LIKE), or both; the whole country otherwise. */
  async list(kind?: OrganizationKind, under?: string): Promise<Organization[]> {
    const where: FilterQuery<Organization>[] = [];
    if (kind) where.push({ kind });
    if (under !== undefined) {
      const root = isUuid(under) ? await this.em.findOne(Organization, { id: under }, { fields: ["path"] }) : null;
      if (!root) return [];
      where.push({ $or: [{ path: root.path }, { path: { $like: `${root.path}/%` } }] });
    }
    return this.em.find(Organization, { $and: where }, { orderBy: { code: "asc" } });
  }

  findById(id: string): Promise<Organization | null> {
    return this.em.findOne(Organization, { id });
  }

  /**
   * The province institute sets up agencies and allocates schools inside its province; a school
   * admin sets up classes in the school. Provinces themselves are set up by the platform's
   * operators (seeded configuration), never through the API.
   */
  async create(caller: Caller | null, input: CreateOrganizationInput): Promise<Organization> {
    requireCaller(caller);
    if (input.kind === OrganizationKind.PROVINCE) {
      throw new DomainError("FORBIDDEN", "FORBIDDEN", "省级考试院由平台运维设立，不能在此新建");
    }
    const code = input.code.trim();
    const name = input.name.trim();
    if (!isOrganizationCode(code)) throw OrganizationErrors.codeInvalid();
    if (textLength(name) < 2 || textLength(name) > 100) throw OrganizationErrors.nameInvalid();

    const allowedParents = ALLOWED_PARENT_KINDS[input.kind];
    let parent: Organization | null = null;
    if (input.parentId) {
      parent = await this.em.findOne(Organization, { id: requireId(input.parentId, "parentId") });
      if (!parent) throw OrganizationErrors.parentNotFound(input.parentId);
    }
    if (parent) authorize(caller, CREATE_CHILD_OF[input.kind], { organizationPath: parent.path.split("/") });
    if ((parent === null) !== (allowedParents.length === 0) || (parent && !allowedParents.includes(parent.kind))) {
      throw OrganizationErrors.parentKindInvalid(input.kind, allowedParents);
    }
    if (await this.em.count(Organization, { code })) throw OrganizationErrors.codeTaken(code);

    const id = randomUUID();
    const organization = this.em.create(Organization, {
      id,
      code,
      name,
      kind: input.kind,
      parentId: parent?.id ?? null,
      path: organizationPath(parent, id),
      createdAt: new Date(),
    });
    await flushUnique(this.em, () => OrganizationErrors.codeTaken(code));
    return organization;
  }
}
