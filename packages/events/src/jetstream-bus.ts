import { setTimeout as sleep } from "node:timers/promises";
import {
  AckPolicy,
  DeliverPolicy,
  DiscardPolicy,
  jetstream,
  JetStreamApiCodes,
  JetStreamApiError,
  jetstreamManager,
  RetentionPolicy,
  StorageType,
  type ConsumerConfig,
  type ConsumerMessages,
  type JetStreamClient,
  type JetStreamManager,
  type JsMsg,
} from "@nats-io/jetstream";
import { connect, nanos, type NatsConnection } from "@nats-io/transport-node";
import { backoffDelay, resolveBackoff, type BackoffOptions } from "./backoff.js";
import { BusUnavailableError, type Bus, type DeadLetterHandler, type EventHandler, type SubscribeOptions, type Subscription } from "./bus.js";
import { assertValidSubscription, errorMessage, reportDeadLetter, resolveMaxDeliver } from "./delivery.js";
import { parseDomainEvent, type DomainEvent } from "./event.js";
import type { EventLogger } from "./logger.js";

export interface JetStreamBusOptions {
  /** NATS server URL(s), e.g. `nats://127.0.0.1:4222` (what `NATS_URL` holds). */
  servers: string | string[];
  logger: EventLogger;
  /** Default `XUEKAO_EVENTS`. */
  streamName?: string;
  /** Subjects are `<prefix>.<event type>`; default `xuekao.events`. */
  subjectPrefix?: string;
  /** Republications of one event id within this window are stored once (default 2 min). */
  duplicateWindowMs?: number;
  /** How long the stream keeps events, i.e. the longest a consumer may be down without losing any (default 7 days). */
  maxAgeMs?: number;
  /** Stream replicas in a NATS cluster (default 1). */
  replicas?: number;
  /** How long a publish waits for the server's acknowledgement (default 5 s). */
  publishTimeoutMs?: number;
  /** Unacknowledged deliveries are redelivered after this (default 30 s); running handlers extend it. */
  ackWaitMs?: number;
  /** Messages a subscription fetches ahead of its handler (default 10). */
  prefetch?: number;
  /** Shown in the server's connection list, e.g. the subgraph name. */
  connectionName?: string;
  /** Pause between reconnection attempts (default 2 s); the client retries forever. */
  reconnectTimeWaitMs?: number;
}

interface ActiveConsumer {
  durable: string;
  stopping: boolean;
  abort: AbortController;
  messages: ConsumerMessages | null;
  loop: Promise<void>;
}

const DEFAULT_RETRY_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 60_000 };
const REOPEN_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 30_000 };

/**
 * The production bus: one JetStream stream holds every event, so a consumer that was down
 * receives what it missed when it subscribes again (its position lives on the server in a
 * durable consumer). Publication is deduplicated by event id within the duplicate window,
 * which absorbs the outbox relay's retries.
 *
 * Each (consumer, event type) pair gets its own durable consumer, named
 * `<consumer>_<type with dots as underscores>` and filtered to that type's subject: one
 * consumer with several filter subjects needs NATS 2.10, and the project's servers run 2.9.
 * Replicas subscribing under the same consumer name share its events (each goes to one of them).
 */
export class JetStreamBus implements Bus {
  readonly streamName: string;
  readonly subjectPrefix: string;
  private connected = true;
  private closed = false;
  private readonly consumers = new Set<ActiveConsumer>();
  private readonly publishTimeoutMs: number;
  private readonly ackWaitMs: number;
  private readonly prefetch: number;

  private constructor(
    private readonly nc: NatsConnection,
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly options: JetStreamBusOptions,
  ) {
    this.streamName = options.streamName ?? "XUEKAO_EVENTS";
    this.subjectPrefix = options.subjectPrefix ?? "xuekao.events";
    this.publishTimeoutMs = options.publishTimeoutMs ?? 5_000;
    this.ackWaitMs = options.ackWaitMs ?? 30_000;
    this.prefetch = options.prefetch ?? 10;
    void this.watchConnection();
  }

  /** Connects and creates (or updates) the stream; fails if the server cannot be reached. */
  static async connect(options: JetStreamBusOptions): Promise<JetStreamBus> {
    const subjectPrefix = options.subjectPrefix ?? "xuekao.events";
    if (!/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/.test(subjectPrefix)) {
      throw new Error(`NATS subject prefix "${subjectPrefix}" must be dot-separated tokens without wildcards`);
    }
    let nc: NatsConnection;
    try {
      nc = await connect({
        servers: options.servers,
        name: options.connectionName,
        maxReconnectAttempts: -1,
        reconnectTimeWait: options.reconnectTimeWaitMs ?? 2_000,
      });
    } catch (error) {
      throw new Error(`Cannot connect to NATS at ${[options.servers].flat().join(", ")} (NATS_URL): ${errorMessage(error)}`, { cause: error });
    }
    try {
      const jsm = await jetstreamManager(nc);
      const bus = new JetStreamBus(nc, jetstream(nc, { timeout: options.publishTimeoutMs ?? 5_000 }), jsm, options);
      await bus.ensureStream();
      return bus;
    } catch (error) {
      await nc.close();
      throw error;
    }
  }

  async publish(event: DomainEvent): Promise<void> {
    if (this.closed) throw new BusUnavailableError("The JetStream event bus is closed");
    // Fail at once while disconnected instead of buffering and waiting out the timeout per event.
    if (!this.connected) throw new BusUnavailableError(`Not connected to NATS (${this.nc.getServer()})`);
    try {
      await this.js.publish(this.subjectFor(event.type), JSON.stringify(event), { msgID: event.id, timeout: this.publishTimeoutMs });
    } catch (error) {
      throw new BusUnavailableError(`JetStream did not accept event ${event.type} ${event.id}: ${errorMessage(error)}`, { cause: error });
    }
  }

  async subscribe(consumer: string, types: string[], handler: EventHandler, options?: SubscribeOptions): Promise<Subscription> {
    assertValidSubscription(consumer, types);
    if (this.closed) throw new BusUnavailableError("The JetStream event bus is closed");
    const maxDeliver = resolveMaxDeliver(options);
    const retryBackoff = resolveBackoff(options?.retryBackoff, DEFAULT_RETRY_BACKOFF);
    const logger = this.options.logger;
    const onDeadLetter: DeadLetterHandler =
      options?.onDeadLetter ??
      ((event, error, attempts) =>
        logger.error({ err: error, consumer, eventId: event.id, eventType: event.type, attempts, event }, "event dead-lettered"));

    const started: ActiveConsumer[] = [];
    try {
      for (const type of [...new Set(types)]) {
        const durable = `${consumer}_${type.replaceAll(".", "_")}`;
        await this.ensureConsumer(durable, type, maxDeliver);
        started.push(await this.startConsumer(durable, consumer, handler, { maxDeliver, retryBackoff, onDeadLetter }));
      }
    } catch (error) {
      await Promise.all(started.map((active) => this.stopConsumer(active)));
      throw error;
    }
    return {
      consumer,
      types: [...types],
      stop: async () => {
        await Promise.all(started.map((active) => this.stopConsumer(active)));
      },
    };
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.consumers].map((active) => this.stopConsumer(active)));
    // drain() flushes the last acknowledgements before closing.
    if (!this.nc.isClosed()) await this.nc.drain().catch(() => this.nc.close());
  }

  /** The subject an event type is published on. */
  subjectFor(type: string): string {
    return `${this.subjectPrefix}.${type}`;
  }

  private async ensureStream(): Promise<void> {
    const wanted = {
      subjects: [`${this.subjectPrefix}.>`],
      duplicate_window: nanos(this.options.duplicateWindowMs ?? 2 * 60_000),
      max_age: nanos(this.options.maxAgeMs ?? 7 * 24 * 60 * 60_000),
      num_replicas: this.options.replicas ?? 1,
    };
    if (await this.exists(() => this.jsm.streams.info(this.streamName), JetStreamApiCodes.StreamNotFound)) {
      await this.jsm.streams.update(this.streamName, wanted);
      return;
    }
    await this.jsm.streams.add({
      name: this.streamName,
      ...wanted,
      storage: StorageType.File,
      retention: RetentionPolicy.Limits,
      discard: DiscardPolicy.Old,
    });
  }

  private async ensureConsumer(durable: string, type: string, maxDeliver: number): Promise<void> {
    const changeable: Partial<ConsumerConfig> = {
      max_deliver: maxDeliver,
      ack_wait: nanos(this.ackWaitMs),
      description: `xuekao consumer of ${type}`,
    };
    if (await this.exists(() => this.jsm.consumers.info(this.streamName, durable), JetStreamApiCodes.ConsumerNotFound)) {
      await this.jsm.consumers.update(this.streamName, durable, changeable);
      return;
    }
    await this.jsm.consumers.add(this.streamName, {
      ...changeable,
      durable_name: durable,
      filter_subject: this.subjectFor(type),
      ack_policy: AckPolicy.Explicit,
      // A consumer created after events were published still receives them: subgraphs deploy in any order.
      deliver_policy: DeliverPolicy.All,
    });
  }

  private async exists(lookup: () => Promise<unknown>, notFoundCode: number): Promise<boolean> {
    try {
      await lookup();
      return true;
    } catch (error) {
      if (error instanceof JetStreamApiError && error.code === notFoundCode) return false;
      throw error;
    }
  }

  /** Resolves once the pull subscription is open, so events published after `subscribe()` resolved reach it. */
  private async startConsumer(
    durable: string,
    consumer: string,
    handler: EventHandler,
    delivery: { maxDeliver: number; retryBackoff: BackoffOptions; onDeadLetter: DeadLetterHandler },
  ): Promise<ActiveConsumer> {
    const open = async (): Promise<ConsumerMessages> => {
      const pull = await this.js.consumers.get(this.streamName, durable);
      const messages = await pull.consume({ max_messages: this.prefetch });
      void this.watchConsumer(messages, durable);
      return messages;
    };
    const active: ActiveConsumer = { durable, stopping: false, abort: new AbortController(), messages: await open(), loop: Promise.resolve() };
    active.loop = (async () => {
      let reopenings = 0;
      while (!active.stopping && !this.nc.isClosed()) {
        try {
          active.messages ??= await open();
          for await (const msg of active.messages) {
            reopenings = 0;
            // Fetched ahead but not to be handled: hand back now rather than after ack_wait.
            if (active.stopping) msg.nak();
            else await this.deliver(msg, consumer, handler, delivery);
          }
          if (active.stopping || this.nc.isClosed()) break;
          this.options.logger.warn({ durable, stream: this.streamName }, "JetStream subscription ended; reopening");
        } catch (error) {
          if (active.stopping) break;
          this.options.logger.warn({ err: error, durable, stream: this.streamName }, "JetStream subscription failed; reopening");
        }
        active.messages = null;
        reopenings += 1;
        // The client already rides out disconnects; getting here means the server refused us, so do not hammer it.
        await sleep(backoffDelay(reopenings, REOPEN_BACKOFF), undefined, { signal: active.abort.signal }).catch(() => undefined);
      }
    })();
    this.consumers.add(active);
    return active;
  }

  private async stopConsumer(active: ActiveConsumer): Promise<void> {
    active.stopping = true;
    active.abort.abort();
    await active.messages?.close().catch(() => undefined);
    await active.loop;
    this.consumers.delete(active);
  }

  private async deliver(
    msg: JsMsg,
    consumer: string,
    handler: EventHandler,
    delivery: { maxDeliver: number; retryBackoff: BackoffOptions; onDeadLetter: DeadLetterHandler },
  ): Promise<void> {
    const logger = this.options.logger;
    let event: DomainEvent;
    try {
      event = parseDomainEvent(msg.json());
    } catch (error) {
      // Retrying cannot fix a malformed message. (No reason text on term: NATS 2.9 only understands a bare +TERM.)
      logger.error({ err: error, consumer, subject: msg.subject, streamSequence: msg.seq }, "undecodable event message terminated");
      msg.term();
      return;
    }

    const attempts = msg.info.deliveryCount;
    // Tells the server the handler is still at work, so a slow handler is not redelivered meanwhile.
    const keepAlive = setInterval(() => msg.working(), Math.max(1_000, this.ackWaitMs / 2));
    keepAlive.unref();
    try {
      await handler(event);
    } catch (error) {
      if (attempts >= delivery.maxDeliver) {
        msg.term();
        await reportDeadLetter(delivery.onDeadLetter, logger, consumer, event, error, attempts);
      } else {
        const retryInMs = backoffDelay(attempts, delivery.retryBackoff);
        msg.nak(retryInMs);
        logger.warn({ err: error, consumer, eventId: event.id, eventType: event.type, attempts, retryInMs }, "event handler failed; will retry");
      }
      return;
    } finally {
      clearInterval(keepAlive);
    }
    try {
      await msg.ackAck();
    } catch (error) {
      // The work is committed; a redelivery will be recognised as a duplicate by handleOnce.
      logger.warn({ err: error, consumer, eventId: event.id }, "acknowledgement not confirmed; the event may be redelivered");
    }
  }

  /** Surfaces the pull subscription's trouble (the client keeps retrying on its own); routine notices are ignored. */
  private async watchConsumer(messages: ConsumerMessages, durable: string): Promise<void> {
    const troubles = new Set(["heartbeats_missed", "consumer_not_found", "stream_not_found", "consumer_deleted", "no_responders", "exceeded_limits"]);
    for await (const status of messages.status()) {
      if (troubles.has(status.type)) this.options.logger.warn({ durable, stream: this.streamName, status }, "JetStream consumer trouble");
    }
  }

  private async watchConnection(): Promise<void> {
    for await (const status of this.nc.status()) {
      if (status.type === "disconnect") {
        this.connected = false;
        this.options.logger.warn({ server: status.server }, "disconnected from NATS; reconnecting");
      } else if (status.type === "reconnect") {
        this.connected = true;
        this.options.logger.info({ server: status.server }, "reconnected to NATS");
      }
    }
  }
}
