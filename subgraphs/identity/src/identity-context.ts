import type { RequestContext } from "@xuekao/subgraph-kit";
import type { SessionSettings } from "./modules/session/session.service.js";
import type { SigningKeys } from "./modules/signing-key/signing-keys.js";

/** identity's long-lived services, built once at boot by `setupIdentity` (resolvers see them as `ctx.services`). */
export interface IdentityServices {
  /** The keys access tokens are signed with (and the JWKS published). */
  keys: SigningKeys;
  /** Token lifetimes and the login lock-out policy. */
  sessionSettings: SessionSettings;
}

/** What every identity resolver and service receives (see the kit's RequestContext). */
export type IdentityContext = RequestContext<IdentityServices>;
