import type { EventOf } from "@xuekao/events";
import { on, type EventConsumer } from "@xuekao/subgraph-kit";
import type { RegistryContext, RegistryServices } from "../../registry-context.js";
import { SubjectsCertified } from "./certified-subject.events.js";
import { CertifiedSubjectService } from "./certified-subject.service.js";

const certified = new CertifiedSubjectService();

async function subjectsCertified(event: EventOf<typeof SubjectsCertified>, ctx: RegistryContext): Promise<void> {
  await certified.record(ctx, { ...event.payload, organizationPath: event.organizationPath });
}

/** Certification's transfer-in decisions join the record: once per event (the kit's dedupe), in the consumer's transaction. */
export const certifiedSubjectConsumer: EventConsumer<RegistryServices> = {
  name: "certified-subject",
  handlers: [on(SubjectsCertified, subjectsCertified)],
};
