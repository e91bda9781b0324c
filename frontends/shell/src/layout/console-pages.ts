import type { RouteRecordRaw } from "vue-router";
import type { Role } from "@xuekao/graphql-client";
import { rolesAllow } from "../auth/consoles";

/** One entry of a console's own menu. */
export interface ConsolePage {
  /** The route's name, for the entry's data-testid. */
  name: string;
  path: string;
  navKey: string;
}

function joinPath(base: string, path: string): string {
  if (path.startsWith("/")) return path;
  return path ? `${base.replace(/\/$/, "")}/${path}` : base;
}

/**
 * The pages of a loaded remote (its routes, relative to `prefix`) that have a menu entry (route
 * meta `navKey`) and that the roles held may open (meta `roles`, the rule the navigation guard
 * applies), in the order the remote lists them.
 */
export function consolePages(routes: readonly RouteRecordRaw[], prefix: string, held: readonly Role[]): ConsolePage[] {
  return routes.flatMap((record) => {
    // A page inside a section the roles may not open is not theirs either.
    if (!rolesAllow(record.meta?.roles, held)) return [];
    const path = joinPath(prefix, record.path);
    const own = record.meta?.navKey && record.name ? [{ name: String(record.name), path, navKey: record.meta.navKey }] : [];
    return [...own, ...consolePages(record.children ?? [], path, held)];
  });
}
