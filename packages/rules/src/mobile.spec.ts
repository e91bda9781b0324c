import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMobile, MOBILE_PATTERN, normalizeMobile } from "./mobile.js";

const mobile = fc.stringMatching(MOBILE_PATTERN);

describe("mobiles", () => {
  it.each([
    ["13800000001", true],
    ["19912345678", true],
    ["12345678901", false], // 12x is no mobile prefix
    ["1380000000", false],
    ["138000000012", false],
    ["138 0000 0001", false], // isMobile wants the stored form; normalizeMobile makes it
    ["+8613800000001", false],
  ])("isMobile(%j) is %s", (value, expected) => {
    expect(isMobile(value)).toBe(expected);
  });

  it.each([
    ["138 0000 0001", "13800000001"],
    ["138-0000-0001", "13800000001"],
    ["+86 13800000001", "13800000001"],
    ["+86 138-0000-0001", "13800000001"],
    ["008613800000001", "13800000001"],
    ["8613800000001", "13800000001"],
    [" 13800000001\t", "13800000001"],
    ["12800000001", null],
    ["+85213800000001", null],
    ["86138000000012", null], // the prefix comes off only before exactly 11 digits
    ["861380000000", null],
    ["", null],
  ])("normalizeMobile(%j) → %j", (raw, expected) => {
    expect(normalizeMobile(raw)).toBe(expected);
  });

  it("takes spaces, hyphens and a country code off any mobile, and nothing else", () => {
    const prefix = fc.constantFrom("", "+86", "0086", "86", "+86 ", "0086-");
    const separators = fc.array(fc.constantFrom(" ", "-", "  "), { minLength: 11, maxLength: 11 });
    fc.assert(
      fc.property(mobile, prefix, separators, (number, country, gaps) => {
        const written = `${country}${[...number].map((digit, index) => `${digit}${gaps[index] ?? ""}`).join("")}`;
        expect(normalizeMobile(written)).toBe(number);
      }),
    );
  });

  it("gives a mobile or null for any text, and is idempotent", () => {
    fc.assert(
      fc.property(fc.string(), (raw) => {
        const normalized = normalizeMobile(raw);
        if (normalized === null) return;
        expect(isMobile(normalized)).toBe(true);
        expect(normalizeMobile(normalized)).toBe(normalized);
      }),
    );
  });
});
