import { canAccess, CANDIDATE_ROLES, type AccessRule, type SubgraphContext } from "@xuekao/subgraph-kit";
import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Organization } from "../organization/organization.entity.js";
import { SessionErrors } from "../session/session.errors.js";
import { User } from "../user/user.entity.js";
import { READ_PEOPLE } from "../user/user.service.js";
import { RoleBinding } from "./role-binding.entity.js";

@Resolver(() => RoleBinding)
export class RoleBindingResolver {
  @FieldResolver(() => Organization, { nullable: true, description: "角色所在组织" })
  organization(@Root() binding: RoleBinding, @Ctx() { loaders }: SubgraphContext): Promise<Organization | null> {
    return loaders.load(Organization, binding.organizationId);
  }
}

@Resolver(() => User)
export class MeResolver {
  @Query(() => User, { description: "当前登录用户" })
  async me(@Ctx() { caller, loaders }: SubgraphContext): Promise<User> {
    const user = caller?.kind === "user" ? await loaders.load(User, caller.subject) : null;
    if (!user) throw SessionErrors.notSignedIn();
    return user;
  }

  /**
   * A person's roles: all of them to the person; to staff, the ones inside the staff member's
   * own scope (a school admin sees which classes a teacher holds in the school, not what the
   * teacher does elsewhere); to anyone else, nothing. Who holds which role is not public.
   */
  @FieldResolver(() => [RoleBinding], { nullable: true, description: "角色授权：本人可见全部；管理人员可见其管理范围内的授权；其他人为 null" })
  async roles(@Root() user: User, @Ctx() { caller, loaders }: SubgraphContext): Promise<RoleBinding[] | null> {
    if (caller?.kind !== "user") return null;
    const isSelf = caller.subject === user.id;
    if (!isSelf && !caller.roles.some((binding) => MANAGERS.roles.includes(binding.role))) return null;
    const bindings = await loaders.loadChildren(RoleBinding, "userId", user.id, { orderBy: { createdAt: "asc" } });
    if (isSelf) return bindings;
    const organizations = await Promise.all(bindings.map((binding) => loaders.load(Organization, binding.organizationId)));
    return bindings.filter((_, index) => {
      const organization = organizations[index];
      return organization !== null && organization !== undefined && canAccess(caller, MANAGERS, { organizationPath: organization.path.split("/") });
    });
  }
}

/** Read by the shell after login and on reload: the page to show first. */
@Resolver(() => User)
export class PasswordChangeResolver {
  @FieldResolver(() => Boolean, { nullable: true, description: "须先修改初始密码（仅本人可见，他人为 null）" })
  passwordChangeRequired(@Root() user: User, @Ctx() { caller }: SubgraphContext): boolean | null {
    return caller?.kind === "user" && caller.subject === user.id ? user.mustChangePassword : null;
  }
}

/** Staff who read people in their scope (READ_PEOPLE without the candidates, who see only themselves). */
const MANAGERS: AccessRule = { roles: READ_PEOPLE.roles.filter((role) => !CANDIDATE_ROLES.includes(role)) };
