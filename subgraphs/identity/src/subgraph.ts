import "reflect-metadata";
import type { SubgraphContext, SubgraphDefinition } from "@xuekao/subgraph-kit";
import { migrations as libsqlMigrations } from "./migrations/libsql/index.js";
import { migrations as postgresqlMigrations } from "./migrations/postgresql/index.js";
import { Organization } from "./modules/organization/organization.entity.js";
import { OrganizationResolver } from "./modules/organization/organization.resolver.js";
import { User } from "./modules/user/user.entity.js";
import { UserResolver } from "./modules/user/user.resolver.js";
import { seedIdentityDemo } from "./seeders/demo.seeder.js";
import { setupIdentity } from "./identity-services.js";
import { RoleBinding } from "./modules/role-binding/role-binding.entity.js";
import { MeResolver, RoleBindingResolver } from "./modules/role-binding/role-binding.resolver.js";
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
  resolvers: [OrganizationResolver, UserResolver, SessionResolver, MeResolver, RoleBindingResolver, RegistrationResolver, AccountResolver, ApiClientResolver, StaffAccountResolver],
  entities: [Organization, User, RoleBinding, RefreshToken, SmsChallenge, ApiClient],
  setup: setupIdentity,
  migrations: { libsql: libsqlMigrations, postgresql: postgresqlMigrations },
  referenceResolvers: {
    User: { __resolveReference: ({ id }: { id: string }, { loaders }: SubgraphContext) => loaders.load(User, id) },
    Organization: {
      __resolveReference: ({ id }: { id: string }, { loaders }: SubgraphContext) => loaders.load(Organization, id),
    },
  },
  seedDemo: seedIdentityDemo,
};
