/** The server's password rules, shown while the user types (the server checks them again). */
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

export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
export const SMS_CODE_PATTERN = /^\d{6}$/;
