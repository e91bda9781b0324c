import { describe, expect, it } from "vitest";
import { backoffDelay, resolveBackoff } from "./backoff.js";

describe("backoffDelay", () => {
  it("doubles from the base per failure and stops at the ceiling", () => {
    const options = { baseMs: 100, maxMs: 1_000 };
    expect([1, 2, 3, 4, 5, 100, 5_000].map((failures) => backoffDelay(failures, options))).toEqual([100, 200, 400, 800, 1_000, 1_000, 1_000]);
  });

  it("refuses a ceiling below the base", () => {
    expect(() => resolveBackoff({ baseMs: 500, maxMs: 100 })).toThrow(/baseMs <= maxMs/);
    expect(resolveBackoff({ baseMs: 50 })).toEqual({ baseMs: 50, maxMs: 300_000 });
  });
});
