import "reflect-metadata";
import { loadCertificateSettings } from "@xuekao/certificates";
import { ScoreCertificate } from "./modules/score-certificate/score-certificate.entity.js";
import { ScoreCertificateErrors } from "./modules/score-certificate/score-certificate.errors.js";
import { ScoreCertificateResolver } from "./modules/score-certificate/score-certificate.resolver.js";
import { OutboxEvent, ProcessedEvent } from "@xuekao/events";
import { JobLease, type SubgraphDefinition } from "@xuekao/subgraph-kit";
import { migrations as libsqlMigrations } from "./migrations/libsql/index.js";
import { migrations as postgresqlMigrations } from "./migrations/postgresql/index.js";
import { certifiedSubjectConsumer } from "./modules/certified-subject/certified-subject.consumer.js";
import { CertifiedSubject } from "./modules/certified-subject/certified-subject.entity.js";
import { CertifiedSubjectResolver, ExamRecordCertifiedSubjectsResolver } from "./modules/certified-subject/certified-subject.resolver.js";
import { ExamRecord } from "./modules/exam-record/exam-record.entity.js";
import { ExamRecordResolver } from "./modules/exam-record/exam-record.resolver.js";
import { ExamSession } from "./modules/exam-session/exam-session.entity.js";
import { ExamSessionErrors } from "./modules/exam-session/exam-session.errors.js";
import { ExamSessionResolver } from "./modules/exam-session/exam-session.resolver.js";
import { seedSubjectCatalogue } from "./modules/exam-subject/exam-subject.catalog.js";
import { ExamSubject } from "./modules/exam-subject/exam-subject.entity.js";
import { ExamSubjectResolver } from "./modules/exam-subject/exam-subject.resolver.js";
import { INFORMATION_CHANGE_CHAINS, InformationChange } from "./modules/information-change/information-change.workflow.js";
import { DirectoryOrganization } from "./modules/organization-directory/directory-organization.entity.js";
import { organizationDirectoryConsumer } from "./modules/organization-directory/organization-directory.consumer.js";
import { OrganizationDirectoryResolver } from "./modules/organization-directory/organization-directory.resolver.js";
import { PreRegistration } from "./modules/pre-registration/pre-registration.entity.js";
import { PreRegistrationErrors } from "./modules/pre-registration/pre-registration.errors.js";
import { PreRegistrationResolver } from "./modules/pre-registration/pre-registration.resolver.js";
import { RegistrationProgressResolver } from "./modules/registration-progress/registration-progress.resolver.js";
import { RosterEntry } from "./modules/roster/roster.entity.js";
import { RosterErrors } from "./modules/roster/roster.errors.js";
import { RosterResolver } from "./modules/roster/roster.resolver.js";
import { InSchoolPreRegistration, PRE_REGISTRATION_CHAINS, SocialPreRegistration } from "./modules/pre-registration/pre-registration.workflow.js";
import { windowRemindersJob } from "./modules/registration-window/window-reminders.job.js";
import { SubjectEntry } from "./modules/subject-entry/subject-entry.entity.js";
import { SubjectEntryErrors } from "./modules/subject-entry/subject-entry.errors.js";
import { SubjectEntryResolver } from "./modules/subject-entry/subject-entry.resolver.js";
import { SubjectResultErrors } from "./modules/subject-result/subject-result.errors.js";
import { SubjectResultResolver } from "./modules/subject-result/subject-result.resolver.js";
import { Suspension, SUSPENSION_CHAINS } from "./modules/suspension/suspension.workflow.js";
import { InProvinceTransfer, TRANSFER_CHAINS } from "./modules/transfer/transfer.workflow.js";
import type { RegistryServices } from "./registry-context.js";
import { seedRegistryDemo } from "./seeders/demo.seeder.js";

/** registry: 考籍 records, applications, exam sessions, subject registration, scores. */
export const registrySubgraph: SubgraphDefinition<RegistryServices> = {
  name: "registry",
  defaultPort: 4002,
  resolvers: [
    ExamSessionResolver,
    ExamRecordResolver,
    OrganizationDirectoryResolver,
    RosterResolver,
    PreRegistrationResolver,
    RegistrationProgressResolver,
    ExamSubjectResolver,
    SubjectEntryResolver,
    SubjectResultResolver,
    ScoreCertificateResolver,
    CertifiedSubjectResolver,
    ExamRecordCertifiedSubjectsResolver,
  ],
  // OutboxEvent: registry publishes events (window reminders, registrations); ProcessedEvent:
  // consumed events (identity's organisations, certification's certified subjects), for dedupe; JobLease: the scheduler's leases.
  entities: [
    ExamSession,
    ExamRecord,
    DirectoryOrganization,
    RosterEntry,
    PreRegistration,
    ExamSubject,
    SubjectEntry,
    ScoreCertificate,
    CertifiedSubject,
    OutboxEvent,
    ProcessedEvent,
    JobLease,
  ],
  consumers: [organizationDirectoryConsumer, certifiedSubjectConsumer],
  // The subject catalogues are configuration, like the approval chains: written at every start when missing.
  // The certificate signing key (CERTIFICATE_SIGNING_KEY, shared with certification) for score certificates.
  setup: async (boot) => {
    await seedSubjectCatalogue(boot.orm);
    return { services: { certificates: await loadCertificateSettings(boot) } };
  },
  jobs: () => [windowRemindersJob],
  // Files through the kit: rosters and results as .xlsx (spreadsheet imports), the photo taken at collection.
  files: true,
  spreadsheetImports: true,
  // The record's approval chains (Inner Mongolia's, as data): their modules attach to them as they come.
  workflows: {
    kinds: [InSchoolPreRegistration, SocialPreRegistration, InformationChange, InProvinceTransfer, Suspension],
    seeds: [...PRE_REGISTRATION_CHAINS, ...INFORMATION_CHANGE_CHAINS, ...TRANSFER_CHAINS, ...SUSPENSION_CHAINS],
  },
  migrations: { libsql: libsqlMigrations, postgresql: postgresqlMigrations },
  seedDemo: seedRegistryDemo,
  errors: [ExamSessionErrors, RosterErrors, PreRegistrationErrors, SubjectEntryErrors, SubjectResultErrors, ScoreCertificateErrors],
};
