import "reflect-metadata";
import type { SubgraphDefinition } from "@xuekao/subgraph-kit";
import { migrations as libsqlMigrations } from "./migrations/libsql/index.js";
import { migrations as postgresqlMigrations } from "./migrations/postgresql/index.js";
import { InboxUserResolver, NotificationResolver } from "./modules/inbox/inbox.resolver.js";
import { Notification } from "./modules/inbox/notification.entity.js";
import type { InboxUser } from "./modules/inbox/inbox-user.type.js";
import { seedNotificationDemo } from "./seeders/demo.seeder.js";

/** notification: SMS, inbox, templates, delivery, reminders. */
export const notificationSubgraph: SubgraphDefinition = {
  name: "notification",
  defaultPort: 4004,
  resolvers: [NotificationResolver, InboxUserResolver],
  entities: [Notification],
  migrations: { libsql: libsqlMigrations, postgresql: postgresqlMigrations },
  referenceResolvers: {
    // Any user id is a valid inbox (an empty one until a message arrives): nothing to look up.
    User: { __resolveReference: ({ id }: { id: string }): InboxUser => ({ id }) },
  },
  seedDemo: seedNotificationDemo,
};
