import type { EntityManager, FilterQuery, MikroORM } from "@mikro-orm/core";
import { backoffDelay, resolveBackoff, type BackoffOptions } from "./backoff.js";
import { BusUnavailableError, type Bus } from "./bus.js";
import { errorMessage } from "./delivery.js";
import type { EventLogger } from "./logger.js";
import { OutboxEvent } from "./outbox-event.entity.js";

export interface OutboxRelayOptions {
  /** Rows claimed per cycle (default 50). */
  batchSize?: number;
  /** Pause between cycles when nothing is waiting (default 1000 ms); `poke()` cuts it short. */
  pollIntervalMs?: number;
  /** How long a claim keeps other relays away (default 30 s); must exceed the time to publish a batch. */
  leaseMs?: number;
  /** Delay before retrying a row whose publication failed (default 1 s doubling up to 5 min). */
  backoff?: Partial<BackoffOptions>;
  /** Injected by tests. */
  now?: () => Date;
}

export interface RelayCycleResult {
  /** Rows this relay won the claim for. */
  claimed: number;
  /** Due rows another relay claimed between this relay's read and its claim. */
  contended: number;
  published: number;
  failed: number;
}

const MAX_ERROR_LENGTH = 2_000;

/**
 * Moves committed outbox rows to the bus, at least once. Any number of relays (one per replica)
 * may run against one database: each row is claimed with a conditional UPDATE that only one of
 * them can win, and a claim runs out by itself if its relay dies. A row is marked published
 * only after the bus accepted it; a failure is recorded on the row and retried with backoff,
 * and the row is never deleted here.
 */
export class OutboxRelay {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly leaseMs: number;
  private readonly backoff: BackoffOptions;
  private readonly now: () => Date;

  private running = false;
  private timer: NodeJS.Timeout | null = null;
  private cycle: Promise<RelayCycleResult> | null = null;
  /** Set by `poke()` during a cycle: rows committed meanwhile may have been missed by its query. */
  private pokedDuringCycle = false;

  constructor(
    private readonly orm: MikroORM,
    private readonly bus: Bus,
    private readonly logger: EventLogger,
    options: OutboxRelayOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 50;
    this.pollIntervalMs = options.pollIntervalMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? 30_000;
    this.backoff = resolveBackoff(options.backoff);
    this.now = options.now ?? (() => new Date());
    if (!(this.batchSize >= 1 && this.pollIntervalMs >= 0 && this.leaseMs >= 1)) {
      throw new Error(`Invalid outbox relay options ${JSON.stringify({ batchSize: this.batchSize, pollIntervalMs: this.pollIntervalMs, leaseMs: this.leaseMs })}`);
    }
  }

  /** Starts polling; the first cycle runs at once. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.schedule(0);
  }

  /** Asks for a cycle now instead of at the next poll: call it after committing events. */
  poke(): void {
    if (!this.running) return;
    if (this.cycle) {
      this.pokedDuringCycle = true;
      return;
    }
    this.schedule(0);
  }

  /** Stops polling and resolves once the cycle in progress (if any) has finished. */
  async stop(): Promise<void> {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.cycle?.catch(() => undefined);
  }

  /** One cycle: claim due rows, publish them in order, record the outcome. Cycles never overlap. */
  async runOnce(): Promise<RelayCycleResult> {
    while (this.cycle) await this.cycle.catch(() => undefined);
    const cycle = this.publishDueEvents().finally(() => {
      this.cycle = null;
    });
    this.cycle = cycle;
    return cycle;
  }

  private schedule(delayMs: number): void {
    if (!this.running) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.tick(), delayMs);
    // The relay serves the process; it is not a reason for the process to stay alive.
    this.timer.unref();
  }

  private async tick(): Promise<void> {
    this.timer = null;
    let result: RelayCycleResult | null = null;
    try {
      result = await this.runOnce();
    } catch (error) {
      // The database itself failed (down, locked); the next poll tries again.
      this.logger.error({ err: error }, "outbox relay cycle failed");
    }
    // A full batch read and no failure means more rows are probably waiting.
    const moreWaiting = result !== null && result.claimed + result.contended === this.batchSize && result.failed === 0;
    const again = this.pokedDuringCycle || moreWaiting;
    this.pokedDuringCycle = false;
    this.schedule(again ? 0 : this.pollIntervalMs);
  }

  /** Unpublished, due and not held by a live claim; narrowed to one row when `id` is given. */
  private claimable(now: Date, id?: string): FilterQuery<OutboxEvent> {
    return {
      ...(id === undefined ? {} : { id }),
      publishedAt: null,
      nextAttemptAt: { $lte: now },
      $or: [{ claimedUntil: null }, { claimedUntil: { $lte: now } }],
    };
  }

  private async publishDueEvents(): Promise<RelayCycleResult> {
    const em = this.orm.em.fork();
    const now = this.now();
    const due = await em.find(OutboxEvent, this.claimable(now), {
      orderBy: { occurredAt: "asc", id: "asc" },
      limit: this.batchSize,
    });
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    const claimed: OutboxEvent[] = [];
    for (const row of due) {
      // Re-checks the claimable condition in the UPDATE itself: of two relays that read the
      // same row, only one changes it (PostgreSQL re-evaluates the WHERE after the row lock,
      // SQLite serialises writers), and the other sees 0 affected rows.
      const won = await em.nativeUpdate(OutboxEvent, this.claimable(now, row.id), { claimedUntil: leaseUntil });
      if (won === 1) claimed.push(row);
    }

    const result: RelayCycleResult = { claimed: claimed.length, contended: due.length - claimed.length, published: 0, failed: 0 };
    for (const [index, row] of claimed.entries()) {
      if (this.now() >= leaseUntil) {
        // Our claim ran out; another relay may own these rows now.
        this.logger.warn({ remaining: claimed.length - index, leaseMs: this.leaseMs }, "outbox claim expired mid-batch; leaving the rest");
        break;
      }
      try {
        await this.bus.publish(row.toDomainEvent());
      } catch (error) {
        result.failed += 1;
        await this.recordFailure(em, row, error);
        if (error instanceof BusUnavailableError) {
          // Every further publish would fail the same way; hand the rest back for the next poll.
          await this.release(em, claimed.slice(index + 1), leaseUntil);
          break;
        }
        continue;
      }
      await em.nativeUpdate(OutboxEvent, { id: row.id }, { publishedAt: this.now(), claimedUntil: null, lastError: null });
      result.published += 1;
    }
    if (result.claimed > 0) this.logger.debug({ ...result }, "outbox relay cycle");
    return result;
  }

  private async recordFailure(em: EntityManager, row: OutboxEvent, error: unknown): Promise<void> {
    const attempts = row.attempts + 1;
    const delayMs = backoffDelay(attempts, this.backoff);
    const nextAttemptAt = new Date(this.now().getTime() + delayMs);
    await em.nativeUpdate(
      OutboxEvent,
      { id: row.id },
      { attempts, nextAttemptAt, lastError: errorMessage(error).slice(0, MAX_ERROR_LENGTH), claimedUntil: null },
    );
    this.logger.warn(
      { err: error, eventId: row.id, eventType: row.type, attempts, retryInMs: delayMs },
      "publishing an outbox event failed; will retry",
    );
  }

  private async release(em: EntityManager, rows: OutboxEvent[], leaseUntil: Date): Promise<void> {
    if (rows.length === 0) return;
    await em.nativeUpdate(OutboxEvent, { id: { $in: rows.map((row) => row.id) }, claimedUntil: leaseUntil }, { claimedUntil: null });
  }
}
