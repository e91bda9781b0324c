import type { ScopeFilter } from "./authorization.js";

/** How organisation paths are stored in a column: ids joined by "/", province first. */
export const PATH_SEPARATOR = "/";

/** A stored path back into its ids ("" → []: a row without a place). */
export const splitPath = (path: string): string[] => path.split(PATH_SEPARATOR).filter(Boolean);

/**
 * Turns a ScopeFilter into a MikroORM `where` for a list query: rows whose path is one of the
 * caller's subtrees, or whose owner is the caller. Ids are UUIDs, so "prefix/…" cannot match a
 * sibling whose id merely starts the same way. `null` filter → nothing (callers return []).
 */
export function scopeWhere(filter: ScopeFilter, fields: { path: string; owner?: string }): Record<string, unknown> {
  const alternatives: Record<string, unknown>[] = [];
  for (const prefix of filter.organizationPathPrefixes) {
    if (prefix.length === 0) return {}; // the whole platform (an unbound third-party client)
    const joined = prefix.join(PATH_SEPARATOR);
    alternatives.push({ [fields.path]: joined }, { [fields.path]: { $like: `${joined}${PATH_SEPARATOR}%` } });
  }
  if (filter.ownerUserId && fields.owner) alternatives.push({ [fields.owner]: filter.ownerUserId });
  return alternatives.length > 0 ? { $or: alternatives } : { [fields.path]: { $in: [] } };
}
