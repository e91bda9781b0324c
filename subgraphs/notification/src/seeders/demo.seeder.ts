import type { EntityManager } from "@mikro-orm/core";
import { demoOrganizationPath, demoOrganizations, demoUsers } from "@xuekao/demo-data";
import { Notification } from "../modules/inbox/notification.entity.js";
import { RecipientService } from "../modules/recipient/recipient.service.js";

/** When identity's demo accounts came into being, for the contact copies (any event since is newer). */
const DEMO_EPOCH = new Date("2026-01-01T00:00:00Z");

/**
 * Idempotent (development only): every demo account has a welcome message in its inbox, and
 * this subgraph knows every demo account's roles — what identity's `user-contact-changed`
 * events would have told it had the accounts been created through the API.
 */
export async function seedNotificationDemo(em: EntityManager): Promise<void> {
  const greeted = new Set((await em.find(Notification, {}, { fields: ["recipientId"] })).map((row) => row.recipientId));
  const codeOf = new Map(demoOrganizations.map((organization) => [organization.id, organization.code]));
  const recipients = new RecipientService(em);
  for (const user of demoUsers) {
    if (!greeted.has(user.id)) {
      em.create(Notification, {
        recipientId: user.id,
        title: "欢迎使用学考平台",
        body: `${user.displayName}，您好！学业水平合格性考试的考籍、报名与成绩认定均可在本平台办理。`,
        readAt: null,
        createdAt: new Date(),
      });
    }
    const path = demoOrganizationPath(user.organizationId).split("/");
    await recipients.apply({
      userId: user.id,
      displayName: user.displayName,
      mobile: null,
      roles: [{ role: user.role, organizationPath: path, provinceCode: codeOf.get(path[0]!) ?? null }],
      asOf: DEMO_EPOCH,
    });
  }
  await em.flush();
}
