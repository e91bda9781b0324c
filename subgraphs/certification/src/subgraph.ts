import "reflect-metadata";
import { loadCertificateSettings } from "@xuekao/certificates";
import { ProcessedEvent } from "@xuekao/events";
import type { SubgraphDefinition } from "@xuekao/subgraph-kit";
import type { CertificationServices } from "./certification-context.js";
import { migrations as libsqlMigrations } from "./migrations/libsql/index.js";
import { migrations as postgresqlMigrations } from "./migrations/postgresql/index.js";
import { CertificationCase } from "./modules/certification-case/certification-case.entity.js";
import { CertificationCaseErrors } from "./modules/certification-case/certification-case.errors.js";
import { CertificationCaseResolver } from "./modules/certification-case/certification-case.resolver.js";
import { CertificationSourceRules, CertificationWindow } from "./modules/certification-config/certification-config.entity.js";
import { CertificationConfigErrors } from "./modules/certification-config/certification-config.errors.js";
import { CertificationSourceRulesResolver, CertificationWindowResolver } from "./modules/certification-config/certification-config.resolver.js";
import { seedCertificationConfig } from "./modules/certification-config/certification-config.seeds.js";
import { CERTIFICATION_CHAINS, CERTIFICATION_KINDS } from "./modules/certification-case/certification.workflow.js";
import { candidateFactConsumer } from "./modules/candidate-fact/candidate-fact.consumer.js";
import { CandidateFact, CandidateName } from "./modules/candidate-fact/candidate-fact.entity.js";
import { certificateConsumer } from "./modules/certificate/certificate.consumer.js";
import { Certificate, CertificateVerificationLog } from "./modules/certificate/certificate.entity.js";
import { CertificateErrors } from "./modules/certificate/certificate.errors.js";
import { CertificateResolver } from "./modules/certificate/certificate.resolver.js";
import { seedCertificationDemo } from "./seeders/demo.seeder.js";

/** certification: certification cases, evidence, recognition, certificates. */
export const certificationSubgraph: SubgraphDefinition<CertificationServices> = {
  name: "certification",
  defaultPort: 4003,
  resolvers: [CertificationCaseResolver, CertificationWindowResolver, CertificationSourceRulesResolver, CertificateResolver],
  // The workflow engine's tables, the outbox and the scheduler's leases come with `workflows`.
  entities: [CertificationCase, CandidateFact, CandidateName, CertificationWindow, CertificationSourceRules, Certificate, CertificateVerificationLog, ProcessedEvent],
  // Windows and recognition rules are configuration, like the approval chains: written at every start when missing.
  // The certificate signing key (CERTIFICATE_SIGNING_KEY; refused start in production without it)
  // and the public verify page's address (CERTIFICATE_VERIFY_URL).
  setup: async (boot) => {
    await seedCertificationConfig(boot.orm, boot.clock);
    return { services: { certificates: await loadCertificateSettings(boot) } };
  },
  // Beijing's and Inner Mongolia's certification chains, as data (the review time limits are theirs).
  workflows: { kinds: CERTIFICATION_KINDS, seeds: CERTIFICATION_CHAINS },
  // Evidence scans travel beside GraphQL (signed links; size and type judged on arrival).
  files: true,
  migrations: { libsql: libsqlMigrations, postgresql: postgresqlMigrations },
  seedDemo: seedCertificationDemo,
  errors: [CertificationCaseErrors, CertificationConfigErrors, CertificateErrors],
  // registry's score certificates (registry.certificate-issued), verified here with certification's own;
  // what registry and identity say about candidates (eligibility, the school flow, the holder's name).
  consumers: [certificateConsumer, candidateFactConsumer],
};
