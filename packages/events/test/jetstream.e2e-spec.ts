import { setTimeout as sleep } from "node:timers/promises";
import type { MikroORM } from "@mikro-orm/core";
import { jetstreamManager, StorageType } from "@nats-io/jetstream";
import { connect, nanos } from "@nats-io/transport-node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { BusUnavailableError, type Bus, type EventHandler } from "../src/bus.js";
import { createBus } from "../src/create-bus.js";
import type { DomainEvent } from "../src/event.js";
import { handleOnce, type HandleOnceOutcome } from "../src/handle-once.js";
import { InProcessBus } from "../src/in-process-bus.js";
import { JetStreamBus, type JetStreamBusOptions } from "../src/jetstream-bus.js";
import { OutboxEvent } from "../src/outbox-event.entity.js";
import { OutboxRelay } from "../src/outbox-relay.js";
import { recordEvent } from "../src/outbox.js";
import { ProcessedEvent } from "../src/processed-event.entity.js";
import { candidateRenamed, scoreRecorded } from "./sample-events.js";
import {
  deleteStream,
  DisposableNatsServer,
  NATS_URL,
  natsReachable,
  openTestDatabase,
  recordingLogger,
  TestEffect,
  testDrivers,
  uniqueStream,
  waitFor,
  type TestDatabase,
} from "./support.js";

const candidateId = "6f1c2a4e-8d4b-4c61-9a57-0d6a1f2b3c4d";
const producer = { organizationPath: ["org-15"], producer: "registry" };
const newScore = (score = 80) => scoreRecorded.create({ candidateId, subject: "语文", score }, producer);

const natsUp = await natsReachable();
const drivers = await testDrivers();

describe.skipIf(!natsUp)("JetStreamBus", () => {
  let stream: { streamName: string; subjectPrefix: string };
  let streamServer: string;
  const openBuses: Bus[] = [];

  async function connectBus(options: Partial<JetStreamBusOptions> = {}): Promise<JetStreamBus> {
    const bus = await JetStreamBus.connect({ servers: NATS_URL, logger: recordingLogger(), ...stream, ...options });
    openBuses.push(bus);
    return bus;
  }

  async function consumerState(durable: string) {
    const nc = await connect({ servers: streamServer });
    try {
      return await (await jetstreamManager(nc)).consumers.info(stream.streamName, durable);
    } finally {
      await nc.close();
    }
  }

  function beginTest(server = NATS_URL): void {
    stream = uniqueStream();
    streamServer = server;
  }

  afterEach(async () => {
    await Promise.all(openBuses.splice(0).map((bus) => bus.close()));
    if (stream) await deleteStream(streamServer, stream.streamName).catch(() => undefined);
  });

  it("creates a file-backed stream with a duplicate window and stores a republished event once", async () => {
    beginTest();
    const bus = await connectBus({ duplicateWindowMs: 120_000 });
    const event = newScore();
    await bus.publish(event);
    await bus.publish(event);
    // A second replica connecting finds the stream and updates it in place.
    await connectBus({ duplicateWindowMs: 120_000 });

    const nc = await connect({ servers: NATS_URL });
    try {
      const info = await (await jetstreamManager(nc)).streams.info(stream.streamName);
      expect(info.config.storage).toBe(StorageType.File);
      expect(info.config.subjects).toEqual([`${stream.subjectPrefix}.>`]);
      expect(info.config.duplicate_window).toBe(nanos(120_000));
      expect(info.state.messages).toBe(1);
    } finally {
      await nc.close();
    }
    expect(bus.subjectFor(event.type)).toBe(`${stream.subjectPrefix}.testing.score-recorded`);
  });

  it("createBus picks the in-process bus without NATS_URL and JetStream with it", async () => {
    beginTest();
    const logger = recordingLogger();
    expect(await createBus({ natsUrl: undefined, logger })).toBeInstanceOf(InProcessBus);
    expect(await createBus({ natsUrl: "", logger })).toBeInstanceOf(InProcessBus);
    const bus = await createBus({ natsUrl: NATS_URL, logger, ...stream });
    openBuses.push(bus);
    expect(bus).toBeInstanceOf(JetStreamBus);
    await bus.close();
    await expect(bus.publish(newScore())).rejects.toBeInstanceOf(BusUnavailableError);
    await expect(createBus({ natsUrl: "nats://127.0.0.1:9", logger, ...stream })).rejects.toThrow(/Cannot connect to NATS at nats:\/\/127\.0\.0\.1:9 \(NATS_URL\)/);
  });

  describe.each(drivers)("with the outbox on %s", (driver) => {
    let database: TestDatabase;
    let orm: MikroORM;

    beforeAll(async () => {
      database = await openTestDatabase(driver, "jetstream");
      orm = database.orm;
    });
    afterAll(async () => {
      await database?.drop();
    });
    beforeEach(async () => {
      const em = orm.em.fork();
      await em.nativeDelete(OutboxEvent, {});
      await em.nativeDelete(ProcessedEvent, {});
      await em.nativeDelete(TestEffect, {});
    });

    const effects = (where: Partial<Pick<TestEffect, "consumer" | "eventId">> = {}) => orm.em.fork().count(TestEffect, where);
    const commitEvents = (...events: DomainEvent[]) =>
      orm.em.fork().transactional(async (em) => {
        for (const event of events) recordEvent(em, event);
      });
    const countingHandler = (consumer: string, outcomes: Array<{ id: string; outcome: HandleOnceOutcome }>): EventHandler => async (event) => {
      const outcome = await handleOnce(orm, consumer, event, async (em) => {
        em.persist(em.create(TestEffect, { consumer, eventId: event.id }));
      });
      outcomes.push({ id: event.id, outcome });
    };

    it("delivers what was published while the consumer was down, each event's effect exactly once", async () => {
      beginTest();
      const producerBus = await connectBus();
      const relay = new OutboxRelay(orm, producerBus, recordingLogger());
      const outcomes: Array<{ id: string; outcome: HandleOnceOutcome }> = [];
      const handle = countingHandler("roster", outcomes);
      let lostAck: string | null = null;
      // The effect commits, then the acknowledgement is "lost" once: the redelivery must change nothing.
      const handler: EventHandler = async (event) => {
        await handle(event);
        if (event.id === lostAck) {
          lostAck = null;
          throw new Error("进程在确认前崩溃");
        }
      };

      const firstConsumer = await connectBus();
      await firstConsumer.subscribe("roster", [scoreRecorded.type], handler, { retryBackoff: { baseMs: 50, maxMs: 200 } });
      const warmUp = newScore(1);
      await commitEvents(warmUp);
      expect(await relay.runOnce()).toMatchObject({ published: 1 });
      await waitFor(async () => (await effects({ consumer: "roster" })) === 1, 10_000, "the warm-up event");

      // The consuming service goes away entirely.
      await firstConsumer.close();
      const missed = [2, 3, 4, 5, 6].map((score) => newScore(score));
      const unrelated = candidateRenamed.create({ candidateId, name: "王五" }, producer);
      await commitEvents(...missed.slice(0, 3), unrelated);
      await commitEvents(...missed.slice(3));
      lostAck = missed[1]!.id;
      expect(await relay.runOnce()).toMatchObject({ published: 6, failed: 0 });
      expect(await orm.em.fork().count(OutboxEvent, { publishedAt: null })).toBe(0);

      const restartedConsumer = await connectBus();
      await restartedConsumer.subscribe("roster", [scoreRecorded.type], handler, { retryBackoff: { baseMs: 50, maxMs: 200 } });
      await waitFor(async () => (await effects({ consumer: "roster" })) === 6 && lostAck === null, 15_000, "the missed events");
      await waitFor(() => outcomes.some((entry) => entry.id === missed[1]!.id && entry.outcome === "duplicate"), 10_000, "the redelivery");
      await sleep(300);

      for (const event of [warmUp, ...missed]) expect(await effects({ consumer: "roster", eventId: event.id })).toBe(1);
      expect(await effects({ eventId: unrelated.id })).toBe(0);
      expect(await orm.em.fork().count(ProcessedEvent, { consumer: "roster" })).toBe(6);
      expect(outcomes.filter((entry) => entry.outcome === "handled")).toHaveLength(6);
      const state = await consumerState("roster_testing_score-recorded");
      expect(state.num_pending).toBe(0);
      expect(state.num_ack_pending).toBe(0);
    });

    it("keeps events through a NATS outage and publishes them once the server is back", async () => {
      const server = await DisposableNatsServer.start();
      try {
        beginTest(server.url);
        const logger = recordingLogger();
        const bus = await connectBus({ servers: server.url, logger, reconnectTimeWaitMs: 100, publishTimeoutMs: 1_000 });
        const outcomes: Array<{ id: string; outcome: HandleOnceOutcome }> = [];
        await bus.subscribe("roster", [scoreRecorded.type], countingHandler("roster", outcomes));
        let clock = new Date();
        const relay = new OutboxRelay(orm, bus, logger, { now: () => clock });

        await server.halt();
        await waitFor(() => logger.lines.some((line) => line.message === "disconnected from NATS; reconnecting"), 5_000, "the disconnect");
        const events = [1, 2, 3].map((score) => newScore(score));
        await commitEvents(...events);
        clock = new Date();
        expect(await relay.runOnce()).toMatchObject({ published: 0, failed: 1 });
        const rows = await orm.em.fork().find(OutboxEvent, { id: { $in: events.map((event) => event.id) } });
        expect(rows.every((row) => row.publishedAt === null && row.claimedUntil === null)).toBe(true);
        expect(rows.map((row) => row.attempts).sort()).toEqual([0, 0, 1]);
        expect(rows.find((row) => row.attempts === 1)?.lastError).toMatch(/Not connected to NATS/);

        await server.resume();
        await waitFor(
          async () => {
            // Step the relay's clock past any backoff, as time would.
            clock = new Date(clock.getTime() + 60_000);
            await relay.runOnce();
            return (await orm.em.fork().count(OutboxEvent, { id: { $in: events.map((event) => event.id) }, publishedAt: null })) === 0;
          },
          15_000,
          "the relay to publish after the outage",
        );
        await waitFor(async () => (await effects({ consumer: "roster" })) === 3, 10_000, "the consumer to handle the events");
        for (const event of events) expect(await effects({ consumer: "roster", eventId: event.id })).toBe(1);
        expect(logger.lines.some((line) => line.message === "reconnected to NATS")).toBe(true);
      } finally {
        await Promise.all(openBuses.splice(0).map((bus) => bus.close()));
        await deleteStream(server.url, stream.streamName).catch(() => undefined);
        await server.dispose();
      }
    });
  });

  it("retries a failing handler with growing delays, dead-letters after maxDeliver, and keeps delivering other events", async () => {
    beginTest();
    const logger = recordingLogger();
    const bus = await connectBus({ logger });
    const poison = newScore(13);
    const healthy = newScore(99);
    const attemptTimes: number[] = [];
    const handled: string[] = [];
    const deadLetters: Array<{ event: DomainEvent; error: unknown; attempts: number }> = [];
    await bus.subscribe(
      "grader",
      [scoreRecorded.type],
      async (event) => {
        if (event.id === poison.id) {
          attemptTimes.push(Date.now());
          throw new Error("成绩格式无法识别");
        }
        handled.push(event.id);
      },
      { maxDeliver: 3, retryBackoff: { baseMs: 100, maxMs: 1_000 }, onDeadLetter: (event, error, attempts) => void deadLetters.push({ event, error, attempts }) },
    );
    // Without a hook the dead letter is logged.
    await bus.subscribe("auditor", [scoreRecorded.type], async () => Promise.reject(new Error("审计库只读")), { maxDeliver: 1 });

    await bus.publish(poison);
    await bus.publish(healthy);
    await waitFor(() => deadLetters.length === 1 && handled.length === 1, 10_000, "the dead letter");
    expect(deadLetters[0]).toMatchObject({ attempts: 3, event: { id: poison.id, payload: { score: 13 } } });
    expect((deadLetters[0]!.error as Error).message).toBe("成绩格式无法识别");
    expect(handled).toEqual([healthy.id]);
    expect(attemptTimes).toHaveLength(3);
    // nak delays of 100 ms then 200 ms (small allowance for timer granularity).
    expect(attemptTimes[1]! - attemptTimes[0]!).toBeGreaterThanOrEqual(90);
    expect(attemptTimes[2]! - attemptTimes[1]!).toBeGreaterThanOrEqual(190);

    await waitFor(
      () => logger.lines.filter((line) => line.level === "error" && line.message === "event dead-lettered" && line.fields.consumer === "auditor").length === 2,
      10_000,
      "the auditor's logged dead letters",
    );
    await sleep(400);
    expect(attemptTimes).toHaveLength(3);
    const state = await consumerState("grader_testing_score-recorded");
    expect(state.num_ack_pending).toBe(0);
    expect(state.num_pending).toBe(0);
  });
});
