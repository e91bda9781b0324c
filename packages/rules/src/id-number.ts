import { beijingDate, isCalendarDate } from "./beijing-time.js";
import { isProvinceCode } from "./provinces.js";

/** GB 11643-1999 weights of the first 17 digits (2^(18-i) mod 11). */
export const ID_NUMBER_WEIGHTS: readonly number[] = Object.freeze([7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]);

/** The check character for each remainder 0–10 of the weighted sum mod 11. */
const CHECK_CHARACTERS = "10X98765432";

/** Births before this are not accepted: no candidate or record of this system is that old. */
const EARLIEST_BIRTH_DATE = "1900-01-01";

/** The shape of a citizen ID number after normalising: 17 digits, then a digit or X. */
export const ID_NUMBER_PATTERN = /^\d{17}[\dX]$/;

export type Gender = "MALE" | "FEMALE";

/** What is wrong with a value that is not an ID number, in the order they are checked (see `validateIdNumber`). */
export type IdNumberProblem = "FORMAT" | "CHECKSUM" | "PROVINCE" | "BIRTH_DATE";

export type IdNumberCheck =
  | {
      ok: true;
      /** Trimmed, with a lower-case x as X: the form to store and compare. */
      normalized: string;
      /** `YYYY-MM-DD`, digits 7–14. */
      birthDate: string;
      /** The two-digit province code, digits 1–2. */
      provinceCode: string;
      /** The six-digit area code of the household registration at issue, digits 1–6. */
      areaCode: string;
      /** From the 17th digit: odd for men, even for women. */
      gender: Gender;
    }
  | { ok: false; problem: IdNumberProblem; /** Chinese, for the person who typed it. */ message: string };

export interface IdNumberOptions {
  /**
   * The caller's today, so that a birth date after it is refused: a Date (its calendar day in
   * Beijing is used) or `YYYY-MM-DD`. The rules never read the clock themselves, so the same
   * input always gives the same answer; without it only the calendar and 1900 are checked.
   */
  today?: Date | string;
}

/**
 * The GB 11643-1999 check character (0–9 or X) of the first 17 digits of an ID number, also
 * used for constructed identity codes. Anything but 17 digits throws a RangeError.
 */
export function idNumberCheckDigit(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`idNumberCheckDigit: 需要17位数字，收到 ${first17}`);
  let sum = 0;
  for (let index = 0; index < 17; index += 1) sum += Number(first17[index]) * (ID_NUMBER_WEIGHTS[index] as number);
  return CHECK_CHARACTERS[sum % 11] as string;
}

function todayOf(today: Date | string): string {
  if (today instanceof Date) return beijingDate(today);
  if (!isCalendarDate(today)) throw new RangeError(`today 应为 YYYY-MM-DD，收到 ${today}`);
  return today;
}

/** The checks of an ID number, shared with constructed codes (which are built the same way). */
function checkIdentityCode(value: unknown, subject: string, options: IdNumberOptions): IdNumberCheck {
  const normalized = typeof value === "string" ? value.trim().toUpperCase() : "";
  if (!ID_NUMBER_PATTERN.test(normalized)) {
    return { ok: false, problem: "FORMAT", message: `${subject}应为18位：前17位是数字，最后一位是数字或X` };
  }
  if (idNumberCheckDigit(normalized.slice(0, 17)) !== normalized[17]) {
    return { ok: false, problem: "CHECKSUM", message: `${subject}校验位不符，请逐位核对` };
  }
  const provinceCode = normalized.slice(0, 2);
  if (!isProvinceCode(provinceCode)) {
    return { ok: false, problem: "PROVINCE", message: `${subject}的前两位不是有效的省级行政区划代码` };
  }
  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (!isCalendarDate(birthDate)) {
    return { ok: false, problem: "BIRTH_DATE", message: `${subject}中的出生日期 ${birthDate} 不存在` };
  }
  if (birthDate < EARLIEST_BIRTH_DATE) {
    return { ok: false, problem: "BIRTH_DATE", message: `${subject}中的出生日期 ${birthDate} 早于1900年` };
  }
  if (options.today !== undefined && birthDate > todayOf(options.today)) {
    return { ok: false, problem: "BIRTH_DATE", message: `${subject}中的出生日期 ${birthDate} 晚于今天` };
  }
  return {
    ok: true,
    normalized,
    birthDate,
    provinceCode,
    areaCode: normalized.slice(0, 6),
    gender: Number(normalized[16]) % 2 === 1 ? "MALE" : "FEMALE",
  };
}

/**
 * Checks an 18-character citizen ID number (GB 11643-1999) and reads what it says. Surrounding
 * spaces are ignored and a lower-case x is accepted. The checks run FORMAT → CHECKSUM →
 * PROVINCE → BIRTH_DATE: a mistyped digit (the usual mistake) always breaks the checksum, so it
 * is reported as that rather than as whatever the wrong digit happens to land on.
 */
export function validateIdNumber(value: string, options: IdNumberOptions = {}): IdNumberCheck {
  return checkIdentityCode(value, "身份证号码", options);
}

/** `validateIdNumber(...).ok`, for places that need only yes or no. */
export function isValidIdNumber(value: string, options: IdNumberOptions = {}): boolean {
  return validateIdNumber(value, options).ok;
}

/**
 * Whether a valid ID number carries this birth date (`YYYY-MM-DD`): a candidate's date of birth
 * must match the ID number. False when the ID number itself is not valid.
 */
export function birthDateMatchesIdNumber(idNumber: string, birthDate: string): boolean {
  const check = validateIdNumber(idNumber);
  return check.ok && check.birthDate === birthDate;
}

/**
 * The identity code of a person without an ID number, by the national student-record rule:
 * 6-digit area code of the school + 8-digit birth date + 3-digit sequence + check character
 * computed as for an ID number, so it validates like one. `birthDate` is `YYYY-MM-DD` or
 * `YYYYMMDD`, `sequence` 0–999 (or three digits as text). Invalid parts throw a RangeError.
 */
export function constructedIdentityCode(areaCode: string, birthDate: string, sequence: number | string): string {
  if (!/^\d{6}$/.test(areaCode) || !isProvinceCode(areaCode.slice(0, 2))) {
    throw new RangeError(`区划代码应为6位数字，前两位为省级行政区划代码，收到 ${areaCode}`);
  }
  const date = /^\d{8}$/.test(birthDate) ? `${birthDate.slice(0, 4)}-${birthDate.slice(4, 6)}-${birthDate.slice(6)}` : birthDate;
  if (!isCalendarDate(date) || date < EARLIEST_BIRTH_DATE) throw new RangeError(`出生日期无效：${birthDate}`);
  const order = typeof sequence === "number" ? (Number.isInteger(sequence) && sequence >= 0 && sequence <= 999 ? String(sequence).padStart(3, "0") : "") : sequence;
  if (!/^\d{3}$/.test(order)) throw new RangeError(`顺序码应为0至999的整数，收到 ${sequence}`);
  const first17 = `${areaCode}${date.replaceAll("-", "")}${order}`;
  return `${first17}${idNumberCheckDigit(first17)}`;
}

/**
 * A record number (考籍号), which is also the student record number and the admission ticket
 * number: `G` + an ID number, or `J` + a constructed identity code.
 */
export const RECORD_NUMBER_PATTERN = /^[GJ]\d{17}[\dX]$/;

/** Whether the value is a record number whose ID number or constructed code also checks out. */
export function isRecordNumber(value: string): boolean {
  return RECORD_NUMBER_PATTERN.test(value) && checkIdentityCode(value.slice(1), "", {}).ok;
}

/** What a social candidate's record number is made from: their ID number, or a constructed code when they have none. */
export type RecordNumberSource = { idNumber: string } | { constructedCode: string };

/**
 * A social candidate's record number by the national student-record rule: `G` + the ID number,
 * or, for a person without one, `J` + the constructed code. Temporary `L` numbers never become
 * record numbers, and neither does anything that does not validate: both throw a RangeError
 * with the reason in Chinese.
 */
export function socialCandidateRecordNumber(source: RecordNumberSource): string {
  const [prefix, raw, subject] = "idNumber" in source ? ["G", source.idNumber, "身份证号码"] : ["J", source.constructedCode, "编码"];
  if (/^\s*L/i.test(raw)) throw new RangeError("L 开头的临时号不能作为考籍号");
  const check = checkIdentityCode(raw, subject, {});
  if (!check.ok) throw new RangeError(check.message);
  return `${prefix}${check.normalized}`;
}
