import type { EventOf } from "@xuekao/events";
import { OrganizationChanged } from "@xuekao/identity/events";
import { on, type EventConsumer } from "@xuekao/subgraph-kit";
import type { RegistryContext, RegistryServices } from "../../registry-context.js";
import { OrganizationDirectoryService } from "./organization-directory.service.js";

const directory = new OrganizationDirectoryService();

async function organizationChanged(event: EventOf<typeof OrganizationChanged>, ctx: RegistryContext): Promise<void> {
  await directory.apply(ctx, { ...event.payload, asOf: new Date(event.occurredAt) });
}

/** Keeps registry's organisation directory in step with identity (once per event, in the consumer's transaction). */
export const organizationDirectoryConsumer: EventConsumer<RegistryServices> = {
  name: "organization-directory",
  handlers: [on(OrganizationChanged, organizationChanged)],
};
