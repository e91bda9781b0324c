import "reflect-metadata";
import { OutboxEvent } from "@xuekao/events";
import type { SubgraphContext, SubgraphDefinition } from "@xuekao/subgraph-kit";
import { migrations as libsqlMigrations } from "./migrations/libsql/index.js";
import { migrations as postgresqlMigrations } from "./migrations/postgresql/index.js";
import { Organization } from "./modules/organization/organization.entity.js";
import { OrganizationResolver } from "./modules/organization/organization.resolver.js";
import { User } from "./modules/user/user.entity.js";
import { UserResolver } from "./modules/user/user.resolver.js";
import { UserService } from "./modules/user/user.service.js";
import { seedIdentityDemo } from "./seeders/demo.seeder.js";
import { setupIdentity } from "./identity-services.js";
import { RoleBinding } from "./modules/role-binding/role-binding.entity.js";
import { MeResolver, PasswordChangeResolver, RoleBindingResolver } from "./modules/role-binding/role-binding.resolver.js";
import { RefreshToken } from "./modules/session/refresh-token.entity.js";
import { SessionResolver } from "./modules/session/session.resolver.js";
import { AccountResolver } from "./modules/account/account.resolver.js";
import { RegistrationResolver } from "./modules/registration/registration.resolver.js";
import { SmsChallenge } from "./modules/sms-code/sms-challenge.entity.js";
import { ApiClient } from "./modules/api-client/api-client.entity.js";
import { ApiClientResolver } from "./modules/api-client/api-client.resolver.js";
import { StaffAccountResolver } from "./modules/staff-account/staff-account.resolver.js";

/** identity: users, organisations, roles, sessions, API clients. */
export const identitySubgraph: SubgraphDefinition = {
  name: "identity",
  defaultPort: 4001,
  resolvers: [OrganizationResolver, UserResolver, SessionResolver, MeResolver, PasswordChangeResolver, RoleBindingResolver, RegistrationResolver, AccountResolver, ApiClientResolver, StaffAccountResolver],
  // OutboxEvent: identity publishes events (sms codes, contact changes) through its outbox.
  entities: [Organization, User, RoleBinding, RefreshToken, SmsChallenge, ApiClient, OutboxEvent],
  setup: setupIdentity,
  migrations: { libsql: libsqlMigrations, postgresql: postgresqlMigrations },
  referenceResolvers: {
    // A reference from another subgraph (a record's candidate, a case's applicant) shows the
    // person only to a caller whose scope holds them, exactly like `user(id)`.
    User: {
      __resolveReference: ({ id }: { id: string }, { em, loaders, caller }: SubgraphContext) =>
        loaders.batch("visible-users", (ids) => new UserService(em).visibleByIds(caller, ids)).load(id),
    },
    Organization: {
      __resolveReference: ({ id }: { id: string }, { loaders }: SubgraphContext) => loaders.load(Organization, id),
    },
  },
  seedDemo: seedIdentityDemo,
};
