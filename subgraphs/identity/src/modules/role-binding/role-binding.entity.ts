import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique } from "@mikro-orm/core";
import { Role } from "@xuekao/subgraph-kit";
// The GraphQL enum `Role` is registered by the kit (workflow.types.ts), once for every subgraph.
import { Field, ObjectType } from "type-graphql";

/** One role a person holds in one organisation (a person may hold several). */
@ObjectType({ description: "角色授权：某人在某组织中的角色" })
@Entity({ tableName: "role_binding" })
@Unique({ properties: ["userId", "role", "organizationId"] })
export class RoleBinding {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "uuid" })
  @Index()
  userId!: string;

  // Plain string column: see Organization.kind for why not @Enum on SQLite.
  @Field(() => Role)
  @Property({ type: "string", length: 32 })
  role!: Role;

  @Property({ type: "uuid" })
  organizationId!: string;

  @Property({ type: "datetime" })
  createdAt!: Date;
}
