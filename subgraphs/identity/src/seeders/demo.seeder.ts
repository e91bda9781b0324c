import { Role } from "@xuekao/subgraph-kit";
import { DEMO_CLIENT, DEMO_PASSWORD, demoOrganizations, demoUsers } from "@xuekao/demo-data";
import type { IdentityContext } from "../identity-context.js";
import { ApiClient } from "../modules/api-client/api-client.entity.js";
import { hashPassword } from "../modules/credential/password.js";
import { RoleBinding } from "../modules/role-binding/role-binding.entity.js";
import { Organization, OrganizationKind } from "../modules/organization/organization.entity.js";
import { recordOrganizationChanged } from "../modules/organization/organization-event.js";
import { User } from "../modules/user/user.entity.js";

/**
 * Idempotent: inserts the demo organisations and people that are not there yet (development
 * only), dated by the context's clock. Configuration, not decisions: no audit entries; each new
 * organisation is announced (`identity.organization-changed`) as if created through the API.
 */
export async function seedIdentityDemo(ctx: IdentityContext): Promise<void> {
  const { em, clock } = ctx;
  const now = clock.now();
  const existingOrganizations = new Set((await em.find(Organization, {}, { fields: ["id"] })).map((row) => row.id));
  const pathOf = new Map<string, string>();
  const provinceCodeOf = new Map<string, string>();
  for (const organization of demoOrganizations) {
    // Parents come first in the demo list, so a parent's path is known before its children's.
    const path = organization.parentId ? `${pathOf.get(organization.parentId)}/${organization.id}` : organization.id;
    pathOf.set(organization.id, path);
    const provinceCode = organization.parentId ? provinceCodeOf.get(organization.parentId)! : organization.code;
    provinceCodeOf.set(organization.id, provinceCode);
    if (existingOrganizations.has(organization.id)) continue;
    const created = em.create(Organization, {
      id: organization.id,
      code: organization.code,
      name: organization.name,
      kind: organization.kind as OrganizationKind,
      parentId: organization.parentId,
      path,
      createdAt: now,
    });
    // Announced like one created through the API, so other subgraphs' directories know it.
    recordOrganizationChanged(ctx, created, provinceCode);
  }
  const existingUsers = new Set((await em.find(User, {}, { fields: ["id"] })).map((row) => row.id));
  const passwordHash = await hashPassword(DEMO_PASSWORD); // one hash for all: seeding 39 scrypt hashes would take seconds
  for (const user of demoUsers) {
    if (existingUsers.has(user.id)) continue;
    em.create(User, {
      id: user.id,
      username: user.username,
      displayName: user.displayName,
      passwordHash,
      mobile: null,
      mobileLookup: null,
      // Demo accounts keep the documented password (development only).
      mustChangePassword: false,
      failedLoginCount: 0,
      lockedUntil: null,
      createdAt: now,
    });
    em.create(RoleBinding, { userId: user.id, role: user.role as Role, organizationId: user.organizationId, createdAt: now });
  }
  if (!(await em.count(ApiClient, { clientId: DEMO_CLIENT.clientId }))) {
    em.create(ApiClient, {
      clientId: DEMO_CLIENT.clientId,
      name: DEMO_CLIENT.name,
      secretHash: await hashPassword(DEMO_CLIENT.secret),
      scopes: DEMO_CLIENT.scopes.join(" "),
      disabledAt: null,
      createdAt: now,
    });
  }
  await em.flush();
}
