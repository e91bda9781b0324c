import type { OrganizationKind, Role } from "@xuekao/graphql-client";

/**
 * The province institute's rules as the forms offer them (identity's OrganizationService and
 * StaffAccountService decide; these only keep the choices sensible). Which kinds may stand
 * directly above each kind it sets up: a county sits under a league in Inner Mongolia and
 * directly under the province in Beijing, which has no league level.
 */
export const PARENT_KINDS = {
  LEAGUE: ["PROVINCE"],
  COUNTY: ["LEAGUE", "PROVINCE"],
  SCHOOL: ["COUNTY"],
} as const satisfies Record<string, readonly OrganizationKind[]>;
export type CreatableKind = keyof typeof PARENT_KINDS;
export const CREATABLE_KINDS = Object.keys(PARENT_KINDS) as CreatableKind[];

/** The accounts the institute allocates, each at the kind of organisation the role sits at. */
export const ROLE_ORGANIZATION_KIND = {
  LEAGUE_AGENCY: "LEAGUE",
  COUNTY_AGENCY: "COUNTY",
  SCHOOL_ADMIN: "SCHOOL",
  CERTIFICATION_REVIEWER: "PROVINCE",
} as const satisfies Partial<Record<Role, OrganizationKind>>;
export type AllocatableRole = keyof typeof ROLE_ORGANIZATION_KIND;
export const ALLOCATABLE_ROLES = Object.keys(ROLE_ORGANIZATION_KIND) as AllocatableRole[];

export interface ProvinceOrganization {
  id: string;
  code: string;
  name: string;
  kind: OrganizationKind;
  parentId?: string | null;
}
