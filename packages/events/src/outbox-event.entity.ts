import "reflect-metadata";
import { Entity, Index, PrimaryKey, Property, type Opt } from "@mikro-orm/core";
import { parseDomainEvent, type DomainEvent } from "./event.js";

/**
 * One event waiting to leave (or already gone from) the producing subgraph. Written in the same
 * transaction as the change it describes, so an event exists exactly when its change committed;
 * the relay publishes it afterwards. Each subgraph that produces events lists this entity and
 * creates the table through its own migrations.
 */
@Entity({ tableName: "outbox_event" })
// The relay's only query: unpublished rows whose next attempt is due.
@Index({ name: "outbox_event_due_index", properties: ["publishedAt", "nextAttemptAt"] })
export class OutboxEvent {
  /** The event's own id, so a row and the message it became are one thing. */
  @PrimaryKey({ type: "uuid" })
  id!: string;

  @Property({ type: "string", length: 200 })
  type!: string;

  @Property({ type: "integer" })
  version!: number;

  @Property({ type: "datetime" })
  occurredAt!: Date;

  /** JSON array of organisation ids. */
  @Property({ type: "text" })
  organizationPath!: string;

  @Property({ type: "string", length: 100 })
  producer!: string;

  /** JSON; kept as text so both drivers store exactly what will be published. */
  @Property({ type: "text" })
  payload!: string;

  @Property({ type: "datetime", nullable: true })
  publishedAt: Date | null = null;

  /** Failed publish attempts so far. */
  @Property({ type: "integer" })
  attempts: Opt<number> = 0;

  @Property({ type: "datetime" })
  nextAttemptAt!: Date;

  @Property({ type: "text", nullable: true })
  lastError: string | null = null;

  /** While in the future, one relay owns the row; a crashed relay's claim simply runs out. */
  @Property({ type: "datetime", nullable: true })
  claimedUntil: Date | null = null;

  static fromDomainEvent(event: DomainEvent): OutboxEvent {
    const row = new OutboxEvent();
    row.id = event.id;
    row.type = event.type;
    row.version = event.version;
    row.occurredAt = new Date(event.occurredAt);
    row.organizationPath = JSON.stringify(event.organizationPath);
    row.producer = event.producer;
    row.payload = JSON.stringify(event.payload);
    // Due at once: the first publish attempt happens as soon as a relay sees the row.
    row.nextAttemptAt = row.occurredAt;
    return row;
  }

  toDomainEvent(): DomainEvent {
    return parseDomainEvent({
      id: this.id,
      type: this.type,
      version: this.version,
      occurredAt: this.occurredAt.toISOString(),
      organizationPath: JSON.parse(this.organizationPath) as unknown,
      producer: this.producer,
      payload: JSON.parse(this.payload) as unknown,
    });
  }
}
