import { LockMode, type EntityManager } from "@mikro-orm/core";
import { PostgreSqlDriver } from "@mikro-orm/postgresql";

/**
 * The lock mode that holds a row for the rest of a transaction (SELECT … FOR UPDATE) on
 * PostgreSQL; undefined on SQLite, which serialises writers and has no row locks. For checks
 * that count rows before adding one (a limit per person), so two requests cannot both pass.
 */
export const rowLockMode = (em: EntityManager): LockMode | undefined => (em.getDriver() instanceof PostgreSqlDriver ? LockMode.PESSIMISTIC_WRITE : undefined);
