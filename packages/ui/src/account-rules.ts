/**
 * The server's rules for account names and passwords, checked while the user types so mistakes
 * show before submitting (identity checks them again and has the last word).
 */
export interface PasswordChecks {
  /** 8–64 characters. */
  length: boolean;
  /** At least three of: lower case, upper case, digit, symbol. */
  variety: boolean;
  /** Does not contain the username (case-insensitive). */
  notUsername: boolean;
}

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 64;

export function characterClasses(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^a-zA-Z0-9]/].filter((pattern) => pattern.test(password)).length;
}

export function checkPassword(password: string, username: string): PasswordChecks {
  const length = [...password].length;
  const name = username.trim().toLowerCase();
  return {
    length: length >= PASSWORD_MIN && length <= PASSWORD_MAX,
    variety: characterClasses(password) >= 3,
    notUsername: password.length > 0 && (name === "" || !password.toLowerCase().includes(name)),
  };
}

export function isStrongPassword(password: string, username: string): boolean {
  const checks = checkPassword(password, username);
  return checks.length && checks.variety && checks.notUsername;
}

/** The fields of an account someone sets up for another person (AccountFields.vue). */
export type AccountField = "username" | "displayName" | "password";

/** Letter first, then 4–32 letters, digits or underscores: never all digits, those are mobiles. */
export const USERNAME_PATTERN = /^[A-Za-z][A-Za-z0-9_]{3,31}$/;
/** A person's name as identity accepts it: 2–30 characters. */
export const DISPLAY_NAME_MIN = 2;
export const DISPLAY_NAME_MAX = 30;

/** Length in characters as a reader counts them (a CJK character or an emoji is one). */
export function textLength(text: string): number {
  return [...text].length;
}

/** The mobile rule is the one the server applies (@xuekao/rules). */
export { MOBILE_PATTERN } from "@xuekao/rules";
export const SMS_CODE_PATTERN = /^\d{6}$/;
