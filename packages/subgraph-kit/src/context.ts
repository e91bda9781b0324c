import type { EntityManager } from "@mikro-orm/core";
import { recordEvent, type DomainEvent, type EventDefinition } from "@xuekao/events";
import type { Logger } from "pino";
import type { z } from "zod";
import { authorize, requireCaller, type AccessRule } from "./auth/authorization.js";
import type { Caller, ResourceScope } from "./auth/caller.js";
import { draftAuditEntry, sealAuditEntries, type AuditDraft, type AuditRecord } from "./audit/audit-chain.js";
import type { Clock } from "./clock.js";
import { EntityLoaders } from "./loaders.js";
import type { PersonalDataAccess } from "./personal-data/access.js";
import type { FileSlots } from "./files/file-slots.js";

/** Appends to the subgraph's audit chain (see audit-chain.ts). */
export interface AuditLog {
  /**
   * Inside `ctx.transaction`: the entry is sealed into the chain at commit, with the change it
   * describes, or not at all. Outside one (an audited read): it is committed before this resolves,
   * so nothing is revealed without its entry.
   */
  record(entry: AuditRecord): Promise<void>;
}

/** Queues events in the subgraph's outbox, in the same unit of work as the change they describe. */
export interface EventLog {
  record<TType extends string, TSchema extends z.ZodType>(
    definition: EventDefinition<TType, TSchema>,
    payload: z.input<TSchema>,
    where: { organizationPath: readonly string[] },
  ): DomainEvent<z.output<TSchema>, TType>;
}

/**
 * What every resolver and service receives, typed per subgraph by its long-lived services
 * (`RequestContext<IdentityServices>`): the request's own entity manager, the verified caller,
 * the clock every window and deadline is judged by, the request id and logger, and where audit
 * entries and events go. Services take it first: `service.create(ctx, input)`.
 */
export interface RequestContext<Services extends object = object> {
  readonly subgraph: string;
  readonly requestId: string;
  /** This request's own fork of the entity manager (inside `transaction`: the transaction's). */
  readonly em: EntityManager;
  readonly loaders: EntityLoaders;
  readonly logger: Logger;
  /** The verified caller (this subgraph checked the token itself); null when anonymous or a system task. */
  readonly caller: Caller | null;
  readonly clock: Clock;
  /** What the subgraph's `setup` built at boot (keys, settings, providers). */
  readonly services: Services;
  readonly audit: AuditLog;
  readonly events: EventLog;
  /** Lookups and masks of protected personal data (see personal-data/). */
  readonly personalData: PersonalDataAccess;
  /** Upload slots and download links (a subgraph with `files: true`; see files/file-slots.ts). */
  readonly files: FileSlots;
  /**
   * Runs `work` in one database transaction: its changes, its audit entries and its outbox events
   * commit together or not at all. Nested calls join the outer transaction.
   */
  transaction<T>(work: (tx: RequestContext<Services>) => Promise<T>): Promise<T>;
  /**
   * The same context on another clock (same caller, entity manager and transaction): to write
   * demo data as of an earlier instant, or let a test act at a chosen time.
   */
  withClock(clock: Clock): RequestContext<Services>;
  /**
   * The same context acting as another caller (same clock, entity manager and transaction): for
   * seeders and commands that put demo or bench data through the real services, never for a request.
   */
  actingAs(caller: Caller): RequestContext<Services>;
  /**
   * The same caller and clock on a fresh entity manager, outside any transaction: for work that
   * goes on after the request has been answered (a long spreadsheet import), which must not share
   * the request's unit of work.
   */
  detached(): RequestContext<Services>;
}

/** A context whose caller is known to be signed in (after `signedInContext` or `authorizedContext`). */
export type SignedInContext<Context extends RequestContext<object>> = Context & { readonly caller: Caller };

/** The context with its caller narrowed to non-null, or UNAUTHENTICATED. */
export function signedInContext<Context extends RequestContext<object>>(ctx: Context): SignedInContext<Context> {
  requireCaller(ctx.caller);
  return ctx as SignedInContext<Context>;
}

/** `authorize` on the context's caller; the context comes back with its caller non-null. */
export function authorizedContext<Context extends RequestContext<object>>(ctx: Context, rule: AccessRule, resource: ResourceScope): SignedInContext<Context> {
  authorize(ctx.caller, rule, resource);
  return ctx as SignedInContext<Context>;
}

export interface RequestContextOptions<Services extends object> {
  subgraph: string;
  requestId: string;
  em: EntityManager;
  logger: Logger;
  caller: Caller | null;
  clock: Clock;
  services: Services;
  personalData: PersonalDataAccess;
  files: FileSlots;
  /** The em is already inside a transaction the caller commits (an event consumer's): audit drafts wait for `sealPending`. */
  inTransaction?: boolean;
  /** Where queued audit entries wait (shared by contexts of one transaction). */
  pendingAudit?: AuditDraft[];
}

/** A context plus what its owner must do before committing a transaction it opened itself. */
export interface OwnedRequestContext<Services extends object> extends RequestContext<Services> {
  /** Seals the queued audit entries into the chain (call inside the transaction, before commit). */
  sealPending(): Promise<void>;
}

export function createRequestContext<Services extends object>(options: RequestContextOptions<Services>): OwnedRequestContext<Services> {
  const drafts: AuditDraft[] = options.pendingAudit ?? [];
  const inTransaction = options.inTransaction ?? false;
  const context: OwnedRequestContext<Services> = {
    subgraph: options.subgraph,
    requestId: options.requestId,
    em: options.em,
    loaders: new EntityLoaders(options.em),
    logger: options.logger,
    caller: options.caller,
    clock: options.clock,
    services: options.services,
    personalData: options.personalData,
    files: options.files,
    audit: {
      record: async (record) => {
        const draft = draftAuditEntry(record, { caller: options.caller, requestId: options.requestId, occurredAt: options.clock.now() });
        if (inTransaction) {
          drafts.push(draft);
          return;
        }
        // Its own transaction on a fresh fork: the entry commits now, whatever else the request holds.
        await options.em.fork().transactional((tx) => sealAuditEntries(tx, [draft]));
      },
    },
    events: {
      record: (definition, payload, where) => {
        const event = definition.create(payload, { producer: options.subgraph, organizationPath: [...where.organizationPath], now: options.clock.now() });
        recordEvent(options.em, event);
        return event;
      },
    },
    transaction: async (work) => {
      if (inTransaction) return work(context);
      return options.em.transactional(async (em) => {
        const tx = createRequestContext({ ...options, em, inTransaction: true });
        const result = await work(tx);
        await tx.sealPending();
        return result;
      });
    },
    // Entries recorded through the shifted context wait in this one's queue, sealed with it.
    withClock: (clock) => createRequestContext({ ...options, clock, inTransaction, pendingAudit: drafts }),
    actingAs: (caller) => createRequestContext({ ...options, caller, inTransaction, pendingAudit: drafts }),
    detached: () => createRequestContext({ ...options, em: options.em.fork({ clear: true }), inTransaction: false, pendingAudit: [] }),
    sealPending: async () => {
      const pending = drafts.splice(0);
      await sealAuditEntries(options.em, pending);
    },
  };
  return context;
}

export type { DomainEvent };
