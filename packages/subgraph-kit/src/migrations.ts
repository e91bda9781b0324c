import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MikroORM } from "@mikro-orm/core";
import { knex } from "@mikro-orm/knex";
import { ormConfig, type DatabaseDriver, type DatabaseTarget } from "./database.js";
import type { AnySubgraphDefinition } from "./subgraph.js";
import { subgraphEntities, writeMigrationIndex } from "./subgraph.js";

export const DEFAULT_PG_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** A throw-away database of the given driver; `drop()` removes it. */
export async function scratchDatabase(
  driver: DatabaseDriver,
  label: string,
  pgUrl = process.env.PG_URL ?? DEFAULT_PG_URL,
): Promise<{ target: DatabaseTarget; drop: () => Promise<void> }> {
  const suffix = `${process.pid}_${randomBytes(4).toString("hex")}`;
  if (driver === "libsql") {
    const dir = mkdtempSync(join(tmpdir(), `xuekao-${label}-`));
    return {
      target: { driver, location: join(dir, `${label}.db`) },
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  }
  const url = new URL(pgUrl);
  url.pathname = `/xuekao_${label.replace(/\W/g, "_")}_${suffix}`;
  const target: DatabaseTarget = { driver, location: url.toString() };
  return {
    target,
    drop: () => dropPostgresDatabase(pgUrl, url.pathname.slice(1)),
  };
}

/** Drops a PostgreSQL database (closing its connections), connecting through the server URL `pgUrl`. */
export async function dropPostgresDatabase(pgUrl: string, name: string): Promise<void> {
  const admin = knex({ client: "pg", connection: pgUrl });
  try {
    await admin.raw(`drop database if exists "${name.replace(/"/g, "")}" with (force)`);
  } finally {
    await admin.destroy();
  }
}

/**
 * Writes a new migration for each driver from the difference between the entities and the
 * database that the existing migrations produce. Needs PostgreSQL (PG_URL) for the PostgreSQL set.
 */
export async function createMigrations(definition: AnySubgraphDefinition, migrationsDir: string): Promise<string[]> {
  const written: string[] = [];
  for (const driver of ["libsql", "postgresql"] as const) {
    const scratch = await scratchDatabase(driver, `migrate_${definition.name}`);
    const orm = await MikroORM.init(
      ormConfig({ target: scratch.target, entities: subgraphEntities(definition), migrations: definition.migrations, migrationsPath: migrationsDir }),
    );
    try {
      await orm.schema.ensureDatabase();
      await orm.getMigrator().up();
      const result = await orm.getMigrator().createMigration();
      if (result.fileName) {
        writeMigrationIndex(join(migrationsDir, driver));
        written.push(`${driver}/${result.fileName}`);
      }
    } finally {
      await orm.close();
      await scratch.drop();
    }
  }
  return written;
}

/** True when the entities need a migration the committed set does not have (the test fails on it). */
export async function migrationNeeded(definition: AnySubgraphDefinition, target: DatabaseTarget): Promise<boolean> {
  const orm = await MikroORM.init(ormConfig({ target, entities: subgraphEntities(definition), migrations: definition.migrations }));
  try {
    await orm.schema.ensureDatabase();
    await orm.getMigrator().up();
    return await orm.getMigrator().checkMigrationNeeded();
  } finally {
    await orm.close();
  }
}
