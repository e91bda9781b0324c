import { describe, expect, it } from "vitest";
import { CONSOLE_OF_ROLE, consolesFor } from "./consoles";

describe("role → console", () => {
  it("sends candidates to the candidate portal", () => {
    expect(consolesFor(["CANDIDATE_IN_SCHOOL"])).toEqual(["candidate"]);
    expect(consolesFor(["CANDIDATE_SOCIAL"])).toEqual(["candidate"]);
  });

  it("sends class teachers, school admins and staff to the school console", () => {
    for (const role of ["CLASS_TEACHER", "SCHOOL_ADMIN", "SCHOOL_STAFF"] as const) expect(consolesFor([role])).toEqual(["school"]);
  });

  it("sends county, league, province and certification reviewers to the bureau console", () => {
    for (const role of ["COUNTY_AGENCY", "LEAGUE_AGENCY", "PROVINCE_INSTITUTE", "CERTIFICATION_REVIEWER"] as const) {
      expect(consolesFor([role])).toEqual(["bureau"]);
    }
  });

  it("gives third-party clients and users without roles no console", () => {
    expect(consolesFor(["THIRD_PARTY_CLIENT"])).toEqual([]);
    expect(consolesFor([])).toEqual([]);
  });

  it("gives a user with bindings in two consoles both, once each, in menu order", () => {
    expect(consolesFor(["COUNTY_AGENCY", "CLASS_TEACHER", "SCHOOL_ADMIN"])).toEqual(["school", "bureau"]);
  });

  it("maps every role", () => {
    expect(Object.keys(CONSOLE_OF_ROLE)).toHaveLength(10);
  });
});
