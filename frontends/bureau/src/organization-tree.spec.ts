import { describe, expect, it } from "vitest";
import { buildOrganizationTree, subtreeOf } from "./organization-tree";

describe("buildOrganizationTree", () => {
  it("nests children under parents and keeps orphans as roots", () => {
    const tree = buildOrganizationTree([
      { id: "c", code: "110108001", name: "学校", kind: "SCHOOL", parentId: "b" },
      { id: "b", code: "110108", name: "区县", kind: "COUNTY", parentId: "a" },
      { id: "a", code: "110000", name: "省", kind: "PROVINCE", parentId: null },
      { id: "x", code: "150100", name: "盟市", kind: "LEAGUE", parentId: "not-visible" },
    ]);
    expect(tree.map((n) => n.id)).toEqual(["a", "x"]);
    expect(tree[0]?.children?.[0]?.children?.[0]?.id).toBe("c");
  });
});

describe("subtreeOf", () => {
  it("keeps a province and everything under it, and nothing of other provinces", () => {
    const organizations = [
      { id: "im", code: "15", name: "内蒙古", kind: "PROVINCE", parentId: null },
      { id: "hohhot", code: "1501", name: "呼和浩特", kind: "LEAGUE", parentId: "im" },
      { id: "xincheng", code: "150102", name: "新城区", kind: "COUNTY", parentId: "hohhot" },
      { id: "school", code: "1501020001", name: "一中", kind: "SCHOOL", parentId: "xincheng" },
      { id: "bj", code: "11", name: "北京", kind: "PROVINCE", parentId: null },
      { id: "haidian", code: "110108", name: "海淀区", kind: "COUNTY", parentId: "bj" },
    ];
    expect(subtreeOf(organizations, ["im"]).map((o) => o.id)).toEqual(["im", "hohhot", "xincheng", "school"]);
    expect(subtreeOf(organizations, ["hohhot", "bj"]).map((o) => o.id)).toEqual(["hohhot", "xincheng", "school", "bj", "haidian"]);
    expect(subtreeOf(organizations, [])).toEqual([]);
  });
});
