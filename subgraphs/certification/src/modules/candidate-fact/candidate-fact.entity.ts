import { randomUUID } from "node:crypto";
import { Entity, Index, PrimaryKey, Property, Unique, type Opt } from "@mikro-orm/core";

/** What certification learned about a candidate from the registry's events. */
export enum CandidateFactKind {
  /** registry.record-registered: a record (考籍) exists in the province. */
  RECORD_REGISTERED = "RECORD_REGISTERED",
  /** registry.exam-results-recorded: the candidate sat the qualification exam in the province. */
  EXAM_RESULTS_RECORDED = "EXAM_RESULTS_RECORDED",
  /** registry.record-transferred-in: the record came into the province from another. */
  RECORD_TRANSFERRED_IN = "RECORD_TRANSFERRED_IN",
}

/**
 * One fact about a candidate in a province, from the registry's events (never from its tables):
 * eligibility ("sat the exam here", "record transferred in") and the school flow ("an in-school
 * record under this school") are decided on these rows. One row per candidate, kind and province;
 * a later event of the same kind updates it.
 */
@Entity({ tableName: "candidate_fact" })
@Unique({ properties: ["candidateId", "kind", "provinceCode"] })
export class CandidateFact {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "uuid" })
  @Index()
  candidateId!: string;

  @Property({ type: "string", length: 32 })
  kind!: CandidateFactKind;

  @Property({ type: "string", length: 2 })
  provinceCode!: string;

  /** The event envelope's organisation path (the record's registration, province first). */
  @Property({ type: "string", length: 400, default: "" })
  @Index()
  organizationPath: Opt<string> = "";

  /** RECORD_REGISTERED: the record number (for in-school records 学籍号 = G + ID number). */
  @Property({ type: "string", length: 40, nullable: true })
  recordNumber: string | null = null;

  /** RECORD_REGISTERED: IN_SCHOOL or SOCIAL. */
  @Property({ type: "string", length: 16, nullable: true })
  candidateKind: string | null = null;

  /** RECORD_TRANSFERRED_IN: the sending province. */
  @Property({ type: "string", length: 2, nullable: true })
  fromProvinceCode: string | null = null;

  /** When it happened (the payload's instant). */
  @Property({ type: "datetime" })
  occurredAt!: Date;
}

/**
 * A candidate's name as identity announced it (identity.user-contact-changed): the holder's name
 * on the certification result. Kept for candidates only; the latest event wins.
 */
@Entity({ tableName: "candidate_name" })
export class CandidateName {
  @PrimaryKey({ type: "uuid" })
  candidateId!: string;

  @Property({ type: "string", length: 100 })
  displayName!: string;

  /** The announcing event's occurredAt: an older event arriving late changes nothing. */
  @Property({ type: "datetime" })
  changedAt!: Date;
}
