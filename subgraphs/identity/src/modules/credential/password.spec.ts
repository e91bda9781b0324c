import { describe, expect, it } from "vitest";
import { checkPasswordStrength, hashPassword, verifyPassword } from "./password.js";

describe("passwords", () => {
  it("verifies the password it hashed and nothing else; each hash is salted", async () => {
    const hash = await hashPassword("Xuekao@2026");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword("Xuekao@2026", hash)).toBe(true);
    expect(await verifyPassword("xuekao@2026", hash)).toBe(false);
    expect(await hashPassword("Xuekao@2026")).not.toBe(hash);
    expect(await verifyPassword("Xuekao@2026", "md5$abc")).toBe(false);
  });

  it.each([
    ["Ab1!", "密码长度须为 8 至 64 位"],
    ["abcdefgh1", "密码须至少包含小写字母、大写字母、数字、符号中的三类"],
    ["Candidate1!x", "密码不能包含用户名"],
  ])("refuses %s: %s", (password, message) => {
    expect(() => checkPasswordStrength(password, "candidate1")).toThrow(message);
  });

  it("accepts the demo password", () => {
    expect(() => checkPasswordStrength("Xuekao@2026", "candidate1")).not.toThrow();
  });
});
