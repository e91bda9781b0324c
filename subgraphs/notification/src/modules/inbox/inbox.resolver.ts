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

  @FieldResolver(() => InboxUser, { description: "收件人（身份子图）" })
  recipient(@Root() notification: Notification): InboxUser {
    return { id: notification.recipientId };
  }
}

@Resolver(() => InboxUser)
export class InboxUserResolver {
  @FieldResolver(() => [Notification], { description: "站内消息，最新的在前" })
  notifications(
    @Root() user: InboxUser,
    @Arg("unreadOnly", () => Boolean, { defaultValue: false }) unreadOnly: boolean,
    @Ctx() { em, loaders }: SubgraphContext,
  ): Promise<Notification[]> {
    return new InboxService(em, loaders).inboxOf(user.id, unreadOnly);
  }

  @FieldResolver(() => Int, { description: "未读消息数" })
  async unreadNotificationCount(@Root() user: InboxUser, @Ctx() { em, loaders }: SubgraphContext): Promise<number> {
    return (await new InboxService(em, loaders).inboxOf(user.id, true)).length;
  }
}
