import type { EntityManager } from "@mikro-orm/core";
import { Recipient, type RecipientRole } from "./recipient.entity.js";

export interface RecipientUpdate {
  userId: string;
  displayName: string;
  mobile: string | null;
  roles: RecipientRole[];
  asOf: Date;
}

export class RecipientService {
  constructor(private readonly em: EntityManager) {}

  /** Keeps the newest state per person (events may arrive out of order after a redelivery). */
  async apply(update: RecipientUpdate): Promise<void> {
    const existing = await this.em.findOne(Recipient, { userId: update.userId });
    if (existing && existing.asOf > update.asOf) return;
    const fields = { displayName: update.displayName, mobile: update.mobile, roles: JSON.stringify(update.roles), asOf: update.asOf };
    if (existing) Object.assign(existing, fields);
    else this.em.create(Recipient, { userId: update.userId, ...fields });
  }

  find(userId: string): Promise<Recipient | null> {
    return this.em.findOne(Recipient, { userId });
  }

  /** People holding one of `roles` in the province with this official code (e.g. the reviewers of 11). */
  async withRolesInProvince(roles: readonly string[], provinceCode: string): Promise<Recipient[]> {
    // The role list is JSON; a LIKE narrows the rows in SQL, the exact check is done here.
    const candidates = await this.em.find(Recipient, { $or: roles.map((role) => ({ roles: { $like: `%"${role}"%` } })) }, { orderBy: { userId: "asc" } });
    return candidates.filter((recipient) => recipient.rolesList().some((item) => roles.includes(item.role) && item.provinceCode === provinceCode));
  }
}
