import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { Entity, PrimaryKey, Property, Unique, type Opt } from "@mikro-orm/core";

/**
 * The memory of a consumer: one row per event it has handled. The bus delivers at least once;
 * inserting this row in the same transaction as the handler's effects turns that into
 * effects-exactly-once. Each consuming subgraph lists this entity and migrates the table.
 */
@Entity({ tableName: "processed_event" })
// The dedupe itself: a second delivery of the same event to the same consumer cannot insert.
@Unique({ name: "processed_event_consumer_event_id_unique", properties: ["consumer", "eventId"] })
export class ProcessedEvent {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  /** The subscriber name given to the bus, e.g. `notification-sms`; one subgraph may have several. */
  @Property({ type: "string", length: 100 })
  consumer!: string;

  @Property({ type: "uuid" })
  eventId!: string;

  /** For whoever reads the table while investigating; not part of the dedupe. */
  @Property({ type: "string", length: 200 })
  eventType!: string;

  @Property({ type: "datetime" })
  processedAt: Opt<Date> = new Date();
}
