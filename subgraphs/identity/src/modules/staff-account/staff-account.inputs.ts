import { Role } from "@xuekao/subgraph-kit";
import { Field, ID, InputType } from "type-graphql";

@InputType()
export class CreateStaffAccountInput {
  @Field(() => String, { description: "用户名：字母开头，4–32 位字母、数字或下划线" })
  username!: string;

  @Field(() => String, { description: "姓名" })
  displayName!: string;

  @Field(() => String, { description: "初始密码（须符合密码规则，交本人后由本人修改）" })
  password!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID, { description: "角色所在组织" })
  organizationId!: string;
}

@InputType()
export class BindRoleInput {
  @Field(() => ID)
  userId!: string;

  @Field(() => Role)
  role!: Role;

  @Field(() => ID)
  organizationId!: string;
}
