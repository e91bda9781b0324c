import type { RequestContext } from "@xuekao/subgraph-kit";

/** registry builds no long-lived services of its own (yet): its context carries none. */
export type RegistryServices = Record<never, never>;

/** What every registry resolver and service receives (see the kit's RequestContext). */
export type RegistryContext = RequestContext<RegistryServices>;
