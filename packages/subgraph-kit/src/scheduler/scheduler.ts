import { randomBytes } from "node:crypto";
import { hostname } from "node:os";
import { raw, UniqueConstraintViolationException, type EntityManager, type FilterQuery, type MikroORM } from "@mikro-orm/core";
import { JobLease } from "./job-lease.entity.js";

/** The slice of a pino logger the scheduler writes to; a subgraph passes its own logger or a child. */
export interface SchedulerLogger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}

export interface ScheduledJobContext {
  /** A fresh fork for this run alone. Nothing is flushed for the job: it commits its own work. */
  em: EntityManager;
  /** The instant this run was granted, on the scheduler's clock: compute windows and deadlines from it. */
  now: Date;
  /** Aborted when the scheduler stops or the lease runs out; a long job checks it between items. */
  signal: AbortSignal;
}

/**
 * Timed work of a subgraph: a reminder before a registration window closes, an SLA warning.
 *
 * The scheduler guarantees that no two replicas run a job at the same time and that it runs
 * at most once per interval in the normal course. It cannot make the job's effects
 * exactly-once: a replica can die after the job sent a reminder and before the run was
 * recorded, and the next run (here or in another replica) starts over. So `run` must find its
 * work from data and mark each item done in the same transaction as the item's effect — e.g.
 * set `reminderSentAt` on the session and record the outbox event in one `em.transactional` —
 * and skip items already marked. Then a repeated run is harmless.
 */
export interface ScheduledJob {
  /** Unique within the subgraph, at most 100 characters; it is the key of the `job_lease` row. */
  name: string;
  /** The interval between the starts of two runs. */
  everyMs: number;
  /**
   * How long a run may take before other replicas may assume its holder died and run the job
   * themselves (default 5 minutes). Set it well above the longest run: when it runs out,
   * `signal` aborts so the job stops before another replica starts over.
   */
  leaseMs?: number;
  run(context: ScheduledJobContext): Promise<void>;
}

export interface SchedulerOptions {
  orm: MikroORM;
  logger: SchedulerLogger;
  /**
   * Identifies this scheduler in `job_lease.holder` (default host:pid:random). A stable id, such
   * as a pod name, lets the restarted pod reclaim its own unexpired lease at once; it must then
   * never be shared by two live schedulers, which the lease would take for one.
   */
  holderId?: string;
  jobs: ScheduledJob[];
  /** Injected by tests; production uses the system clock. */
  now?: () => Date;
}

/**
 * What one pass did with a job: `ran` or `failed` (the job threw; recorded, retried next interval);
 * `not-due` (it ran less than an interval ago); `held-elsewhere` (another holder's lease is live);
 * `running-here` (this scheduler is already on it); `stopped` (the scheduler is stopping).
 */
export type JobPassOutcome = "ran" | "failed" | "not-due" | "held-elsewhere" | "running-here" | "stopped";

export interface JobPassResult {
  job: string;
  outcome: JobPassOutcome;
}

export const DEFAULT_JOB_LEASE_MS = 5 * 60_000;
const MAX_JOB_NAME_LENGTH = 100;
const MAX_ERROR_LENGTH = 2_000;
// Longer delays overflow setTimeout's 32-bit int and fire at once; waking early is harmless.
const MAX_TIMER_DELAY_MS = 2_147_483_647;
// A clock that runs behind the other replicas' must not turn the checks into a busy loop.
const MIN_CHECK_DELAY_MS = 1_000;
// When the database itself failed, the next try should not wait a whole (possibly daily) interval.
const UNREACHABLE_RETRY_DELAY_MS = 60_000;

/** Stands for this process on this machine; the random part tells apart two schedulers in one process. */
export function defaultHolderId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}

class SchedulerStopping extends Error {}
class LeaseRanOut extends Error {}

interface JobState {
  job: ScheduledJob;
  leaseMs: number;
  /** The `job_lease` row is known to exist, so passes skip the insert. */
  rowEnsured: boolean;
  /** The pass in progress in this scheduler: a holder never overlaps itself. */
  inFlight: Promise<JobPassResult> | null;
  abort: AbortController | null;
  timer: NodeJS.Timeout | null;
}

/**
 * Runs each subgraph's timed work so that it survives restarts and never runs twice at once
 * with several replicas: the `job_lease` row of a job, shared by every replica through the
 * subgraph's database, decides who runs it. A replica runs a job only after one conditional
 * UPDATE of that row succeeded for it; that UPDATE re-checks in the database that the job is due
 * (`last_run_at` at least an interval ago) and not held (`lease_until` unset or passed, or
 * held by this very holder), so of two replicas asking at once exactly one affects the row —
 * PostgreSQL re-evaluates the WHERE after the row lock, SQLite serialises writers. The run then
 * sets `last_run_at` to its start and releases the lease, which keeps every other replica out
 * until the next interval; a holder that dies mid-run keeps them out until its lease runs out.
 *
 * Due times come from the clocks of the replicas, which are assumed to agree to within a small
 * part of an interval.
 */
export class Scheduler {
  readonly holderId: string;
  private readonly orm: MikroORM;
  private readonly logger: SchedulerLogger;
  private readonly now: () => Date;
  private readonly jobs = new Map<string, JobState>();
  private readonly ticks = new Set<Promise<void>>();
  private started = false;
  private stopping = false;

  constructor(options: SchedulerOptions) {
    this.orm = options.orm;
    this.logger = options.logger;
    this.holderId = options.holderId ?? defaultHolderId();
    this.now = options.now ?? (() => new Date());
    for (const job of options.jobs) {
      const leaseMs = job.leaseMs ?? DEFAULT_JOB_LEASE_MS;
      if (!job.name || job.name.length > MAX_JOB_NAME_LENGTH) {
        throw new Error(`Scheduled job name must have 1 to ${MAX_JOB_NAME_LENGTH} characters: "${job.name}"`);
      }
      if (this.jobs.has(job.name)) throw new Error(`Two scheduled jobs are named "${job.name}"`);
      if (!(Number.isFinite(job.everyMs) && job.everyMs >= 1 && Number.isFinite(leaseMs) && leaseMs >= 1)) {
        throw new Error(`Invalid timing of scheduled job "${job.name}": ${JSON.stringify({ everyMs: job.everyMs, leaseMs })}`);
      }
      this.jobs.set(job.name, { job, leaseMs, rowEnsured: false, inFlight: null, abort: null, timer: null });
    }
  }

  /** Checks every job at once, then again whenever it falls due. The timers never keep the process alive. */
  start(): void {
    if (this.started) return;
    this.started = true;
    this.stopping = false;
    for (const state of this.jobs.values()) this.schedule(state, 0);
  }

  /**
   * One pass now over every job (or the one named): each runs if it is due and this scheduler
   * wins its lease. A job's own error is recorded, not thrown; an error of the database is thrown.
   */
  async runDue(name?: string): Promise<JobPassResult[]> {
    const states = name === undefined ? [...this.jobs.values()] : [this.jobState(name)];
    const settled = await Promise.allSettled(states.map((state) => this.pass(state)));
    const errors = settled.flatMap((each) => (each.status === "rejected" ? [each.reason as unknown] : []));
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, "Scheduler pass failed for several jobs");
    return settled.map((each) => (each as PromiseFulfilledResult<JobPassResult>).value);
  }

  /**
   * Stops the timers, aborts the `signal` of running jobs and resolves once they have finished.
   * A run cut short by the stop hands its job back at once instead of counting as a run, so
   * another replica (or this one restarted) does the rest without waiting an interval.
   */
  async stop(): Promise<void> {
    this.started = false;
    this.stopping = true;
    for (const state of this.jobs.values()) {
      if (state.timer) clearTimeout(state.timer);
      state.timer = null;
      state.abort?.abort(new SchedulerStopping("scheduler stopping"));
    }
    const inFlight = [...this.jobs.values()].flatMap((state) => (state.inFlight ? [state.inFlight] : []));
    await Promise.allSettled([...this.ticks, ...inFlight]);
  }

  private jobState(name: string): JobState {
    const state = this.jobs.get(name);
    if (!state) throw new Error(`No scheduled job is named "${name}"`);
    return state;
  }

  private schedule(state: JobState, delayMs: number): void {
    if (!this.started) return;
    if (state.timer) clearTimeout(state.timer);
    state.timer = setTimeout(() => this.tick(state), Math.min(delayMs, MAX_TIMER_DELAY_MS));
    // The scheduler serves the process; it is not a reason for the process to stay alive.
    state.timer.unref();
  }

  private tick(state: JobState): void {
    state.timer = null;
    const tick = (async () => {
      let delayMs = Math.min(state.job.everyMs, UNREACHABLE_RETRY_DELAY_MS);
      try {
        const result = await this.pass(state);
        // A `runDue` got there first; its outcome decides when to look next.
        if (result.outcome === "running-here") await state.inFlight?.catch(() => undefined);
        if (!this.started) return;
        delayMs = await this.delayUntilNextCheck(state);
      } catch (error) {
        this.logger.error({ err: error, job: state.job.name }, "scheduler could not reach the job lease; will try again");
      }
      this.schedule(state, delayMs);
    })();
    this.ticks.add(tick);
    void tick.finally(() => this.ticks.delete(tick));
  }

  private pass(state: JobState): Promise<JobPassResult> {
    if (state.inFlight) return Promise.resolve({ job: state.job.name, outcome: "running-here" });
    const pass = this.acquireAndRun(state).finally(() => {
      state.inFlight = null;
    });
    state.inFlight = pass;
    return pass;
  }

  /** Due and free (or already ours): the condition the acquiring UPDATE re-checks in the database. */
  private acquirable(state: JobState, now: Date): FilterQuery<JobLease> {
    const dueIfLastRunBefore = new Date(now.getTime() - state.job.everyMs);
    return {
      name: state.job.name,
      $and: [
        { $or: [{ lastRunAt: null }, { lastRunAt: { $lte: dueIfLastRunBefore } }] },
        { $or: [{ leaseUntil: null }, { leaseUntil: { $lte: now } }, { holder: this.holderId }] },
      ],
    };
  }

  private async acquireAndRun(state: JobState): Promise<JobPassResult> {
    const name = state.job.name;
    if (this.stopping) return { job: name, outcome: "stopped" };
    const em = this.orm.em.fork();
    await this.ensureLeaseRow(em, state);
    const now = this.now();
    const leaseUntil = new Date(now.getTime() + state.leaseMs);
    const won = await em.nativeUpdate(JobLease, this.acquirable(state, now), { holder: this.holderId, leaseUntil });
    if (won !== 1) return { job: name, outcome: await this.whyNotAcquired(em, state, now) };
    if (this.stopping) {
      await this.release(state, leaseUntil);
      return { job: name, outcome: "stopped" };
    }
    return { job: name, outcome: await this.runHoldingLease(state, now, leaseUntil) };
  }

  private async ensureLeaseRow(em: EntityManager, state: JobState): Promise<void> {
    if (state.rowEnsured) return;
    const name = state.job.name;
    // Counting first keeps the common case free of constraint errors in the server's log.
    if ((await em.count(JobLease, { name })) === 0) {
      try {
        await em.insert(JobLease, { name, holder: null, leaseUntil: null, lastRunAt: null, lastError: null, runs: 0 });
      } catch (error) {
        // Another replica inserted it between our count and our insert: the row exists, as wanted.
        if (!(error instanceof UniqueConstraintViolationException)) throw error;
      }
    }
    state.rowEnsured = true;
  }

  private async whyNotAcquired(em: EntityManager, state: JobState, now: Date): Promise<JobPassOutcome> {
    const row = await em.findOne(JobLease, { name: state.job.name });
    if (!row) {
      // Deleted behind our back (an operator resetting the job): the next pass inserts it again.
      state.rowEnsured = false;
      return "not-due";
    }
    const heldByOther = row.leaseUntil !== null && row.leaseUntil > now && row.holder !== this.holderId;
    return heldByOther ? "held-elsewhere" : "not-due";
  }

  private async runHoldingLease(state: JobState, now: Date, leaseUntil: Date): Promise<"ran" | "failed" | "stopped"> {
    const name = state.job.name;
    const abort = new AbortController();
    state.abort = abort;
    // Real time, not the injected clock: it is the run's own duration that must stay within the lease.
    const leaseTimer = setTimeout(() => abort.abort(new LeaseRanOut(`lease of job "${name}" ran out`)), Math.min(state.leaseMs, MAX_TIMER_DELAY_MS));
    leaseTimer.unref();
    const startedAt = performance.now();
    let failure: { error: unknown } | null = null;
    try {
      await state.job.run({ em: this.orm.em.fork(), now, signal: abort.signal });
    } catch (error) {
      failure = { error };
    } finally {
      clearTimeout(leaseTimer);
      state.abort = null;
    }
    const durationMs = Math.round(performance.now() - startedAt);

    if (failure && abort.signal.reason instanceof SchedulerStopping) {
      await this.release(state, leaseUntil);
      this.logger.warn({ job: name, durationMs, err: failure.error }, "scheduled job cut short by stop; handed back for the next holder");
      return "stopped";
    }

    const recorded = await this.orm.em.fork().nativeUpdate(
      JobLease,
      // Only while the lease is still this run's: after it ran out, another holder's run owns the row.
      { name, holder: this.holderId, leaseUntil },
      {
        leaseUntil: null,
        lastRunAt: now,
        lastError: failure ? describeError(failure.error) : null,
        runs: raw("runs + 1"),
      },
    );
    if (recorded !== 1) {
      this.logger.warn({ job: name, durationMs, leaseMs: state.leaseMs }, "scheduled job outlasted its lease and another holder took over; this run is not recorded");
    }
    if (failure) {
      this.logger.error({ err: failure.error, job: name, durationMs }, "scheduled job failed; it runs again at the next interval");
      return "failed";
    }
    // Debug: the SMS sender runs every second; a run is news only when it fails.
    this.logger.debug({ job: name, durationMs }, "scheduled job ran");
    return "ran";
  }

  /** Gives the lease up without recording a run, so the job is due again for everyone. */
  private async release(state: JobState, leaseUntil: Date): Promise<void> {
    await this.orm.em.fork().nativeUpdate(JobLease, { name: state.job.name, holder: this.holderId, leaseUntil }, { leaseUntil: null });
  }

  /** Until the job falls due, or until another holder's live lease runs out, within [1 s, interval]. */
  private async delayUntilNextCheck(state: JobState): Promise<number> {
    const { everyMs } = state.job;
    const row = await this.orm.em.fork().findOne(JobLease, { name: state.job.name });
    const now = this.now().getTime();
    let nextCheck = row?.lastRunAt ? row.lastRunAt.getTime() + everyMs : now;
    if (row?.leaseUntil) nextCheck = Math.max(nextCheck, row.leaseUntil.getTime());
    return Math.min(Math.max(nextCheck - now, Math.min(MIN_CHECK_DELAY_MS, everyMs)), everyMs);
  }
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return text.slice(0, MAX_ERROR_LENGTH);
}
