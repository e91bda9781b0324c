import { describe, expect, it } from "vitest";
import { isOrganizationLevel, levelDepth, ORGANIZATION_LEVEL_LABELS, ORGANIZATION_LEVELS } from "./organization-levels.js";
import { PROVINCES } from "./provinces.js";

describe("organisation levels", () => {
  it("are labelled in Chinese", () => {
    expect(ORGANIZATION_LEVELS.map((level) => ORGANIZATION_LEVEL_LABELS[level])).toEqual(["省级", "盟市", "旗县区", "学校", "班级"]);
    expect(isOrganizationLevel("COUNTY")).toBe(true);
    expect(isOrganizationLevel("county")).toBe(false);
  });

  it("sit at depths 1–5 of an Inner Mongolian path (province, league, county, school, class)", () => {
    expect(ORGANIZATION_LEVELS.map((level) => levelDepth(level, "15"))).toEqual([1, 2, 3, 4, 5]);
  });

  it("move up one below the province in Beijing, which has no league level", () => {
    expect(ORGANIZATION_LEVELS.map((level) => levelDepth(level, "11"))).toEqual([1, null, 2, 3, 4]);
  });

  it("find the organisation acting at a step on a candidate's path", () => {
    const beijingPath = ["bj", "bj-haidian", "bj-school", "bj-class"];
    const innerMongoliaPath = ["im", "im-hohhot", "im-xincheng", "im-school", "im-class-1"];
    expect(beijingPath[levelDepth("COUNTY", "11")! - 1]).toBe("bj-haidian");
    expect(innerMongoliaPath[levelDepth("COUNTY", "15")! - 1]).toBe("im-xincheng");
    expect(innerMongoliaPath[levelDepth("LEAGUE", "15")! - 1]).toBe("im-hohhot");
  });

  it("in every province, the levels that exist take the depths 1, 2, 3 … in order", () => {
    for (const province of PROVINCES) {
      const depths = ORGANIZATION_LEVELS.map((level) => levelDepth(level, province.code)).filter((depth) => depth !== null);
      expect(depths, province.code).toEqual(Array.from({ length: province.hasLeagueLevel ? 5 : 4 }, (_, index) => index + 1));
    }
  });

  it("refuses to guess for an unknown province", () => {
    expect(() => levelDepth("COUNTY", "99")).toThrow(RangeError);
    expect(() => levelDepth("COUNTY", "150000")).toThrow(RangeError);
  });
});
