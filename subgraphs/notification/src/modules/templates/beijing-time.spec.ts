import { describe, expect, it } from "vitest";
import { BEIJING_TIME_PATTERN, formatBeijingTime } from "./beijing-time.js";

describe("formatBeijingTime", () => {
  it.each([
    ["2026-11-30T10:00:00Z", "2026年11月30日 18:00"],
    // Beijing is 8 hours ahead: 16:00 UTC is already the next day, at midnight (00, never 24).
    ["2026-03-04T16:00:00Z", "2026年3月5日 00:00"],
    ["2026-12-31T16:30:59Z", "2027年1月1日 00:30"],
    ["2022-11-04T04:00:00.000+00:00", "2022年11月4日 12:00"],
  ])("%s → %s", (iso, expected) => {
    const formatted = formatBeijingTime(new Date(iso));
    expect(formatted).toBe(expected);
    expect(formatted).toMatch(BEIJING_TIME_PATTERN);
  });

  it("refuses an invalid date instead of printing NaN", () => {
    expect(() => formatBeijingTime(new Date("not a date"))).toThrow(RangeError);
  });
});
