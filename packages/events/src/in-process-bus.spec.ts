import { describe, expect, it } from "vitest";
import { recordingLogger } from "../test/recording-logger.js";
import { candidateRenamed, scoreRecorded } from "../test/sample-events.js";
import { BusUnavailableError, type DeadLetterHandler } from "./bus.js";
import type { DomainEvent } from "./event.js";
import { EventDeliveryError, InProcessBus } from "./in-process-bus.js";

const context = { organizationPath: ["org-11"], producer: "registry" };
const sampleScore = () => scoreRecorded.create({ candidateId: "6f1c2a4e-8d4b-4c61-9a57-0d6a1f2b3c4d", subject: "化学", score: 75 }, context);

describe("InProcessBus", () => {
  it("resolves at once when no consumer wants the event", async () => {
    const bus = new InProcessBus({ logger: recordingLogger() });
    await expect(bus.publish(sampleScore())).resolves.toBeUndefined();
  });

  it("resolves only after every matching handler finished, and skips other types", async () => {
    const bus = new InProcessBus({ logger: recordingLogger() });
    const finished: string[] = [];
    await bus.subscribe("slow", [scoreRecorded.type], async () => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      finished.push("slow");
    });
    await bus.subscribe("fast", [scoreRecorded.type, candidateRenamed.type], async () => {
      finished.push("fast");
    });
    await bus.subscribe("other", [candidateRenamed.type], async () => {
      finished.push("other");
    });
    await bus.publish(sampleScore());
    expect(finished.sort()).toEqual(["fast", "slow"]);
  });

  it("rejects when one handler fails, after the others ran, and hands each a copy", async () => {
    const bus = new InProcessBus({ logger: recordingLogger() });
    const seen: DomainEvent[] = [];
    await bus.subscribe("ok", [scoreRecorded.type], async (event) => {
      seen.push(event);
      (event.payload as { score: number }).score = 0;
    });
    await bus.subscribe("broken", [scoreRecorded.type], async () => {
      throw new Error("短信网关不可用");
    });
    const event = sampleScore();
    const publishing = bus.publish(event);
    await expect(publishing).rejects.toBeInstanceOf(EventDeliveryError);
    await expect(publishing).rejects.toThrow(/failed in broken \(短信网关不可用\)/);
    expect(seen).toHaveLength(1);
    expect(event.payload.score).toBe(75);
  });

  it("dead-letters after maxDeliver failures and then lets the publication succeed", async () => {
    const bus = new InProcessBus({ logger: recordingLogger() });
    const deadLetters: Array<{ event: DomainEvent; attempts: number; error: unknown }> = [];
    const onDeadLetter: DeadLetterHandler = (event, error, attempts) => {
      deadLetters.push({ event, error, attempts });
    };
    let calls = 0;
    await bus.subscribe(
      "poisoned",
      [scoreRecorded.type],
      async () => {
        calls += 1;
        throw new Error(`attempt ${calls}`);
      },
      { maxDeliver: 3, onDeadLetter },
    );
    const event = sampleScore();
    await expect(bus.publish(event)).rejects.toThrow(/attempt 1/);
    await expect(bus.publish(event)).rejects.toThrow(/attempt 2/);
    await expect(bus.publish(event)).resolves.toBeUndefined();
    expect(calls).toBe(3);
    expect(deadLetters).toHaveLength(1);
    expect(deadLetters[0]).toMatchObject({ attempts: 3, event: { id: event.id } });
    expect((deadLetters[0]?.error as Error).message).toBe("attempt 3");
  });

  it("logs a dead letter when no hook is given", async () => {
    const logger = recordingLogger();
    const bus = new InProcessBus({ logger });
    await bus.subscribe("poisoned", [scoreRecorded.type], async () => Promise.reject(new Error("坏数据")), { maxDeliver: 1 });
    const event = sampleScore();
    await bus.publish(event);
    expect(logger.lines).toContainEqual(
      expect.objectContaining({ level: "error", message: "event dead-lettered", fields: expect.objectContaining({ eventId: event.id, attempts: 1 }) }),
    );
  });

  it("stops delivering to a stopped subscription, refuses a second instance of a consumer and refuses work once closed", async () => {
    const bus = new InProcessBus({ logger: recordingLogger() });
    let calls = 0;
    const subscription = await bus.subscribe("counter", [scoreRecorded.type], async () => {
      calls += 1;
    });
    await expect(bus.subscribe("counter", [scoreRecorded.type], async () => {})).rejects.toThrow(/already subscribed/);
    await expect(bus.subscribe("Bad.Name", [scoreRecorded.type], async () => {})).rejects.toThrow(/Consumer name/);
    await bus.publish(sampleScore());
    await subscription.stop();
    await bus.publish(sampleScore());
    expect(calls).toBe(1);
    await bus.close();
    await expect(bus.publish(sampleScore())).rejects.toBeInstanceOf(BusUnavailableError);
  });
});
