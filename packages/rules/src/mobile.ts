/**
 * A mainland mobile number as it is stored and texted: 11 digits, 1 then 3–9. Identity stores
 * mobiles in this form, and the forms check it before submitting.
 */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;

/** Whether the value is already a mobile in the stored form (no spaces, no +86). */
export function isMobile(value: string): boolean {
  return MOBILE_PATTERN.test(value);
}

/**
 * A mobile as people write it → the stored form, or null when it is not a mobile:
 * `138 0000 0001`, `138-0000-0001`, `+86 13800000001`, `008613800000001` → `13800000001`.
 * The country code is taken off only before exactly 11 digits, so nothing else is shortened
 * into something that looks like a mobile.
 */
export function normalizeMobile(raw: string): string | null {
  const digits = raw.replace(/[\s-]/g, "").replace(/^(\+86|0086|86)(?=1\d{10}$)/, "");
  return MOBILE_PATTERN.test(digits) ? digits : null;
}
