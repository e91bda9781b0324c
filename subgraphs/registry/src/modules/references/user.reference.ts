import { Directive, Field, ID, ObjectType } from "type-graphql";

/** A person owned by the identity subgraph; this subgraph only knows the id and lets the gateway fetch the rest. */
@ObjectType("User")
@Directive('@key(fields: "id", resolvable: false)')
export class UserReference {
  @Field(() => ID)
  id!: string;
}
