/**
 * How a subgraph takes part in events (docs/architecture.md "The shape": outbox → bus). Producers write events with
 * `recordEvent(em, Definition.create(...))` in the same flush as their change; the kit runs the
 * outbox relay and pokes it after every commit. Consumers are declared on the definition; the
 * kit subscribes them and runs each event through `handleOnce`, so a redelivered event changes
 * nothing twice.
 */
import type { EntityManager, EventSubscriber, MikroORM } from "@mikro-orm/core";
import {
  handleOnce,
  pruneOutbox,
  OutboxEvent,
  OutboxRelay,
  parseDomainEvent,
  type Bus,
  type DomainEvent,
  type EventDefinition,
  type EventOf,
  type SubscribeOptions,
  type Subscription,
} from "@xuekao/events";
import type { Logger } from "./logger.js";
import type { OwnedRequestContext, RequestContext } from "./context.js";

/**
 * What a handler receives: a request context without a caller (a system task), whose `em` is the
 * consumer's transaction — persist through it; the commit flushes with the dedupe mark, and audit
 * entries are sealed into the chain in the same transaction. `requestId` is the event's id.
 */
export type ConsumerContext<Services extends object = object> = RequestContext<Services>;

/** What a consumer does with one kind of event, receiving it parsed and typed. */
export interface EventHandler<Services extends object = object> {
  event: EventDefinition;
  handle(event: DomainEvent, context: ConsumerContext<Services>): Promise<void>;
}

/** Pairs an event definition with its handler, keeping the payload's type: `on(SmsCodeRequested, sendCode)`. */
export function on<TDefinition extends EventDefinition, Services extends object = object>(
  event: TDefinition,
  handle: (event: EventOf<TDefinition>, context: ConsumerContext<Services>) => Promise<void>,
): EventHandler<Services> {
  return { event, handle: handle as EventHandler<Services>["handle"] };
}

export interface EventConsumer<Services extends object = object> {
  /** Unique inside the subgraph; the durable consumer is `<subgraph>-<name>`. Lowercase, digits, hyphens. */
  name: string;
  /** One handler per event (type and version); any other version is refused, then dead-lettered. */
  handlers: EventHandler<Services>[];
  options?: SubscribeOptions;
}

export interface EventRuntime {
  relay: OutboxRelay | null;
  stop(): Promise<void>;
}

/** Whether the subgraph keeps an outbox (its entity list holds OutboxEvent). */
export const producesEvents = (entities: readonly unknown[]) => entities.includes(OutboxEvent);

/**
 * Subscribes the consumers, then starts the relay (in that order: the in-process bus keeps
 * nothing for a consumer that is not subscribed yet).
 */
export async function startEventRuntime<Services extends object>(options: {
  subgraph: string;
  orm: MikroORM;
  bus: Bus;
  logger: Logger;
  /** The context a handler gets over the consumer's transaction. */
  contextFor: (em: EntityManager, event: DomainEvent) => OwnedRequestContext<Services>;
  consumers: EventConsumer<Services>[];
  produces: boolean;
  relayPollIntervalMs?: number;
}): Promise<EventRuntime> {
  // Published rows are kept an hour (for inspection) and then deleted: the outbox is a queue,
  // and some payloads (a verification code) must not linger in the producer's database.
  const retentionMs = 60 * 60_000;
  const { subgraph, orm, bus, logger } = options;
  const subscriptions: Subscription[] = [];
  for (const consumer of options.consumers) {
    const name = `${subgraph}-${consumer.name}`;
    const consumerLogger = logger.child({ consumer: name });
    subscriptions.push(
      await bus.subscribe(
        name,
        [...new Set(consumer.handlers.map((handler) => handler.event.type))],
        async (raw) => {
          const envelope = parseDomainEvent(raw);
          const handler = consumer.handlers.find((candidate) => candidate.event.matches(envelope));
          if (!handler) throw new Error(`${name} does not handle ${envelope.type} v${envelope.version}`);
          // Parsed once, here; the handler gets the typed event.
          const event = handler.event.parse(raw);
          const outcome = await handleOnce(orm, name, event, async (em) => {
            const context = options.contextFor(em, event);
            await handler.handle(event, context);
            await context.sealPending();
          });
          consumerLogger.debug({ eventId: event.id, eventType: event.type, outcome }, "event consumed");
        },
        consumer.options,
      ),
    );
  }

  let relay: OutboxRelay | null = null;
  let subscriber: EventSubscriber | null = null;
  let pruner: NodeJS.Timeout | null = null;
  if (options.produces) {
    relay = new OutboxRelay(orm, bus, logger, { pollIntervalMs: options.relayPollIntervalMs ?? 1_000 });
    const poke = relay.poke.bind(relay);
    // After a commit the new rows are visible: publish them now rather than at the next poll.
    subscriber = { afterFlush: poke, afterTransactionCommit: poke };
    orm.em.getEventManager().registerSubscriber(subscriber);
    relay.start();
    // Idempotent and harmless when replicas do it at once: no lease needed.
    const prune = () =>
      void pruneOutbox(orm, new Date(Date.now() - retentionMs)).catch((error: unknown) => logger.warn({ err: error }, "outbox pruning failed"));
    pruner = setInterval(prune, 10 * 60_000);
    pruner.unref();
  }

  return {
    relay,
    stop: async () => {
      if (pruner) clearInterval(pruner);
      await relay?.stop();
      await Promise.allSettled(subscriptions.map((subscription) => subscription.stop()));
    },
  };
}
