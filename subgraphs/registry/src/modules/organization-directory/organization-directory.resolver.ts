import { Rule, signedIn } from "@xuekao/subgraph-kit";
import { Arg, Ctx, Int, Query, Resolver } from "type-graphql";
import type { RegistryContext } from "../../registry-context.js";
import { DirectoryOrganization } from "./directory-organization.entity.js";
import { DirectorySchoolPage } from "./organization-directory.inputs.js";
import { OrganizationDirectoryService } from "./organization-directory.service.js";

@Resolver(() => DirectoryOrganization)
export class OrganizationDirectoryResolver {
  private readonly directory = new OrganizationDirectoryService();

  @Query(() => DirectorySchoolPage, { nullable: true, description: "本人所在省份的学校（按学校代码排序，分页；可按名称或代码查找），供填写表单时选择学校" })
  @Rule(signedIn("本省学校的名称与代码是公开信息，登录后在表单中选择本省学校"))
  registrySchools(
    @Arg("search", () => String, { nullable: true, description: "学校名称中的字词，或学校代码的开头" }) search: string | null,
    @Arg("first", () => Int, { nullable: true, description: "每页条数（默认 50，至多 200）" }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RegistryContext,
  ): Promise<DirectorySchoolPage> {
    return this.directory.schools(ctx, { search, first, after });
  }
}
