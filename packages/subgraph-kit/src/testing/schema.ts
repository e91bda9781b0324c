import { SqlSchemaGenerator } from "@mikro-orm/knex";
import { Migration } from "@mikro-orm/migrations";
import type { MigrationSets } from "../database.js";

/** The statements of a generated schema, one by one (libsql runs one statement per call). */
export function splitSqlStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((statement) => statement.trim().replace(/;$/, ""))
    .filter((statement) => statement.length > 0 && !/^(--[^\n]*\n?)+$/.test(statement));
}

/**
 * A test subgraph's only migration: the schema its entities (and the kit's) describe, generated
 * on the spot. Real subgraphs commit their migrations; a definition that lives in a test file has
 * none to commit, and still opens its database the way a subgraph does (migrations, never sync).
 */
class CreateSchemaFromEntities extends Migration {
  override async up(): Promise<void> {
    const generator = new SqlSchemaGenerator(this.getEntityManager());
    const sql = await generator.getCreateSchemaSQL({ wrap: false });
    for (const statement of splitSqlStatements(sql)) this.addSql(statement);
  }
}

export const schemaFromEntities = (): MigrationSets => ({
  libsql: [{ name: "CreateSchemaFromEntities", class: CreateSchemaFromEntities }],
  postgresql: [{ name: "CreateSchemaFromEntities", class: CreateSchemaFromEntities }],
});
