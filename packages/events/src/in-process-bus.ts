import { BusUnavailableError, type Bus, type DeadLetterHandler, type EventHandler, type SubscribeOptions, type Subscription } from "./bus.js";
import { assertValidSubscription, errorMessage, reportDeadLetter, resolveMaxDeliver } from "./delivery.js";
import type { DomainEvent } from "./event.js";
import type { EventLogger } from "./logger.js";

/** One or more consumers failed an event; the outbox keeps it and the relay publishes it again. */
export class EventDeliveryError extends Error {
  constructor(
    public readonly event: DomainEvent,
    public readonly failures: ReadonlyArray<{ consumer: string; error: unknown }>,
  ) {
    super(
      `Event ${event.type} ${event.id} failed in ${failures.map((failure) => `${failure.consumer} (${errorMessage(failure.error)})`).join(", ")}`,
      { cause: failures[0]?.error },
    );
    this.name = "EventDeliveryError";
  }
}

interface LocalSubscription {
  consumer: string;
  types: Set<string>;
  handler: EventHandler;
  maxDeliver: number;
  onDeadLetter: DeadLetterHandler;
  running: Set<Promise<void>>;
  /** Failed deliveries per event id, to dead-letter after `maxDeliver` like JetStream does. */
  failures: Map<string, number>;
}

/**
 * The embedded bus: every subgraph in one Node process. Nothing is stored here; the producer's
 * outbox is the queue. `publish` runs every matching handler and succeeds only if all did, so a
 * failed consumer makes the relay retry the event later — consumers that had already handled
 * it see it again and skip it through `handleOnce`. Subscribe before the relay starts: events
 * published while a consumer is not subscribed are not kept for it.
 */
export class InProcessBus implements Bus {
  private readonly subscriptions = new Map<string, LocalSubscription>();
  private closed = false;

  constructor(private readonly options: { logger: EventLogger }) {}

  async publish(event: DomainEvent): Promise<void> {
    if (this.closed) throw new BusUnavailableError("The in-process event bus is closed");
    const targets = [...this.subscriptions.values()].filter((subscription) => subscription.types.has(event.type));
    const failures: Array<{ consumer: string; error: unknown }> = [];
    await Promise.all(
      targets.map(async (subscription) => {
        try {
          await this.deliver(subscription, event);
        } catch (error) {
          failures.push({ consumer: subscription.consumer, error });
        }
      }),
    );
    if (failures.length > 0) throw new EventDeliveryError(event, failures);
  }

  async subscribe(consumer: string, types: string[], handler: EventHandler, options?: SubscribeOptions): Promise<Subscription> {
    assertValidSubscription(consumer, types);
    if (this.closed) throw new BusUnavailableError("The in-process event bus is closed");
    // One process has one instance of each consumer; a second one is a wiring mistake.
    if (this.subscriptions.has(consumer)) throw new Error(`Consumer "${consumer}" is already subscribed`);
    const logger = this.options.logger;
    const subscription: LocalSubscription = {
      consumer,
      types: new Set(types),
      handler,
      maxDeliver: resolveMaxDeliver(options),
      onDeadLetter:
        options?.onDeadLetter ??
        ((event, error, attempts) =>
          logger.error({ err: error, consumer, eventId: event.id, eventType: event.type, attempts, event }, "event dead-lettered")),
      running: new Set(),
      failures: new Map(),
    };
    this.subscriptions.set(consumer, subscription);
    return {
      consumer,
      types: [...types],
      stop: async () => {
        if (this.subscriptions.get(consumer) === subscription) this.subscriptions.delete(consumer);
        await Promise.allSettled([...subscription.running]);
      },
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const subscriptions = [...this.subscriptions.values()];
    this.subscriptions.clear();
    await Promise.allSettled(subscriptions.flatMap((subscription) => [...subscription.running]));
  }

  private async deliver(subscription: LocalSubscription, event: DomainEvent): Promise<void> {
    // A copy through JSON, as a networked bus would deliver it: no consumer sees another's
    // mutations or anything that would not survive the wire.
    const copy = JSON.parse(JSON.stringify(event)) as DomainEvent;
    const run = Promise.resolve().then(() => subscription.handler(copy));
    subscription.running.add(run);
    try {
      await run;
      subscription.failures.delete(event.id);
    } catch (error) {
      const attempts = (subscription.failures.get(event.id) ?? 0) + 1;
      if (attempts < subscription.maxDeliver) {
        subscription.failures.set(event.id, attempts);
        throw error;
      }
      // Given up on: this consumer counts as done, so the others are not held back forever.
      subscription.failures.delete(event.id);
      await reportDeadLetter(subscription.onDeadLetter, this.options.logger, subscription.consumer, copy, error, attempts);
    } finally {
      subscription.running.delete(run);
    }
  }
}
