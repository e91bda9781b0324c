import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  birthDateMatchesIdNumber,
  constructedIdentityCode,
  idNumberCheckDigit,
  isRecordNumber,
  isValidIdNumber,
  socialCandidateRecordNumber,
  validateIdNumber,
} from "./id-number.js";
import { PROVINCES } from "./provinces.js";

/** first17 + its check character. */
const withCheck = (first17: string) => `${first17}${idNumberCheckDigit(first17)}`;

/** A plausible ID number: a real province, any area digits, a real birth date from 1900, any sequence. */
const validIdNumber = fc
  .record({
    province: fc.constantFrom(...PROVINCES.map((province) => province.code)),
    area: fc.stringMatching(/^\d{4}$/),
    birth: fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }),
    sequence: fc.stringMatching(/^\d{3}$/),
  })
  .map(({ province, area, birth, sequence }) => withCheck(`${province}${area}${birth.toISOString().slice(0, 10).replaceAll("-", "")}${sequence}`));

describe("idNumberCheckDigit", () => {
  it.each([
    // The standard's own example; then sums worked by hand: 231 mod 11 = 0 → "1", 109 mod 11 = 10 → "2".
    ["11010519491231002", "X"],
    ["44030119851017123", "1"],
    ["15010220080101001", "2"],
  ])("%s → %s", (first17, check) => {
    expect(idNumberCheckDigit(first17)).toBe(check);
  });

  it("computes the weighted sum mod 11 (the remainder decides the character)", () => {
    // All zeros: sum 0 → "1"; a single 1 in the 8th place (weight 1): sum 1 → "0".
    expect(idNumberCheckDigit("00000000000000000")).toBe("1");
    expect(idNumberCheckDigit("00000001000000000")).toBe("0");
    // A single 1 in the 2nd place (weight 9): remainder 9 → "3"; 2 in the 1st (weight 7): 14 mod 11 = 3 → "9".
    expect(idNumberCheckDigit("01000000000000000")).toBe("3");
    expect(idNumberCheckDigit("20000000000000000")).toBe("9");
  });

  it.each(["1101051949123100", "110105194912310021", "1101051949123100a", ""])("refuses %j (not 17 digits)", (value) => {
    expect(() => idNumberCheckDigit(value)).toThrow(RangeError);
  });
});

describe("validateIdNumber", () => {
  it("accepts the standard's example and reads what it says", () => {
    expect(validateIdNumber("11010519491231002X")).toEqual({
      ok: true,
      normalized: "11010519491231002X",
      birthDate: "1949-12-31",
      provinceCode: "11",
      areaCode: "110105",
      gender: "FEMALE",
    });
  });

  it("accepts a lower-case x and surrounding spaces, and normalises them", () => {
    const check = validateIdNumber(" 11010519491231002x ");
    expect(check.ok && check.normalized).toBe("11010519491231002X");
  });

  it("reads the gender from the 17th digit: odd is male, even female", () => {
    const male = validateIdNumber(withCheck("15010220070315201"));
    const female = validateIdNumber(withCheck("15010220070315202"));
    expect(male.ok && male.gender).toBe("MALE");
    expect(female.ok && female.gender).toBe("FEMALE");
  });

  it.each([
    ["", "empty"],
    ["11010519491231002", "17 characters"],
    ["11010519491231002X1", "19 characters"],
    ["1101051949123100X2", "X not last"],
    ["110105 19491231002X", "a space inside"],
    ["１１０１０５１９４９１２３１００２Ｘ", "full-width digits"],
    ["11010519491231002Y", "a letter other than X"],
  ])("refuses %j as FORMAT (%s)", (value) => {
    const check = validateIdNumber(value);
    expect(check).toMatchObject({ ok: false, problem: "FORMAT" });
    expect(check.ok || check.message).toMatch(/18位/);
  });

  it("refuses a wrong check character as CHECKSUM, with a Chinese message", () => {
    expect(validateIdNumber("110105194912310021")).toEqual({ ok: false, problem: "CHECKSUM", message: "身份证号码校验位不符，请逐位核对" });
  });

  it.each([
    ["99", "no such province"],
    ["71", "Taiwan: not a mainland province of this system"],
    ["00", "zero"],
  ])("refuses province code %s as PROVINCE (%s)", (province) => {
    expect(validateIdNumber(withCheck(`${province}010520080101001`))).toMatchObject({ ok: false, problem: "PROVINCE" });
  });

  it.each([
    ["20070230", "30 February"],
    ["20230229", "29 February of a common year"],
    ["19001301", "month 13"],
    ["18991231", "before 1900"],
    ["20080100", "day 0"],
  ])("refuses birth date %s as BIRTH_DATE (%s)", (birth) => {
    const check = validateIdNumber(withCheck(`150102${birth}001`));
    expect(check).toMatchObject({ ok: false, problem: "BIRTH_DATE" });
    expect(check.ok || check.message).toContain("出生日期");
  });

  it("accepts 29 February of a leap year and 1 January 1900", () => {
    expect(isValidIdNumber(withCheck("15010220080229001"))).toBe(true);
    expect(isValidIdNumber(withCheck("15010219000101001"))).toBe(true);
    // 1900 was not a leap year (divisible by 100, not by 400); 2000 was.
    expect(isValidIdNumber(withCheck("15010219000229001"))).toBe(false);
    expect(isValidIdNumber(withCheck("15010220000229001"))).toBe(true);
  });

  it("refuses a birth date after the caller's today, and only then", () => {
    const born = withCheck("15010220260102001");
    expect(isValidIdNumber(born)).toBe(true); // no today given: only the calendar is checked
    expect(validateIdNumber(born, { today: "2026-01-01" })).toMatchObject({ ok: false, problem: "BIRTH_DATE" });
    expect(isValidIdNumber(born, { today: "2026-01-02" })).toBe(true);
  });

  it("takes a Date today as its calendar day in Beijing", () => {
    const born = withCheck("15010220260101001");
    // 2025-12-31 16:30 UTC is already 1 January 2026 in Beijing.
    expect(isValidIdNumber(born, { today: new Date("2025-12-31T16:30:00Z") })).toBe(true);
    expect(isValidIdNumber(born, { today: new Date("2025-12-31T15:30:00Z") })).toBe(false);
  });

  it("refuses a today that is not a date (a caller's bug, not the candidate's)", () => {
    expect(() => validateIdNumber("11010519491231002X", { today: "2026-13-01" })).toThrow(RangeError);
  });

  describe("properties", () => {
    it("a real province, area digits, a real birth date and any sequence with the computed check character always validate", () => {
      fc.assert(
        fc.property(validIdNumber, (idNumber) => {
          const check = validateIdNumber(idNumber);
          expect(check.ok).toBe(true);
          if (!check.ok) return;
          expect(check.normalized).toBe(idNumber);
          expect(check.birthDate.replaceAll("-", "")).toBe(idNumber.slice(6, 14));
          expect(check.gender).toBe(Number(idNumber[16]) % 2 ? "MALE" : "FEMALE");
          expect(birthDateMatchesIdNumber(idNumber, check.birthDate)).toBe(true);
        }),
      );
    });

    it("any 17 digits with their check character pass the checksum (whatever else is wrong)", () => {
      fc.assert(
        fc.property(fc.stringMatching(/^\d{17}$/), (first17) => {
          const check = validateIdNumber(withCheck(first17));
          if (!check.ok) expect(["PROVINCE", "BIRTH_DATE"]).toContain(check.problem);
        }),
      );
    });

    it("changing any one character of a valid number to another fails the checksum", () => {
      fc.assert(
        fc.property(validIdNumber, fc.nat({ max: 17 }), fc.constantFrom(..."0123456789X"), (idNumber, position, replacement) => {
          fc.pre(idNumber[position] !== replacement && (position === 17 || replacement !== "X"));
          const changed = `${idNumber.slice(0, position)}${replacement}${idNumber.slice(position + 1)}`;
          expect(validateIdNumber(changed)).toMatchObject({ ok: false, problem: "CHECKSUM" });
        }),
      );
    });

    it("swapping two different adjacent digits of the first 17 fails the checksum", () => {
      fc.assert(
        fc.property(validIdNumber, fc.nat({ max: 15 }), (idNumber, position) => {
          fc.pre(idNumber[position] !== idNumber[position + 1]);
          const swapped = `${idNumber.slice(0, position)}${idNumber[position + 1]}${idNumber[position]}${idNumber.slice(position + 2)}`;
          expect(validateIdNumber(swapped)).toMatchObject({ ok: false, problem: "CHECKSUM" });
        }),
      );
    });

    it("upper or lower case x gives the same answer", () => {
      fc.assert(
        fc.property(validIdNumber, (idNumber) => {
          expect(validateIdNumber(idNumber.toLowerCase())).toEqual(validateIdNumber(idNumber));
        }),
      );
    });
  });
});

describe("birthDateMatchesIdNumber", () => {
  it("compares the birth date the ID number carries", () => {
    expect(birthDateMatchesIdNumber("11010519491231002X", "1949-12-31")).toBe(true);
    expect(birthDateMatchesIdNumber("11010519491231002x", "1949-12-31")).toBe(true);
    expect(birthDateMatchesIdNumber("11010519491231002X", "1949-12-30")).toBe(false);
    expect(birthDateMatchesIdNumber("11010519491231002X", "19491231")).toBe(false);
  });

  it("is false for an ID number that does not validate, even if the digits match", () => {
    expect(birthDateMatchesIdNumber("110105194912310021", "1949-12-31")).toBe(false);
  });
});

describe("constructedIdentityCode", () => {
  it("builds area code + birth date + sequence + check character", () => {
    expect(constructedIdentityCode("150102", "2008-01-01", 1)).toBe("150102200801010012");
    expect(constructedIdentityCode("150102", "20080101", "001")).toBe("150102200801010012");
    expect(constructedIdentityCode("110108", "2009-05-21", 999)).toBe(withCheck("11010820090521999"));
  });

  it("validates like an ID number", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...PROVINCES.map((province) => province.code)),
        fc.stringMatching(/^\d{4}$/),
        fc.date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        (province, area, birth, sequence) => {
          const birthDate = birth.toISOString().slice(0, 10);
          const code = constructedIdentityCode(`${province}${area}`, birthDate, sequence);
          expect(validateIdNumber(code)).toMatchObject({ ok: true, birthDate, areaCode: `${province}${area}` });
          expect(code.slice(14, 17)).toBe(String(sequence).padStart(3, "0"));
        },
      ),
    );
  });

  it.each([
    ["99010", "2008-01-01", 1, "a five-digit area code"],
    ["990102", "2008-01-01", 1, "an area code outside every province"],
    ["150102", "2008-02-30", 1, "a date that does not exist"],
    ["150102", "1899-12-31", 1, "a birth before 1900"],
    ["150102", "2008-01-01", 1000, "a sequence above 999"],
    ["150102", "2008-01-01", -1, "a negative sequence"],
    ["150102", "2008-01-01", 1.5, "a fractional sequence"],
    ["150102", "2008-01-01", "01", "a two-digit sequence"],
  ] as [string, string, number | string, string][])("refuses %s / %s / %s (%s)", (area, birth, sequence) => {
    expect(() => constructedIdentityCode(area, birth, sequence)).toThrow(RangeError);
  });
});

describe("socialCandidateRecordNumber", () => {
  it("is G + the ID number, normalised", () => {
    expect(socialCandidateRecordNumber({ idNumber: " 11010519491231002x" })).toBe("G11010519491231002X");
  });

  it("is J + the constructed code for a person without an ID number", () => {
    expect(socialCandidateRecordNumber({ constructedCode: "150102200801010012" })).toBe("J150102200801010012");
  });

  it("never turns a temporary L number into a record number", () => {
    expect(() => socialCandidateRecordNumber({ constructedCode: "L150102200801010012" })).toThrow(/临时号/);
    expect(() => socialCandidateRecordNumber({ idNumber: "l150102200801010012" })).toThrow(/临时号/);
  });

  it("refuses what does not validate, saying why in Chinese", () => {
    expect(() => socialCandidateRecordNumber({ idNumber: "110105194912310021" })).toThrow("身份证号码校验位不符，请逐位核对");
    expect(() => socialCandidateRecordNumber({ constructedCode: "150102200802300012" })).toThrow(/编码/);
  });

  it("gives record numbers that isRecordNumber accepts, and nothing it refuses", () => {
    fc.assert(
      fc.property(validIdNumber, (idNumber) => {
        expect(isRecordNumber(socialCandidateRecordNumber({ idNumber }))).toBe(true);
        expect(isRecordNumber(socialCandidateRecordNumber({ constructedCode: idNumber }))).toBe(true);
        expect(isRecordNumber(`L${idNumber}`)).toBe(false);
        expect(isRecordNumber(idNumber)).toBe(false);
      }),
    );
  });
});
