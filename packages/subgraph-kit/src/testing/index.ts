import type { Bus } from "@xuekao/events";
import type { Clock } from "../clock.js";
import { connect } from "node:net";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PersonalDataKeys } from "../personal-data/keys.js";
import type { Logger } from "pino";
import type { DatabaseDriver, DatabaseTarget } from "../database.js";
import { expect, it } from "vitest";
import { DEFAULT_PG_URL, migrationNeeded, scratchDatabase } from "../migrations.js";
import { createSubgraphService, type AnySubgraphDefinition, type SubgraphDefinition, type SubgraphService } from "../subgraph.js";

/** Whether something accepts TCP connections at host:port (2 s timeout). */
function answers(host: string, port: number): Promise<boolean> {
  return new Promise<boolean>((resolve) => {
    const socket = connect({ host, port });
    socket.setTimeout(2000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

/** PostgreSQL is tested when it answers at PG_URL (default 127.0.0.1:5432); REQUIRE_PG=1 makes its absence a failure. */
export async function postgresReachable(pgUrl = process.env.PG_URL ?? DEFAULT_PG_URL): Promise<boolean> {
  const url = new URL(pgUrl);
  const reachable = await answers(url.hostname, Number(url.port || 5432));
  if (!reachable && process.env.REQUIRE_PG === "1") {
    throw new Error(`REQUIRE_PG=1 but PostgreSQL does not answer at ${url.host} (set PG_URL or start it, see docs/architecture.md "Services the tests need")`);
  }
  return reachable;
}

export const DEFAULT_NATS_URL = "nats://127.0.0.1:4222";

/** NATS JetStream is tested when it answers at NATS_URL (default 127.0.0.1:4222); REQUIRE_NATS=1 makes its absence a failure. */
export async function natsReachable(natsUrl = process.env.NATS_URL || DEFAULT_NATS_URL): Promise<boolean> {
  const url = new URL(natsUrl);
  const reachable = await answers(url.hostname, Number(url.port || 4222));
  if (!reachable && process.env.REQUIRE_NATS === "1") {
    throw new Error(`REQUIRE_NATS=1 but NATS does not answer at ${url.host} (set NATS_URL or start it, see docs/architecture.md "Services the tests need")`);
  }
  return reachable;
}

/** The drivers an integration test runs on: libsql always, PostgreSQL when reachable. */
export async function testDrivers(): Promise<DatabaseDriver[]> {
  return (await postgresReachable()) ? ["libsql", "postgresql"] : ["libsql"];
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- suites declare `TestSubgraph` before they know which subgraph it runs
export interface TestSubgraph<Services extends object = any> {
  url: string;
  service: SubgraphService<Services>;
  target: DatabaseTarget;
  graphql<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
    headers?: Record<string, string>,
  ): Promise<GraphQLResult<T>>;
  stop(): Promise<void>;
}

export interface GraphQLResult<T> {
  data?: T | null;
  errors?: Array<{ message: string; path?: Array<string | number>; extensions?: Record<string, unknown> }>;
}

export async function postGraphQL<T>(
  url: string,
  query: string,
  variables: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Promise<GraphQLResult<T>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResult<T>;
}

/**
 * One key ring for every subgraph a test process starts, so a subgraph restarted on the same
 * database (or two sharing data) can read what the other wrote.
 */
export const TEST_PERSONAL_DATA_KEYS = JSON.stringify(PersonalDataKeys.generate("test-1"));

/** Starts a subgraph in-process on a loopback port with its own scratch database of `driver`. */
export async function startTestSubgraph<Services extends object>(
  definition: SubgraphDefinition<Services>,
  driver: DatabaseDriver,
  options: {
    seedDemo?: boolean;
    target?: DatabaseTarget;
    port?: number;
    logger?: Logger;
    /** identity's JWKS for subgraphs other than identity; by default nothing answers there, so every token is refused. */
    jwksUrl?: string;
    env?: Record<string, string | undefined>;
    /** The event bus shared with the other subgraphs of the test (e.g. one InProcessBus); none by default. */
    bus?: Bus;
    /** Relay poll interval (default 1 s; commits poke it anyway). */
    relayPollIntervalMs?: number;
    /** Run the subgraph's scheduled jobs on their timers (default false: a test calls the job itself). */
    startJobs?: boolean;
    /** The clock of requests, jobs and demo data (a FakeClock puts the subgraph at a chosen instant). */
    clock?: Clock;
  } = {},
): Promise<TestSubgraph<Services>> {
  const scratch = options.target ? { target: options.target, drop: async () => {} } : await scratchDatabase(driver, `test_${definition.name}`);
  const dataDir = mkdtempSync(join(tmpdir(), `xuekao-${definition.name}-data-`));
  const service = await createSubgraphService(definition, {
    nodeEnv: "test",
    logLevel: process.env.TEST_LOG_LEVEL ?? "silent",
    host: "127.0.0.1",
    port: options.port ?? 0,
    database: scratch.target,
    dataDir,
    seedDemo: options.seedDemo ?? false,
    jwksUrl: options.jwksUrl ?? "http://127.0.0.1:9/.well-known/jwks.json",
    natsUrl: undefined,
    natsStream: "XUEKAO_EVENTS",
    natsSubjectPrefix: "xuekao.events",
  }, options.logger, { PERSONAL_DATA_KEYS: TEST_PERSONAL_DATA_KEYS, ...options.env }, {
    bus: options.bus ?? null,
    startJobs: options.startJobs ?? false,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.relayPollIntervalMs !== undefined ? { relayPollIntervalMs: options.relayPollIntervalMs } : {}),
  });
  const { url } = await service.listen();
  const graphqlUrl = `${url}/graphql`;
  return {
    url: graphqlUrl,
    service,
    target: scratch.target,
    graphql: (query, variables, headers) => postGraphQL(graphqlUrl, query, variables, headers),
    stop: async () => {
      await service.close();
      await scratch.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export { scratchDatabase } from "../migrations.js";

/** Records the SQL a service sends while `work` runs: to assert that N lookups cost one query. */
export async function recordSqlQueries(service: SubgraphService, work: () => Promise<unknown>): Promise<string[]> {
  const queries: string[] = [];
  const knex = (service.orm.em.getConnection() as unknown as { getKnex(): import("@mikro-orm/knex").Knex }).getKnex();
  const listener = (query: { sql: string }) => queries.push(query.sql);
  knex.on("query", listener);
  try {
    await work();
  } finally {
    knex.off("query", listener);
  }
  return queries;
}

/**
 * The checks every subgraph's integration suite starts with; call inside its `describe`:
 * migrations in step with the entities on this driver, and the health probes answering.
 */
export function itBehavesLikeASubgraph(definition: AnySubgraphDefinition, driver: DatabaseDriver, subgraph: () => TestSubgraph): void {
  it("has migrations in step with the entities", async () => {
    const scratch = await scratchDatabase(driver, `${definition.name}_check`);
    try {
      expect(await migrationNeeded(definition, scratch.target)).toBe(false);
    } finally {
      await scratch.drop();
    }
  });

  it("answers health and readiness probes", async () => {
    const base = subgraph().url.replace(/\/graphql$/, "");
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: "ready" });
  });
}

/**
 * `await as("teacher1")` → the Authorization header of that account, logged in once through
 * identity's real `login` mutation at `identityGraphqlUrl` and remembered for the suite.
 */
export function signedInAs(identityGraphqlUrl: () => string, password: string): (username: string) => Promise<Record<string, string>> {
  const tokens = new Map<string, Promise<string>>();
  return async (username) => {
    if (!tokens.has(username)) {
      tokens.set(
        username,
        postGraphQL<{ login: { accessToken: string } }>(identityGraphqlUrl(), `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`, {
          input: { username, password },
        }).then((result) => {
          if (!result.data?.login) throw new Error(`login as ${username} failed: ${JSON.stringify(result.errors)}`);
          return result.data.login.accessToken;
        }),
      );
    }
    return { authorization: `Bearer ${await tokens.get(username)}` };
  };
}
export * from "./files.js";
export * from "./rules.js";
export * from "./tokens.js";
export * from "./schema.js";
