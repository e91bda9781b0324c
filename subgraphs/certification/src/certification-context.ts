import type { RequestContext } from "@xuekao/subgraph-kit";

/** certification builds no long-lived services of its own (yet): its context carries none. */
export type CertificationServices = Record<never, never>;

/** What every certification resolver and service receives (see the kit's RequestContext). */
export type CertificationContext = RequestContext<CertificationServices>;
