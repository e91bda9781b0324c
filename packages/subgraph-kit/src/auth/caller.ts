/**
 * Who is calling, as every subgraph sees it after verifying the access token (identity issues
 * it; see docs/domain.md "Organisations and who sees what"). Nothing here trusts the gateway: each
 * subgraph verifies the token itself and decides with `authorize`.
 */

/** Role bindings, each scoped to one organisation (a user may hold several). */
export enum Role {
  /** 在校考生: own record, applications and cases only. */
  CANDIDATE_IN_SCHOOL = "CANDIDATE_IN_SCHOOL",
  /** 社会考生: own record, applications and cases only. */
  CANDIDATE_SOCIAL = "CANDIDATE_SOCIAL",
  /** 班主任: candidates of the classes bound. */
  CLASS_TEACHER = "CLASS_TEACHER",
  /** 学校管理员: the whole school. */
  SCHOOL_ADMIN = "SCHOOL_ADMIN",
  /** 学校指定工作人员: the whole school, for the fields the school holds. */
  SCHOOL_STAFF = "SCHOOL_STAFF",
  /** 旗县区招生考试机构 */
  COUNTY_AGENCY = "COUNTY_AGENCY",
  /** 盟市招生考试机构 */
  LEAGUE_AGENCY = "LEAGUE_AGENCY",
  /** 省级教育考试院 */
  PROVINCE_INSTITUTE = "PROVINCE_INSTITUTE",
  /** 成绩认定审核员 (a province institute's reviewer) */
  CERTIFICATION_REVIEWER = "CERTIFICATION_REVIEWER",
  /** 第三方系统 such as 学信网: read-only, by granted scopes. */
  THIRD_PARTY_CLIENT = "THIRD_PARTY_CLIENT",
}

export const CANDIDATE_ROLES: readonly Role[] = [Role.CANDIDATE_IN_SCHOOL, Role.CANDIDATE_SOCIAL];

export interface RoleBinding {
  role: Role;
  organizationId: string;
  /**
   * Ids of the organisation and its ancestors, province first, ending with `organizationId`
   * (e.g. [province, league, county, school, class]). Scope checks compare paths, so a
   * subgraph never needs identity's organisation table.
   */
  organizationPath: string[];
  /**
   * Official code of the province the binding lies in (GB/T 2260, e.g. 15 Inner Mongolia, 11
   * Beijing). Exam sessions and certification cases name provinces by this code, which is stable
   * and public, while paths carry organisation ids; see `provinceScope`.
   */
  provinceCode?: string;
}

export interface Caller {
  kind: "user" | "client";
  /** User id, or the third-party client id. */
  subject: string;
  roles: RoleBinding[];
  /** Third-party clients only: the read scopes granted (e.g. `results:read`). */
  scopes: string[];
  /** The login (refresh-token family) the access token belongs to; users only. */
  sessionId?: string;
  /**
   * The password was chosen by someone else (an initial staff password): until the person
   * changes it, `authorize` refuses every action and `scopeFilter` lists nothing.
   */
  passwordChangeRequired?: boolean;
}

/** What a decision is about: where the resource sits, and whose it is when it belongs to a person. */
export interface ResourceScope {
  /** Path of the organisation that owns the resource, province first (see RoleBinding). */
  organizationPath: string[];
  /** The candidate the resource belongs to, when it is a person's (record, application, case). */
  ownerUserId?: string;
}
