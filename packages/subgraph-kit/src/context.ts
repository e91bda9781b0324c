import type { EntityManager } from "@mikro-orm/core";
import type { Logger } from "pino";
import type { EntityLoaders } from "./loaders.js";

/** What every resolver of every subgraph receives as `@Ctx()`. */
export interface SubgraphContext {
  requestId: string;
  /** This request's own fork of the entity manager (MikroORM RequestContext). */
  em: EntityManager;
  loaders: EntityLoaders;
  logger: Logger;
  /** Raw `authorization` header forwarded by the gateway; verified by the identity module (issue 3). */
  authorization?: string | undefined;
}
