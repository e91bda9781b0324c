import { Directive, Field, ID, ObjectType } from "type-graphql";

/** An organisation owned by the identity subgraph, referred to by id. */
@ObjectType("Organization")
@Directive('@key(fields: "id", resolvable: false)')
export class OrganizationReference {
  @Field(() => ID)
  id!: string;
}
