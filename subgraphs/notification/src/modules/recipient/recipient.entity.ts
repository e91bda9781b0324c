import { Entity, PrimaryKey, Property } from "@mikro-orm/core";

/** One role of a person, as identity announced it (`identity.user-contact-changed`). */
export interface RecipientRole {
  role: string;
  organizationPath: string[];
  provinceCode: string | null;
}

/**
 * This subgraph's own copy of how to reach a person: identity owns users and mobiles, and
 * announces every change as an event; messages addressed to a user id (a case's applicant, the
 * reviewers of a province) find the mobile here without reading identity's tables.
 */
@Entity({ tableName: "recipient" })
export class Recipient {
  /** identity's user id. */
  @PrimaryKey({ type: "uuid" })
  userId!: string;

  @Property({ type: "string", length: 100 })
  displayName!: string;

  @Property({ type: "string", length: 11, nullable: true })
  mobile: string | null = null;

  /** JSON array of RecipientRole. */
  @Property({ type: "text" })
  roles: string = "[]";

  /** occurredAt of the event this row reflects: an older event arriving late never overwrites a newer one. */
  @Property({ type: "datetime" })
  asOf!: Date;

  rolesList(): RecipientRole[] {
    return JSON.parse(this.roles) as RecipientRole[];
  }
}
