import type { CertificateSettings } from "@xuekao/certificates";
import type { RequestContext } from "@xuekao/subgraph-kit";

/** certification's long-lived services: the certificate signing key and the public verify page's address. */
export interface CertificationServices {
  certificates: CertificateSettings;
}

/** What every certification resolver and service receives (see the kit's RequestContext). */
export type CertificationContext = RequestContext<CertificationServices>;
