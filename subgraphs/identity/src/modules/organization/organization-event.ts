import type { EntityManager } from "@mikro-orm/core";
import { recordEvent } from "@xuekao/events";
import type { RequestContext } from "@xuekao/subgraph-kit";
import { OrganizationChanged } from "../../events.js";
import { Organization } from "./organization.entity.js";
import { pathIds } from "./organization.service.js";

/**
 * Records `identity.organization-changed` for `organization` in the context's unit of work (it
 * commits with the change): other subgraphs keep their own directory of organisations from it.
 * `provinceCode` is the official code of the province at the top of its path.
 */
export function recordOrganizationChanged(ctx: Pick<RequestContext, "events">, organization: Organization, provinceCode: string): void {
  const path = pathIds(organization);
  ctx.events.record(OrganizationChanged, payloadOf(organization, provinceCode), { organizationPath: path });
}

const payloadOf = (organization: Organization, provinceCode: string) => ({
  id: organization.id,
  parentId: organization.parentId,
  path: pathIds(organization),
  kind: organization.kind,
  code: organization.code,
  name: organization.name,
  provinceCode,
});

/**
 * Announces every organisation again, parents first, in one transaction of `em` (the operator
 * command `organizations announce`): for a deployment whose organisations were created before
 * other subgraphs kept a directory, or to repair one. Consumers keep the newest, so a repeat is
 * harmless. Returns how many were announced.
 */
export async function announceOrganizations(em: EntityManager, now: Date): Promise<number> {
  return em.transactional(async (tx) => {
    const organizations = await tx.find(Organization, {}, { orderBy: { path: "asc" } });
    const codeOf = new Map(organizations.map((organization) => [organization.id, organization.code]));
    const sorted = [...organizations].sort((a, b) => pathIds(a).length - pathIds(b).length);
    for (const organization of sorted) {
      const provinceCode = codeOf.get(pathIds(organization)[0]!);
      if (!provinceCode) continue; // a path whose province is gone: nothing sensible to announce
      recordEvent(tx, OrganizationChanged.create(payloadOf(organization, provinceCode), { producer: "identity", organizationPath: pathIds(organization), now }));
    }
    return sorted.length;
  });
}
