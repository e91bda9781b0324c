import DataLoader from "dataloader";
import { isUuid } from "./input.js";
import type { EntityClass, EntityManager, FilterQuery } from "@mikro-orm/core";

interface HasId {
  id: string;
}

/**
 * Per-request DataLoaders, so that N entity references (or N parents asking for their children)
 * cost one SQL query instead of N. Created with the request's forked entity manager and thrown
 * away with the request, so nothing is cached across users.
 */
export class EntityLoaders {
  private readonly byId = new Map<EntityClass<unknown>, DataLoader<string, unknown>>();
  private readonly byParent = new Map<string, DataLoader<string, unknown[]>>();
  private readonly named = new Map<string, DataLoader<string, unknown>>();

  constructor(private readonly em: EntityManager) {}

  /** One entity by primary key, batched with every other `load` of the same entity in this tick. */
  load<T extends HasId>(entity: EntityClass<T>, id: string): Promise<T | null> {
    let loader = this.byId.get(entity as EntityClass<unknown>);
    if (!loader) {
      loader = new DataLoader<string, unknown>(async (ids) => {
        // A malformed id cannot match; asking PostgreSQL would fail the whole batch.
        const valid = ids.filter(isUuid);
        const rows = valid.length ? await this.em.find(entity, { id: { $in: valid } } as unknown as FilterQuery<T>) : [];
        const rowsById = new Map(rows.map((row) => [row.id, row]));
        return ids.map((key) => rowsById.get(key) ?? null);
      });
      this.byId.set(entity as EntityClass<unknown>, loader);
    }
    return loader.load(id) as Promise<T | null>;
  }

  /**
   * The children of many parents in one query: `loadChildren(Notification, "recipientId", userId)`.
   * `extraWhere` narrows every batch the same way (callers with different filters get different loaders).
   */
  loadChildren<T extends object>(
    entity: EntityClass<T>,
    foreignKey: keyof T & string,
    parentId: string,
    options: { where?: FilterQuery<T>; orderBy?: Record<string, "asc" | "desc">; cacheKey?: string } = {},
  ): Promise<T[]> {
    const key = `${entity.name}.${foreignKey}.${options.cacheKey ?? JSON.stringify(options.where ?? {})}`;
    let loader = this.byParent.get(key);
    if (!loader) {
      loader = new DataLoader<string, unknown[]>(async (parentIds) => {
        const valid = parentIds.filter(isUuid);
        const where = { ...(options.where as object), [foreignKey]: { $in: valid } } as FilterQuery<T>;
        const rows = valid.length ? await this.em.find(entity, where, { orderBy: options.orderBy ?? {} } as never) : [];
        const grouped = new Map<string, T[]>(parentIds.map((id) => [id, []]));
        for (const row of rows) grouped.get(String(row[foreignKey]))?.push(row);
        return parentIds.map((id) => grouped.get(id) ?? []);
      });
      this.byParent.set(key, loader);
    }
    return loader.load(parentId) as Promise<T[]>;
  }

  /**
   * A loader of this request with its own batch function, for loads that are more than "by id":
   * e.g. the users the caller may see. `name` must be unique per batch function: the first call
   * with a name decides the function for the rest of the request.
   */
  batch<T>(name: string, load: (ids: readonly string[]) => Promise<Array<T | null>>): DataLoader<string, T | null> {
    let loader = this.named.get(name);
    if (!loader) {
      loader = new DataLoader<string, unknown>((ids) => load(ids));
      this.named.set(name, loader);
    }
    return loader as DataLoader<string, T | null>;
  }
}
