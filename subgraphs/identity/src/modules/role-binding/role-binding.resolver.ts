import type { SubgraphContext } from "@xuekao/subgraph-kit";
import { Ctx, FieldResolver, Query, Resolver, Root } from "type-graphql";
import { Organization } from "../organization/organization.entity.js";
import { SessionErrors } from "../session/session.errors.js";
import { User } from "../user/user.entity.js";
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

  // Only a person's own roles are shown; who holds which role elsewhere is not public.
  @FieldResolver(() => [RoleBinding], { nullable: true, description: "本人的角色授权（仅本人可见）" })
  roles(@Root() user: User, @Ctx() { caller, loaders }: SubgraphContext): Promise<RoleBinding[]> | null {
    if (caller?.kind !== "user" || caller.subject !== user.id) return null;
    return loaders.loadChildren(RoleBinding, "userId", user.id, { orderBy: { createdAt: "asc" } });
  }
}
