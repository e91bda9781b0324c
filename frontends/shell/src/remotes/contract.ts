import type { RouteRecordRaw } from "vue-router";
import type { Locale } from "../i18n";

/** What a remote's `./routes` module exports. */
export interface RemoteRoutesModule {
  /**
   * Routes relative to the remote's prefix in the shell ("" is the remote's first page). Route
   * meta the shell reads: `titleKey` (the page title), `navKey` (an entry in the console's own
   * menu) and `roles` (only these of the console's roles may open the page).
   */
  default: RouteRecordRaw[];
  /** Messages merged into the shell's i18n; each remote keeps its keys under its own name. */
  messages?: Partial<Record<Locale, Record<string, unknown>>>;
}

/** Loads exposed modules of remotes; the shell's only dependency on Module Federation. */
export interface RemoteLoader {
  loadRoutes(name: string): Promise<RemoteRoutesModule>;
  loadSummary(name: string): Promise<unknown>;
  /** Forget a failed attempt so the next load fetches the remote entry again. */
  reset(name: string): void;
}
