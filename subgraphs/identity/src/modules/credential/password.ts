import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from "node:crypto";
import { promisify } from "node:util";
import { textLength } from "@xuekao/subgraph-kit";
import { CredentialErrors, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./credential.errors.js";

export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH };

const scrypt = promisify(scryptCallback) as (password: string, salt: Buffer, keylen: number, options: ScryptOptions) => Promise<Buffer>;

/** scrypt (memory-hard, built into Node: no native module to compile). N=2^15 ≈ 32 MiB, ~50–100 ms. */
const PARAMS = { N: 2 ** 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 };
const KEY_LENGTH = 32;

/** Stored as `scrypt$N$r$p$salt$hash` (base64url), so parameters can rise later without breaking old hashes. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, salt.toString("base64url"), hash.toString("base64url")].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64url");
  const actual = await scrypt(password.normalize("NFKC"), Buffer.from(salt, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: PARAMS.maxmem,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** Hash of a password nobody has: compared against when the user does not exist, so timing reveals nothing. */
let decoyHash: Promise<string> | undefined;
export const decoyPasswordHash = () => (decoyHash ??= hashPassword(randomBytes(18).toString("base64url")));

/**
 * 8–64 characters with at least three of: lower-case, upper-case, digits, symbols; and not
 * containing the user name. Refusals name the rule in Chinese.
 */
export function checkPasswordStrength(password: string, username: string): void {
  const length = textLength(password);
  if (length < PASSWORD_MIN_LENGTH || length > PASSWORD_MAX_LENGTH) {
    throw CredentialErrors.PASSWORD_TOO_WEAK({ rule: "length" });
  }
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(password)).length;
  if (classes < 3) throw CredentialErrors.PASSWORD_TOO_WEAK({ rule: "classes" });
  if (username && password.toLowerCase().includes(username.toLowerCase())) throw CredentialErrors.PASSWORD_TOO_WEAK({ rule: "username" });
}

