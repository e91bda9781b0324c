/**
 * Every time a candidate or reviewer reads in a message is Beijing time, whatever zone the
 * server runs in (a container is usually UTC): windows and deadlines are set in Asia/Shanghai
 * and a message saying "18:00" must mean 18:00 on the reader's clock.
 */
const BEIJING_TIME = new Intl.DateTimeFormat("en-US", {
  timeZone: "Asia/Shanghai",
  year: "numeric",
  month: "numeric",
  day: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  // h23, not hour12: false, so midnight is 00:00 and never 24:00.
  hourCycle: "h23",
});

/** The shape `formatBeijingTime` produces; templates accept times only in this shape. */
export const BEIJING_TIME_PATTERN = /^\d{4}年([1-9]|1[0-2])月([1-9]|[12]\d|3[01])日 ([01]\d|2[0-3]):[0-5]\d$/;

/**
 * `2026-11-30T10:00:00Z` → `2026年11月30日 18:00`: the way an official notice writes a time
 * (month and day without leading zeros, 24-hour clock). Seconds are dropped: no deadline in
 * this domain is finer than a minute.
 */
export function formatBeijingTime(date: Date): string {
  if (Number.isNaN(date.getTime())) throw new RangeError("formatBeijingTime: invalid date");
  const parts = Object.fromEntries(BEIJING_TIME.formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}年${parts.month}月${parts.day}日 ${parts.hour}:${parts.minute}`;
}
