import { Migration } from "@mikro-orm/migrations";
import { describe, expect, it } from "vitest";
import { databaseName, ormConfig, parseDatabaseUrl, resolveDatabaseTarget, type MigrationSets } from "./database.js";

describe("parseDatabaseUrl", () => {
  it.each([
    ["postgres://postgres@127.0.0.1:5432/xuekao_identity", "postgresql", "postgres://postgres@127.0.0.1:5432/xuekao_identity"],
    ["postgresql://u:p%40ss@db:5433/xk?sslmode=require", "postgresql", "postgresql://u:p%40ss@db:5433/xk?sslmode=require"],
    ["file:/var/lib/xuekao/identity.db", "libsql", "/var/lib/xuekao/identity.db"],
    ["file:relative/identity.db", "libsql", "relative/identity.db"],
    [":memory:", "libsql", ":memory:"],
  ])("reads %s as %s at %s", (raw, driver, location) => {
    expect(parseDatabaseUrl(raw)).toEqual({ driver, location });
  });

  it.each(["mysql://h:3306/xk", "/var/lib/xuekao/identity.db", "libsql://h/xk", "", "POSTGRES", "http://h:5432/xk"])(
    "refuses %j, saying which URLs are supported",
    (raw) => {
      expect(() => parseDatabaseUrl(raw)).toThrow(/^Unsupported database URL ".*": use postgres:\/\/… or file:/);
    },
  );
});

describe("resolveDatabaseTarget", () => {
  const dataDir = "/srv/xuekao/.data";

  it("prefers the subgraph's own URL over the shared one", () => {
    expect(
      resolveDatabaseTarget("registry", { ownUrl: "postgres://a:5432/mine", sharedUrl: "postgres://b:5432/xk", dataDir }),
    ).toEqual({ driver: "postgresql", location: "postgres://a:5432/mine" });
    expect(resolveDatabaseTarget("registry", { ownUrl: "file:/tmp/registry.db", sharedUrl: "postgres://b:5432/xk", dataDir })).toEqual({
      driver: "libsql",
      location: "/tmp/registry.db",
    });
  });

  it("derives <prefix>_<subgraph> on a shared PostgreSQL server, keeping credentials and options", () => {
    expect(resolveDatabaseTarget("registry", { sharedUrl: "postgres://h:5432/xk", dataDir })).toEqual({
      driver: "postgresql",
      location: "postgres://h:5432/xk_registry",
    });
    expect(
      resolveDatabaseTarget("certification", { sharedUrl: "postgresql://u:p%40ss@db.internal:6543/prod?sslmode=require", dataDir }),
    ).toEqual({ driver: "postgresql", location: "postgresql://u:p%40ss@db.internal:6543/prod_certification?sslmode=require" });
  });

  it.each(["postgres://h:5432", "postgres://h:5432/"])("uses the xuekao_ prefix when %s names no database", (sharedUrl) => {
    expect(resolveDatabaseTarget("notification", { sharedUrl, dataDir })).toEqual({
      driver: "postgresql",
      location: "postgres://h:5432/xuekao_notification",
    });
  });

  it("gives every subgraph a different database on the same shared server", () => {
    const names = ["identity", "registry", "certification", "notification"].map((subgraph) =>
      databaseName(resolveDatabaseTarget(subgraph, { sharedUrl: "postgres://h:5432/xk", dataDir })),
    );
    expect(names).toEqual(["xk_identity", "xk_registry", "xk_certification", "xk_notification"]);
  });

  it("falls back to <dataDir>/<subgraph>.db, also for empty URLs", () => {
    expect(resolveDatabaseTarget("identity", { dataDir })).toEqual({ driver: "libsql", location: "/srv/xuekao/.data/identity.db" });
    expect(resolveDatabaseTarget("identity", { ownUrl: "", sharedUrl: "", dataDir })).toEqual({
      driver: "libsql",
      location: "/srv/xuekao/.data/identity.db",
    });
  });

  it("refuses an unsupported URL", () => {
    expect(() => resolveDatabaseTarget("identity", { ownUrl: "mysql://h/xk", dataDir })).toThrow(/Unsupported database URL "mysql:\/\/h\/xk"/);
    expect(() => resolveDatabaseTarget("identity", { sharedUrl: "sqlite:x.db", dataDir })).toThrow(/Unsupported database URL/);
  });
});

describe("databaseName", () => {
  it("is the path of a PostgreSQL URL and the file of a libsql target", () => {
    expect(databaseName({ driver: "postgresql", location: "postgres://u@h:5432/xk_registry?sslmode=require" })).toBe("xk_registry");
    expect(databaseName({ driver: "libsql", location: "/tmp/registry.db" })).toBe("/tmp/registry.db");
  });
});

describe("ormConfig", () => {
  class Noop extends Migration {
    override async up(): Promise<void> {}
  }
  const migrations: MigrationSets = { libsql: [{ name: "L1", class: Noop }], postgresql: [{ name: "P1", class: Noop }] };

  it("connects PostgreSQL to the database named in the URL, with that driver's migrations, never the global context", () => {
    const options = ormConfig({ target: { driver: "postgresql", location: "postgres://u@h:5432/xk_registry" }, entities: [], migrations });
    expect(options).toMatchObject({ clientUrl: "postgres://u@h:5432/xk_registry", dbName: "xk_registry", allowGlobalContext: false });
    expect(options.migrations?.migrationsList?.map((migration) => migration.name)).toEqual(["P1"]);
    expect(options.migrations).toMatchObject({ transactional: true, allOrNothing: true });
  });

  it("opens libsql at the target location with the libsql migrations", () => {
    const options = ormConfig({ target: { driver: "libsql", location: ":memory:" }, entities: [], migrations, migrationsPath: "/src/migrations" });
    expect(options.dbName).toBe(":memory:");
    expect(options.migrations?.migrationsList?.map((migration) => migration.name)).toEqual(["L1"]);
    expect(options.migrations?.path).toBe("/src/migrations/libsql");
  });
});
