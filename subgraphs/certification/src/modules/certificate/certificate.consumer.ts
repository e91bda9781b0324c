import type { EventOf } from "@xuekao/events";
import { CertificateIssued } from "@xuekao/registry/events";
import { on, type EventConsumer } from "@xuekao/subgraph-kit";
import type { CertificationContext, CertificationServices } from "../../certification-context.js";
import { CertificateService } from "./certificate.service.js";

const certificates = new CertificateService();

async function certificateIssued(event: EventOf<typeof CertificateIssued>, ctx: CertificationContext): Promise<void> {
  await certificates.record(ctx, { ...event.payload, organizationPath: event.organizationPath });
}

/** Registry's score certificates join certification's own, so `verifyCertificate` answers for both kinds. */
export const certificateConsumer: EventConsumer<CertificationServices> = {
  name: "certificate",
  handlers: [on(CertificateIssued, certificateIssued)],
};
