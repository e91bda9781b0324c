import { describe, expect, it } from "vitest";
import { buildOrganizationTree } from "./organization-tree";

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
