import { describe, expect, it } from "vitest";
import { inSecondTerm, schoolYearOf, yearInSchool } from "./school-year.js";

describe("school years (Beijing time)", () => {
  it("starts a school year on 1 September 00:00 Beijing, which is 31 August 16:00 UTC", () => {
    expect(schoolYearOf("2026-08-31T15:59:59.999Z")).toBe(2025);
    expect(schoolYearOf("2026-08-31T16:00:00.000Z")).toBe(2026);
    expect(schoolYearOf("2027-01-31T15:59:59.999Z")).toBe(2026);
  });

  it("counts years in school from the enrollment year", () => {
    expect(yearInSchool(2026, "2026-09-01T00:00:00+08:00")).toBe(1);
    expect(yearInSchool(2026, "2027-06-30T00:00:00+08:00")).toBe(1);
    expect(yearInSchool(2026, "2027-09-01T00:00:00+08:00")).toBe(2);
    expect(yearInSchool(2026, "2026-08-31T23:59:59+08:00")).toBe(0);
  });

  it("puts 1 February to 31 August (Beijing) in the second term", () => {
    expect(inSecondTerm("2027-01-31T23:59:59.999+08:00")).toBe(false);
    expect(inSecondTerm("2027-02-01T00:00:00+08:00")).toBe(true);
    expect(inSecondTerm("2027-08-31T23:59:59+08:00")).toBe(true);
    expect(inSecondTerm("2026-11-30T00:00:00+08:00")).toBe(false);
  });
});
