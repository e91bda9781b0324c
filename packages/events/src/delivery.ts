// Delivery helpers shared by the bus drivers; not part of the package's public API.
import { CONSUMER_NAME_PATTERN, DEFAULT_MAX_DELIVER, type DeadLetterHandler, type SubscribeOptions } from "./bus.js";
import { EVENT_TYPE_PATTERN, type DomainEvent } from "./event.js";
import type { EventLogger } from "./logger.js";

export function assertValidSubscription(consumer: string, types: string[]): void {
  if (!CONSUMER_NAME_PATTERN.test(consumer)) {
    throw new Error(`Consumer name "${consumer}" must be lowercase letters, digits and hyphens, e.g. "notification-sms"`);
  }
  if (types.length === 0) throw new Error(`Consumer "${consumer}" subscribes to no event type`);
  for (const type of types) {
    if (!EVENT_TYPE_PATTERN.test(type)) throw new Error(`Consumer "${consumer}": "${type}" is not an event type`);
  }
}

export function resolveMaxDeliver(options: SubscribeOptions | undefined): number {
  const maxDeliver = options?.maxDeliver ?? DEFAULT_MAX_DELIVER;
  if (!Number.isInteger(maxDeliver) || maxDeliver < 1) throw new Error(`maxDeliver must be a positive integer, got ${maxDeliver}`);
  return maxDeliver;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Calls the dead-letter hook; a failing hook is logged, never allowed to bring the event back. */
export async function reportDeadLetter(
  onDeadLetter: DeadLetterHandler,
  logger: EventLogger,
  consumer: string,
  event: DomainEvent,
  error: unknown,
  attempts: number,
): Promise<void> {
  try {
    await onDeadLetter(event, error, attempts);
  } catch (hookError) {
    logger.error({ err: hookError, consumer, eventId: event.id, eventType: event.type }, "dead-letter handler failed");
  }
}
