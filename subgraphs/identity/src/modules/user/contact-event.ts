import { FlushMode, type EntityManager } from "@mikro-orm/core";
import { recordEvent } from "@xuekao/events";
import { UserContactChanged } from "../../events.js";
import { placeBindings } from "../role-binding/binding-paths.js";
import { RoleBinding } from "../role-binding/role-binding.entity.js";
import type { User } from "./user.entity.js";

/**
 * Records `identity.user-contact-changed` for `user` in the caller's unit of work (it flushes
 * with the change): their name, mobile and every role with its place. `added` are bindings
 * created in this unit of work and not yet in the database.
 */
export async function recordContactChanged(em: EntityManager, user: User, added: RoleBinding[] = []): Promise<void> {
  // COMMIT: the default AUTO mode would flush the pending change here, outside the caller's
  // flush (and its unique-violation handling), splitting the change from its event.
  const stored = await em.find(RoleBinding, { userId: user.id }, { orderBy: { createdAt: "asc" }, flushMode: FlushMode.COMMIT });
  const bindings = [...stored, ...added.filter((binding) => !stored.includes(binding))];
  const placed = await placeBindings(em, bindings);
  recordEvent(
    em,
    UserContactChanged.create(
      {
        userId: user.id,
        displayName: user.displayName,
        mobile: user.mobile,
        roles: placed.map((binding) => ({ role: binding.role, organizationPath: binding.path, provinceCode: binding.provinceCode })),
      },
      { producer: "identity", organizationPath: placed[0]?.path ?? [] },
    ),
  );
}
