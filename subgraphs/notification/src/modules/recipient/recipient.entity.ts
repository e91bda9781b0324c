import { Entity, PrimaryKey, Property } from "@mikro-orm/core";
import { ProtectedText } from "@xuekao/subgraph-kit";

/**
 * This subgraph's own copy of how to reach a person: identity owns users and mobiles, and
 * announces every change as an event; messages addressed to a user id (an application's
 * applicant, the reviewers of a step) find the mobile here without reading identity's tables.
 * The person's roles are rows of `recipient_role`, so "who acts at this step" is one query.
 */
@Entity({ tableName: "recipient" })
export class Recipient {
  /** identity's user id. */
  @PrimaryKey({ type: "uuid" })
  userId!: string;

  @Property({ type: "string", length: 100 })
  displayName!: string;

  /** Encrypted at rest (`pd1:…`); nothing here queries by mobile, so its lookup needs no index. */
  @Property({ type: new ProtectedText({ property: "mobileLookup", purpose: "mobile" }), nullable: true })
  mobile: string | null = null;

  /** `ctx.personalData.lookup("mobile", mobile)`, kept with the mobile. */
  @Property({ type: "string", length: 64, nullable: true })
  mobileLookup: string | null = null;

  /** occurredAt of the event this row reflects: an older event arriving late never overwrites a newer one. */
  @Property({ type: "datetime" })
  asOf!: Date;
}
