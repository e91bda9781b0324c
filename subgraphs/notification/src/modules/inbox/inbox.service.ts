import { type Caller, isUuid, type RequestContext, requireId, signedInContext, textLength } from "@xuekao/subgraph-kit";
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

/**
 * An inbox is its owner's alone: no role, however senior, reads another person's messages (they
 * may carry personal data, e.g. a refusal reason). Reading and marking one's own messages read is
 * not a decision: nothing is audited.
 */
export class InboxService {
  /**
   * The owner's messages, newest first; null for anyone else. For many users at once this is
   * still one query (see EntityLoaders.loadChildren), and none at all for other people's inboxes.
   */
  async inboxOf(ctx: RequestContext, recipientId: string, unreadOnly: boolean): Promise<Notification[] | null> {
    if (!ownsInbox(ctx.caller, recipientId)) return null;
    return ctx.loaders.loadChildren(Notification, "recipientId", recipientId, {
      where: unreadOnly ? { readAt: null } : {},
      orderBy: { createdAt: "desc" },
      cacheKey: unreadOnly ? "unread" : "all",
    });
  }

  /** The owner's unread count (a COUNT, not the rows: the shell polls it); null for anyone else. */
  async unreadCount(ctx: RequestContext, recipientId: string): Promise<number | null> {
    if (!ownsInbox(ctx.caller, recipientId)) return null;
    return ctx.em.count(Notification, { recipientId, readAt: null });
  }

  /** One of the caller's messages; someone else's is answered like a missing one. */
  async findOwn(ctx: RequestContext, id: string): Promise<Notification | null> {
    const { caller } = signedInContext(ctx);
    const notification = isUuid(id) ? await ctx.loaders.load(Notification, id) : null;
    return notification && ownsInbox(caller, notification.recipientId) ? notification : null;
  }

  /** Stores a message (validated and trimmed), dated by the context's clock; the caller's transaction flushes it. */
  add(ctx: RequestContext, input: NewNotification): Notification {
    const title = input.title.trim();
    const body = input.body.trim();
    if (textLength(title) < 1 || textLength(title) > MAX_TITLE_LENGTH) throw InboxErrors.NOTIFICATION_TITLE_INVALID();
    if (textLength(body) < 1 || textLength(body) > MAX_BODY_LENGTH) throw InboxErrors.NOTIFICATION_BODY_INVALID();
    return ctx.em.create(Notification, {
      recipientId: requireId(input.recipientId, "recipientId"),
      title,
      body,
      readAt: null,
      createdAt: ctx.clock.now(),
    });
  }

  /** Marking twice keeps the first read time; another person's message is "not found". */
  async markRead(ctx: RequestContext, id: string): Promise<Notification> {
    const { caller } = signedInContext(ctx);
    const notification = isUuid(id) ? await ctx.em.findOne(Notification, { id }) : null;
    if (!notification || !ownsInbox(caller, notification.recipientId)) throw InboxErrors.NOTIFICATION_NOT_FOUND(undefined, { id });
    notification.readAt ??= ctx.clock.now();
    await ctx.em.flush();
    return notification;
  }
}
