import type { EntityManager, MikroORM } from "@mikro-orm/core";
import type { DomainEvent } from "./event.js";
import { OutboxEvent } from "./outbox-event.entity.js";

/**
 * Queues `event` for publication as part of the caller's unit of work: nothing is written until
 * the caller flushes (or its `transactional` block commits), so the event is stored if and only
 * if the change it describes is. Call `OutboxRelay.poke()` after the commit for low latency.
 */
export function recordEvent(em: EntityManager, event: DomainEvent): OutboxEvent {
  const row = OutboxEvent.fromDomainEvent(event);
  em.persist(row);
  return row;
}

/**
 * Deletes rows published before `publishedBefore`: the outbox is a queue, not an archive (the
 * bus keeps what was published). Unpublished rows are never touched, however old.
 */
export async function pruneOutbox(target: MikroORM | EntityManager, publishedBefore: Date): Promise<number> {
  const em = "em" in target ? target.em.fork() : target;
  return em.nativeDelete(OutboxEvent, { publishedAt: { $ne: null, $lt: publishedBefore } });
}
