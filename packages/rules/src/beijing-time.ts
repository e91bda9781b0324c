/**
 * Beijing time. Every window and deadline of the exam administration is announced, entered and
 * shown in Beijing time (UTC+8, no daylight saving), whatever zone the server or the reader's
 * device runs in: "18:00" in a notice must mean 18:00 on the reader's clock.
 *
 * All of it is fixed-offset arithmetic on the instant. The tz database's Asia/Shanghai would be
 * the same today, but it applies the 1986–1991 summer time and a local mean time before 1901,
 * which no rule of this domain means (a birth date in July 1988 is still a plain UTC+8 day).
 */

/** UTC+8 in milliseconds: Beijing time is always this far ahead of UTC. */
export const BEIJING_OFFSET_MS = 8 * 60 * 60_000;

/** A `Date`, or a string `new Date()` understands (an ISO instant from the API). */
export type Instant = Date | string;

function toDate(value: Instant): Date {
  return value instanceof Date ? value : new Date(value);
}

/** The instant moved by +8 h, so that its UTC fields read as Beijing's wall clock. */
function beijingWallClock(date: Date): Date {
  return new Date(date.getTime() + BEIJING_OFFSET_MS);
}

const pad = (value: number, length = 2) => String(value).padStart(length, "0");

const pageFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * A time for a page, in the reader's language: `2026年3月20日 09:00` (zh-CN) or
 * `Mar 20, 2026, 9:00 AM` (en-US), always Beijing's clock, as every page shows windows and
 * deadlines. A value that is not a time is shown as it came (a string) or as nothing (an
 * invalid Date), rather than breaking the page.
 */
export function formatBeijingTime(value: Instant, locale = "zh-CN"): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return typeof value === "string" ? value : "";
  let format = pageFormats.get(locale);
  if (!format) {
    // The wall clock is read in UTC: the shift above already made it Beijing's.
    format = new Intl.DateTimeFormat(locale, { timeZone: "UTC", dateStyle: "medium", timeStyle: "short" });
    pageFormats.set(locale, format);
  }
  return format.format(beijingWallClock(date));
}

/**
 * The shape `formatBeijingMessageTime` produces: SMS and inbox templates accept a time only in
 * this shape, so every message writes times the same way.
 */
export const BEIJING_MESSAGE_TIME_PATTERN = /^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日 ([01]\d|2[0-3]):[0-5]\d$/;

/**
 * `2026-11-30T10:00:00Z` → `2026年11月30日 18:00`: a time as an official notice writes it (month
 * and day without leading zeros, 24-hour clock, midnight 00:00), for SMS and inbox messages.
 * Seconds are dropped: no deadline in this domain is finer than a minute. An invalid time is a
 * bug in the caller, not something to send: it throws a RangeError.
 */
export function formatBeijingMessageTime(value: Instant): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) throw new RangeError("formatBeijingMessageTime: invalid date");
  const wall = beijingWallClock(date);
  return `${wall.getUTCFullYear()}年${wall.getUTCMonth() + 1}月${wall.getUTCDate()}日 ${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

/**
 * The calendar day in Beijing of an instant, `YYYY-MM-DD`: what "today" and "that day" mean for
 * deadlines and birth dates, whichever zone the machine is in (16:30 UTC is already tomorrow).
 */
export function beijingDate(value: Instant): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) throw new RangeError("beijingDate: invalid date");
  const wall = beijingWallClock(date);
  return `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
}

const LOCAL_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?$/;

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** Days in a month (1–12) of the Gregorian calendar: 2024-02 has 29, 2026-02 has 28. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Whether `YYYY-MM-DD` names a real calendar day (2024-02-29 yes, 2026-02-29 no). */
export function isCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/**
 * `2026-03-20T09:00` (or `…T09:00:00`, `2026-03-20 09:00`, or a bare `2026-03-20` for the start
 * of that day) read as Beijing's wall clock → the instant, as forms and seed data enter windows.
 * No zone or offset may be given: the point is that it is Beijing's. Anything that is not a real
 * date and time throws a RangeError (2026-02-30 is not rolled over into March).
 */
export function parseBeijingLocal(local: string): Date {
  const match = LOCAL_TIME.exec(local.trim());
  if (!match) throw new RangeError(`parseBeijingLocal: 应为北京时间 YYYY-MM-DDTHH:mm，收到 ${local}`);
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const millisecond = Number((match[7] ?? "0").padEnd(3, "0"));
  if (!isCalendarDate(`${match[1]}-${match[2]}-${match[3]}`) || hour > 23 || minute > 59 || second > 59) {
    throw new RangeError(`parseBeijingLocal: 日期或时间不存在：${local}`);
  }
  // setUTCFullYear, not Date.UTC: Date.UTC reads years 0–99 as 1900–1999.
  const wall = new Date(0);
  wall.setUTCFullYear(year, month - 1, day);
  wall.setUTCHours(hour, minute, second, millisecond);
  return new Date(wall.getTime() - BEIJING_OFFSET_MS);
}
