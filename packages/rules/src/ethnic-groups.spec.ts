import { describe, expect, it } from "vitest";
import { ETHNIC_GROUPS, ethnicGroupByCode, isEthnicGroupCode } from "./ethnic-groups.js";

describe("ethnic groups (GB/T 3304-1991)", () => {
  it("lists the 56 groups as 01–56, then 97 and 98", () => {
    expect(ETHNIC_GROUPS).toHaveLength(58);
    expect(ETHNIC_GROUPS.map((group) => group.code)).toEqual([...Array.from({ length: 56 }, (_, index) => String(index + 1).padStart(2, "0")), "97", "98"]);
    expect(new Set(ETHNIC_GROUPS.map((group) => group.name)).size).toBe(58);
    for (const group of ETHNIC_GROUPS.slice(0, 56)) expect(group.name).toMatch(/族$/);
  });

  it.each([
    ["01", "汉族"],
    ["02", "蒙古族"],
    ["05", "维吾尔族"],
    ["11", "满族"],
    ["29", "柯尔克孜族"],
    ["46", "德昂族"],
    ["56", "基诺族"],
    ["97", "其他"],
    ["98", "外国血统中国籍人士"],
  ])("%s is %s", (code, name) => {
    expect(ethnicGroupByCode(code)?.name).toBe(name);
  });

  it("accepts exactly the listed codes", () => {
    expect(isEthnicGroupCode("02")).toBe(true);
    for (const code of ["2", "00", "57", "96", "99", ""]) expect(isEthnicGroupCode(code), code).toBe(false);
    expect(ethnicGroupByCode("57")).toBeUndefined();
  });
});
