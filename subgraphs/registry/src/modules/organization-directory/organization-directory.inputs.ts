import { Field, ObjectType } from "type-graphql";
import { DirectoryOrganization } from "./directory-organization.entity.js";

@ObjectType({ description: "一页学校（按学校代码排序）" })
export class DirectorySchoolPage {
  @Field(() => [DirectoryOrganization])
  items!: DirectoryOrganization[];

  @Field(() => String, { nullable: true, description: "下一页的游标；没有下一页时为 null" })
  nextCursor!: string | null;
}
