import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { MikroORM, type EntityClass, type Options } from "@mikro-orm/core";
import type { MigrationObject } from "@mikro-orm/core";
import { Migrator } from "@mikro-orm/migrations";
import { SeedManager } from "@mikro-orm/seeder";
import { LibSqlDriver } from "@mikro-orm/libsql";
import { PostgreSqlDriver } from "@mikro-orm/postgresql";
import type { Logger } from "pino";

export type DatabaseDriver = "libsql" | "postgresql";

/** Migrations are SQL of one dialect, so every subgraph keeps one list per driver. */
export type MigrationSets = Record<DatabaseDriver, MigrationObject[]>;

export interface DatabaseTarget {
  driver: DatabaseDriver;
  /** libsql: a file path (or `:memory:`); postgresql: the connection URL of the subgraph's own database. */
  location: string;
}

/**
 * Picks the database of one subgraph from the environment:
 * - `<SUBGRAPH>_DATABASE_URL` names it exactly (`postgres://…/db`, or `file:/path.db` for libsql);
 * - else `DATABASE_URL=postgres://host:port[/prefix]` points at a PostgreSQL server, and each
 *   subgraph uses its own database `<prefix or xuekao>_<subgraph>` on it;
 * - else the embedded default, a libsql file `<DATA_DIR>/<subgraph>.db`.
 */
export function resolveDatabaseTarget(
  subgraph: string,
  env: { ownUrl?: string | undefined; sharedUrl?: string | undefined; dataDir: string },
): DatabaseTarget {
  if (env.ownUrl) return parseDatabaseUrl(env.ownUrl);
  if (env.sharedUrl) {
    const target = parseDatabaseUrl(env.sharedUrl);
    if (target.driver === "postgresql") {
      const url = new URL(target.location);
      const prefix = url.pathname.replace(/^\//, "") || "xuekao";
      url.pathname = `/${prefix}_${subgraph}`;
      return { driver: "postgresql", location: url.toString() };
    }
    return target;
  }
  return { driver: "libsql", location: `${env.dataDir}/${subgraph}.db` };
}

export function parseDatabaseUrl(raw: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(raw)) return { driver: "postgresql", location: raw };
  if (raw.startsWith("file:")) return { driver: "libsql", location: raw.slice("file:".length) };
  if (raw === ":memory:") return { driver: "libsql", location: raw };
  throw new Error(`Unsupported database URL "${raw}": use postgres://… or file:/path/to/file.db`);
}

export function databaseName(target: DatabaseTarget): string {
  return target.driver === "postgresql" ? new URL(target.location).pathname.replace(/^\//, "") : target.location;
}

export interface OrmOptions {
  target: DatabaseTarget;
  entities: EntityClass<unknown>[];
  migrations: MigrationSets;
  /** Where `createMigration` writes new files (source tree); only the migration tool needs it. */
  migrationsPath?: string;
  logger?: Logger;
  debug?: boolean;
  /**
   * MikroORM's request-context name. Every subgraph has its own: the embedded backend runs them
   * in one process, and under one shared name a fork made while another subgraph's request (or
   * its event relay) is running would resolve that subgraph's entity manager instead.
   */
  contextName?: string;
}

export function ormConfig(options: OrmOptions): Options {
  const { target } = options;
  const common: Options = {
    entities: options.entities,
    extensions: [Migrator, SeedManager],
    // Never the global entity manager: every request works on its own fork.
    allowGlobalContext: false,
    ...(options.contextName ? { contextName: options.contextName } : {}),
    debug: options.debug ?? false,
    logger: (message) => options.logger?.debug({ orm: true }, message),
    migrations: {
      migrationsList: options.migrations[target.driver],
      path: options.migrationsPath ? `${options.migrationsPath}/${target.driver}` : undefined,
      emit: "ts",
      snapshot: false,
      transactional: true,
      allOrNothing: true,
    },
    discovery: { warnWhenNoEntities: true },
  };
  if (target.driver === "postgresql") {
    const url = new URL(target.location);
    return {
      ...common,
      driver: PostgreSqlDriver,
      clientUrl: target.location,
      dbName: url.pathname.replace(/^\//, ""),
      pool: { min: 0, max: 10 },
    };
  }
  if (target.location !== ":memory:") mkdirSync(dirname(target.location), { recursive: true });
  return { ...common, driver: LibSqlDriver, dbName: target.location };
}

/** Connects, creates the database when missing, and applies pending migrations (never schema sync). */
export async function openDatabase(options: OrmOptions): Promise<MikroORM> {
  const orm = await MikroORM.init(ormConfig(options));
  await orm.schema.ensureDatabase();
  await orm.getMigrator().up();
  return orm;
}
