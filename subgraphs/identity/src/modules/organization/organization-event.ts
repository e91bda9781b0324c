import type { RequestContext } from "@xuekao/subgraph-kit";
import { OrganizationChanged } from "../../events.js";
import type { Organization } from "./organization.entity.js";
import { pathIds } from "./organization.service.js";

/**
 * Records `identity.organization-changed` for `organization` in the context's unit of work (it
 * commits with the change): other subgraphs keep their own directory of organisations from it.
 * `provinceCode` is the official code of the province at the top of its path.
 */
export function recordOrganizationChanged(ctx: Pick<RequestContext, "events">, organization: Organization, provinceCode: string): void {
  const path = pathIds(organization);
  ctx.events.record(
    OrganizationChanged,
    {
      id: organization.id,
      parentId: organization.parentId,
      path,
      kind: organization.kind,
      code: organization.code,
      name: organization.name,
      provinceCode,
    },
    { organizationPath: path },
  );
}
