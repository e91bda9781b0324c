import { maskIdNumber, maskMobile } from "@xuekao/rules";
import { authorize, type AccessRule } from "../auth/authorization.js";
import type { ResourceScope } from "../auth/caller.js";
import type { RequestContext } from "../context.js";
import type { PersonalDataKeys } from "./keys.js";

/** The kinds of personal data the platform protects, each with its mask. */
export type PersonalDataKind = "idNumber" | "mobile";

const MASKS: Record<PersonalDataKind, (value: string) => string> = {
  idNumber: maskIdNumber,
  mobile: maskMobile,
};

/** What the request context offers for protected personal data (`ctx.personalData`). */
export interface PersonalDataAccess {
  /** The lookup of a value for a protected column's lookup column: store it, and query by it. */
  lookup(purpose: string, value: string): string;
  /** The masked form everyone sees by default (`1501**********1012`, `138****5678`). */
  mask(kind: PersonalDataKind, value: string): string;
}

export function personalDataAccess(keys: PersonalDataKeys): PersonalDataAccess {
  return {
    lookup: (purpose, value) => keys.lookup(purpose, value),
    mask: (kind, value) => MASKS[kind](value),
  };
}

/**
 * The full value, for a caller whose role needs it (e.g. the county agency at collection, the
 * province institute): authorised against the subject's place, and written to the audit trail
 * before it is returned — a full read of personal data is an audited action.
 */
export async function revealPersonalData(
  ctx: RequestContext,
  request: {
    kind: PersonalDataKind;
    value: string;
    /** Who may read it in full, and where the subject sits. */
    rule: AccessRule;
    scope: ResourceScope;
    subject: { type: string; id: string };
  },
): Promise<string> {
  authorize(ctx.caller, request.rule, request.scope);
  await ctx.audit.record({
    action: "personal-data.read",
    subject: request.subject,
    organizationPath: request.scope.organizationPath,
    after: { field: request.kind },
  });
  return request.value;
}
