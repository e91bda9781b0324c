import { Directive, Field, ID, ObjectType } from "type-graphql";

/**
 * The identity subgraph's User, seen from the inbox: this subgraph adds `notifications` and
 * `unreadNotificationCount` to every user without storing anything about users itself.
 */
@ObjectType("User")
@Directive('@key(fields: "id")')
export class InboxUser {
  @Field(() => ID)
  id!: string;
}
