/**
 * Cursor paging for lists that grow with a province (queues, records, audit trails): keyset
 * pagination on an ordered, unique key, so page 500 costs what page 1 costs and rows added
 * meanwhile never shift a page. A cursor is opaque to clients (base64url of the key values).
 */
import { defineErrors } from "./errors.js";
import { isUuid } from "./input.js";

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

export const PaginationErrors = defineErrors("pagination", {
  CURSOR_INVALID: { category: "BAD_USER_INPUT", field: "after", message: "分页游标无效，请从第一页重新查询" },
});

/** 1…MAX_PAGE_SIZE whatever was asked (0 or negative → 1). */
export const clampPageSize = (first: number | null | undefined): number => Math.min(Math.max(Math.trunc(first ?? DEFAULT_PAGE_SIZE), 1), MAX_PAGE_SIZE);

export type CursorValue = string | number;

export function encodeCursor(values: readonly CursorValue[]): string {
  return Buffer.from(JSON.stringify(values), "utf8").toString("base64url");
}

/**
 * The key values a cursor carries, checked against the expected kinds (`"string"`, `"number"`,
 * `"date"`, `"uuid"`): a forged cursor is a clear CURSOR_INVALID, never a database error.
 */
export function decodeCursor(cursor: string, kinds: ReadonlyArray<"string" | "number" | "date" | "uuid">): CursorValue[] {
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
  } catch {
    throw PaginationErrors.CURSOR_INVALID();
  }
  if (!Array.isArray(values) || values.length !== kinds.length) throw PaginationErrors.CURSOR_INVALID();
  kinds.forEach((kind, index) => {
    const value = values[index];
    const ok =
      kind === "number"
        ? Number.isFinite(value)
        : typeof value === "string" && (kind === "string" || (kind === "uuid" ? isUuid(value) : !Number.isNaN(Date.parse(value))));
    if (!ok) throw PaginationErrors.CURSOR_INVALID();
  });
  return values as CursorValue[];
}

export interface KeysetField {
  field: string;
  direction: "asc" | "desc";
}

/**
 * The MikroORM `where` for "after this key" on an ordering of fields (the last must be unique):
 * (a > x) OR (a = x AND b > y) … with > or < per direction.
 */
export function keysetAfter(fields: readonly KeysetField[], values: readonly unknown[]): Record<string, unknown> {
  const alternatives: Record<string, unknown>[] = [];
  fields.forEach((key, index) => {
    const clause: Record<string, unknown> = {};
    for (let before = 0; before < index; before += 1) clause[fields[before]!.field] = values[before];
    clause[key.field] = { [key.direction === "asc" ? "$gt" : "$lt"]: values[index] };
    alternatives.push(clause);
  });
  return { $or: alternatives };
}

/** The ordering matching `keysetAfter`. */
export const keysetOrder = (fields: readonly KeysetField[]): Record<string, "asc" | "desc"> =>
  Object.fromEntries(fields.map((key) => [key.field, key.direction]));

/** One page: the rows asked for and the cursor of the next page (null on the last). */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Fetch `size + 1` rows and pass them here: the extra row only says whether there is a next page. */
export function pageFrom<T>(rows: T[], size: number, cursorOf: (row: T) => CursorValue[]): Page<T> {
  const items = rows.slice(0, size);
  const last = items[items.length - 1];
  return { items, nextCursor: rows.length > size && last ? encodeCursor(cursorOf(last)) : null };
}
