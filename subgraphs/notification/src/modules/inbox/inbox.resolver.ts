import type { SubgraphContext } from "@xuekao/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import { InboxUser } from "./inbox-user.type.js";
import { SendNotificationInput } from "./inbox.inputs.js";
import { InboxService } from "./inbox.service.js";
import { Notification } from "./notification.entity.js";

@Resolver(() => Notification)
export class NotificationResolver {
  @Query(() => Notification, { nullable: true })
  notification(@Arg("id", () => ID) id: string, @Ctx() { loaders }: SubgraphContext): Promise<Notification | null> {
    return loaders.load(Notification, id);
  }

  @Mutation(() => Notification, { description: "向用户发送站内消息" })
  sendNotification(
    @Arg("input", () => SendNotificationInput) input: SendNotificationInput,
    @Ctx() { em, loaders }: SubgraphContext,
  ): Promise<Notification> {
    return new InboxService(em, loaders).send(input);
  }

  @Mutation(() => Notification, { description: "标记消息为已读" })
  markNotificationRead(@Arg("id", () => ID) id: string, @Ctx() { em, loaders }: SubgraphContext): Promise<Notification> {
    return new InboxService(em, loaders).markRead(id);
  }

  @FieldResolver(() => InboxUser, { nullable: true, description: "收件人（由身份子图提供；该服务不可用时为 null）" })
  recipient(@Root() notification: Notification): InboxUser {
    return { id: notification.recipientId };
  }
}

@Resolver(() => InboxUser)
export class InboxUserResolver {
  // Nullable: these fields are added to the identity subgraph's User, so an inbox outage must
  // leave the user (and whatever list holds it) in the response with only these fields null.
  @FieldResolver(() => [Notification], { nullable: true, description: "站内消息，最新的在前（消息服务不可用时为 null）" })
  notifications(
    @Root() user: InboxUser,
    @Arg("unreadOnly", () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @Ctx() { em, loaders }: SubgraphContext,
  ): Promise<Notification[]> {
    return new InboxService(em, loaders).inboxOf(user.id, unreadOnly);
  }

  @FieldResolver(() => Int, { nullable: true, description: "未读消息数（消息服务不可用时为 null）" })
  async unreadNotificationCount(@Root() user: InboxUser, @Ctx() { em, loaders }: SubgraphContext): Promise<number> {
    return (await new InboxService(em, loaders).inboxOf(user.id, true)).length;
  }
}
