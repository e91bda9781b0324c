import type { EntityManager } from "@mikro-orm/core";
import { demoOrganizations, demoUsers } from "@xuekao/demo-data";
import { Organization, OrganizationKind } from "../modules/organization/organization.entity.js";
import { User } from "../modules/user/user.entity.js";

/** Idempotent: inserts the demo organisations and people that are not there yet (development only). */
export async function seedIdentityDemo(em: EntityManager): Promise<void> {
  const existingOrganizations = new Set((await em.find(Organization, {}, { fields: ["id"] })).map((row) => row.id));
  for (const organization of demoOrganizations) {
    if (existingOrganizations.has(organization.id)) continue;
    em.create(Organization, {
      id: organization.id,
      code: organization.code,
      name: organization.name,
      kind: organization.kind as OrganizationKind,
      parentId: organization.parentId,
      createdAt: new Date(),
    });
  }
  const existingUsers = new Set((await em.find(User, {}, { fields: ["id"] })).map((row) => row.id));
  for (const user of demoUsers) {
    if (existingUsers.has(user.id)) continue;
    em.create(User, { id: user.id, username: user.username, displayName: user.displayName, createdAt: new Date() });
  }
  await em.flush();
}
