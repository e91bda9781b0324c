import { requiresRole, Rule } from "@xuekao/subgraph-kit";
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from "type-graphql";
import type { NotificationContext } from "../../notification-context.js";
import { InboxUser } from "../inbox/inbox-user.type.js";
import { isTemplateKey, TEMPLATES } from "../templates/template-catalog.js";
import { SmsDelivery } from "./sms-delivery.entity.js";
import { SmsDeliveryFilter, SmsDeliveryPage } from "./sms-delivery.inputs.js";
import { canRetry, maskedText, READ_DELIVERIES, RETRY_DELIVERIES, SmsDeliveryService } from "./sms-delivery.service.js";

@Resolver(() => SmsDelivery)
export class SmsDeliveryResolver {
  private readonly deliveries = new SmsDeliveryService();

  @Query(() => SmsDeliveryPage, { nullable: true, description: "短信投递记录，最新的在前（省级考试院；每页至多 100 条）" })
  @Rule(requiresRole(READ_DELIVERIES))
  smsDeliveries(
    @Arg("filter", () => SmsDeliveryFilter, { nullable: true }) filter: SmsDeliveryFilter | null,
    @Arg("limit", () => Int, { defaultValue: 20 }) limit: number,
    @Arg("offset", () => Int, { defaultValue: 0 }) offset: number,
    @Ctx() ctx: NotificationContext,
  ): Promise<SmsDeliveryPage> {
    return this.deliveries.list(ctx, filter ?? {}, limit, offset);
  }

  @Mutation(() => SmsDelivery, { description: "重新发送一条已放弃（死信）的短信（省级考试院）" })
  @Rule(requiresRole(RETRY_DELIVERIES))
  retrySmsDelivery(@Arg("id", () => ID) id: string, @Ctx() ctx: NotificationContext): Promise<SmsDelivery> {
    return this.deliveries.retry(ctx, id);
  }

  @FieldResolver(() => String, { description: "手机号（脱敏，如 138****0001）" })
  mobile(@Root() delivery: SmsDelivery, @Ctx() ctx: NotificationContext): string {
    return ctx.personalData.mask("mobile", delivery.mobile);
  }

  @FieldResolver(() => String, { description: "短信内容（验证码已隐去）" })
  text(@Root() delivery: SmsDelivery): string {
    return maskedText(delivery);
  }

  @FieldResolver(() => Boolean, { description: "能否重新发送：已放弃且不是验证码（验证码过期即作废）" })
  canRetry(@Root() delivery: SmsDelivery): boolean {
    return canRetry(delivery);
  }

  @FieldResolver(() => String, { description: "消息模板说明" })
  templateDescription(@Root() delivery: SmsDelivery): string {
    return isTemplateKey(delivery.template) ? TEMPLATES[delivery.template].description : delivery.template;
  }

  @FieldResolver(() => InboxUser, { nullable: true, description: "收信用户（注册验证码等发往尚无账号的手机号时为 null）" })
  recipient(@Root() delivery: SmsDelivery): InboxUser | null {
    return delivery.recipientId ? { id: delivery.recipientId } : null;
  }
}
