import "reflect-metadata";
import { existsSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { ApolloServer } from "@apollo/server";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { randomUUID } from "node:crypto";
import { RequestContext as MikroRequestContext, type EntityClass, type EntityManager, type MikroORM } from "@mikro-orm/core";
import type { GraphQLSchema } from "graphql";
import type { NonEmptyArray } from "type-graphql";
import { z } from "zod";
import { bootOrExit, ConfigError, loadConfig, logLevel, nodeEnv, port } from "./config.js";
import { createRequestContext, type OwnedRequestContext, type RequestContext } from "./context.js";
import type { Caller } from "./auth/caller.js";
import { AuditChainHead, AuditEntry } from "./audit/audit-entry.entity.js";
import { ensureAuditChain } from "./audit/audit-chain.js";
import { auditTrailResolver } from "./audit/audit-trail.resolver.js";
import { loadPersonalDataKeys } from "./personal-data/keys.js";
import { personalDataKeysOf, registerPersonalDataKeys } from "./personal-data/protected-text.js";
import { reencryptPersonalData } from "./personal-data/reencrypt.js";
import { personalDataAccess } from "./personal-data/access.js";
import { openDatabase, parseDatabaseUrl, resolveDatabaseTarget, type DatabaseTarget, type MigrationSets } from "./database.js";
import { catalogEntries, createErrorFormatter, type ListedErrors } from "./errors.js";
import { AuthErrors } from "./auth/authorization.js";
import { InputErrors } from "./input.js";
import { PaginationErrors } from "./pagination.js";
import { WorkflowErrors } from "./workflow/workflow.errors.js";
import { FileErrorsListed } from "./files/file-errors.js";
import { buildFederatedSchema, printFederatedSchema, type ReferenceResolvers } from "./federation.js";
import { closeServer, createGraphQLHttpServer, listen, onShutdownSignal, type HttpRoutes, type Listening } from "./http.js";
import { callerFromAuthorization, createTokenVerifier, JWKS_PATH, remoteKeySet } from "./auth/token.js";
import type { JWTVerifyGetKey } from "jose";
import { createLogger, type Logger } from "./logger.js";
import { createBus, OutboxEvent, type Bus } from "@xuekao/events";
import { JobLease } from "./scheduler/job-lease.entity.js";
import { WorkflowApplication, WorkflowHistoryEntry } from "./workflow/workflow-application.entity.js";
import { WorkflowDefinition } from "./workflow/workflow-definition.entity.js";
import { seedWorkflowDefinitions } from "./workflow/workflow-definitions.js";
import { workflowSlaJob } from "./workflow/workflow-sla.job.js";
import { WorkflowApplicationResolver, workflowDefinitionResolver } from "./workflow/workflow.resolver.js";
import type { WorkflowDefinitionSeed, WorkflowKindSpec } from "./workflow/workflow.types.js";
import { StoredFile } from "./files/stored-file.entity.js";
import { SpreadsheetImport } from "./spreadsheet/spreadsheet-import.entity.js";
import { SpreadsheetErrors } from "./spreadsheet/spreadsheet.errors.js";
import { fileSlots, filesNotEnabled, StoredFileResolver, storedFileDownloads, storedFileUploads } from "./files/file-slots.js";
import { createFileRoutes, subjectFromAuthorization } from "./files/file-routes.js";
import { createFileStorage, loadFileStorageConfig, loadFileUrlSecret } from "./files/file-config.js";
import { systemClock, type Clock } from "./clock.js";
import { Scheduler, type ScheduledJob } from "./scheduler/index.js";
import { producesEvents, startEventRuntime, type EventConsumer, type EventRuntime } from "./event-wiring.js";

/** What `setup` and `jobs` receive at boot. */
export interface SubgraphBoot {
  env: Record<string, string | undefined>;
  config: SubgraphConfig;
  orm: MikroORM;
  logger: Logger;
  clock: Clock;
}

/**
 * Everything that makes one subgraph; `subgraphs/<name>/src/subgraph.ts` exports one of these,
 * typed by the long-lived services its `setup` builds (resolvers see them as `ctx.services`).
 */
export interface SubgraphDefinition<Services extends object = object> {
  name: string;
  defaultPort: number;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's own signature
  resolvers: NonEmptyArray<Function>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  referenceResolvers?: ReferenceResolvers;
  /** The subgraph's own entities; the kit adds its own (audit chain, …) — see `subgraphEntities`. */
  entities: EntityClass<unknown>[];
  migrations: MigrationSets;
  /** The events this subgraph reacts to (see event-wiring.ts); subscribed when a bus is given. */
  consumers?: EventConsumer<Services>[];
  /**
   * Timed work (reminders, SLA checks, the SMS sender), run by a Scheduler over the subgraph's
   * database so that replicas never run a job at once; needs `JobLease` in `entities`.
   */
  jobs?: (boot: SubgraphBoot & { services: Services }) => ScheduledJob[];
  /**
   * Development demo data, written through the subgraph's own services on a system context (no
   * caller). Must be idempotent: `npm start` runs it on every start. Dates are relative to
   * `ctx.clock.now()` (the start-up instant), never fixed: demo data must hold on any day. The kit
   * flushes `ctx.em` afterwards.
   */
  seedDemo?: (ctx: RequestContext<Services>) => Promise<void>;
  /**
   * Runs once at boot, before listening: builds the subgraph's long-lived services (handed to
   * resolvers as `ctx.services`), extra HTTP routes, and, for identity, the keys it verifies
   * tokens with in-process instead of fetching its own JWKS.
   */
  setup?: (boot: SubgraphBoot) => Promise<SubgraphSetup<Services>>;
  /**
   * The approval chains this subgraph runs: its kinds, and the initial definition of each kind per
   * province (written once at start, then data the province institute edits). With workflows the
   * kit adds their tables, the definitions' query and mutation, and the review-time-limit job.
   */
  workflows?: { kinds: WorkflowKindSpec[]; seeds: WorkflowDefinitionSeed[] };
  /**
   * The subgraph accepts uploads and serves downloads (`/files/upload/…`, `/files/download/…`
   * behind signed URLs; `ctx.files`). The kit adds the `stored_file` table and the storage
   * (FILE_STORAGE: local disk under DATA_DIR, or S3).
   */
  files?: boolean;
  /**
   * The subgraph's modules import spreadsheets (`spreadsheet/`: upload, dry run, commit, progress).
   * Needs `files: true` (the .xlsx is an upload); the kit adds the `spreadsheet_import` table.
   */
  spreadsheetImports?: boolean;
  /** The error catalogs of its modules, listed for the clients' code list (`emit-schema`). */
  errors?: ListedErrors[];
}

/** The schema a subgraph serves: its resolvers and the kit's, federated. */
export const buildSubgraphSchema = (definition: Pick<AnySubgraphDefinition, "name" | "resolvers" | "workflows" | "files" | "orphanedTypes" | "referenceResolvers">): Promise<GraphQLSchema> =>
  buildFederatedSchema({ ...definition, resolvers: subgraphResolvers(definition) });

/** A definition whatever its services (for tools that handle every subgraph alike). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySubgraphDefinition = SubgraphDefinition<any>;

export interface SubgraphSetup<Services extends object = object> {
  services?: Services;
  routes?: HttpRoutes;
  tokenKeys?: JWTVerifyGetKey;
}

/** The kit's own tables in every subgraph: the audit chain. */
export const KIT_ENTITIES: EntityClass<unknown>[] = [AuditEntry, AuditChainHead];
/** …and in a subgraph with approval chains: definitions, applications, history; events and the SLA job's lease. */
export const WORKFLOW_ENTITIES: EntityClass<unknown>[] = [WorkflowDefinition, WorkflowApplication, WorkflowHistoryEntry, OutboxEvent, JobLease];

/** The subgraph's entities and the kit's: what its database holds and its migrations create. */
export const subgraphEntities = (definition: Pick<AnySubgraphDefinition, "entities" | "workflows" | "files" | "spreadsheetImports">): EntityClass<unknown>[] => [
  ...new Set([
    ...definition.entities,
    ...KIT_ENTITIES,
    ...(definition.workflows ? WORKFLOW_ENTITIES : []),
    ...(definition.files ? [StoredFile] : []),
    ...(definition.spreadsheetImports ? [SpreadsheetImport] : []),
  ]),
];

/** Every subgraph is served with the kit's resolvers beside its own (the audit trail; workflow definitions). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const subgraphResolvers = (definition: Pick<AnySubgraphDefinition, "name" | "resolvers" | "workflows" | "files">): NonEmptyArray<Function> => [
  ...definition.resolvers,
  auditTrailResolver(definition.name),
  ...(definition.workflows ? [WorkflowApplicationResolver, workflowDefinitionResolver(definition.name, definition.workflows.kinds)] : []),
  ...(definition.files ? [StoredFileResolver] : []),
];

export interface SubgraphConfig {
  nodeEnv: "development" | "test" | "production";
  logLevel: string;
  host: string;
  port: number;
  database: DatabaseTarget;
  /** `DATA_DIR`: libsql files, development keys, locally stored files. */
  dataDir: string;
  seedDemo: boolean;
  /** Where identity publishes its public keys (`IDENTITY_JWKS_URL`). */
  jwksUrl: string;
  /** `NATS_URL`: the JetStream bus when the subgraphs run as separate processes (production). */
  natsUrl: string | undefined;
  /** `NATS_STREAM` / `NATS_SUBJECT_PREFIX`: one JetStream stream per deployment (tests use their own). */
  natsStream: string;
  natsSubjectPrefix: string;
}

/** What a subgraph shares with the others in its process: the event bus. */
export interface SubgraphRuntime {
  /** null: events stay in the outbox (nobody could receive them) and no consumer runs. */
  bus?: Bus | null;
  /** Relay poll interval; the relay is also poked after every commit. */
  relayPollIntervalMs?: number;
  /** Start the scheduled jobs (default true). Tests start them only when the job is the subject. */
  startJobs?: boolean;
  /** The clock of requests, jobs and demo data (default: the system clock; tests pass a FakeClock). */
  clock?: Clock;
}

/** The monorepo root (where pnpm-workspace.yaml is), so `.data/` is one folder whatever the cwd. */
export function findRepoRoot(start = process.cwd()): string {
  let dir = resolve(start);
  while (!existsSync(join(dir, "pnpm-workspace.yaml"))) {
    const parent = dirname(dir);
    if (parent === dir) return process.cwd();
    dir = parent;
  }
  return dir;
}

const databaseUrl = z
  .string()
  .optional()
  .transform((value) => (value ? value : undefined))
  .superRefine((value, context) => {
    if (value === undefined) return;
    try {
      parseDatabaseUrl(value);
    } catch (error) {
      context.addIssue({ code: "custom", message: (error as Error).message });
    }
  });

const flag = z
  .enum(["1", "0", "true", "false", ""])
  .optional()
  .transform((value) => value === "1" || value === "true");

/**
 * Reads `<NAME>_PORT`, `<NAME>_DATABASE_URL`, `DATABASE_URL`, `DATA_DIR`, `HOST`, `NODE_ENV`,
 * `LOG_LEVEL` and `SEED_DEMO` (see the README's configuration table).
 */
export function loadSubgraphConfig(
  definition: Pick<SubgraphDefinition, "name" | "defaultPort">,
  env: Record<string, string | undefined> = process.env,
): SubgraphConfig {
  const prefix = definition.name.toUpperCase();
  const raw = loadConfig(
    {
      NODE_ENV: nodeEnv,
      LOG_LEVEL: logLevel,
      HOST: z.string().min(1).default("127.0.0.1"),
      [`${prefix}_PORT`]: port(definition.defaultPort),
      [`${prefix}_DATABASE_URL`]: databaseUrl,
      DATABASE_URL: databaseUrl,
      DATA_DIR: z.string().min(1).default(join(findRepoRoot(), ".data")),
      SEED_DEMO: flag,
      IDENTITY_JWKS_URL: z.string().url().optional(),
      IDENTITY_PORT: port(4001),
      NATS_URL: z.string().optional(),
      NATS_STREAM: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "letters, digits, _ or -").default("XUEKAO_EVENTS"),
      NATS_SUBJECT_PREFIX: z.string().regex(/^[a-z0-9-]+(\.[a-z0-9-]+)*$/, "dot-separated lowercase words").default("xuekao.events"),
    },
    env,
  ) as Record<string, unknown> & {
    NODE_ENV: SubgraphConfig["nodeEnv"];
    LOG_LEVEL: string;
    HOST: string;
    DATA_DIR: string;
    SEED_DEMO: boolean;
    DATABASE_URL?: string;
    IDENTITY_JWKS_URL?: string;
    IDENTITY_PORT: number;
    NATS_URL?: string;
    NATS_STREAM: string;
    NATS_SUBJECT_PREFIX: string;
  };
  if (raw.NODE_ENV === "production" && raw.SEED_DEMO) {
    throw new ConfigError(["SEED_DEMO: demo data is for development only and is refused when NODE_ENV=production"]);
  }
  return {
    nodeEnv: raw.NODE_ENV,
    logLevel: raw.LOG_LEVEL,
    host: raw.HOST,
    port: raw[`${prefix}_PORT`] as number,
    database: resolveDatabaseTarget(definition.name, {
      ownUrl: raw[`${prefix}_DATABASE_URL`] as string | undefined,
      sharedUrl: raw.DATABASE_URL,
      dataDir: raw.DATA_DIR,
    }),
    dataDir: raw.DATA_DIR,
    seedDemo: raw.SEED_DEMO,
    jwksUrl: raw.IDENTITY_JWKS_URL ?? `http://127.0.0.1:${raw.IDENTITY_PORT}${JWKS_PATH}`,
    natsUrl: raw.NATS_URL?.trim() ? raw.NATS_URL.trim() : undefined,
    natsStream: raw.NATS_STREAM,
    natsSubjectPrefix: raw.NATS_SUBJECT_PREFIX,
  };
}

export interface SubgraphService<Services extends object = object> {
  name: string;
  schema: GraphQLSchema;
  orm: MikroORM;
  logger: Logger;
  /** The running scheduler, when the subgraph has jobs (tests call `runDue`). */
  scheduler: Scheduler | null;
  /** A context as a system task has it (no caller): for seeding, tests and commands that call services. */
  systemContext(em?: EntityManager): OwnedRequestContext<Services>;
  listen(port?: number, host?: string): Promise<Listening>;
  close(): Promise<void>;
}

/** Builds the schema, opens and migrates the database, wires Apollo to node:http. Does not listen. */
export async function createSubgraphService<Services extends object>(
  definition: SubgraphDefinition<Services>,
  config: SubgraphConfig,
  logger: Logger = createLogger(definition.name, config.logLevel),
  env: Record<string, string | undefined> = process.env,
  runtime: SubgraphRuntime = {},
): Promise<SubgraphService<Services>> {
  const clock = runtime.clock ?? systemClock;
  const schema = await buildSubgraphSchema(definition);
  const orm = await openDatabase({
    target: config.database,
    entities: subgraphEntities(definition),
    migrations: definition.migrations,
    logger,
    contextName: definition.name,
  });
  registerPersonalDataKeys(orm, loadPersonalDataKeys({ env, nodeEnv: config.nodeEnv, developmentKeyFile: developmentFile(config, "personal-data-keys.json") }));
  // Rows written before their column was protected are encrypted now (nothing to do normally).
  const protectedNow = await reencryptPersonalData(orm, { plainOnly: true });
  if (Object.values(protectedNow.rewritten).some((count) => count > 0)) logger.info({ rewritten: protectedNow.rewritten }, "personal data written before protection is now encrypted");
  await ensureAuditChain(orm);
  if (definition.workflows) await seedWorkflowDefinitions(orm, definition.workflows.seeds, clock);

  const setup = (await definition.setup?.({ env, config, orm, logger, clock })) ?? {};
  const verifyToken = createTokenVerifier(setup.tokenKeys ?? remoteKeySet(config.jwksUrl), clock);
  const services = (setup.services ?? {}) as Services;
  const personalData = personalDataAccess(personalDataKeysOf(orm));
  const verifySubject = subjectFromAuthorization(verifyToken);
  const fileSecret = definition.files ? loadFileUrlSecret(env).secret : null;
  const fileStorage = fileSecret ? createFileStorage(loadFileStorageConfig({ subgraph: definition.name, dataDir: config.dataDir }, env), { logger }) : null;
  const files = fileSecret ? fileSlots(definition.name, fileSecret, fileStorage!) : filesNotEnabled(definition.name);
  const fileRoutes = fileSecret
    ? createFileRoutes({
        subgraph: definition.name,
        storage: fileStorage!,
        secret: fileSecret,
        verifyToken: verifySubject,
        now: () => clock.now(),
        logger,
        uploads: storedFileUploads(orm, clock),
        downloads: storedFileDownloads(orm),
      })
    : {};
  const contextFor = (em: EntityManager, requestId: string, caller: Caller | null, inTransaction = false) =>
    createRequestContext({
      subgraph: definition.name,
      requestId,
      em,
      logger: logger.child({ requestId }),
      caller,
      clock,
      services,
      personalData,
      files,
      inTransaction,
    });

  if (config.seedDemo && definition.seedDemo) {
    const seeding = contextFor(orm.em.fork(), `seed-${randomUUID()}`, null);
    await definition.seedDemo(seeding);
    await seeding.em.flush();
  }

  const produces = producesEvents(subgraphEntities(definition));
  const consumers = definition.consumers ?? [];
  let events: EventRuntime | null = null;
  if (runtime.bus) {
    events = await startEventRuntime({
      subgraph: definition.name,
      orm,
      bus: runtime.bus,
      logger,
      consumers,
      produces,
      contextFor: (em, event) => contextFor(em, event.id, null, true),
      ...(runtime.relayPollIntervalMs !== undefined ? { relayPollIntervalMs: runtime.relayPollIntervalMs } : {}),
    });
  } else if (produces || consumers.length > 0) {
    logger.warn(
      { subgraph: definition.name },
      "no event bus: events stay in this subgraph's outbox and no consumer runs (set NATS_URL, or run every subgraph in one process with `npm start`)",
    );
  }

  const jobs = [
    ...(definition.jobs?.({ env, config, orm, logger, clock, services }) ?? []),
    ...(definition.workflows ? [workflowSlaJob(definition.name)] : []),
  ];
  const scheduler = jobs.length > 0 ? new Scheduler({ orm, logger: logger.child({ component: "scheduler" }), jobs, now: () => clock.now() }) : null;
  if (runtime.startJobs !== false) scheduler?.start();

  const apollo = new ApolloServer<RequestContext<Services>>({
    schema,
    introspection: config.nodeEnv !== "production",
    csrfPrevention: true,
    // Signals are handled once, by onShutdownSignal: Apollo's own handler would re-raise SIGTERM
    // after stopping and end the process by signal before the database is closed.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    formatError: createErrorFormatter(logger),
    // Traces for Apollo's hosted usage reporting, which this platform does not use.
    plugins: [ApolloServerPluginInlineTraceDisabled()],
    logger,
  });
  await apollo.start();

  const server = createGraphQLHttpServer<RequestContext<Services>>({
    apollo,
    logger,
    // Every request runs in its own MikroORM RequestContext: a fresh identity map per request.
    run: (work) => MikroRequestContext.create(orm.em, work),
    context: async (request, requestId) => {
      const em = MikroRequestContext.getEntityManager(definition.name) as EntityManager;
      // Verified here, not trusted from the gateway: a bad token fails the request with 401.
      const caller = await callerFromAuthorization(request.headers.authorization, verifyToken);
      return contextFor(em, requestId, caller);
    },
    routes: { ...setup.routes, ...fileRoutes },
    health: {
      ready: async () => {
        if (!(await orm.isConnected())) throw new Error("database not connected");
      },
    },
  });

  let closing: Promise<void> | undefined;
  return {
    name: definition.name,
    schema,
    orm,
    logger,
    scheduler,
    systemContext: (em = orm.em.fork()) => contextFor(em, `system-${randomUUID()}`, null),
    listen: (listenPort = config.port, host = config.host) => listen(server, listenPort, host),
    // Idempotent: a test (or a signal arriving twice) may close a service that is already closed.
    close: () => (closing ??= (async () => {
      await closeServer(server);
      await apollo.stop();
      // After the server: requests in flight may still commit events, which the relay then
      // publishes at its next start (they are in the outbox either way).
      await events?.stop();
      await scheduler?.stop();
      await orm.close();
    })()),
  };
}

/** A file of development secrets beside the libsql files (none for PostgreSQL-only or in-memory setups). */
function developmentFile(config: SubgraphConfig, name: string): string | undefined {
  if (config.nodeEnv !== "development") return undefined;
  return join(config.dataDir, name);
}

/** The `main.js` of every subgraph: configure, migrate, (seed), listen, stop cleanly on a signal. */
export function runSubgraph(definition: AnySubgraphDefinition): void {
  void bootOrExit(async () => {
    const config = loadSubgraphConfig(definition);
    const logger = createLogger(definition.name, config.logLevel);
    // Alone in its process, the subgraph can only reach the others through NATS; without it the
    // events wait in the outbox (an in-process bus here would mark them published unheard).
    const bus = config.natsUrl
      ? await createBus({ natsUrl: config.natsUrl, logger, streamName: config.natsStream, subjectPrefix: config.natsSubjectPrefix })
      : null;
    const service = await createSubgraphService(definition, config, logger, process.env, { bus });
    const { url } = await service.listen();
    logger.info({ url: `${url}/graphql`, driver: config.database.driver, bus: bus ? "nats" : "none" }, `${definition.name} subgraph ready`);
    onShutdownSignal(logger, async () => {
      await service.close();
      await bus?.close();
    });
  });
}

/** The catalogs a subgraph can raise: its modules' and the kit's it uses. */
export const subgraphErrorCatalogs = (definition: Pick<AnySubgraphDefinition, "errors" | "workflows" | "files" | "spreadsheetImports">): ListedErrors[] => [
  AuthErrors,
  InputErrors,
  PaginationErrors,
  ...(definition.workflows ? [WorkflowErrors] : []),
  ...(definition.files ? [FileErrorsListed] : []),
  ...(definition.spreadsheetImports ? [SpreadsheetErrors] : []),
  ...(definition.errors ?? []),
];

/**
 * Writes the subgraph's federation SDL (committed as `schema.graphql`, read by composition) and,
 * beside it, `errors.json`: every error code it can answer with, for the clients' typed list.
 */
export async function emitSubgraphSchema(definition: AnySubgraphDefinition, file: string): Promise<string> {
  const sdl = printFederatedSchema(await buildSubgraphSchema(definition));
  writeFileSync(file, sdl);
  const entries = catalogEntries(...subgraphErrorCatalogs(definition)).sort((a, b) => a.code.localeCompare(b.code));
  writeFileSync(join(dirname(file), "errors.json"), `${JSON.stringify(entries, null, 2)}\n`);
  return sdl;
}

/** Regenerates `index.ts` of a migrations folder: every migration class, oldest first. */
export function writeMigrationIndex(folder: string): void {
  mkdirSync(folder, { recursive: true });
  const names = readdirSync(folder)
    .filter((file) => /^Migration\d+.*\.ts$/.test(file))
    .map((file) => file.replace(/\.ts$/, ""))
    .sort();
  const lines = [
    "// Generated by `migration:create`: this driver's migrations, oldest first. Do not edit by hand.",
    'import type { MigrationObject } from "@mikro-orm/core";',
    ...names.map((name) => `import { ${name} } from "./${name}.js";`),
    "",
    `export const migrations: MigrationObject[] = [${names.map((name) => `\n  { name: "${name}", class: ${name} },`).join("")}${names.length ? "\n" : ""}];`,
    "",
  ];
  writeFileSync(join(folder, "index.ts"), lines.join("\n"));
}
