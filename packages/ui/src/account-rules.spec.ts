import { describe, expect, it } from "vitest";
import { USERNAME_PATTERN, checkPassword, isStrongPassword, textLength } from "./account-rules";

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

describe("usernames and names", () => {
  it("wants a letter first and 4–32 letters, digits or underscores", () => {
    expect(USERNAME_PATTERN.test("teacher3")).toBe(true);
    expect(USERNAME_PATTERN.test("t_03")).toBe(true);
    expect(USERNAME_PATTERN.test("3teacher")).toBe(false);
    expect(USERNAME_PATTERN.test("abc")).toBe(false);
    expect(USERNAME_PATTERN.test("李老师")).toBe(false);
  });

  it("counts Chinese characters one each", () => {
    expect(textLength("李老师")).toBe(3);
  });
});
