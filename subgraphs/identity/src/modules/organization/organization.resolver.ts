import type { SubgraphContext } from "@xuekao/subgraph-kit";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { Organization, OrganizationKind } from "./organization.entity.js";
import { CreateOrganizationInput } from "./organization.inputs.js";
import { OrganizationService } from "./organization.service.js";

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => [Organization], { nullable: true, description: "全部组织，按代码排序" })
  organizations(
    @Arg("kind", () => OrganizationKind, { nullable: true, description: "只列出某一级组织，如注册时选择户籍所在区县用 COUNTY" }) kind: OrganizationKind | null,
    @Ctx() { em }: SubgraphContext,
  ): Promise<Organization[]> {
    return new OrganizationService(em).list(kind ?? undefined);
  }

  @Query(() => Organization, { nullable: true })
  organization(@Arg("id", () => ID) id: string, @Ctx() { loaders }: SubgraphContext): Promise<Organization | null> {
    return loaders.load(Organization, id);
  }

  @Mutation(() => Organization, { description: "新建组织（省级考试院设立机构、分配学校账号；学校设立班级）" })
  createOrganization(
    @Arg("input", () => CreateOrganizationInput) input: CreateOrganizationInput,
    @Ctx() { em, caller }: SubgraphContext,
  ): Promise<Organization> {
    return new OrganizationService(em).create(caller, input);
  }
}
