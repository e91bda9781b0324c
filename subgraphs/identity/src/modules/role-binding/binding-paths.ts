import { FlushMode, type EntityManager } from "@mikro-orm/core";
import { splitPath, type Role } from "@xuekao/subgraph-kit";
import { Organization } from "../organization/organization.entity.js";
import { RoleBinding } from "./role-binding.entity.js";

export interface PlacedBinding {
  role: Role;
  organizationId: string;
  /** Organisation ids, province first, ending with organizationId. */
  path: string[];
  /** Official code of the province at the head of the path (15, 11, …). */
  provinceCode: string | null;
}

/**
 * Where each binding sits: its organisation path and province code, with two queries whatever
 * the number of bindings. What the access token and the contact event both carry. Bindings to
 * an organisation that no longer exists are left out.
 */
export async function placeBindings(em: EntityManager, bindings: readonly Pick<RoleBinding, "role" | "organizationId">[]): Promise<PlacedBinding[]> {
  if (bindings.length === 0) return [];
  // COMMIT: callers may have pending changes that must flush together with their own event.
  const organizations = await em.find(
    Organization,
    { id: { $in: [...new Set(bindings.map((binding) => binding.organizationId))] } },
    { flushMode: FlushMode.COMMIT },
  );
  const pathOf = new Map(organizations.map((organization) => [organization.id, splitPath(organization.path)]));
  const provinceIds = [...new Set([...pathOf.values()].map((path) => path[0]!))];
  const provinces = await em.find(Organization, { id: { $in: provinceIds } }, { fields: ["id", "code"], flushMode: FlushMode.COMMIT });
  const provinceCodeOf = new Map(provinces.map((province) => [province.id, province.code]));
  return bindings
    .filter((binding) => pathOf.has(binding.organizationId))
    .map((binding) => {
      const path = pathOf.get(binding.organizationId)!;
      return { role: binding.role, organizationId: binding.organizationId, path, provinceCode: provinceCodeOf.get(path[0]!) ?? null };
    });
}

/**
 * Where a person sits, for an audit entry about them: the path of their oldest binding whose
 * organisation exists (a person's first role is where they were set up), or [] when none does.
 */
export async function placeOfPerson(em: EntityManager, userId: string): Promise<string[]> {
  const bindings = await em.find(RoleBinding, { userId }, { orderBy: { createdAt: "asc" }, flushMode: FlushMode.COMMIT });
  return (await placeBindings(em, bindings))[0]?.path ?? [];
}
