import { provinceByCode } from "./provinces.js";

/**
 * The tiers of the exam administration, top to bottom: province exam institute → league/city
 * agency (盟市) → county/district agency (旗县区) → school → class. Identity's OrganizationKind
 * uses the same names.
 */
export type OrganizationLevel = "PROVINCE" | "LEAGUE" | "COUNTY" | "SCHOOL" | "CLASS";

/** Every level, top to bottom. */
export const ORGANIZATION_LEVELS: readonly OrganizationLevel[] = Object.freeze(["PROVINCE", "LEAGUE", "COUNTY", "SCHOOL", "CLASS"]);

/** What each level is called in Chinese messages and tables. */
export const ORGANIZATION_LEVEL_LABELS: Readonly<Record<OrganizationLevel, string>> = Object.freeze({
  PROVINCE: "省级",
  LEAGUE: "盟市",
  COUNTY: "旗县区",
  SCHOOL: "学校",
  CLASS: "班级",
});

/** Whether the value is one of the level names (input from GraphQL or a URL). */
export function isOrganizationLevel(value: string): value is OrganizationLevel {
  return (ORGANIZATION_LEVELS as readonly string[]).includes(value);
}

/**
 * The 1-based position of a level in an organisation path that starts at the province, in
 * that province: PROVINCE 1, LEAGUE 2, COUNTY 3, SCHOOL 4, CLASS 5 where there is a league level;
 * in a municipality (no league level) LEAGUE is null and the rest move up one. An approval step
 * names a level; this finds which organisation on a candidate's path acts at it
 * (`path[levelDepth(level, province) - 1]`). An unknown province code throws a RangeError: the
 * answer would be a guess.
 */
export function levelDepth(level: OrganizationLevel, provinceCode: string): number | null {
  const province = provinceByCode(provinceCode);
  if (!province) throw new RangeError(`levelDepth: 未知的省级行政区划代码 ${provinceCode}`);
  const depth = ORGANIZATION_LEVELS.indexOf(level) + 1;
  if (depth === 0) throw new RangeError(`levelDepth: 未知的组织层级 ${String(level)}`);
  if (province.hasLeagueLevel || depth === 1) return depth;
  return level === "LEAGUE" ? null : depth - 1;
}
