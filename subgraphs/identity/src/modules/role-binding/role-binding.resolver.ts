import { AuthErrors, canAccess, CANDIDATE_ROLES, accessRule, Rule, signedIn } from "@xuekao/subgraph-kit";
import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import type { IdentityContext } from "../../identity-context.js";
import { Organization } from "../organization/organization.entity.js";
import { pathIds } from "../organization/organization.service.js";
import { User } from "../user/user.entity.js";
import { READ_PEOPLE } from "../user/user.service.js";
import { RoleBinding } from "./role-binding.entity.js";

/** Staff who read people in their scope (READ_PEOPLE without the candidates, who see only themselves). */
const MANAGERS = accessRule("MANAGE_PEOPLE", { roles: READ_PEOPLE.roles.filter((role) => !CANDIDATE_ROLES.includes(role)) });

@Resolver(() => RoleBinding)
export class RoleBindingResolver {
  @FieldResolver(() => Organization, { nullable: true, description: "角色所在组织" })
  organization(@Root() binding: RoleBinding, @Ctx() { loaders }: IdentityContext): Promise<Organization | null> {
    return loaders.load(Organization, binding.organizationId);
  }
}

@Resolver(() => User)
export class MeResolver {
  @Query(() => User, { description: "当前登录用户" })
  @Rule(signedIn("本人的账号信息（修改初始密码前也可查看）"))
  async me(@Ctx() { caller, loaders }: IdentityContext): Promise<User> {
    // A third-party system is signed in but is nobody: it has no `me`.
    const user = caller?.kind === "user" ? await loaders.load(User, caller.subject) : null;
    if (!user) throw AuthErrors.UNAUTHENTICATED();
    return user;
  }

  /**
   * A person's roles: all of them to the person; to staff, the ones inside the staff member's
   * own scope (a school admin sees which classes a teacher holds in the school, not what the
   * teacher does elsewhere); to anyone else, nothing. Who holds which role is not public.
   */
  @FieldResolver(() => [RoleBinding], { nullable: true, description: "角色授权：本人可见全部；管理人员可见其管理范围内的授权；其他人为 null" })
  async roles(@Root() user: User, @Ctx() { caller, loaders }: IdentityContext): Promise<RoleBinding[] | null> {
    if (caller?.kind !== "user") return null;
    const isSelf = caller.subject === user.id;
    if (!isSelf && !caller.roles.some((binding) => MANAGERS.roles.includes(binding.role))) return null;
    const bindings = await loaders.loadChildren(RoleBinding, "userId", user.id, { orderBy: { createdAt: "asc" } });
    if (isSelf) return bindings;
    const organizations = await Promise.all(bindings.map((binding) => loaders.load(Organization, binding.organizationId)));
    return bindings.filter((_, index) => {
      const organization = organizations[index];
      return organization !== null && organization !== undefined && canAccess(caller, MANAGERS, { organizationPath: pathIds(organization) });
    });
  }
}

/**
 * Read by the shell after login and on reload: the page to show first. The person's own flag
 * only; nothing about anyone else (their mobile is no field at all).
 */
@Resolver(() => User)
export class PasswordChangeResolver {
  @FieldResolver(() => Boolean, { nullable: true, description: "须先修改初始密码（仅本人可见，他人为 null）" })
  passwordChangeRequired(@Root() user: User, @Ctx() { caller }: IdentityContext): boolean | null {
    return caller?.kind === "user" && caller.subject === user.id ? user.mustChangePassword : null;
  }
}
