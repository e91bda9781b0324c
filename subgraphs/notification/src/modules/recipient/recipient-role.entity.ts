import { Entity, Index, ManyToOne, PrimaryKey, Property } from "@mikro-orm/core";
import { Recipient } from "./recipient.entity.js";

/**
 * One role binding of a recipient, as identity announced it (`identity.user-contact-changed`):
 * the indexed form of "who holds which role where", so that the people a message is for (the
 * actors of a step, a province's institute or candidates) are found in SQL, one query per event,
 * never by loading a province's people and filtering them here.
 */
@Entity({ tableName: "recipient_role" })
@Index({ properties: ["role", "organizationPath"] })
// A person's roles are replaced whole when identity announces them (delete by person).
@Index({ properties: ["recipient"] })
@Index({ properties: ["role", "provinceCode"] })
export class RecipientRole {
  @PrimaryKey({ type: "integer", autoincrement: true })
  id!: number;

  @ManyToOne(() => Recipient, { fieldName: "user_id", deleteRule: "cascade" })
  recipient!: Recipient;

  /** identity's Role, by name (e.g. CERTIFICATION_REVIEWER). */
  @Property({ type: "string", length: 64 })
  role!: string;

  /** Ids of the organisation and its ancestors, province first, joined by "/" (as identity stores paths). */
  @Property({ type: "string", length: 400 })
  organizationPath!: string;

  /** Official code of the binding's province (e.g. 15, 11), when identity knows it. */
  @Property({ type: "string", length: 2, nullable: true })
  provinceCode: string | null = null;
}
