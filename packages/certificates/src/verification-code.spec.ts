import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CODE_ALPHABET, generateVerificationCode, parseVerificationCode } from "./verification-code.js";

describe("verification codes", () => {
  it("are ten Crockford characters grouped XXXXX-XXXXX, and parse back to themselves", () => {
    for (let index = 0; index < 200; index += 1) {
      const code = generateVerificationCode();
      expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
      expect(parseVerificationCode(code)).toEqual({ ok: true, code });
    }
  });

  it("ignore case, spaces and dashes, and read O as 0 and I/L as 1", () => {
    const code = generateVerificationCode();
    const typed = ` ${code.toLowerCase().replace("-", " ")} `.replace(/0/g, "o").replace(/1/g, "l");
    expect(parseVerificationCode(typed)).toEqual({ ok: true, code });
  });

  it("reject a wrong check character, a wrong length and characters outside the alphabet", () => {
    const code = generateVerificationCode();
    const last = code.at(-1)!;
    const wrong = CODE_ALPHABET[(CODE_ALPHABET.indexOf(last) + 1) % 31]!;
    expect(parseVerificationCode(code.slice(0, -1) + wrong)).toEqual({ ok: false, reason: "CHECK" });
    expect(parseVerificationCode(code.slice(0, -2))).toEqual({ ok: false, reason: "LENGTH" });
    expect(parseVerificationCode("ABCDE-FGHU1")).toEqual({ ok: false, reason: "CHARACTER" });
  });

  it("catch any single changed character and any swap of two different characters, except 0↔Z", () => {
    fc.assert(
      fc.property(fc.nat(8), fc.nat(31), fc.nat(8), (position, replacement, other) => {
        const compact = generateVerificationCode().replace("-", "");
        const characters = [...compact];
        const original = characters[position]!;
        const next = CODE_ALPHABET[replacement]!;
        const zeroAndZ = (a: string, b: string) => (a === "0" && b === "Z") || (a === "Z" && b === "0");
        if (next !== original && !zeroAndZ(original, next)) {
          const changed = [...characters];
          changed[position] = next;
          expect(parseVerificationCode(changed.join("")).ok).toBe(false);
        }
        if (other !== position && characters[other] !== original && !zeroAndZ(original, characters[other]!)) {
          const swapped = [...characters];
          [swapped[position], swapped[other]] = [swapped[other]!, swapped[position]!];
          expect(parseVerificationCode(swapped.join("")).ok).toBe(false);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("cannot tell a 0 from a Z in the same place, the one blind spot of a check modulo 31", () => {
    const check = [...CODE_ALPHABET].find((character) => parseVerificationCode(`0Z0Z0Z0Z0${character}`).ok)!;
    expect(parseVerificationCode(`Z0Z0Z0Z0Z${check}`).ok).toBe(true);
  });
});
