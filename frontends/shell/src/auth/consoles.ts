import type { Role } from "@xuekao/graphql-client";

/** The three consoles, each a remote of the same name. */
export const CONSOLES = ["candidate", "school", "bureau"] as const;
export type ConsoleName = (typeof CONSOLES)[number];

/** Which console a role works in; a role without one (third-party systems) has no UI. */
export const CONSOLE_OF_ROLE: Record<Role, ConsoleName | null> = {
  CANDIDATE_IN_SCHOOL: "candidate",
  CANDIDATE_SOCIAL: "candidate",
  CLASS_TEACHER: "school",
  SCHOOL_ADMIN: "school",
  SCHOOL_STAFF: "school",
  COUNTY_AGENCY: "bureau",
  LEAGUE_AGENCY: "bureau",
  PROVINCE_INSTITUTE: "bureau",
  CERTIFICATION_REVIEWER: "bureau",
  THIRD_PARTY_CLIENT: null,
};

/** The consoles a user may open, in menu order, from all their role bindings. */
export function consolesFor(roles: readonly Role[]): ConsoleName[] {
  const allowed = new Set(roles.map((role) => CONSOLE_OF_ROLE[role]));
  return CONSOLES.filter((name) => allowed.has(name));
}

export function isConsoleName(value: unknown): value is ConsoleName {
  return typeof value === "string" && (CONSOLES as readonly string[]).includes(value);
}

/** Whether the roles held open a page that requires `required` (route meta `roles`; none: any role). */
export function rolesAllow(required: readonly Role[] | undefined, held: readonly Role[]): boolean {
  return !required || required.some((role) => held.includes(role));
}
