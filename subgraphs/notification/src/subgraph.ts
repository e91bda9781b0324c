import "reflect-metadata";
import { ProcessedEvent } from "@xuekao/events";
import { JobLease, type SubgraphDefinition } from "@xuekao/subgraph-kit";
import { migrations as libsqlMigrations } from "./migrations/libsql/index.js";
import { migrations as postgresqlMigrations } from "./migrations/postgresql/index.js";
import { InboxErrors } from "./modules/inbox/inbox.errors.js";
import { InboxUserResolver, NotificationResolver } from "./modules/inbox/inbox.resolver.js";
import { Notification } from "./modules/inbox/notification.entity.js";
import type { InboxUser } from "./modules/inbox/inbox-user.type.js";
import { messagingConsumer } from "./modules/messaging/messaging.consumer.js";
import { RecipientRole } from "./modules/recipient/recipient-role.entity.js";
import { Recipient } from "./modules/recipient/recipient.entity.js";
import { SmsDelivery } from "./modules/sms-delivery/sms-delivery.entity.js";
import { SmsDeliveryErrors } from "./modules/sms-delivery/sms-delivery.errors.js";
import { SmsDeliveryResolver } from "./modules/sms-delivery/sms-delivery.resolver.js";
import { TemplateErrors } from "./modules/templates/template.errors.js";
import type { NotificationServices } from "./notification-context.js";
import { notificationJobs, setupNotification } from "./notification-services.js";
import { seedNotificationDemo } from "./seeders/demo.seeder.js";

/** notification: SMS, inbox, templates, delivery, reminders. */
export const notificationSubgraph: SubgraphDefinition<NotificationServices> = {
  name: "notification",
  defaultPort: 4004,
  resolvers: [NotificationResolver, InboxUserResolver, SmsDeliveryResolver],
  // ProcessedEvent: consumed events, for dedupe; JobLease: the scheduler's leases.
  entities: [Notification, SmsDelivery, Recipient, RecipientRole, ProcessedEvent, JobLease],
  migrations: { libsql: libsqlMigrations, postgresql: postgresqlMigrations },
  referenceResolvers: {
    // Any user id is a valid inbox (an empty one until a message arrives): nothing to look up.
    User: { __resolveReference: ({ id }: { id: string }): InboxUser => ({ id }) },
  },
  consumers: [messagingConsumer],
  setup: setupNotification,
  jobs: notificationJobs,
  seedDemo: seedNotificationDemo,
  errors: [InboxErrors, SmsDeliveryErrors, TemplateErrors],
};
