import type { SubgraphContext } from "@xuekao/subgraph-kit";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import { Organization, OrganizationKind } from "./organization.entity.js";
import { CreateOrganizationInput } from "./organization.inputs.js";
import { OrganizationService } from "./organization.service.js";

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => [Organization], { nullable: true, description: "组织（公开信息），按代码排序；可只列某一级、某组织及其下级" })
  organizations(
    @Arg("kind", () => OrganizationKind, { nullable: true, description: "只列出某一级组织，如注册时选择户籍所在区县用 COUNTY" }) kind: OrganizationKind | null,
    @Arg("under", () => ID, { nullable: true, description: "只列出该组织及其全部下级（如一个省、一所学校），不存在时为空" }) under: string | null,
    @Ctx() { em }: SubgraphContext,
  ): Promise<Organization[]> {
    return new OrganizationService(em).list(kind ?? undefined, under ?? undefined);
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
