import { Field, ID, InputType } from "type-graphql";

@InputType()
export class SendNotificationInput {
  @Field(() => ID)
  recipientId!: string;

  @Field(() => String)
  title!: string;

  @Field(() => String)
  body!: string;
}
