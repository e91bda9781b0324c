import { describe, expect, it } from "vitest";
import { checkPassword, isStrongPassword } from "./password-rules";

describe("password rules", () => {
  it("accepts 8–64 characters with three kinds that do not contain the username", () => {
    expect(isStrongPassword("Xuekao@2026", "candidate1")).toBe(true);
    expect(isStrongPassword("abcdEF12", "zhang")).toBe(true);
  });

  it("refuses short, long, plain or username-containing passwords, saying which rule failed", () => {
    expect(checkPassword("Ab1!", "x")).toEqual({ length: false, variety: true, notUsername: true });
    expect(checkPassword(`Ab1!${"a".repeat(61)}`, "x").length).toBe(false);
    expect(checkPassword("abcdefgh1", "x")).toEqual({ length: true, variety: false, notUsername: true });
    expect(checkPassword("Zhang@2026", "ZHANG")).toEqual({ length: true, variety: true, notUsername: false });
  });
});
