import { demoOrganizationPath, demoOrganizations, demoUsers } from "@xuekao/demo-data";
import type { RequestContext } from "@xuekao/subgraph-kit";
import { InboxService } from "../modules/inbox/inbox.service.js";
import { Notification } from "../modules/inbox/notification.entity.js";
import { Recipient } from "../modules/recipient/recipient.entity.js";
import { RecipientService } from "../modules/recipient/recipient.service.js";

/**
 * How old the seeded contact copies count as: older than anything identity can announce, so that
 * any `user-contact-changed` event, whatever the clock, replaces them.
 */
const OLDER_THAN_ANY_EVENT = new Date(0);

/**
 * Idempotent (development only), on a system context: every demo account has a welcome message
 * in its inbox (dated by the context's clock), and this subgraph knows every demo account's
 * roles — what identity's `user-contact-changed` events would have told it had the accounts been
 * created through the API (written once: a person already known is left as identity last told).
 * The kit flushes afterwards.
 */
export async function seedNotificationDemo(ctx: RequestContext): Promise<void> {
  const greeted = new Set((await ctx.em.find(Notification, {}, { fields: ["recipientId"] })).map((row) => row.recipientId));
  // Known already (seeded before, or told by identity since): left as they are.
  const known = new Set((await ctx.em.find(Recipient, {}, { fields: ["userId"] })).map((row) => row.userId));
  const codeOf = new Map(demoOrganizations.map((organization) => [organization.id, organization.code]));
  const inbox = new InboxService();
  const recipients = new RecipientService();
  for (const user of demoUsers) {
    if (!greeted.has(user.id)) {
      inbox.add(ctx, {
        recipientId: user.id,
        title: "欢迎使用学考平台",
        body: `${user.displayName}，您好！学业水平合格性考试的考籍、报名与成绩认定均可在本平台办理。`,
      });
    }
    if (known.has(user.id)) continue;
    const path = demoOrganizationPath(user.organizationId).split("/");
    await recipients.apply(ctx, {
      userId: user.id,
      displayName: user.displayName,
      mobile: null,
      roles: [{ role: user.role, organizationPath: path, provinceCode: codeOf.get(path[0]!) ?? null }],
      asOf: OLDER_THAN_ANY_EVENT,
    });
  }
}
