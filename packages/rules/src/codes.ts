/** A postcode (邮政编码) of a candidate's or school's address: six digits. */
export const POSTCODE_PATTERN = /^\d{6}$/;

/** Whether the value is a six-digit postcode. */
export function isPostcode(value: string): boolean {
  return POSTCODE_PATTERN.test(value);
}

/**
 * The code of an organisation (an agency's area code such as 1501 or 150105, a school code, a
 * class code): 2–32 digits. Identity refuses anything else; the forms check it before sending.
 */
export const ORGANIZATION_CODE_PATTERN = /^\d{2,32}$/;

/** Whether the value is a well-formed organisation code. */
export function isOrganizationCode(value: string): boolean {
  return ORGANIZATION_CODE_PATTERN.test(value);
}

/**
 * The code of an exam session within its province (2026-06, 2027-01A): 1–32 letters, digits or
 * hyphens, so it fits in URLs, file names and SMS without escaping.
 */
export const EXAM_SESSION_CODE_PATTERN = /^[A-Za-z0-9-]{1,32}$/;

/** Whether the value is a well-formed exam session code. */
export function isExamSessionCode(value: string): boolean {
  return EXAM_SESSION_CODE_PATTERN.test(value);
}
