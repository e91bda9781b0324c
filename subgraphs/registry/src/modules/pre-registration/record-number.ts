import { socialCandidateRecordNumber } from "@xuekao/rules";
import { CandidateKind, type PreRegistration } from "./pre-registration.entity.js";

/**
 * The record number (考籍号) a registration gives, for life (docs/domain.md "Record registration"):
 * an in-school candidate's is their student record number (学籍号) from the school's roster, which
 * is also the admission ticket number; a social candidate's follows the national student-record
 * rule, `G` + the ID number.
 */
export function recordNumberOf(row: PreRegistration): string {
  if (row.candidateKind === CandidateKind.IN_SCHOOL) {
    if (!row.studentNumber) throw new Error(`pre-registration ${row.id}: an in-school candidate's record number is the student record number, which is missing`);
    return row.studentNumber;
  }
  if (!row.idNumber) throw new Error(`pre-registration ${row.id}: a social candidate's record number needs the ID number`);
  return socialCandidateRecordNumber({ idNumber: row.idNumber });
}
