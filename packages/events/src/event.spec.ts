import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { candidateRenamed, scoreRecorded } from "../test/sample-events.js";
import { defineEvent, EventValidationError, parseDomainEvent, type EventOf } from "./event.js";

const candidateId = "6f1c2a4e-8d4b-4c61-9a57-0d6a1f2b3c4d";
const context = { organizationPath: ["org-15", "org-1501"], producer: "registry", now: new Date("2026-03-01T02:00:00.000Z") };

describe("defineEvent", () => {
  it("creates an envelope with a fresh v4 id, the injected time and the validated payload", () => {
    const event = scoreRecorded.create({ candidateId, subject: "数学", score: 88 }, context);
    expect(event).toMatchObject({
      type: "testing.score-recorded",
      version: 1,
      occurredAt: "2026-03-01T02:00:00.000Z",
      organizationPath: ["org-15", "org-1501"],
      producer: "registry",
      payload: { candidateId, subject: "数学", score: 88 },
    });
    expect(event.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(scoreRecorded.create({ candidateId, subject: "数学", score: 88 }, context).id).not.toBe(event.id);
  });

  it("parses what it created after a trip through JSON", () => {
    const event = scoreRecorded.create({ candidateId, subject: "物理", score: 60 }, { ...context, organizationPath: [] });
    const parsed: EventOf<typeof scoreRecorded> = scoreRecorded.parse(JSON.parse(JSON.stringify(event)));
    expect(parsed).toEqual(event);
    expectTypeOf(parsed.type).toEqualTypeOf<"testing.score-recorded">();
    expectTypeOf(parsed.payload).toEqualTypeOf<{ candidateId: string; subject: string; score: number }>();
    expect(scoreRecorded.matches(event)).toBe(true);
    expect(candidateRenamed.matches(event)).toBe(false);
  });

  it("refuses a payload that does not match, naming the field", () => {
    expect(() => scoreRecorded.create({ candidateId, subject: "数学", score: 101 }, context)).toThrow(
      /Invalid event testing\.score-recorded v1: payload\.score: /,
    );
    const event = JSON.parse(JSON.stringify(scoreRecorded.create({ candidateId, subject: "数学", score: 1 }, context)));
    event.payload.candidateId = "not-a-uuid";
    const error = (() => {
      try {
        scoreRecorded.parse(event);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(EventValidationError);
    expect((error as EventValidationError).message).toContain("payload.candidateId");
    expect((error as EventValidationError).issues).toHaveLength(1);
  });

  it("refuses another type, another version and a broken envelope", () => {
    const renamed = candidateRenamed.create({ candidateId, name: "张三" }, context);
    expect(() => scoreRecorded.parse(renamed)).toThrow(/Expected event testing\.score-recorded v1, got testing\.candidate-renamed v1/);
    expect(() => scoreRecorded.parse({ ...renamed, type: scoreRecorded.type, version: 2 })).toThrow(/got testing\.score-recorded v2/);
    expect(() => parseDomainEvent({ ...renamed, id: "42", occurredAt: "yesterday" })).toThrow(/id: .*; occurredAt: /);
    expect(() => scoreRecorded.create({ candidateId, subject: "数学", score: 1 }, { ...context, producer: "" })).toThrow(/producer/);
  });

  it("refuses type names that cannot be bus subjects", () => {
    const payload = z.object({});
    expect(() => defineEvent({ type: "SmsSent", version: 1, payload, description: "" })).toThrow(/<subgraph>\.<kebab-case-name>/);
    expect(() => defineEvent({ type: "identity.sms.*", version: 1, payload, description: "" })).toThrow();
    expect(() => defineEvent({ type: "identity.sms-sent", version: 0, payload, description: "" })).toThrow(/version/);
  });
});
