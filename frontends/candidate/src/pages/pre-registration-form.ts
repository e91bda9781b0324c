import { errorCodeOf, type GraphQLFormattedError } from "@xuekao/graphql-client";
import type { FamilyMember, RegistrationForm, ResumeEntry } from "@xuekao/rules";

/**
 * What the candidate's form holds besides the record form the shared rules check: the school an
 * in-school candidate chooses (the server checks it against that school's roster).
 */
export interface PreRegistrationFormState extends RegistrationForm {
  schoolId: string;
  hasIdNumber: boolean;
}

export const emptyResumeEntry = (): ResumeEntry => ({ from: "", to: "", organization: "", role: "" });
export const emptyFamilyMember = (): FamilyMember => ({ relation: "", name: "", organization: "", mobile: "" });

export function emptyForm(inSchool: boolean): PreRegistrationFormState {
  return {
    schoolId: "",
    name: "",
    gender: "",
    ethnicityCode: "",
    politicalStatus: "",
    studentCategory: inSchool ? "" : "SOCIAL",
    householdLocation: "",
    householdAuthority: "",
    idNumber: "",
    hasIdNumber: true,
    birthDate: "",
    mobile: "",
    address: "",
    postcode: "",
    resume: [emptyResumeEntry()],
    familyMembers: [emptyFamilyMember()],
    foreignLanguage: "",
    guardian: { name: "", relation: "", mobile: "" },
    enrollmentYear: null,
  };
}

/** The saved record (the server's shape) as the form's state; what is missing stays empty. */
export interface SavedPreRegistration {
  name: string;
  gender: string;
  ethnicityCode: string;
  politicalStatus: string;
  studentCategory: string;
  householdLocation: string;
  householdAuthority: string;
  idNumber: string;
  hasIdNumber?: boolean;
  birthDate: string;
  mobile: string;
  address: string;
  postcode: string;
  foreignLanguage: string;
  enrollmentYear?: number | null;
  resume: readonly ResumeEntry[];
  familyMembers: readonly FamilyMember[];
  guardian: { name: string; relation: string; mobile: string };
  school?: { id: string } | null;
}

export function formFromSaved(saved: SavedPreRegistration, inSchool: boolean): PreRegistrationFormState {
  const empty = emptyForm(inSchool);
  const gender = saved.gender === "MALE" || saved.gender === "FEMALE" ? saved.gender : "";
  return {
    schoolId: saved.school?.id ?? "",
    name: saved.name,
    gender,
    ethnicityCode: saved.ethnicityCode,
    politicalStatus: saved.politicalStatus,
    studentCategory: saved.studentCategory || empty.studentCategory,
    householdLocation: saved.householdLocation,
    householdAuthority: saved.householdAuthority,
    idNumber: saved.idNumber,
    // Only a social candidate may be without an ID card.
    hasIdNumber: inSchool || saved.hasIdNumber !== false,
    birthDate: saved.birthDate,
    mobile: saved.mobile,
    address: saved.address,
    postcode: saved.postcode,
    foreignLanguage: saved.foreignLanguage,
    enrollmentYear: saved.enrollmentYear ?? null,
    resume: saved.resume.length ? saved.resume.map((entry) => ({ ...entry })) : empty.resume,
    familyMembers: saved.familyMembers.length ? saved.familyMembers.map((member) => ({ ...member })) : empty.familyMembers,
    guardian: { ...saved.guardian },
  };
}

/** The mutation input: every value as given (the server trims), the school only for in-school candidates. */
export function formInput(form: PreRegistrationFormState, inSchool: boolean) {
  return {
    schoolId: inSchool && form.schoolId ? form.schoolId : null,
    name: form.name,
    gender: form.gender,
    ethnicityCode: form.ethnicityCode,
    politicalStatus: form.politicalStatus,
    studentCategory: form.studentCategory,
    householdLocation: form.householdLocation,
    householdAuthority: form.householdAuthority,
    idNumber: form.hasIdNumber || inSchool ? form.idNumber.trim().toUpperCase() : "",
    hasIdNumber: form.hasIdNumber || inSchool,
    birthDate: form.birthDate,
    mobile: form.mobile,
    address: form.address,
    postcode: form.postcode,
    resume: form.resume.map(({ from, to, organization, role }) => ({ from, to, organization, role })),
    familyMembers: form.familyMembers.map(({ relation, name, organization, mobile }) => ({ relation, name, organization, mobile })),
    foreignLanguage: form.foreignLanguage,
    guardian: { name: form.guardian.name, relation: form.guardian.relation, mobile: form.guardian.mobile },
    enrollmentYear: inSchool ? form.enrollmentYear : null,
  };
}

const TOP_LEVEL_FIELDS = new Set<string>([
  "schoolId",
  "name",
  "gender",
  "ethnicityCode",
  "politicalStatus",
  "studentCategory",
  "householdLocation",
  "householdAuthority",
  "idNumber",
  "birthDate",
  "mobile",
  "address",
  "postcode",
  "resume",
  "familyMembers",
  "foreignLanguage",
  "enrollmentYear",
  "guardian.name",
  "guardian.relation",
  "guardian.mobile",
]);
const ROW_FIELD = /^(resume\.\d+\.(from|to|organization|role)|familyMembers\.\d+\.(relation|name|organization|mobile))$/;

/** Whether the form shows an input (or a section) for this field key. */
export function isFormField(field: string): boolean {
  return TOP_LEVEL_FIELDS.has(field) || ROW_FIELD.test(field);
}

/**
 * A refused save or submission as messages under the form's inputs: the server's
 * PRE_REGISTRATION_INVALID carries every problem in `extensions.fields` (nested ones as
 * `resume.0.from`, `guardian.mobile`), the other refusals one `extensions.field`. A message about
 * something the form does not show goes with the general ones, so it is still seen.
 */
export function serverFormErrors(errors: readonly GraphQLFormattedError[]): { fields: Record<string, string>; general: string[] } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    const listed = error.extensions?.fields;
    if (errorCodeOf(error) === "PRE_REGISTRATION_INVALID" && listed && typeof listed === "object" && !Array.isArray(listed)) {
      const entries = Object.entries(listed as Record<string, unknown>).filter((entry): entry is [string, string] => typeof entry[1] === "string");
      for (const [field, message] of entries) {
        if (isFormField(field)) fields[field] ??= message;
        else general.push(message);
      }
      general.push(error.message);
      continue;
    }
    const field = error.extensions?.field;
    if (typeof field === "string" && isFormField(field) && !(field in fields)) fields[field] = error.message;
    else general.push(error.message);
  }
  return { fields, general: [...new Set(general)] };
}

/**
 * After a row is removed, the messages about rows below it move up one, so each stays under its
 * own row; the removed row's messages go.
 */
export function shiftRowErrors(fields: Record<string, string>, list: "resume" | "familyMembers", removed: number): Record<string, string> {
  const shifted: Record<string, string> = {};
  const pattern = new RegExp(`^${list}\\.(\\d+)\\.(.+)$`);
  for (const [field, message] of Object.entries(fields)) {
    const match = pattern.exec(field);
    if (!match) shifted[field] = message;
    else if (Number(match[1]) < removed) shifted[field] = message;
    else if (Number(match[1]) > removed) shifted[`${list}.${Number(match[1]) - 1}.${match[2]}`] = message;
  }
  return shifted;
}

/** The order the form shows its fields in, so the first problem can be focused. */
export function firstFieldOf(fields: readonly string[], order: readonly string[]): string | undefined {
  const rank = (field: string) => {
    const base = field.replace(/\.\d+\./, ".*.");
    const index = order.indexOf(base);
    return index === -1 ? order.length : index;
  };
  return [...fields].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b, "en", { numeric: true }))[0];
}

/** The DOM id of a field's input (`resume.0.from` → `pr-resume-0-from`). */
export const inputIdOf = (field: string) => `pr-${field.replace(/\./g, "-")}`;
