import { describe, expect, it } from "vitest";
import { DomainError } from "./errors.js";
import { isUuid, requireId, textLength } from "./input.js";

describe("input guards", () => {
  it("accepts UUIDs in any case and returns them lower-cased", () => {
    expect(requireId("3F2504E0-4F89-41D3-9A0C-0305E82C3301", "candidateId")).toBe("3f2504e0-4f89-41d3-9a0c-0305e82c3301");
    expect(isUuid("not-a-uuid")).toBe(false);
  });

  it("refuses a malformed id with INVALID_ID naming the field, in Chinese", () => {
    let thrown: unknown;
    try {
      requireId("1; drop table", "recipientId");
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(DomainError);
    expect(thrown).toMatchObject({ code: "INVALID_ID", category: "BAD_USER_INPUT", details: { field: "recipientId" } });
    expect((thrown as Error).message).toBe("recipientId 不是有效的编号");
  });

  it("counts characters as a person does, not UTF-16 units", () => {
    expect(textLength("学考")).toBe(2);
    expect(textLength("𠀀😀")).toBe(2);
    expect("𠀀😀".length).toBe(4);
  });
});
