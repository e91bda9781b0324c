import type { EntityManager } from "@mikro-orm/core";
import { type Caller, type EntityLoaders, isUuid, requireCaller, requireId, textLength } from "@xuekao/subgraph-kit";
import { InboxErrors } from "./inbox.errors.js";
import { Notification } from "./notification.entity.js";

export const MAX_TITLE_LENGTH = 100;
export const MAX_BODY_LENGTH = 2000;

/** A message to put in someone's inbox (from an event the subgraph consumed). */
export interface NewNotification {
  recipientId: string;
  title: string;
  body: string;
}

/** Whether the caller is the inbox's owner: users only (a third-party client has no inbox). */
const ownsInbox = (caller: Caller | null, recipientId: string): boolean => caller?.kind === "user" && caller.subject === recipientId;

export class InboxService {
  constructor(
    private readonly em: EntityManager,
    private readonly loaders: EntityLoaders,
  ) {}

  /**
   * The owner's messages, newest first; null for anyone else. For many users at once this is
   * still one query (see EntityLoaders.loadChildren), and none at all for other people's inboxes.
   */
  async inboxOf(caller: Caller | null, recipientId: string, unreadOnly: boolean): Promise<Notification[] | null> {
    if (!ownsInbox(caller, recipientId)) return null;
    return this.loaders.loadChildren(Notification, "recipientId", recipientId, {
      where: unreadOnly ? { readAt: null } : {},
      orderBy: { createdAt: "desc" },
      cacheKey: unreadOnly ? "unread" : "all",
    });
  }

  /** The owner's unread count (a COUNT, not the rows: the shell polls it); null for anyone else. */
  async unreadCount(caller: Caller | null, recipientId: string): Promise<number | null> {
    if (!ownsInbox(caller, recipientId)) return null;
    return this.em.count(Notification, { recipientId, readAt: null });
  }

  /** One of the caller's messages; someone else's is answered like a missing one. */
  async findOwn(caller: Caller | null, id: string): Promise<Notification | null> {
    requireCaller(caller);
    const notification = await this.loaders.load(Notification, id);
    return notification && ownsInbox(caller, notification.recipientId) ? notification : null;
  }

  /** Stores a message (validated and trimmed); the caller's transaction flushes it. */
  add(input: NewNotification, now = new Date()): Notification {
    const title = input.title.trim();
    const body = input.body.trim();
    if (textLength(title) < 1 || textLength(title) > MAX_TITLE_LENGTH) throw InboxErrors.titleInvalid();
    if (textLength(body) < 1 || textLength(body) > MAX_BODY_LENGTH) throw InboxErrors.bodyInvalid();
    return this.em.create(Notification, {
      recipientId: requireId(input.recipientId, "recipientId"),
      title,
      body,
      readAt: null,
      createdAt: now,
    });
  }

  /** Marking twice keeps the first read time; another person's message is "not found". */
  async markRead(caller: Caller | null, id: string, now = new Date()): Promise<Notification> {
    requireCaller(caller);
    const notification = isUuid(id) ? await this.em.findOne(Notification, { id }) : null;
    if (!notification || !ownsInbox(caller, notification.recipientId)) throw InboxErrors.notFound(id);
    notification.readAt ??= now;
    await this.em.flush();
    return notification;
  }
}
