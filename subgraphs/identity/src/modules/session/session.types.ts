import { Field, InputType, ObjectType } from "type-graphql";

@InputType()
export class LoginInput {
  @Field(() => String, { description: "用户名或已绑定的手机号" })
  username!: string;

  @Field(() => String)
  password!: string;
}

@ObjectType({ description: "登录凭证：短期访问令牌与一次性刷新令牌" })
export class AuthPayload {
  @Field(() => String, { description: "访问令牌（JWT），放在 Authorization: Bearer 头中" })
  accessToken!: string;

  @Field(() => String, { description: "刷新令牌，仅可使用一次；用后换发新的" })
  refreshToken!: string;

  @Field(() => Date, { description: "访问令牌的过期时间" })
  expiresAt!: Date;

  @Field(() => Boolean, { description: "须先修改初始密码：修改前，除修改密码、查看本人信息与退出外的操作均被拒绝" })
  passwordChangeRequired!: boolean;
}
