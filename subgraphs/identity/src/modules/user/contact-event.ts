import { FlushMode } from "@mikro-orm/core";
import type { RequestContext } from "@xuekao/subgraph-kit";
import { UserContactChanged } from "../../events.js";
import { placeBindings, type PlacedBinding } from "../role-binding/binding-paths.js";
import { RoleBinding } from "../role-binding/role-binding.entity.js";
import type { User } from "./user.entity.js";

/**
 * Records `identity.user-contact-changed` for `user` in the context's unit of work (it commits
 * with the change): their name, mobile and every role with its place. `added` are bindings
 * created in this unit of work and not yet in the database. Returns the placed bindings, oldest
 * first, so the caller can say where the person sits (the audit entry's organisation path).
 */
export async function recordContactChanged(ctx: RequestContext, user: User, added: RoleBinding[] = []): Promise<PlacedBinding[]> {
  // COMMIT: the default AUTO mode would flush the pending change here, outside the caller's
  // flush (and its unique-violation handling), splitting the change from its event.
  const stored = await ctx.em.find(RoleBinding, { userId: user.id }, { orderBy: { createdAt: "asc" }, flushMode: FlushMode.COMMIT });
  const bindings = [...stored, ...added.filter((binding) => !stored.includes(binding))];
  const placed = await placeBindings(ctx.em, bindings);
  ctx.events.record(
    UserContactChanged,
    {
      userId: user.id,
      displayName: user.displayName,
      mobile: user.mobile,
      roles: placed.map((binding) => ({ role: binding.role, organizationPath: binding.path, provinceCode: binding.provinceCode })),
    },
    { organizationPath: placed[0]?.path ?? [] },
  );
  return placed;
}
