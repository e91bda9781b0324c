/**
 * What an audit entry or a log may show of personal data: never the value itself. Keys are
 * recognised by name, so a new field called `idNumber` or `guardianMobile` is masked without
 * anyone remembering to.
 */
import { maskIdNumber, maskMobile } from "@xuekao/rules";

/** Secrets are never shown at all, not even masked. */
const SECRET_KEY = /(password|secret|token|smsCode|verificationCode|signature|privateKey)/i;
const ID_NUMBER_KEY = /idNumber$|^idCard|identityNumber$/i;
const MOBILE_KEY = /mobile$|phone$/i;

export const REDACTED = "[已隐去]";

/** A copy of `value` with personal fields masked and secrets removed, recursively. */
export function maskPersonalFields(value: unknown, key = ""): unknown {
  if (value === null || value === undefined) return value;
  if (SECRET_KEY.test(key)) return REDACTED;
  if (typeof value === "string") {
    if (ID_NUMBER_KEY.test(key)) return maskIdNumber(value);
    if (MOBILE_KEY.test(key)) return maskMobile(value);
    return value;
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((item) => maskPersonalFields(item, key));
  if (typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([name, item]) => [name, maskPersonalFields(item, name)]));
  }
  return value;
}
