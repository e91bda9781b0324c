import type { FilterQuery } from "@mikro-orm/core";
import { PATH_SEPARATOR, type RequestContext, Role } from "@xuekao/subgraph-kit";
import { RecipientRole } from "./recipient-role.entity.js";
import { Recipient } from "./recipient.entity.js";

/** One role of a person, as identity announced it (`identity.user-contact-changed`). */
export interface RecipientRoleUpdate {
  role: string;
  organizationPath: string[];
  provinceCode: string | null;
}

export interface RecipientUpdate {
  userId: string;
  displayName: string;
  mobile: string | null;
  roles: RecipientRoleUpdate[];
  asOf: Date;
}

/** Someone a message is for: the inbox needs the id, an SMS the mobile (when known). */
export interface MessageRecipient {
  userId: string;
  mobile: string | null;
  /**
   * Where the person holds the role they were found by (ids, province first): which province's
   * delivery log shows their SMS when the event itself names no organisation. Null when the
   * person was addressed by id (an applicant).
   */
  organizationPath: string[] | null;
}

/** Who acts at a step, as the workflow events describe it. */
export interface StepActors {
  actorRole: string;
  /** The acting organisation's path, province first. */
  actingOrganizationPath: readonly string[];
}

/** A role held somewhere: at one of `organizationPaths` (joined ids), or anywhere in a province. */
type Holding = { roles: readonly string[] } & ({ organizationPaths: readonly string[] } | { provinceCode: string });

/** Every path from the province down to the organisation itself ("p", "p/l", "p/l/c"). */
const prefixesOf = (path: readonly string[]): string[] => path.map((_, index) => path.slice(0, index + 1).join(PATH_SEPARATOR));

export class RecipientService {
  /** Keeps the newest state per person (events may arrive out of order after a redelivery); roles are replaced whole. */
  async apply(ctx: RequestContext, update: RecipientUpdate): Promise<void> {
    const existing = await ctx.em.findOne(Recipient, { userId: update.userId });
    if (existing && existing.asOf > update.asOf) return;
    const fields = {
      displayName: update.displayName,
      mobile: update.mobile,
      mobileLookup: update.mobile ? ctx.personalData.lookup("mobile", update.mobile) : null,
      asOf: update.asOf,
    };
    let recipient: Recipient;
    if (existing) {
      recipient = Object.assign(existing, fields);
      await ctx.em.nativeDelete(RecipientRole, { recipient: existing });
    } else {
      recipient = ctx.em.create(Recipient, { userId: update.userId, ...fields });
    }
    const seen = new Set<string>();
    for (const role of update.roles) {
      const organizationPath = role.organizationPath.join(PATH_SEPARATOR);
      const key = `${role.role}|${organizationPath}`;
      if (seen.has(key)) continue;
      seen.add(key);
      ctx.em.create(RecipientRole, { recipient, role: role.role, organizationPath, provinceCode: role.provinceCode });
    }
  }

  find(ctx: RequestContext, userId: string): Promise<Recipient | null> {
    return ctx.em.findOne(Recipient, { userId });
  }

  /** The person an application is about (its applicant): known here or not, they have an inbox. */
  async byId(ctx: RequestContext, userId: string): Promise<MessageRecipient> {
    const recipient = await this.find(ctx, userId);
    return { userId, mobile: recipient?.mobile ?? null, organizationPath: null };
  }

  /** People holding one of `roles` anywhere in the province with this official code (e.g. the candidates of 15). */
  withRolesInProvince(ctx: RequestContext, roles: readonly string[], provinceCode: string): Promise<MessageRecipient[]> {
    return this.holding(ctx, [{ roles, provinceCode }]);
  }

  /**
   * The people who act at a step: holding its role, bound at its acting organisation or above it
   * (a binding's subtree holds the acting organisation, as the workflow engine authorises).
   */
  actorsOf(ctx: RequestContext, step: StepActors): Promise<MessageRecipient[]> {
    return this.holding(ctx, [{ roles: [step.actorRole], organizationPaths: prefixesOf(step.actingOrganizationPath) }]);
  }

  /** A step's actors and the province institute of the province (督办), each person once. */
  actorsAndInstitute(ctx: RequestContext, step: StepActors, provinceCode: string): Promise<MessageRecipient[]> {
    return this.holding(ctx, [
      { roles: [step.actorRole], organizationPaths: prefixesOf(step.actingOrganizationPath) },
      { roles: [Role.PROVINCE_INSTITUTE], provinceCode },
    ]);
  }

  /**
   * One SQL query: the role rows that match, joined with their person (mobile decrypted on
   * load); a person matched by several rows is listed once, with the first row's place.
   */
  private async holding(ctx: RequestContext, holdings: readonly Holding[]): Promise<MessageRecipient[]> {
    const conditions = holdings
      .filter((holding) => holding.roles.length > 0 && ("provinceCode" in holding || holding.organizationPaths.length > 0))
      .map((holding): FilterQuery<RecipientRole> =>
        "provinceCode" in holding
          ? { role: { $in: [...holding.roles] }, provinceCode: holding.provinceCode }
          : { role: { $in: [...holding.roles] }, organizationPath: { $in: [...holding.organizationPaths] } },
      );
    if (conditions.length === 0) return [];
    const rows = await ctx.em.find(RecipientRole, { $or: conditions }, { populate: ["recipient"], strategy: "joined", orderBy: { recipient: "asc", id: "asc" } });
    const people = new Map<string, MessageRecipient>();
    for (const row of rows) {
      const { userId, mobile } = row.recipient;
      if (!people.has(userId)) people.set(userId, { userId, mobile, organizationPath: row.organizationPath.split(PATH_SEPARATOR).filter(Boolean) });
    }
    return [...people.values()];
  }
}
