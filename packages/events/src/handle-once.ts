import { randomUUID } from "node:crypto";
import { UniqueConstraintViolationException, type EntityManager, type MikroORM } from "@mikro-orm/core";
import type { DomainEvent } from "./event.js";
import { ProcessedEvent } from "./processed-event.entity.js";

export type HandleOnceOutcome = "handled" | "duplicate";

/** Thrown inside the transaction to roll it back when another delivery already holds the row. */
class AlreadyProcessed extends Error {}

/**
 * Runs `handler` for `event` at most once per `consumer`, whatever the bus redelivers: the
 * `processed_event` row and the handler's changes commit in one transaction. The unique key
 * (consumer, event_id) settles concurrent deliveries — the loser's insert fails (on PostgreSQL
 * it first waits for the winner to commit) and it reports "duplicate". A handler error rolls
 * everything back and is rethrown, so the bus delivers the event again.
 *
 * The handler writes through the `em` it is given (persist is enough; the commit flushes).
 */
export async function handleOnce(
  target: MikroORM | EntityManager,
  consumer: string,
  event: DomainEvent,
  handler: (em: EntityManager) => Promise<void>,
): Promise<HandleOnceOutcome> {
  const em = "em" in target ? target.em.fork() : target;
  // Cheap common case for redeliveries, without provoking a constraint error in the server log.
  if ((await em.count(ProcessedEvent, { consumer, eventId: event.id })) > 0) return "duplicate";
  try {
    await em.transactional(async (tx) => {
      try {
        await tx.insert(ProcessedEvent, { id: randomUUID(), consumer, eventId: event.id, eventType: event.type, processedAt: new Date() });
      } catch (error) {
        // Only this insert's violation means "duplicate"; one raised by the handler is its own error.
        if (error instanceof UniqueConstraintViolationException) throw new AlreadyProcessed();
        throw error;
      }
      await handler(tx);
    });
    return "handled";
  } catch (error) {
    if (error instanceof AlreadyProcessed) return "duplicate";
    throw error;
  }
}
