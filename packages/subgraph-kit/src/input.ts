import { UniqueConstraintViolationException, type EntityManager } from "@mikro-orm/core";
import { defineErrors, type DomainError } from "./errors.js";

/**
 * Small guards every service uses on user input, so that the same mistake gets the same code
 * and message everywhere, on both database drivers.
 */

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (value: string): boolean => UUID.test(value);

/**
 * Ids are UUIDs. PostgreSQL would reject a malformed one with a driver error (a 500) where
 * SQLite would quietly find nothing, so ids are checked before any query.
 */
export const InputErrors = defineErrors("input", {
  INVALID_ID: { category: "BAD_USER_INPUT", message: (field: string) => `${field} 不是有效的编号` },
});

export function requireId(value: string, field: string): string {
  if (!isUuid(value)) throw InputErrors.INVALID_ID(field, { field });
  return value.toLowerCase();
}

/** Length as a person counts it: in characters (code points), not UTF-16 units, so 𠀀 or 😀 count once. */
export const textLength = (value: string): number => [...value].length;

/**
 * Flushes, turning a unique-constraint violation into the caller's domain error. The service
 * checks first for a clear message; this covers two requests racing past that check.
 */
export async function flushUnique(em: EntityManager, onConflict: () => DomainError): Promise<void> {
  try {
    await em.flush();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw onConflict();
    throw error;
  }
}
