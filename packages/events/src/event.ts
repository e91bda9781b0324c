import { randomUUID } from "node:crypto";
import { z } from "zod";

/**
 * What one subgraph tells the others happened. The envelope is the same for every event; the
 * payload is described by the producing subgraph's `defineEvent`. Everything in it must survive
 * JSON (instants as ISO strings, no Dates or Maps): it travels as JSON through the outbox and
 * the bus.
 */
export interface DomainEvent<TPayload = unknown, TType extends string = string> {
  /** uuid v4. Also the bus message id and the consumers' dedupe key, so it never changes on retry. */
  readonly id: string;
  /** `<subgraph>.<what-happened>`, e.g. `identity.sms-code-requested`; doubles as the bus subject. */
  readonly type: TType;
  /** Bumped when the payload changes incompatibly; consumers refuse versions they do not know. */
  readonly version: number;
  /** ISO 8601 instant. */
  readonly occurredAt: string;
  /** Organisation ids from the province down to the unit the event concerns; `[]` when none. */
  readonly organizationPath: string[];
  /** Name of the producing subgraph. */
  readonly producer: string;
  readonly payload: TPayload;
}

/** Lowercase kebab-case segments joined by dots; dots because the type becomes a NATS subject. */
export const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9-]*(\.[a-z][a-z0-9-]*)+$/;

const envelopeSchema = z.object({
  id: z.uuidv4(),
  type: z.string().regex(EVENT_TYPE_PATTERN, "must look like `<subgraph>.<kebab-case-name>`"),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  organizationPath: z.array(z.string().min(1)),
  producer: z.string().min(1),
  payload: z.unknown(),
});

/** An event (or its payload) that does not match its definition: a programming or deployment error, never a user's. */
export class EventValidationError extends Error {
  constructor(
    message: string,
    public readonly issues: readonly z.core.$ZodIssue[] = [],
  ) {
    super(message);
    this.name = "EventValidationError";
  }
}

function describeIssues(issues: readonly z.core.$ZodIssue[], pathPrefix: string[] = []): string {
  return issues
    .map((issue) => {
      const path = [...pathPrefix, ...issue.path.map(String)].join(".");
      return `${path || "(root)"}: ${issue.message}`;
    })
    .join("; ");
}

/** Validates the envelope only (payload left unknown): what a bus or relay needs to route an event. */
export function parseDomainEvent(raw: unknown): DomainEvent {
  const result = envelopeSchema.safeParse(raw);
  if (!result.success) {
    throw new EventValidationError(`Invalid domain event envelope: ${describeIssues(result.error.issues)}`, result.error.issues);
  }
  return result.data;
}

export interface EventContext {
  organizationPath: string[];
  producer: string;
  /** Injected by tests; the server clock otherwise. */
  now?: Date;
}

export interface EventDefinition<TType extends string = string, TSchema extends z.ZodType = z.ZodType> {
  readonly type: TType;
  readonly version: number;
  readonly description: string;
  readonly payload: TSchema;
  /** A new event with a fresh id; throws `EventValidationError` when the payload does not match. */
  create(payload: z.input<TSchema>, context: EventContext): DomainEvent<z.output<TSchema>, TType>;
  /** Validates envelope, type, version and payload of something received; throws `EventValidationError`. */
  parse(raw: unknown): DomainEvent<z.output<TSchema>, TType>;
  /** True when the event carries this definition's type and version (it may still need `parse`). */
  matches(event: DomainEvent): boolean;
}

/** The event type a definition produces: `type SmsCodeRequested = EventOf<typeof smsCodeRequested>`. */
export type EventOf<TDefinition extends EventDefinition> = ReturnType<TDefinition["parse"]>;

/**
 * Declares one kind of event. Subgraphs keep their definitions beside the feature that
 * produces them and export them for consumers; this package holds none.
 */
export function defineEvent<const TType extends string, TSchema extends z.ZodType>(spec: {
  type: TType;
  version: number;
  payload: TSchema;
  description: string;
}): EventDefinition<TType, TSchema> {
  if (!EVENT_TYPE_PATTERN.test(spec.type)) {
    throw new Error(`Event type "${spec.type}" must look like "<subgraph>.<kebab-case-name>", e.g. "identity.sms-code-requested"`);
  }
  if (!Number.isInteger(spec.version) || spec.version < 1) {
    throw new Error(`Event ${spec.type}: version must be a positive integer, got ${spec.version}`);
  }
  const label = `${spec.type} v${spec.version}`;
  type Event = DomainEvent<z.output<TSchema>, TType>;

  const parsePayload = (payload: unknown): z.output<TSchema> => {
    const result = spec.payload.safeParse(payload);
    if (!result.success) {
      throw new EventValidationError(`Invalid event ${label}: ${describeIssues(result.error.issues, ["payload"])}`, result.error.issues);
    }
    return result.data;
  };

  return {
    type: spec.type,
    version: spec.version,
    description: spec.description,
    payload: spec.payload,

    create(payload, context) {
      const envelope = envelopeSchema.safeParse({
        id: randomUUID(),
        type: spec.type,
        version: spec.version,
        occurredAt: (context.now ?? new Date()).toISOString(),
        organizationPath: context.organizationPath,
        producer: context.producer,
        payload: null,
      });
      if (!envelope.success) {
        throw new EventValidationError(`Invalid event ${label}: ${describeIssues(envelope.error.issues)}`, envelope.error.issues);
      }
      // The payload is parsed once only: a schema with transforms must not see its own output again.
      return { ...envelope.data, type: spec.type, payload: parsePayload(payload) } as Event;
    },

    parse(raw) {
      const envelope = parseDomainEvent(raw);
      if (envelope.type !== spec.type || envelope.version !== spec.version) {
        throw new EventValidationError(`Expected event ${label}, got ${envelope.type} v${envelope.version} (id ${envelope.id})`);
      }
      return { ...envelope, type: spec.type, payload: parsePayload(envelope.payload) } as Event;
    },

    matches(event) {
      return event.type === spec.type && event.version === spec.version;
    },
  };
}
