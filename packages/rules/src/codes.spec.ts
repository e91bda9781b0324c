import { describe, expect, it } from "vitest";
import { isExamSessionCode, isOrganizationCode, isPostcode } from "./codes.js";

describe("codes", () => {
  it("postcodes are six digits", () => {
    expect(isPostcode("010010")).toBe(true);
    expect(isPostcode("100871")).toBe(true);
    for (const value of ["01001", "0100100", "01001a", " 010010", ""]) expect(isPostcode(value), value).toBe(false);
  });

  it("organisation codes are 2–32 digits", () => {
    expect(isOrganizationCode("15")).toBe(true);
    expect(isOrganizationCode("150105")).toBe(true);
    expect(isOrganizationCode("1".repeat(32))).toBe(true);
    for (const value of ["1", "1".repeat(33), "15a", "15-01", ""]) expect(isOrganizationCode(value), value).toBe(false);
  });

  it("exam session codes are 1–32 letters, digits or hyphens", () => {
    expect(isExamSessionCode("2026-06")).toBe(true);
    expect(isExamSessionCode("2027-01A")).toBe(true);
    expect(isExamSessionCode("x".repeat(32))).toBe(true);
    for (const value of ["", "x".repeat(33), "2026 06", "2026_06", "2026/06", "考次"]) expect(isExamSessionCode(value), value).toBe(false);
  });
});
