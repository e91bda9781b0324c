import { validateIdNumber } from "@xuekao/rules";
import { describe, expect, it } from "vitest";
import { demoId, demoOrganizations, demoUsers } from "./index.js";

describe("demo data", () => {
  it("derives the same UUID-shaped id from the same name", () => {
    expect(demoId("org:im")).toBe(demoId("org:im"));
    expect(demoId("org:im")).not.toBe(demoId("org:bj"));
    expect(demoId("x")).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-a[0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("gives every candidate a valid ID number and every organisation an existing parent", () => {
    const ids = new Set(demoOrganizations.map((organization) => organization.id));
    for (const organization of demoOrganizations) {
      if (organization.parentId) expect(ids.has(organization.parentId)).toBe(true);
    }
    for (const user of demoUsers.filter((candidate) => candidate.idNumber)) {
      expect(validateIdNumber(user.idNumber!, { today: "2026-01-01" }), user.username).toMatchObject({ ok: true });
    }
    expect(new Set(demoUsers.map((user) => user.username)).size).toBe(demoUsers.length);
  });
});
