import type { BackoffOptions } from "./backoff.js";
import type { DomainEvent } from "./event.js";

export type EventHandler = (event: DomainEvent) => Promise<void>;

/** Told about an event a consumer gave up on; the message will not be delivered to it again. */
export type DeadLetterHandler = (event: DomainEvent, error: unknown, attempts: number) => void | Promise<void>;

export interface SubscribeOptions {
  /** Deliveries to this consumer before the event goes to `onDeadLetter` (default 10). */
  maxDeliver?: number;
  /** Delay before redelivering after a failed handler, doubling per attempt (JetStream; the in-process bus follows the relay's backoff). */
  retryBackoff?: Partial<BackoffOptions>;
  /** Default: logged at error level with the event and the last error. */
  onDeadLetter?: DeadLetterHandler;
}

export interface Subscription {
  readonly consumer: string;
  readonly types: readonly string[];
  /** Stops receiving; resolves once the handler that is running (if any) has finished. */
  stop(): Promise<void>;
}

/**
 * Carries events between subgraphs, at least once. A consumer (a name, stable across restarts
 * and replicas) receives every event of its types; handlers must be idempotent, which
 * `handleOnce` provides. Ordering is not guaranteed once retries happen.
 */
export interface Bus {
  /** Resolves once the bus has taken responsibility for the event; rejects if it has not, so the outbox retries. */
  publish(event: DomainEvent): Promise<void>;
  subscribe(consumer: string, types: string[], handler: EventHandler, options?: SubscribeOptions): Promise<Subscription>;
  /** Stops every subscription (waiting for running handlers) and releases the connection. */
  close(): Promise<void>;
}

/** The bus cannot take events at all right now (closed, disconnected, timed out): retry the whole batch later. */
export class BusUnavailableError extends Error {
  constructor(message: string, options?: ErrorOptions) {
    super(message, options);
    this.name = "BusUnavailableError";
  }
}

export const DEFAULT_MAX_DELIVER = 10;

/** Consumer names end up in JetStream durable names, which allow no dots or wildcards. */
export const CONSUMER_NAME_PATTERN = /^[a-z][a-z0-9-]*$/;
