import type { EntityManager } from "@mikro-orm/core";
import { isUuid, requireId, textLength, type EntityLoaders } from "@xuekao/subgraph-kit";
import { InboxErrors } from "./inbox.errors.js";
import type { SendNotificationInput } from "./inbox.inputs.js";
import { Notification } from "./notification.entity.js";

export const MAX_TITLE_LENGTH = 100;
export const MAX_BODY_LENGTH = 2000;

export class InboxService {
  constructor(
    private readonly em: EntityManager,
    private readonly loaders: EntityLoaders,
  ) {}

  /** Newest first; for many users at once this is still one query (see EntityLoaders.loadChildren). */
  inboxOf(recipientId: string, unreadOnly: boolean): Promise<Notification[]> {
    return this.loaders.loadChildren(Notification, "recipientId", recipientId, {
      where: unreadOnly ? { readAt: null } : {},
      orderBy: { createdAt: "desc" },
      cacheKey: unreadOnly ? "unread" : "all",
    });
  }

  async send(input: SendNotificationInput): Promise<Notification> {
    const title = input.title.trim();
    const body = input.body.trim();
    if (textLength(title) < 1 || textLength(title) > MAX_TITLE_LENGTH) throw InboxErrors.titleInvalid();
    if (textLength(body) < 1 || textLength(body) > MAX_BODY_LENGTH) throw InboxErrors.bodyInvalid();
    const notification = this.em.create(Notification, {
      recipientId: requireId(input.recipientId, "recipientId"),
      title,
      body,
      readAt: null,
      createdAt: new Date(),
    });
    await this.em.flush();
    return notification;
  }

  /** Marking twice keeps the first read time. */
  async markRead(id: string, now = new Date()): Promise<Notification> {
    const notification = isUuid(id) ? await this.em.findOne(Notification, { id }) : null;
    if (!notification) throw InboxErrors.notFound(id);
    notification.readAt ??= now;
    await this.em.flush();
    return notification;
  }
}
