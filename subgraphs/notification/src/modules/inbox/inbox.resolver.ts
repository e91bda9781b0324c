import { Rule, signedIn } from "@xuekao/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { NotificationContext } from "../../notification-context.js";
import { InboxUser } from "./inbox-user.type.js";
import { InboxService } from "./inbox.service.js";
import { Notification } from "./notification.entity.js";

/**
 * An inbox is its owner's alone: no role, however senior, reads another person's messages (they
 * may carry personal data, e.g. a refusal reason). Messages are written by the subgraph itself
 * when events arrive, never through the API.
 */
@Resolver(() => Notification)
export class NotificationResolver {
  private readonly inbox = new InboxService();

  @Query(() => Notification, { nullable: true, description: "本人的一条站内消息；不存在或不是本人的消息时为 null" })
  @Rule(signedIn("本人的站内消息：他人的消息按不存在处理"))
  notification(@Arg("id", () => ID) id: string, @Ctx() ctx: NotificationContext): Promise<Notification | null> {
    return this.inbox.findOwn(ctx, id);
  }

  @Mutation(() => Notification, { description: "将本人的一条消息标记为已读" })
  @Rule(signedIn("标记本人的消息已读：他人的消息按不存在处理"))
  markNotificationRead(@Arg("id", () => ID) id: string, @Ctx() ctx: NotificationContext): Promise<Notification> {
    return this.inbox.markRead(ctx, id);
  }

  @FieldResolver(() => InboxUser, { nullable: true, description: "收件人（由身份子图提供；该服务不可用时为 null）" })
  recipient(@Root() notification: Notification): InboxUser {
    return { id: notification.recipientId };
  }
}

@Resolver(() => InboxUser)
export class InboxUserResolver {
  private readonly inbox = new InboxService();

  // Nullable: these fields are added to the identity subgraph's User, so an inbox outage must
  // leave the user (and whatever list holds it) in the response with only these fields null.
  // They are also null on anyone but the caller: a roster of students shows no inbox.
  @FieldResolver(() => [Notification], { nullable: true, description: "站内消息，最新的在前（仅本人可见，他人为 null；消息服务不可用时为 null）" })
  notifications(
    @Root() user: InboxUser,
    @Arg("unreadOnly", () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @Ctx() ctx: NotificationContext,
  ): Promise<Notification[] | null> {
    return this.inbox.inboxOf(ctx, user.id, unreadOnly);
  }

  @FieldResolver(() => Int, { nullable: true, description: "未读消息数（仅本人可见，他人为 null；消息服务不可用时为 null）" })
  unreadNotificationCount(@Root() user: InboxUser, @Ctx() ctx: NotificationContext): Promise<number | null> {
    return this.inbox.unreadCount(ctx, user.id);
  }
}
