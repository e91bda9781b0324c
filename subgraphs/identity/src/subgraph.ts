import "reflect-metadata";
import { OutboxEvent } from "@xuekao/events";
import type { SubgraphDefinition } from "@xuekao/subgraph-kit";
import type { IdentityContext, IdentityServices } from "./identity-context.js";
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
import { AccountErrors } from "./modules/account/account.errors.js";
import { ApiClientErrors } from "./modules/api-client/api-client.errors.js";
import { CredentialErrors } from "./modules/credential/credential.errors.js";
import { OrganizationErrors } from "./modules/organization/organization.errors.js";
import { RegistrationErrors } from "./modules/registration/registration.errors.js";
import { SessionErrors } from "./modules/session/session.errors.js";
import { SmsCodeErrors } from "./modules/sms-code/sms-code.errors.js";
import { StaffAccountErrors } from "./modules/staff-account/staff-account.errors.js";

const users = new UserService();

/** identity: users, organisations, roles, sessions, API clients. */
export const identitySubgraph: SubgraphDefinition<IdentityServices> = {
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
      __resolveReference: ({ id }: { id: string }, ctx: IdentityContext) =>
        ctx.loaders.batch("visible-users", (ids: readonly string[]) => users.visibleByIds(ctx, ids)).load(id),
    },
    Organization: {
      // Organisations are public (like `organization(id)`).
      __resolveReference: ({ id }: { id: string }, { loaders }: IdentityContext) => loaders.load(Organization, id),
    },
  },
  seedDemo: seedIdentityDemo,
  errors: [
    AccountErrors,
    ApiClientErrors,
    CredentialErrors,
    OrganizationErrors,
    RegistrationErrors,
    SessionErrors,
    SmsCodeErrors,
    StaffAccountErrors,
  ],
};
