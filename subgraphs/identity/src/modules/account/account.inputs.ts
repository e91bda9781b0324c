import { Field, InputType } from "type-graphql";

@InputType()
export class ChangePasswordInput {
  @Field(() => String)
  currentPassword!: string;

  @Field(() => String)
  newPassword!: string;
}

@InputType()
export class ChangeMobileInput {
  @Field(() => String)
  newMobile!: string;

  @Field(() => String, { description: "发送到新手机号的 6 位验证码" })
  smsCode!: string;
}
