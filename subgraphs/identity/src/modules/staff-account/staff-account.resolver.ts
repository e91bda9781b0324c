import type { SubgraphContext } from "@xuekao/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import { RoleBinding } from "../role-binding/role-binding.entity.js";
import { User } from "../user/user.entity.js";
import { BindRoleInput, CreateStaffAccountInput } from "./staff-account.inputs.js";
import { StaffAccountService } from "./staff-account.service.js";

@Resolver()
export class StaffAccountResolver {
  @Mutation(() => User, { description: "创建工作人员账号：考试院分配机构与学校账号，学校创建班主任与指定工作人员账号" })
  createStaffAccount(@Arg("input", () => CreateStaffAccountInput) input: CreateStaffAccountInput, @Ctx() { em, caller }: SubgraphContext): Promise<User> {
    return new StaffAccountService(em).create(caller, input);
  }

  @Mutation(() => RoleBinding, { description: "为已有账号增加角色，如班主任再带一个班" })
  bindRole(@Arg("input", () => BindRoleInput) input: BindRoleInput, @Ctx() { em, caller }: SubgraphContext): Promise<RoleBinding> {
    return new StaffAccountService(em).bind(caller, input);
  }
}
