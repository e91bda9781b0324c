import type { EntityManager } from "@mikro-orm/core";
import type { EntityLoaders } from "@xuekao/subgraph-kit";
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
    if (title.length < 1 || title.length > MAX_TITLE_LENGTH) throw InboxErrors.titleInvalid();
    if (body.length < 1 || body.length > MAX_BODY_LENGTH) throw InboxErrors.bodyInvalid();
    const notification = this.em.create(Notification, {
      recipientId: input.recipientId,
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
    const notification = await this.em.findOne(Notification, { id });
    if (!notification) throw InboxErrors.notFound(id);
    notification.readAt ??= now;
    await this.em.flush();
    return notification;
  }
}
