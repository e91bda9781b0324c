import type { EntityManager } from "@mikro-orm/core";
import { demoUsers } from "@xuekao/demo-data";
import { Notification } from "../modules/inbox/notification.entity.js";

/** Idempotent: every demo account has a welcome message in its inbox (development only). */
export async function seedNotificationDemo(em: EntityManager): Promise<void> {
  const greeted = new Set((await em.find(Notification, {}, { fields: ["recipientId"] })).map((row) => row.recipientId));
  for (const user of demoUsers) {
    if (greeted.has(user.id)) continue;
    em.create(Notification, {
      recipientId: user.id,
      title: "欢迎使用学考平台",
      body: `${user.displayName}，您好！学业水平合格性考试的考籍、报名与成绩认定均可在本平台办理。`,
      readAt: null,
      createdAt: new Date(),
    });
  }
  await em.flush();
}
