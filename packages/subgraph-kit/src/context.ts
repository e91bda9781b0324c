import type { EntityManager } from "@mikro-orm/core";
import type { Logger } from "pino";
import type { Caller } from "./auth/caller.js";
import type { EntityLoaders } from "./loaders.js";

/** What every resolver of every subgraph receives as `@Ctx()`. */
export interface SubgraphContext {
  requestId: string;
  /** This request's own fork of the entity manager (MikroORM RequestContext). */
  em: EntityManager;
  loaders: EntityLoaders;
  logger: Logger;
  /** The verified caller (this subgraph checked the token itself); null when anonymous. */
  caller: Caller | null;
  /** What the subgraph's `setup` returned: its own long-lived services (key store, …). */
  services: Record<string, unknown>;
}
