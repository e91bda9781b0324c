import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  BEIJING_MESSAGE_TIME_PATTERN,
  beijingDate,
  daysInMonth,
  formatBeijingMessageTime,
  formatBeijingTime,
  isCalendarDate,
  parseBeijingLocal,
} from "./beijing-time.js";

/** Beijing's wall clock by plain arithmetic, the oracle: UTC + 8 h, read from the ISO string. */
function utcPlus8(date: Date) {
  const iso = new Date(date.getTime() + 8 * 3600_000).toISOString();
  return { year: iso.slice(0, 4), month: iso.slice(5, 7), day: iso.slice(8, 10), hour: iso.slice(11, 13), minute: iso.slice(14, 16), date: iso.slice(0, 10), local: iso.slice(0, 16) };
}

/** Instants from 1900 to 2199, to the millisecond. */
const instant = fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2199-12-31T23:59:59.999Z"), noInvalidDate: true });

describe("formatBeijingMessageTime (SMS and inbox templates)", () => {
  it.each([
    ["2026-11-30T10:00:00Z", "2026年11月30日 18:00"],
    // Beijing is 8 hours ahead: 16:00 UTC is already the next day, at midnight (00, never 24).
    ["2026-03-04T16:00:00Z", "2026年3月5日 00:00"],
    ["2026-12-31T16:30:59Z", "2027年1月1日 00:30"],
    ["2022-11-04T04:00:00.000+00:00", "2022年11月4日 12:00"],
  ])("%s → %s", (iso, expected) => {
    expect(formatBeijingMessageTime(new Date(iso))).toBe(expected);
    expect(formatBeijingMessageTime(iso)).toBe(expected);
    expect(expected).toMatch(BEIJING_MESSAGE_TIME_PATTERN);
  });

  it("refuses an invalid date instead of printing NaN", () => {
    expect(() => formatBeijingMessageTime(new Date("not a date"))).toThrow(RangeError);
    expect(() => formatBeijingMessageTime("not a date")).toThrow(RangeError);
  });

  it("is UTC+8 arithmetic for any instant, always in the shape templates accept", () => {
    fc.assert(
      fc.property(instant, (date) => {
        const wall = utcPlus8(date);
        const formatted = formatBeijingMessageTime(date);
        expect(formatted).toBe(`${wall.year}年${Number(wall.month)}月${Number(wall.day)}日 ${wall.hour}:${wall.minute}`);
        expect(formatted).toMatch(BEIJING_MESSAGE_TIME_PATTERN);
      }),
    );
  });

  it("the shape check refuses what a template must not carry", () => {
    for (const text of ["2026年03月05日 00:00", "2026年3月5日 24:00", "2026年13月5日 10:00", "2026-03-05 10:00", "2026年3月5日 9:00", "2026年3月5日 10:00:00"]) {
      expect(text).not.toMatch(BEIJING_MESSAGE_TIME_PATTERN);
    }
  });
});

describe("formatBeijingTime (pages)", () => {
  it("shows Beijing's clock in the reader's language", () => {
    expect(formatBeijingTime("2026-03-20T01:00:00Z")).toBe("2026年3月20日 09:00");
    expect(formatBeijingTime(new Date("2026-03-20T01:00:00Z"), "zh-CN")).toBe("2026年3月20日 09:00");
    expect(formatBeijingTime("2026-03-20T16:00:00Z", "en-US")).toBe("Mar 21, 2026, 12:00 AM");
  });

  it("shows what is not a time as it came, rather than breaking the page", () => {
    expect(formatBeijingTime("soon")).toBe("soon");
    expect(formatBeijingTime(new Date(Number.NaN))).toBe("");
  });

  it("gives the same text the frontends' Asia/Shanghai formatter gave, since Beijing dropped summer time", () => {
    fc.assert(
      fc.property(fc.date({ min: new Date("1992-01-01T00:00:00Z"), max: new Date("2199-12-31T23:59:59Z"), noInvalidDate: true }), fc.constantFrom("zh-CN", "en-US", "en"), (date, locale) => {
        const before = new Intl.DateTimeFormat(locale, { timeZone: "Asia/Shanghai", dateStyle: "medium", timeStyle: "short" }).format(date);
        expect(formatBeijingTime(date, locale)).toBe(before);
      }),
    );
  });

  it("shows the hour and minute of UTC+8 arithmetic for any instant (zh-CN, 24-hour clock)", () => {
    fc.assert(
      fc.property(instant, (date) => {
        const wall = utcPlus8(date);
        expect(formatBeijingTime(date)).toBe(`${Number(wall.year)}年${Number(wall.month)}月${Number(wall.day)}日 ${wall.hour}:${wall.minute}`);
      }),
    );
  });
});

describe("beijingDate", () => {
  it("is the calendar day in Beijing", () => {
    expect(beijingDate("2025-12-31T15:59:59.999Z")).toBe("2025-12-31");
    expect(beijingDate("2025-12-31T16:00:00Z")).toBe("2026-01-01");
    expect(beijingDate(new Date("2026-03-20T09:00:00+08:00"))).toBe("2026-03-20");
  });

  it("is UTC+8 arithmetic for any instant", () => {
    fc.assert(
      fc.property(instant, (date) => {
        expect(beijingDate(date)).toBe(utcPlus8(date).date);
      }),
    );
  });

  it("refuses an invalid date", () => {
    expect(() => beijingDate("not a date")).toThrow(RangeError);
  });
});

describe("parseBeijingLocal", () => {
  it.each([
    ["2026-03-20T09:00", "2026-03-20T01:00:00.000Z"],
    ["2026-03-20T09:00:30", "2026-03-20T01:00:30.000Z"],
    ["2026-03-20 09:00", "2026-03-20T01:00:00.000Z"],
    ["2026-03-20T09:00:30.5", "2026-03-20T01:00:30.500Z"],
    // A bare day is its start, which is still the previous day in UTC.
    ["2026-03-20", "2026-03-19T16:00:00.000Z"],
    ["2024-02-29T23:59", "2024-02-29T15:59:00.000Z"],
  ])("%s (Beijing) → %s", (local, iso) => {
    expect(parseBeijingLocal(local).toISOString()).toBe(iso);
  });

  it.each([
    "2026-02-30T09:00", // no such day
    "2026-03-20T24:00",
    "2026-03-20T09:60",
    "2026-03-20T09:00Z", // an offset: then it is not Beijing's wall clock
    "2026-03-20T09:00+08:00",
    "2026-3-20T09:00",
    "20260320",
    "",
  ])("refuses %j", (local) => {
    expect(() => parseBeijingLocal(local)).toThrow(RangeError);
  });

  it("reads back what UTC+8 arithmetic writes, for any instant", () => {
    fc.assert(
      fc.property(instant, (date) => {
        const wholeMinute = new Date(Math.floor(date.getTime() / 60_000) * 60_000);
        expect(parseBeijingLocal(utcPlus8(wholeMinute).local).getTime()).toBe(wholeMinute.getTime());
      }),
    );
  });
});

describe("calendar days", () => {
  it("knows the length of every month, leap years included", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((month) => daysInMonth(2026, month))).toEqual([31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
    expect([2024, 2000, 1900, 2100].map((year) => daysInMonth(year, 2))).toEqual([29, 29, 28, 28]);
  });

  it("agrees with the Date calendar on every day from 1900 to 2199", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1900, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (year, month, day) => {
        const text = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        const rolled = new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
        expect(isCalendarDate(text)).toBe(rolled === text);
      }),
    );
  });
});
