import { describe, expect, it } from "vitest";
import { demoId, demoOrganizations, demoUsers, idNumberCheckCharacter } from "./index.js";

describe("demo data", () => {
  it("derives the same UUID-shaped id from the same name", () => {
    expect(demoId("org:im")).toBe(demoId("org:im"));
    expect(demoId("org:im")).not.toBe(demoId("org:bj"));
    expect(demoId("x")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("computes the GB 11643 check character of a published example", () => {
    // Example from the standard: 11010519491231002X
    expect(idNumberCheckCharacter("11010519491231002")).toBe("X");
  });

  it("gives every candidate a valid ID number and every organisation an existing parent", () => {
    const ids = new Set(demoOrganizations.map((organization) => organization.id));
    for (const organization of demoOrganizations) {
      if (organization.parentId) expect(ids.has(organization.parentId)).toBe(true);
    }
    for (const user of demoUsers.filter((candidate) => candidate.idNumber)) {
      expect(user.idNumber).toMatch(/^\d{17}[\dX]$/);
      expect(user.idNumber?.[17]).toBe(idNumberCheckCharacter(user.idNumber!.slice(0, 17)));
    }
    expect(new Set(demoUsers.map((user) => user.username)).size).toBe(demoUsers.length);
  });
});
