import { publicAccess, requiresRole, Rule, signedIn } from "@xuekao/subgraph-kit";
import { Arg, Ctx, ID, Mutation, Query, Resolver } from "type-graphql";
import type { IdentityContext } from "../../identity-context.js";
import { Organization, OrganizationKind } from "./organization.entity.js";
import { CreateOrganizationInput } from "./organization.inputs.js";
import { CREATE_ORGANIZATIONS, OrganizationService } from "./organization.service.js";

@Resolver(() => Organization)
export class OrganizationResolver {
  private readonly service = new OrganizationService();

  @Query(() => [Organization], { nullable: true, description: "组织（公开信息），按代码排序；可只列某一级、某组织及其下级" })
  @Rule(publicAccess("考试机构、学校与班级的名称和代码是公开信息（注册时选择户籍所在区县）"))
  organizations(
    @Arg("kind", () => OrganizationKind, { nullable: true, description: "只列出某一级组织，如注册时选择户籍所在区县用 COUNTY" }) kind: OrganizationKind | null,
    @Arg("under", () => ID, { nullable: true, description: "只列出该组织及其全部下级（如一个省、一所学校），不存在时为空" }) under: string | null,
    @Ctx() ctx: IdentityContext,
  ): Promise<Organization[]> {
    return this.service.list(ctx, kind ?? undefined, under ?? undefined);
  }

  @Query(() => [Organization], { nullable: true, description: "本人管辖范围内的组织（担任工作人员角色的组织及其全部下级），按代码排序" })
  @Rule(signedIn("只列出本人担任工作人员角色的组织及其下级"))
  myJurisdiction(@Ctx() ctx: IdentityContext): Promise<Organization[]> {
    return this.service.jurisdiction(ctx);
  }

  @Query(() => Organization, { nullable: true })
  @Rule(publicAccess("组织是公开信息，与 organizations 相同"))
  organization(@Arg("id", () => ID) id: string, @Ctx() { loaders }: IdentityContext): Promise<Organization | null> {
    return loaders.load(Organization, id);
  }

  @Mutation(() => Organization, { description: "新建组织（省级考试院设立机构、分配学校账号；学校设立班级）" })
  @Rule(requiresRole(CREATE_ORGANIZATIONS))
  createOrganization(@Arg("input", () => CreateOrganizationInput) input: CreateOrganizationInput, @Ctx() ctx: IdentityContext): Promise<Organization> {
    return this.service.create(ctx, input);
  }
}
