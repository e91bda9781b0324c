import "reflect-metadata";
import { OutboxEvent } from "./outbox-event.entity.js";
import { ProcessedEvent } from "./processed-event.entity.js";

export * from "./backoff.js";
export * from "./bus.js";
export * from "./create-bus.js";
export * from "./event.js";
export * from "./handle-once.js";
export * from "./in-process-bus.js";
export * from "./jetstream-bus.js";
export * from "./logger.js";
export * from "./outbox.js";
export * from "./outbox-relay.js";
export { OutboxEvent, ProcessedEvent };

/** Add to a subgraph's entity list (and migrations): the outbox if it produces events, processed_event if it consumes. */
export const eventEntities = [OutboxEvent, ProcessedEvent];
