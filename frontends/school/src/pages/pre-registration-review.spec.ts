import { describe, expect, it } from "vitest";
import { bulkOutcome } from "./pre-registration-review";

describe("a bulk approval's answer", () => {
  it("counts the approved rows and names each refused one with its reason", () => {
    const outcome = bulkOutcome(
      [
        { preRegistrationId: "a", ok: true },
        { preRegistrationId: "b", ok: false, code: "CONFLICT", message: "已被他人处理，请刷新" },
        { preRegistrationId: "c", ok: false, code: "NOT_FOUND", message: null },
        { preRegistrationId: "z", ok: false, code: null, message: null },
      ],
      [
        { id: "a", name: "王子涵" },
        { id: "b", name: "李欣怡" },
        { id: "c", name: "张梓轩" },
      ],
    );
    expect(outcome).toEqual({
      approved: 1,
      failures: [
        { name: "李欣怡", message: "已被他人处理，请刷新" },
        { name: "张梓轩", message: "NOT_FOUND" },
        { name: "z", message: "未办理" },
      ],
    });
  });
});
