import { describe, expect, it } from "vitest";
import { isProvinceCode, PROVINCES, provinceByCode, provinceName } from "./provinces.js";

describe("provinces", () => {
  it("lists the 31 mainland divisions once each, in code order", () => {
    const codes = PROVINCES.map((province) => province.code);
    expect(codes).toHaveLength(31);
    expect(new Set(codes).size).toBe(31);
    expect([...codes].sort()).toEqual(codes);
    expect(codes[0]).toBe("11");
    expect(codes.at(-1)).toBe("65");
    for (const code of codes) expect(code).toMatch(/^[1-6]\d$/);
  });

  it("gives each its Chinese, short and English name", () => {
    expect(provinceByCode("15")).toEqual({ code: "15", name: "内蒙古自治区", shortName: "内蒙古", englishName: "Inner Mongolia", hasLeagueLevel: true });
    expect(provinceByCode("11")).toEqual({ code: "11", name: "北京市", shortName: "北京", englishName: "Beijing", hasLeagueLevel: false });
    for (const province of PROVINCES) {
      expect(province.name.startsWith(province.shortName)).toBe(true);
      expect(province.name).toMatch(/(省|市|自治区)$/);
    }
  });

  it("has no league level only in the four municipalities", () => {
    expect(PROVINCES.filter((province) => !province.hasLeagueLevel).map((province) => province.code)).toEqual(["11", "12", "31", "50"]);
  });

  it("accepts exactly a two-digit mainland code", () => {
    expect(isProvinceCode("15")).toBe(true);
    expect(isProvinceCode("65")).toBe(true);
    for (const code of ["150000", "1", "16", "71", "81", "82", "", "15 "]) expect(isProvinceCode(code), code).toBe(false);
    expect(provinceByCode("150000")).toBeUndefined();
  });

  it("names a province code or any area code inside it, in the page's language", () => {
    expect(provinceName("13", "zh-CN")).toBe("河北省");
    expect(provinceName("130102", "zh-CN")).toBe("河北省");
    expect(provinceName("15")).toBe("内蒙古自治区");
    expect(provinceName("15", "en-US")).toBe("Inner Mongolia");
    expect(provinceName("54", "en")).toBe("Tibet");
    expect(provinceName("99", "zh-CN")).toBe("99");
    expect(provinceName("", "en")).toBe("");
  });
});
