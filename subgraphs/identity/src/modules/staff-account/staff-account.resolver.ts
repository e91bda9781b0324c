import { requiresRole, Rule } from "@xuekao/subgraph-kit";
import { Arg, Ctx, Mutation, Resolver } from "type-graphql";
import type { IdentityContext } from "../../identity-context.js";
import { RoleBinding } from "../role-binding/role-binding.entity.js";
import { User } from "../user/user.entity.js";
import { BindRoleInput, CreateStaffAccountInput } from "./staff-account.inputs.js";
import { MANAGE_STAFF_ACCOUNTS, StaffAccountService } from "./staff-account.service.js";

@Resolver()
export class StaffAccountResolver {
  private readonly staffAccounts = new StaffAccountService();

  @Mutation(() => User, { description: "创建工作人员账号：考试院分配机构与学校账号，学校创建班主任与指定工作人员账号" })
  @Rule(requiresRole(MANAGE_STAFF_ACCOUNTS))
  createStaffAccount(@Arg("input", () => CreateStaffAccountInput) input: CreateStaffAccountInput, @Ctx() ctx: IdentityContext): Promise<User> {
    return this.staffAccounts.create(ctx, input);
  }

  @Mutation(() => RoleBinding, { description: "为已有账号增加角色，如班主任再带一个班" })
  @Rule(requiresRole(MANAGE_STAFF_ACCOUNTS))
  bindRole(@Arg("input", () => BindRoleInput) input: BindRoleInput, @Ctx() ctx: IdentityContext): Promise<RoleBinding> {
    return this.staffAccounts.bind(ctx, input);
  }
}
