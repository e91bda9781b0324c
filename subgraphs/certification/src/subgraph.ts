import "reflect-metadata";
import { OutboxEvent } from "@xuekao/events";
import { JobLease, type SubgraphDefinition } from "@xuekao/subgraph-kit";
import { migrations as libsqlMigrations } from "./migrations/libsql/index.js";
import { migrations as postgresqlMigrations } from "./migrations/postgresql/index.js";
import { CertificationCase } from "./modules/certification-case/certification-case.entity.js";
import { CertificationCaseResolver } from "./modules/certification-case/certification-case.resolver.js";
import { reviewSlaJob } from "./modules/review-sla/review-sla.job.js";
import { seedCertificationDemo } from "./seeders/demo.seeder.js";

/** certification: certification cases, evidence, recognition, certificates. */
export const certificationSubgraph: SubgraphDefinition = {
  name: "certification",
  defaultPort: 4003,
  resolvers: [CertificationCaseResolver],
  // OutboxEvent: certification publishes events (a case submitted) through its outbox.
  // JobLease: the scheduler's leases (review SLA).
  entities: [CertificationCase, OutboxEvent, JobLease],
  jobs: () => [reviewSlaJob],
  migrations: { libsql: libsqlMigrations, postgresql: postgresqlMigrations },
  seedDemo: seedCertificationDemo,
};
