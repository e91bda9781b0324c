import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { idNumberCheckDigit } from "./id-number.js";
import { maskIdNumber, maskMobile } from "./masking.js";
import { MOBILE_PATTERN } from "./mobile.js";

const idNumber = fc.stringMatching(/^\d{17}$/).map((first17) => `${first17}${idNumberCheckDigit(first17)}`);

describe("maskIdNumber", () => {
  it("shows the first 4 and last 4 characters only", () => {
    expect(maskIdNumber("150102200801011012")).toBe("1501**********1012");
    expect(maskIdNumber(" 11010519491231002x ")).toBe("1101**********002X");
    // A first-generation (15-digit) number.
    expect(maskIdNumber("110105491231002")).toBe("1101*******1002");
  });

  it.each(["1501022008", "15010220080101101", "1501022008010110123", "12345678", "abc"])("shows nothing of %j, which is no ID number", (value) => {
    expect(maskIdNumber(value)).toBe("****");
  });

  it("shows nothing for nothing", () => {
    expect(maskIdNumber("")).toBe("");
    expect(maskIdNumber("   ")).toBe("");
  });

  it("never reveals the middle ten characters of an ID number", () => {
    fc.assert(
      fc.property(idNumber, (value) => {
        const masked = maskIdNumber(value);
        expect(masked).toHaveLength(18);
        expect(masked.slice(4, 14)).toBe("**********");
        expect(masked.slice(0, 4) + masked.slice(14)).toBe(value.slice(0, 4) + value.slice(14));
      }),
    );
  });

  it("never shows more than the first and last four characters of any text", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 30 }), (value) => {
        const masked = maskIdNumber(value);
        const characters = [...value.trim().toUpperCase()];
        const allowed = ["", "****", `${characters.slice(0, 4).join("")}${"*".repeat(Math.max(characters.length - 8, 0))}${characters.slice(-4).join("")}`];
        expect(allowed).toContain(masked);
        if (masked !== "****" && masked !== "") expect(characters.length === 18 || characters.length === 15).toBe(true);
      }),
    );
  });
});

describe("maskMobile", () => {
  it("shows the first 3 and last 4 digits", () => {
    expect(maskMobile("13812345678")).toBe("138****5678");
    expect(maskMobile("+86 138-1234-5678")).toBe("138****5678");
  });

  it.each(["1381234567", "12812345678", "010-12345678", "hello"])("shows nothing of %j, which is no mobile", (value) => {
    expect(maskMobile(value)).toBe("****");
  });

  it("never reveals the middle four digits of a mobile", () => {
    fc.assert(
      fc.property(fc.stringMatching(MOBILE_PATTERN), (mobile) => {
        const masked = maskMobile(mobile);
        expect(masked).toBe(`${mobile.slice(0, 3)}****${mobile.slice(7)}`);
      }),
    );
  });

  it("shows at most 7 digits of any text", () => {
    fc.assert(
      fc.property(fc.string(), (value) => {
        expect(maskMobile(value).replaceAll("*", "").length).toBeLessThanOrEqual(7);
      }),
    );
  });
});
