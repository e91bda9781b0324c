import { constructedIdentityCode, socialCandidateRecordNumber } from "@xuekao/rules";
import { splitPath, type RequestContext } from "@xuekao/subgraph-kit";
import { ExamRecord } from "../exam-record/exam-record.entity.js";
import { DirectoryOrganization } from "../organization-directory/directory-organization.entity.js";
import { CandidateKind, type PreRegistration } from "./pre-registration.entity.js";

/**
 * The record number (考籍号) a registration gives, for life (docs/domain.md "Record numbers"):
 * - an in-school candidate's is their student record number (学籍号) from the school's roster,
 *   which is also the admission ticket number;
 * - a social candidate's follows the national student-record rule: `G` + the ID number, or, for a
 *   person without an ID card, `J` + a code built like one — the 6-digit area code of the county
 *   that registers them, the date of birth, a 3-digit sequence among the same area and date, and
 *   the check digit. Two collections taking the same sequence at once meet at the record number's
 *   unique index; the second is refused and tried again.
 */
export async function recordNumberFor(tx: RequestContext, row: PreRegistration): Promise<string> {
  if (row.candidateKind === CandidateKind.IN_SCHOOL) {
    if (!row.studentNumber) throw new Error(`pre-registration ${row.id}: an in-school candidate's record number is the student record number, which is missing`);
    return row.studentNumber;
  }
  if (row.hasIdNumber) {
    if (!row.idNumber) throw new Error(`pre-registration ${row.id}: a social candidate's record number needs the ID number`);
    return socialCandidateRecordNumber({ idNumber: row.idNumber });
  }
  const county = await tx.em.findOne(DirectoryOrganization, { id: splitPath(row.organizationPath).at(-1)! });
  if (!county || !/^\d{6}$/.test(county.code)) throw new Error(`pre-registration ${row.id}: the county's 6-digit area code is unknown`);
  const prefix = `J${county.code}${row.birthDate.replaceAll("-", "")}`;
  const taken = await tx.em.count(ExamRecord, { recordNumber: { $like: `${prefix}%` } });
  return socialCandidateRecordNumber({ constructedCode: constructedIdentityCode(county.code, row.birthDate, taken + 1) });
}
