import { beijingDate, type Instant } from "./beijing-time.js";

/**
 * School years (docs/domain.md "Subject registration"). A school year starts on 1 September,
 * Beijing time; its second term starts on 1 February of the next calendar year. An in-school
 * candidate's enrollment year is the calendar year of the 1 September they entered high school,
 * so a candidate who enrolled in 2026 is in year 1 from 2026-09-01 00:00 to 2027-08-31 23:59:59.999
 * (Beijing time), in year 2 from 2027-09-01, and so on.
 */
export const SCHOOL_YEAR_START_MONTH = 9;
export const SECOND_TERM_START_MONTH = 2;

/** The calendar year whose 1 September (Beijing) starts the school year holding the instant. */
export function schoolYearOf(value: Instant): number {
  const [year, month] = beijingDate(value).split("-").map(Number) as [number, number];
  return month >= SCHOOL_YEAR_START_MONTH ? year : year - 1;
}

/** 1 for year 1 (高一), 2 for year 2, …; 0 or less before the candidate enrolled. */
export function yearInSchool(enrollmentYear: number, value: Instant): number {
  return schoolYearOf(value) - enrollmentYear + 1;
}

/** Whether the instant lies in the second term (1 February – 31 August, Beijing) of its school year. */
export function inSecondTerm(value: Instant): boolean {
  const month = Number(beijingDate(value).split("-")[1]);
  return month >= SECOND_TERM_START_MONTH && month < SCHOOL_YEAR_START_MONTH;
}

/** A plausible enrollment year (four digits, 2000–2100): what a record may hold. */
export const isEnrollmentYear = (value: number): boolean => Number.isInteger(value) && value >= 2000 && value <= 2100;
