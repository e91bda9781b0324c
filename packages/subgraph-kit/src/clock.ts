/**
 * Where every subgraph gets the time: windows, deadlines, SLAs, token lifetimes and demo data are
 * judged by the request context's clock, never by a bare `new Date()`, so that a test can put the
 * platform at any instant and nothing depends on the day it runs.
 */
export interface Clock {
  now(): Date;
}

/** The machine's clock, for production and `npm start`. */
export const systemClock: Clock = { now: () => new Date() };

/**
 * A clock that stands still until a test moves it. One helper for every suite: `new FakeClock(t)`,
 * then `advance({ hours: 49 })` or `set(instant)`.
 */
export class FakeClock implements Clock {
  private current: number;

  constructor(start: Date | string = "2026-01-15T02:00:00.000Z") {
    this.current = new Date(start).getTime();
    if (Number.isNaN(this.current)) throw new Error(`FakeClock: invalid start ${String(start)}`);
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: Date | string): this {
    const next = new Date(instant).getTime();
    if (Number.isNaN(next)) throw new Error(`FakeClock: invalid instant ${String(instant)}`);
    this.current = next;
    return this;
  }

  advance(by: { days?: number; hours?: number; minutes?: number; seconds?: number; ms?: number }): this {
    this.current +=
      (by.days ?? 0) * 86_400_000 + (by.hours ?? 0) * 3_600_000 + (by.minutes ?? 0) * 60_000 + (by.seconds ?? 0) * 1000 + (by.ms ?? 0);
    return this;
  }
}

const HOUR_MS = 3_600_000;

/** `instant` moved by a number of hours (negative: earlier). */
export const hoursFrom = (instant: Date, hours: number): Date => new Date(instant.getTime() + hours * HOUR_MS);
