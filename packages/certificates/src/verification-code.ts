import { randomInt } from "node:crypto";

/**
 * Verification codes: 9 random Crockford base32 characters and a check character, shown as
 * `XXXXX-XXXXX` (45 random bits: guessing a valid code is hopeless, and every attempt is logged).
 * Crockford's alphabet has no I, L, O or U, so a code read aloud or typed from paper is unambiguous.
 */
export const CODE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_LENGTH = 9;
// Prime: with weights 1..9, any single changed character and any swap of two characters changes
// the check, except where 0 and Z meet (their values, 0 and 31, are equal modulo 31). A check over
// 31 cannot tell them apart; Crockford's mod-37 check would, at the price of check symbols such as
// * and ~ that do not survive a URL or a phone keyboard.
const CHECK_MODULUS = 31;

function checkCharacter(body: string): string {
  let sum = 0;
  for (let index = 0; index < body.length; index += 1) sum += (index + 1) * CODE_ALPHABET.indexOf(body[index]!);
  return CODE_ALPHABET[sum % CHECK_MODULUS]!;
}

function grouped(code: string): string {
  return `${code.slice(0, 5)}-${code.slice(5)}`;
}

/** A new code from the system's cryptographic random source, e.g. `7K3QD-XM2PA`. */
export function generateVerificationCode(): string {
  let body = "";
  for (let index = 0; index < RANDOM_LENGTH; index += 1) body += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return grouped(body + checkCharacter(body));
}

export type ParsedVerificationCode = { ok: true; code: string } | { ok: false; reason: "LENGTH" | "CHARACTER" | "CHECK" };

/**
 * Reads a code as a person typed it: case, spaces and dashes do not matter, and O is read as 0,
 * I and L as 1 (Crockford). Returns the canonical `XXXXX-XXXXX`, or why it cannot be a code.
 */
export function parseVerificationCode(input: string): ParsedVerificationCode {
  const compact = input
    .toUpperCase()
    .replace(/[\s\-‐‑–—_]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (compact.length !== RANDOM_LENGTH + 1) return { ok: false, reason: "LENGTH" };
  if ([...compact].some((character) => !CODE_ALPHABET.includes(character))) return { ok: false, reason: "CHARACTER" };
  if (checkCharacter(compact.slice(0, RANDOM_LENGTH)) !== compact[RANDOM_LENGTH]) return { ok: false, reason: "CHECK" };
  return { ok: true, code: grouped(compact) };
}
