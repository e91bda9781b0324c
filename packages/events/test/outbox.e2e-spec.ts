import { setTimeout as sleep } from "node:timers/promises";
import type { MikroORM } from "@mikro-orm/core";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BusUnavailableError, type Bus, type Subscription } from "../src/bus.js";
import type { DomainEvent } from "../src/event.js";
import { handleOnce } from "../src/handle-once.js";
import { InProcessBus } from "../src/in-process-bus.js";
import { OutboxEvent } from "../src/outbox-event.entity.js";
import { OutboxRelay } from "../src/outbox-relay.js";
import { pruneOutbox, recordEvent } from "../src/outbox.js";
import { ProcessedEvent } from "../src/processed-event.entity.js";
import { candidateRenamed, scoreRecorded } from "./sample-events.js";
import { openTestDatabase, recordingLogger, TestEffect, testDrivers, waitFor, type TestDatabase } from "./support.js";

const candidateId = "6f1c2a4e-8d4b-4c61-9a57-0d6a1f2b3c4d";
const START = new Date("2026-03-01T00:00:00.000Z");

/** A bus that only remembers what it was given: the relay's side of the contract, nothing else. */
class RecordingBus implements Bus {
  readonly published: DomainEvent[] = [];
  async publish(event: DomainEvent): Promise<void> {
    // Yield between publications so two relays' cycles interleave.
    await sleep(1);
    this.published.push(event);
  }
  async subscribe(): Promise<Subscription> {
    throw new Error("not used");
  }
  async close(): Promise<void> {}
}

describe.each(await testDrivers())("outbox, relay and handleOnce on %s", (driver) => {
  let database: TestDatabase;
  let orm: MikroORM;
  let clock: Date;
  const now = () => clock;

  const scoreAt = (at: Date, score = 90) =>
    scoreRecorded.create({ candidateId, subject: "数学", score }, { organizationPath: ["org-15", "org-1501"], producer: "registry", now: at });
  const secondsAfterStart = (seconds: number) => new Date(START.getTime() + seconds * 1_000);

  async function commitEvents(...events: DomainEvent[]): Promise<void> {
    await orm.em.fork().transactional(async (em) => {
      for (const event of events) recordEvent(em, event);
    });
  }
  const outboxRow = (id: string) => orm.em.fork().findOneOrFail(OutboxEvent, { id });
  const effects = (where: Partial<Pick<TestEffect, "consumer" | "eventId">> = {}) => orm.em.fork().count(TestEffect, where);

  beforeAll(async () => {
    database = await openTestDatabase(driver, "outbox");
    orm = database.orm;
  });
  afterAll(async () => {
    await database?.drop();
  });
  beforeEach(async () => {
    clock = secondsAfterStart(60);
    const em = orm.em.fork();
    await em.nativeDelete(OutboxEvent, {});
    await em.nativeDelete(ProcessedEvent, {});
    await em.nativeDelete(TestEffect, {});
  });

  it("stores an event exactly when the caller's transaction commits, and never flushes by itself", async () => {
    const committed = scoreAt(secondsAfterStart(1));
    await orm.em.fork().transactional(async (em) => {
      em.persist(em.create(TestEffect, { consumer: "registry", eventId: committed.id, note: "成绩登记" }));
      recordEvent(em, committed);
    });

    const rolledBack = scoreAt(secondsAfterStart(2));
    await expect(
      orm.em.fork().transactional(async (em) => {
        em.persist(em.create(TestEffect, { consumer: "registry", eventId: rolledBack.id, note: "成绩登记" }));
        recordEvent(em, rolledBack);
        await em.flush();
        throw new Error("业务校验失败");
      }),
    ).rejects.toThrow("业务校验失败");

    const pending = orm.em.fork();
    const unflushed = scoreAt(secondsAfterStart(3));
    recordEvent(pending, unflushed);
    expect(await orm.em.fork().count(OutboxEvent, { id: unflushed.id })).toBe(0);

    const rows = await orm.em.fork().find(OutboxEvent, {});
    expect(rows).toHaveLength(1);
    const row = rows[0]!;
    expect(row).toMatchObject({
      id: committed.id,
      type: "testing.score-recorded",
      version: 1,
      producer: "registry",
      publishedAt: null,
      attempts: 0,
      lastError: null,
      claimedUntil: null,
    });
    expect(row.occurredAt.toISOString()).toBe(committed.occurredAt);
    expect(row.nextAttemptAt.toISOString()).toBe(committed.occurredAt);
    expect(JSON.parse(row.organizationPath)).toEqual(["org-15", "org-1501"]);
    expect(JSON.parse(row.payload)).toEqual(committed.payload);
    expect(row.toDomainEvent()).toEqual(committed);
    expect(await effects()).toBe(1);

    await pending.flush();
    expect(await orm.em.fork().count(OutboxEvent, { id: unflushed.id })).toBe(1);
  });

  it("publishes due rows in the order they occurred and marks them published", async () => {
    const first = scoreAt(secondsAfterStart(1), 1);
    const second = scoreAt(secondsAfterStart(2), 2);
    const third = scoreAt(secondsAfterStart(3), 3);
    await commitEvents(third, first);
    await commitEvents(second);
    const bus = new InProcessBus({ logger: recordingLogger() });
    const received: DomainEvent[] = [];
    await bus.subscribe("ledger", [scoreRecorded.type], async (event) => {
      received.push(event);
    });
    const relay = new OutboxRelay(orm, bus, recordingLogger(), { now });

    expect(await relay.runOnce()).toEqual({ claimed: 3, contended: 0, published: 3, failed: 0 });
    expect(received.map((event) => event.id)).toEqual([first.id, second.id, third.id]);
    expect(received[0]).toEqual(first);
    for (const event of [first, second, third]) {
      const row = await outboxRow(event.id);
      expect(row.publishedAt?.getTime()).toBe(clock.getTime());
      expect(row.claimedUntil).toBeNull();
    }
    expect(await relay.runOnce()).toEqual({ claimed: 0, contended: 0, published: 0, failed: 0 });
  });

  it("keeps an event the in-process bus rejected, retries it with capped exponential backoff, and effects happen once", async () => {
    const event = scoreAt(secondsAfterStart(1));
    await commitEvents(event);
    const logger = recordingLogger();
    const bus = new InProcessBus({ logger });
    const recordEffect = (consumer: string) => (delivered: DomainEvent) =>
      handleOnce(orm, consumer, delivered, async (em) => {
        em.persist(em.create(TestEffect, { consumer, eventId: delivered.id }));
      }).then(() => undefined);
    let flakyFailuresLeft = 3;
    await bus.subscribe("ledger", [scoreRecorded.type], recordEffect("ledger"));
    await bus.subscribe("sms", [scoreRecorded.type], async (delivered) => {
      if (flakyFailuresLeft-- > 0) throw new Error("短信网关超时");
      await recordEffect("sms")(delivered);
    });
    const relay = new OutboxRelay(orm, bus, logger, { now, backoff: { baseMs: 1_000, maxMs: 1_500 } });

    expect(await relay.runOnce()).toEqual({ claimed: 1, contended: 0, published: 0, failed: 1 });
    let row = await outboxRow(event.id);
    expect(row).toMatchObject({ publishedAt: null, attempts: 1, claimedUntil: null });
    expect(row.lastError).toContain("短信网关超时");
    expect(row.nextAttemptAt.getTime()).toBe(clock.getTime() + 1_000);
    expect(await effects({ consumer: "ledger" })).toBe(1);
    expect(await effects({ consumer: "sms" })).toBe(0);
    expect(logger.lines).toContainEqual(expect.objectContaining({ level: "warn", fields: expect.objectContaining({ eventId: event.id, attempts: 1 }) }));

    // Not due yet: nothing happens.
    expect(await relay.runOnce()).toEqual({ claimed: 0, contended: 0, published: 0, failed: 0 });

    clock = new Date(clock.getTime() + 1_000);
    expect(await relay.runOnce()).toMatchObject({ failed: 1 });
    row = await outboxRow(event.id);
    expect(row.attempts).toBe(2);
    expect(row.nextAttemptAt.getTime()).toBe(clock.getTime() + 1_500);

    clock = new Date(clock.getTime() + 1_500);
    expect(await relay.runOnce()).toMatchObject({ failed: 1 });
    row = await outboxRow(event.id);
    expect(row.attempts).toBe(3);
    expect(row.nextAttemptAt.getTime()).toBe(clock.getTime() + 1_500);

    clock = new Date(clock.getTime() + 1_500);
    expect(await relay.runOnce()).toEqual({ claimed: 1, contended: 0, published: 1, failed: 0 });
    row = await outboxRow(event.id);
    expect(row.publishedAt).not.toBeNull();
    expect(row.lastError).toBeNull();
    // ledger saw the event four times and acted once; sms acted on its first success.
    expect(await effects({ consumer: "ledger" })).toBe(1);
    expect(await effects({ consumer: "sms" })).toBe(1);
  });

  it("hands the rest of a batch back when the bus is unavailable", async () => {
    const events = [1, 2, 3].map((second) => scoreAt(secondsAfterStart(second)));
    await commitEvents(...events);
    const bus: Bus = {
      publish: async () => {
        throw new BusUnavailableError("NATS 不可达");
      },
      subscribe: async () => {
        throw new Error("not used");
      },
      close: async () => {},
    };
    const relay = new OutboxRelay(orm, bus, recordingLogger(), { now });
    expect(await relay.runOnce()).toEqual({ claimed: 3, contended: 0, published: 0, failed: 1 });
    const [first, ...rest] = await Promise.all(events.map((event) => outboxRow(event.id)));
    expect(first).toMatchObject({ attempts: 1, publishedAt: null, claimedUntil: null, lastError: "NATS 不可达" });
    for (const row of rest) expect(row).toMatchObject({ attempts: 0, publishedAt: null, claimedUntil: null });
    // The untried rows are due again at once; the failed one after its backoff.
    expect(await relay.runOnce()).toEqual({ claimed: 2, contended: 0, published: 0, failed: 1 });
  });

  it("lets two relays on one database publish every row exactly once between them", async () => {
    const events = Array.from({ length: 30 }, (_, index) => scoreAt(secondsAfterStart(index + 1), index));
    await commitEvents(...events);
    const replica = await database.openReplica();
    const busA = new RecordingBus();
    const busB = new RecordingBus();
    // Small batches and back-to-back cycles, so the relays keep reading the same due rows.
    const relayA = new OutboxRelay(orm, busA, recordingLogger(), { now, batchSize: 4 });
    const relayB = new OutboxRelay(replica, busB, recordingLogger(), { now, batchSize: 4 });
    const drain = async (relay: OutboxRelay) => {
      let claimed = 0;
      let contended = 0;
      for (let cycle = 0; cycle < 30; cycle += 1) {
        const result = await relay.runOnce();
        expect(result.failed).toBe(0);
        claimed += result.claimed;
        contended += result.contended;
        if (result.claimed === 0 && (await orm.em.fork().count(OutboxEvent, { publishedAt: null })) === 0) break;
      }
      return { claimed, contended };
    };

    const [a, b] = await Promise.all([drain(relayA), drain(relayB)]);
    expect(a.claimed + b.claimed).toBe(30);
    // They did read the same rows: the conditional claim, not luck, kept them apart.
    expect(a.contended + b.contended).toBeGreaterThan(0);
    const publishedIds = [...busA.published, ...busB.published].map((event) => event.id);
    expect(new Set(publishedIds).size).toBe(30);
    expect(publishedIds).toHaveLength(30);
    expect(await orm.em.fork().count(OutboxEvent, { publishedAt: null })).toBe(0);

    const again = await Promise.all([relayA.runOnce(), relayB.runOnce()]);
    expect(again.map((result) => result.claimed)).toEqual([0, 0]);
  });

  it("leaves a row claimed by another relay alone until its claim runs out", async () => {
    const event = scoreAt(secondsAfterStart(1));
    await commitEvents(event);
    // As if a relay claimed the row and died before publishing.
    await orm.em.fork().nativeUpdate(OutboxEvent, { id: event.id }, { claimedUntil: new Date(clock.getTime() + 30_000) });
    const bus = new RecordingBus();
    const relay = new OutboxRelay(orm, bus, recordingLogger(), { now });
    expect(await relay.runOnce()).toMatchObject({ claimed: 0 });
    clock = new Date(clock.getTime() + 30_000);
    expect(await relay.runOnce()).toEqual({ claimed: 1, contended: 0, published: 1, failed: 0 });
    expect(bus.published.map((published) => published.id)).toEqual([event.id]);
  });

  it("publishes soon after a poke while running, and stop() waits for the cycle", async () => {
    const bus = new RecordingBus();
    const relay = new OutboxRelay(orm, bus, recordingLogger(), { pollIntervalMs: 60_000 });
    relay.start();
    await sleep(50);
    const event = scoreRecorded.create({ candidateId, subject: "生物", score: 70 }, { organizationPath: [], producer: "registry" });
    await commitEvents(event);
    relay.poke();
    await waitFor(() => bus.published.length === 1, 5_000, "the poked relay to publish");
    expect((await outboxRow(event.id)).publishedAt).not.toBeNull();
    await relay.stop();

    const afterStop = scoreRecorded.create({ candidateId, subject: "生物", score: 71 }, { organizationPath: [], producer: "registry" });
    await commitEvents(afterStop);
    relay.poke();
    await sleep(100);
    expect(bus.published).toHaveLength(1);
    expect((await outboxRow(afterStop.id)).publishedAt).toBeNull();
  });

  it("prunes published rows older than the cut-off and keeps unpublished ones", async () => {
    const old = scoreAt(secondsAfterStart(1));
    const recent = scoreAt(secondsAfterStart(2));
    const waiting = scoreAt(secondsAfterStart(3));
    await commitEvents(old, recent, waiting);
    const em = orm.em.fork();
    await em.nativeUpdate(OutboxEvent, { id: old.id }, { publishedAt: secondsAfterStart(10) });
    await em.nativeUpdate(OutboxEvent, { id: recent.id }, { publishedAt: secondsAfterStart(30) });
    expect(await pruneOutbox(orm, secondsAfterStart(20))).toBe(1);
    const left = await orm.em.fork().find(OutboxEvent, {}, { orderBy: { occurredAt: "asc" } });
    expect(left.map((row) => row.id)).toEqual([recent.id, waiting.id]);
  });

  describe("handleOnce", () => {
    const addEffect = (consumer: string, event: DomainEvent) => async (em: import("@mikro-orm/core").EntityManager) => {
      em.persist(em.create(TestEffect, { consumer, eventId: event.id }));
    };

    it("handles an event once per consumer and reports the redelivery as a duplicate", async () => {
      const event = scoreAt(secondsAfterStart(1));
      expect(await handleOnce(orm, "ledger", event, addEffect("ledger", event))).toBe("handled");
      expect(await handleOnce(orm, "ledger", event, addEffect("ledger", event))).toBe("duplicate");
      // Through an entity manager as well as the ORM.
      expect(await handleOnce(orm.em.fork(), "ledger", event, addEffect("ledger", event))).toBe("duplicate");
      expect(await handleOnce(orm.em.fork(), "sms", event, addEffect("sms", event))).toBe("handled");
      expect(await effects({ consumer: "ledger", eventId: event.id })).toBe(1);
      expect(await effects({ consumer: "sms", eventId: event.id })).toBe(1);
      const processed = await orm.em.fork().find(ProcessedEvent, { eventId: event.id }, { orderBy: { consumer: "asc" } });
      expect(processed.map((row) => [row.consumer, row.eventType])).toEqual([
        ["ledger", "testing.score-recorded"],
        ["sms", "testing.score-recorded"],
      ]);
    });

    it("rolls back the handler's changes and its processed mark when the handler fails", async () => {
      const event = candidateRenamed.create({ candidateId, name: "李四" }, { organizationPath: [], producer: "identity" });
      await expect(
        handleOnce(orm, "roster", event, async (em) => {
          em.persist(em.create(TestEffect, { consumer: "roster", eventId: event.id }));
          await em.flush();
          throw new Error("学籍库不可用");
        }),
      ).rejects.toThrow("学籍库不可用");
      expect(await effects({ eventId: event.id })).toBe(0);
      expect(await orm.em.fork().count(ProcessedEvent, { eventId: event.id })).toBe(0);
      // The redelivery then succeeds.
      expect(await handleOnce(orm, "roster", event, addEffect("roster", event))).toBe("handled");
      expect(await effects({ eventId: event.id })).toBe(1);
    });

    it("lets exactly one of several concurrent deliveries through", async () => {
      const event = scoreAt(secondsAfterStart(1));
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, () =>
          handleOnce(orm, "ledger", event, async (em) => {
            await sleep(20);
            em.persist(em.create(TestEffect, { consumer: "ledger", eventId: event.id }));
          }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome === "handled")).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === "duplicate")).toHaveLength(7);
      expect(await effects({ consumer: "ledger" })).toBe(1);
    });

    it("rethrows a unique violation raised by the handler itself instead of calling it a duplicate", async () => {
      const first = scoreAt(secondsAfterStart(1));
      const second = scoreAt(secondsAfterStart(2));
      const sharedEffectId = "0b0f3f1e-3c2d-4e5f-8a9b-1c2d3e4f5a6b";
      const insertSharedEffect = (event: DomainEvent) => async (em: import("@mikro-orm/core").EntityManager) => {
        await em.insert(TestEffect, { id: sharedEffectId, consumer: "ledger", eventId: event.id, note: "" });
      };
      expect(await handleOnce(orm, "ledger", first, insertSharedEffect(first))).toBe("handled");
      await expect(handleOnce(orm, "ledger", second, insertSharedEffect(second))).rejects.toThrow();
      expect(await orm.em.fork().count(ProcessedEvent, { eventId: second.id })).toBe(0);
    });
  });
});
