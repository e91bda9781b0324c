import type { CertificateSettings } from "@xuekao/certificates";
import type { RequestContext } from "@xuekao/subgraph-kit";

/** registry's long-lived services: the certificate signing key (score certificates) and the verify page's address. */
export interface RegistryServices {
  certificates: CertificateSettings;
}

/** What every registry resolver and service receives (see the kit's RequestContext). */
export type RegistryContext = RequestContext<RegistryServices>;
