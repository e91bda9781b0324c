import "reflect-metadata";
import { OutboxEvent } from "@xuekao/events";
import { JobLease, type SubgraphDefinition } from "@xuekao/subgraph-kit";
import { migrations as libsqlMigrations } from "./migrations/libsql/index.js";
import { migrations as postgresqlMigrations } from "./migrations/postgresql/index.js";
import { ExamRecord } from "./modules/exam-record/exam-record.entity.js";
import { ExamRecordResolver } from "./modules/exam-record/exam-record.resolver.js";
import { ExamSession } from "./modules/exam-session/exam-session.entity.js";
import { ExamSessionResolver } from "./modules/exam-session/exam-session.resolver.js";
import { windowRemindersJob } from "./modules/registration-window/window-reminders.job.js";
import { seedRegistryDemo } from "./seeders/demo.seeder.js";

/** registry: 考籍 records, applications, exam sessions, subject registration, scores. */
export const registrySubgraph: SubgraphDefinition = {
  name: "registry",
  defaultPort: 4002,
  resolvers: [ExamSessionResolver, ExamRecordResolver],
  // OutboxEvent: registry publishes events (window reminders); JobLease: the scheduler's leases.
  entities: [ExamSession, ExamRecord, OutboxEvent, JobLease],
  jobs: () => [windowRemindersJob],
  migrations: { libsql: libsqlMigrations, postgresql: postgresqlMigrations },
  seedDemo: seedRegistryDemo,
};
