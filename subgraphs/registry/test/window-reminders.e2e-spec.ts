import { OutboxEvent } from "@xuekao/events";
import { FakeClock } from "@xuekao/subgraph-kit";
import { startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RegistrationWindowClosing, RegistrationWindowOpening } from "../src/events.js";
import { ExamSession } from "../src/modules/exam-session/exam-session.entity.js";
import { sendWindowReminders } from "../src/modules/registration-window/window-reminders.job.js";
import { registrySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

describe.each(drivers)("registration window reminders on %s", (driver) => {
  let subgraph: TestSubgraph;
  const em = () => subgraph.service.orm.em.fork();
  const published = async () => (await em().find(OutboxEvent, {}, { orderBy: { occurredAt: "asc" } })).map((row) => row.toDomainEvent());

  // The demo is seeded relative to its start: Inner Mongolia's window closes 15 days later,
  // Beijing's 8 days later (2026-11-28T00:00Z = 08:00 Beijing time).
  const start = new Date("2026-11-20T00:00:00Z");
  const later = (hours: number) => new Date(start.getTime() + hours * 3_600_000);
  beforeAll(async () => {
    subgraph = await startTestSubgraph(registrySubgraph, driver, { seedDemo: true, clock: new FakeClock(start) });
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  it("reminds once, within 48 h of the deadline, of a window that is open", async () => {
    // Both windows open; Beijing's closes in 45 h, Inner Mongolia's in 213 h.
    const now = later(8 * 24 - 45);
    expect(await sendWindowReminders(em(), now)).toEqual({ opening: 0, closing: 1 });
    const [event, ...others] = (await published()).filter((item) => RegistrationWindowClosing.matches(item));
    expect(others).toEqual([]);
    expect(RegistrationWindowClosing.parse(event).payload).toMatchObject({
      sessionName: "2027年1月北京市普通高中学业水平合格性考试",
      provinceCode: "11",
      closesAt: "2026-11-28T00:00:00.000Z",
    });
    expect(await sendWindowReminders(em(), new Date(now.getTime() + 3_600_000))).toEqual({ opening: 0, closing: 0 });

    // A week later Inner Mongolia's turn comes; Beijing's window has closed and is not repeated.
    expect(await sendWindowReminders(em(), later(15 * 24 - 30))).toEqual({ opening: 0, closing: 1 });
    expect((await published()).filter((item) => RegistrationWindowClosing.matches(item)).map((item) => RegistrationWindowClosing.parse(item).payload.provinceCode)).toEqual(["11", "15"]);
  });

  it("announces a window 48 h before it opens, once, and never one already open", async () => {
    const fork = em();
    const upcoming = fork.create(ExamSession, {
      code: "2027-06",
      name: "2027年6月内蒙古自治区普通高中学业水平合格性考试",
      provinceCode: "15",
      registrationOpensAt: new Date("2027-03-20T01:00:00Z"),
      registrationClosesAt: new Date("2027-03-30T10:00:00Z"),
      scoresPublishedAt: null,
      createdAt: new Date(),
    });
    await fork.flush();
    expect(await sendWindowReminders(em(), new Date("2027-03-17T00:00:00Z"))).toEqual({ opening: 0, closing: 0 }); // 73 h before
    expect(await sendWindowReminders(em(), new Date("2027-03-18T09:00:00Z"))).toEqual({ opening: 1, closing: 0 });
    expect(await sendWindowReminders(em(), new Date("2027-03-19T09:00:00Z"))).toEqual({ opening: 0, closing: 0 });
    const opening = (await published()).filter((item) => RegistrationWindowOpening.matches(item)).map((item) => RegistrationWindowOpening.parse(item).payload);
    expect(opening).toEqual([
      {
        sessionId: upcoming.id,
        sessionName: "2027年6月内蒙古自治区普通高中学业水平合格性考试",
        provinceCode: "15",
        opensAt: "2027-03-20T01:00:00.000Z",
        closesAt: "2027-03-30T10:00:00.000Z",
      },
    ]);
  });
});
