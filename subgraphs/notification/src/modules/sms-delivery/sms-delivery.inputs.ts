import { Field, InputType, Int, ObjectType } from "type-graphql";
import { SmsDelivery, SmsDeliveryStatus } from "./sms-delivery.entity.js";

@InputType({ description: "短信投递记录筛选条件（均可不填）" })
export class SmsDeliveryFilter {
  @Field(() => SmsDeliveryStatus, { nullable: true })
  status?: SmsDeliveryStatus | null;

  @Field(() => String, { nullable: true, description: "完整的 11 位手机号" })
  mobile?: string | null;

  @Field(() => String, { nullable: true, description: "消息模板代码" })
  template?: string | null;

  @Field(() => Date, { nullable: true, description: "创建时间不早于" })
  createdAfter?: Date | null;

  @Field(() => Date, { nullable: true, description: "创建时间早于" })
  createdBefore?: Date | null;
}

@ObjectType({ description: "一页短信投递记录" })
export class SmsDeliveryPage {
  @Field(() => [SmsDelivery])
  items!: SmsDelivery[];

  @Field(() => Int, { description: "符合条件的记录总数" })
  total!: number;
}
