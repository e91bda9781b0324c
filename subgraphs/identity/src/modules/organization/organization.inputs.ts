import { Field, ID, InputType } from "type-graphql";
import { OrganizationKind } from "./organization.entity.js";

@InputType()
export class CreateOrganizationInput {
  @Field(() => String)
  code!: string;

  @Field(() => String)
  name!: string;

  @Field(() => OrganizationKind)
  kind!: OrganizationKind;

  @Field(() => ID, { nullable: true })
  parentId?: string | null;
}
