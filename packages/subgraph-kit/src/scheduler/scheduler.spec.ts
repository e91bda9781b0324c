import { randomUUID } from "node:crypto";
import { setTimeout as sleep } from "node:timers/promises";
import { Entity, MikroORM, PrimaryKey, Property } from "@mikro-orm/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ormConfig, type DatabaseTarget } from "../database.js";
import { createLogger } from "../logger.js";
import { scratchDatabase } from "../migrations.js";
import { testDrivers } from "../testing/index.js";
import { JobLease } from "./job-lease.entity.js";
import { Scheduler, type JobPassResult, type ScheduledJob, type SchedulerLogger } from "./scheduler.js";

/** The effect of a test job: one row per run, so counting rows shows how often the job really ran. */
@Entity({ tableName: "scheduler_test_tick" })
class SchedulerTestTick {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "string", length: 100 })
  job!: string;

  @Property({ type: "string", length: 255 })
  holder!: string;

  /** The `now` the scheduler gave the run. */
  @Property({ type: "datetime" })
  runAt!: Date;
}

interface RecordedLine {
  level: "debug" | "info" | "warn" | "error";
  fields: Record<string, unknown>;
  message: string | undefined;
}

function recordingLogger(): SchedulerLogger & { lines: RecordedLine[] } {
  const lines: RecordedLine[] = [];
  const write = (level: RecordedLine["level"]) => (fields: object, message?: string) => {
    lines.push({ level, fields: fields as Record<string, unknown>, message });
  };
  return { lines, debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}

/** A promise the test resolves by hand: a job that hangs until then stands for a holder that died mid-run. */
function gate(): { opened: Promise<void>; open: () => void } {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  return { opened, open };
}

async function waitFor(condition: () => boolean | Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(5);
  }
}

const START = new Date("2026-03-01T00:00:00.000Z");
const MINUTE = 60_000;
const outcomes = (results: JobPassResult[]) => results.map((result) => result.outcome);

describe("Scheduler options", () => {
  const orm = {} as MikroORM;
  const job = (overrides: Partial<ScheduledJob> = {}): ScheduledJob => ({ name: "reminders", everyMs: MINUTE, run: async () => {}, ...overrides });

  it("accepts a pino logger and names itself host:pid:random unless told", () => {
    const scheduler = new Scheduler({ orm, logger: createLogger("scheduler-test", "silent"), jobs: [job()] });
    expect(scheduler.holderId).toMatch(new RegExp(`^.+:${process.pid}:[0-9a-f]{8}$`));
    expect(new Scheduler({ orm, logger: recordingLogger(), jobs: [job()], holderId: "registry-0" }).holderId).toBe("registry-0");
  });

  it.each([
    ["a duplicate name", [job(), job()], /Two scheduled jobs are named "reminders"/],
    ["an empty name", [job({ name: "" })], /must have 1 to 100 characters/],
    ["a name longer than the key column", [job({ name: "x".repeat(101) })], /must have 1 to 100 characters/],
    ["a zero interval", [job({ everyMs: 0 })], /Invalid timing of scheduled job "reminders"/],
    ["a negative lease", [job({ leaseMs: -1 })], /Invalid timing/],
    ["a NaN interval", [job({ everyMs: Number.NaN })], /Invalid timing/],
  ])("refuses %s", (_, jobs, message) => {
    expect(() => new Scheduler({ orm, logger: recordingLogger(), jobs })).toThrow(message);
  });

  it("refuses to run a job it does not have", async () => {
    await expect(new Scheduler({ orm, logger: recordingLogger(), jobs: [job()] }).runDue("escalations")).rejects.toThrow(
      'No scheduled job is named "escalations"',
    );
  });
});

describe.each(await testDrivers())("Scheduler on %s", (driver) => {
  let target: DatabaseTarget;
  let drop: () => Promise<void>;
  const opened: MikroORM[] = [];
  let clock: Date;
  const now = () => clock;
  const at = (ms: number) => {
    clock = new Date(START.getTime() + ms);
  };

  /** An ORM of its own on the shared database: what one more replica (or a restarted one) has. */
  async function openReplica(): Promise<MikroORM> {
    const orm = await MikroORM.init(ormConfig({ target, entities: [JobLease, SchedulerTestTick], migrations: { libsql: [], postgresql: [] } }));
    opened.push(orm);
    return orm;
  }

  /** A job whose every run leaves a tick; the pause lets the other replica's pass overlap the run. */
  function tickingJob(name: string, overrides: Partial<ScheduledJob> = {}): (holder: () => string) => ScheduledJob {
    return (holder) => ({
      name,
      everyMs: MINUTE,
      leaseMs: 10 * MINUTE,
      run: async ({ em, now: runAt }) => {
        await sleep(20);
        await em.insert(SchedulerTestTick, { id: randomUUID(), job: name, holder: holder(), runAt });
      },
      ...overrides,
    });
  }

  function scheduler(orm: MikroORM, job: (holder: () => string) => ScheduledJob, options: { holderId?: string; logger?: SchedulerLogger } = {}): Scheduler {
    // The job learns its holder's id lazily: the scheduler that makes it up does not exist yet.
    const self: Scheduler = new Scheduler({ orm, logger: options.logger ?? recordingLogger(), now, holderId: options.holderId, jobs: [job(() => self.holderId)] });
    return self;
  }

  const lease = (name: string) => opened[0]!.em.fork().findOneOrFail(JobLease, { name });
  const ticks = (job: string) => opened[0]!.em.fork().find(SchedulerTestTick, { job }, { orderBy: { runAt: "asc" } });

  beforeAll(async () => {
    ({ target, drop } = await scratchDatabase(driver, "scheduler"));
    const orm = await openReplica();
    await orm.schema.ensureDatabase();
    await orm.schema.createSchema();
  });
  afterAll(async () => {
    await Promise.all(opened.map((orm) => orm.close(true)));
    await drop?.();
  });
  beforeEach(async () => {
    at(0);
    const em = opened[0]!.em.fork();
    await em.nativeDelete(SchedulerTestTick, {});
    await em.nativeDelete(JobLease, {});
  });

  it("runs a job once per interval however many replicas ask at the same time", async () => {
    const job = tickingJob("session-reminders");
    const replicas = [scheduler(await openReplica(), job), scheduler(await openReplica(), job)];
    // Each replica asks twice at once, as a timer tick and a `runDue` might.
    const bothAsk = async () => (await Promise.all(replicas.flatMap((replica) => [replica.runDue(), replica.runDue()]))).flat();
    const eachAsksOnce = async () => (await Promise.all(replicas.map((replica) => replica.runDue()))).flat();

    for (let interval = 0; interval < 4; interval += 1) {
      at(interval * MINUTE);
      const asked = outcomes(await bothAsk());
      expect(asked.filter((outcome) => outcome === "ran")).toHaveLength(1);
      expect(asked.every((outcome) => ["ran", "running-here", "held-elsewhere", "not-due"].includes(outcome))).toBe(true);
      // Later within the same interval, nobody runs it again.
      at(interval * MINUTE + 30_000);
      expect(outcomes(await eachAsksOnce())).toEqual(["not-due", "not-due"]);
      at(interval * MINUTE + MINUTE - 1);
      expect(outcomes(await eachAsksOnce())).toEqual(["not-due", "not-due"]);
    }

    const runs = await ticks("session-reminders");
    expect(runs.map((tick) => tick.runAt.getTime() - START.getTime())).toEqual([0, MINUTE, 2 * MINUTE, 3 * MINUTE]);
    expect(new Set(runs.map((tick) => tick.holder)).size).toBeGreaterThanOrEqual(1);
    expect(await lease("session-reminders")).toMatchObject({ leaseUntil: null, lastRunAt: new Date(START.getTime() + 3 * MINUTE), lastError: null, runs: 4 });

    // The columns other tools (and migrations) see.
    const [row] = await opened[0]!.em.fork().getConnection().execute(
      "select name, holder, lease_until, last_run_at, last_error, runs from job_lease where name = ?",
      ["session-reminders"],
    );
    expect(row).toMatchObject({ name: "session-reminders", lease_until: null, last_error: null, runs: 4 });
    expect(replicas.map((replica) => replica.holderId)).toContain(row.holder);
  });

  it("lets a restarted scheduler pick up where the stopped one left off, at the next interval", async () => {
    const job = tickingJob("review-sla");
    const before = scheduler(await openReplica(), job);
    expect(outcomes(await before.runDue())).toEqual(["ran"]);
    await before.stop();

    const restarted = scheduler(await openReplica(), job);
    at(MINUTE / 2);
    expect(outcomes(await restarted.runDue())).toEqual(["not-due"]);
    at(MINUTE);
    expect(outcomes(await restarted.runDue())).toEqual(["ran"]);

    const runs = await ticks("review-sla");
    expect(runs.map((tick) => tick.holder)).toEqual([before.holderId, restarted.holderId]);
    expect(await lease("review-sla")).toMatchObject({ holder: restarted.holderId, leaseUntil: null, runs: 2 });
  });

  it("keeps others out while a holder that died mid-run still has its lease, then lets another run", async () => {
    const hang = gate();
    const started = gate();
    const dyingLogger = recordingLogger();
    const dying = scheduler(await openReplica(), (holder) => ({
      ...tickingJob("sla-escalation")(holder),
      run: async () => {
        started.open();
        await hang.opened;
      },
    }), { logger: dyingLogger });
    const survivor = scheduler(await openReplica(), tickingJob("sla-escalation"));

    const dyingRun = dying.runDue();
    await started.opened;
    expect(await lease("sla-escalation")).toMatchObject({ holder: dying.holderId, leaseUntil: new Date(START.getTime() + 10 * MINUTE), lastRunAt: null });

    at(1_000);
    expect(outcomes(await survivor.runDue())).toEqual(["held-elsewhere"]);
    // Due by the interval, but the lease outlasts it.
    at(5 * MINUTE);
    expect(outcomes(await survivor.runDue())).toEqual(["held-elsewhere"]);
    at(10 * MINUTE - 1);
    expect(outcomes(await survivor.runDue())).toEqual(["held-elsewhere"]);
    at(10 * MINUTE);
    expect(outcomes(await survivor.runDue())).toEqual(["ran"]);
    expect(await lease("sla-escalation")).toMatchObject({ holder: survivor.holderId, leaseUntil: null, lastRunAt: clock, runs: 1 });

    // Had the holder not died but only stalled, its late finish must not overwrite the survivor's record.
    hang.open();
    expect(outcomes(await dyingRun)).toEqual(["ran"]);
    expect(await lease("sla-escalation")).toMatchObject({ holder: survivor.holderId, lastRunAt: clock, runs: 1 });
    expect(dyingLogger.lines.some((line) => line.level === "warn" && /outlasted its lease/.test(line.message ?? ""))).toBe(true);
    expect((await ticks("sla-escalation")).map((tick) => tick.holder)).toEqual([survivor.holderId]);
  });

  it("lets a holder with a stable id reclaim its own lease at once after a crash, but nobody else", async () => {
    const hang = gate();
    const started = gate();
    const crashed = scheduler(await openReplica(), (holder) => ({
      ...tickingJob("window-close-reminders")(holder),
      run: async () => {
        started.open();
        await hang.opened;
        throw new Error("进程已退出");
      },
    }), { holderId: "registry-0" });
    const crashedRun = crashed.runDue();
    await started.opened;

    at(1_000);
    const other = scheduler(await openReplica(), tickingJob("window-close-reminders"), { holderId: "registry-1" });
    expect(outcomes(await other.runDue())).toEqual(["held-elsewhere"]);
    const restarted = scheduler(await openReplica(), tickingJob("window-close-reminders"), { holderId: "registry-0" });
    expect(outcomes(await restarted.runDue())).toEqual(["ran"]);
    expect(await lease("window-close-reminders")).toMatchObject({ holder: "registry-0", leaseUntil: null, lastRunAt: clock, runs: 1 });

    // The crashed process never comes back in reality; here its end must not touch the record.
    hang.open();
    expect(outcomes(await crashedRun)).toEqual(["failed"]);
    expect(await lease("window-close-reminders")).toMatchObject({ lastError: null, runs: 1 });
  });

  it("records a failing job in last_error, keeps the other jobs going and runs it again at the next interval", async () => {
    let attempts = 0;
    const logger = recordingLogger();
    const replica = await openReplica();
    const flaky = new Scheduler({
      orm: replica,
      logger,
      now,
      jobs: [
        {
          name: "sms-reminders",
          everyMs: MINUTE,
          run: async () => {
            attempts += 1;
            if (attempts === 1) throw new Error("短信网关不可用");
          },
        },
        tickingJob("inbox-digest")(() => "flaky"),
      ],
    });

    expect(await flaky.runDue()).toEqual([
      { job: "sms-reminders", outcome: "failed" },
      { job: "inbox-digest", outcome: "ran" },
    ]);
    expect(await lease("sms-reminders")).toMatchObject({ leaseUntil: null, lastRunAt: START, lastError: "Error: 短信网关不可用", runs: 1 });
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: "error", fields: expect.objectContaining({ job: "sms-reminders" }) }));

    // A failure counts as the interval's run: no other replica hammers the gateway meanwhile.
    at(30_000);
    const other = new Scheduler({ orm: await openReplica(), logger: recordingLogger(), now, jobs: [{ name: "sms-reminders", everyMs: MINUTE, run: async () => {} }] });
    expect(outcomes(await other.runDue())).toEqual(["not-due"]);

    at(MINUTE);
    expect(outcomes(await flaky.runDue("sms-reminders"))).toEqual(["ran"]);
    expect(attempts).toBe(2);
    expect(await lease("sms-reminders")).toMatchObject({ lastRunAt: clock, lastError: null, runs: 2 });
  });

  it("ticks on its own timers once started, one run per interval across replicas, and stop() waits for the run", async () => {
    // Real time here: the timers are what is tested.
    const everyMs = 150;
    const runAts: number[] = [];
    let running = 0;
    let overlapped = false;
    const job = (): ScheduledJob => ({
      name: "timer-driven",
      everyMs,
      run: async ({ now: runAt }) => {
        running += 1;
        if (running > 1) overlapped = true;
        runAts.push(runAt.getTime());
        await sleep(30);
        running -= 1;
      },
    });
    const replicas = [await openReplica(), await openReplica()].map((orm) => new Scheduler({ orm, logger: recordingLogger(), jobs: [job()] }));
    replicas.forEach((replica) => replica.start());
    await waitFor(() => runAts.length >= 3, "three timer-driven runs");
    await Promise.all(replicas.map((replica) => replica.stop()));
    const finished = runAts.length;

    expect(running).toBe(0);
    expect(overlapped).toBe(false);
    runAts.slice(1).forEach((runAt, index) => expect(runAt - runAts[index]!).toBeGreaterThanOrEqual(everyMs));
    expect((await lease("timer-driven")).runs).toBe(finished);
    await sleep(2 * everyMs);
    expect(runAts).toHaveLength(finished);
  });

  it("aborts a running job on stop() and hands the job back, so the next holder need not wait an interval", async () => {
    const started = gate();
    const stopping = new Scheduler({
      orm: await openReplica(),
      logger: recordingLogger(),
      now,
      jobs: [
        {
          name: "long-export",
          everyMs: MINUTE,
          run: async ({ signal }) => {
            started.open();
            await new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason as Error)));
          },
        },
      ],
    });
    const run = stopping.runDue();
    await started.opened;
    // Resolves only because the job honoured the aborted signal.
    await stopping.stop();
    expect(outcomes(await run)).toEqual(["stopped"]);
    expect(await lease("long-export")).toMatchObject({ leaseUntil: null, lastRunAt: null, runs: 0 });
    expect(outcomes(await stopping.runDue())).toEqual(["stopped"]);

    const next = scheduler(await openReplica(), tickingJob("long-export"));
    at(1_000);
    expect(outcomes(await next.runDue())).toEqual(["ran"]);
  });
});
