import type { MikroORM } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { PersonalDataKeys, PROTECTED_PREFIX } from "./keys.js";
import { personalDataKeysOf, ProtectedText } from "./protected-text.js";

export interface ReencryptReport {
  /** `<table>.<column>` → rows rewritten. */
  rewritten: Record<string, number>;
}

/**
 * Brings every protected column under the active key: rows encrypted with an older key, and rows
 * stored before protection (plain text), are decrypted and written again, with their lookup
 * recomputed. `all` rewrites every row (after the lookup key changed). Runs a batch at a time; safe
 * to stop and run again. At start the kit runs it for plain-text rows only.
 */
export async function reencryptPersonalData(
  orm: MikroORM,
  options: { all?: boolean; plainOnly?: boolean; batchSize?: number; onProgress?: (column: string, done: number) => void } = {},
): Promise<ReencryptReport> {
  const keys = personalDataKeysOf(orm);
  const batchSize = options.batchSize ?? 500;
  const rewritten: Record<string, number> = {};
  for (const meta of Object.values(orm.getMetadata().getAll())) {
    if (meta.embeddable || meta.virtual || !meta.class) continue;
    for (const property of meta.props) {
      if (!(property.customType instanceof ProtectedText)) continue;
      const column = property.fieldNames[0]!;
      const lookup = property.customType.lookup;
      const label = `${meta.tableName}.${column}`;
      const primaryKey = meta.primaryKeys[0]!;
      const primaryColumn = meta.properties[primaryKey]!.fieldNames[0]!;
      let done = 0;
      let afterId: string | null = null;
      for (;;) {
        const em = orm.em.fork() as SqlEntityManager;
        let query = em.getKnex()(meta.tableName).select(primaryColumn, column).whereNotNull(column).orderBy(primaryColumn).limit(batchSize);
        if (afterId !== null) query = query.where(primaryColumn, ">", afterId);
        if (options.plainOnly) query = query.whereNot(column, "like", `${PROTECTED_PREFIX}%`);
        const rows = (await query) as Array<Record<string, string>>;
        if (rows.length === 0) break;
        for (const row of rows) {
          const stored = row[column]!;
          if (!options.all && PersonalDataKeys.keyIdOf(stored) === keys.activeKeyId) continue;
          const plain = keys.decrypt(stored);
          const values: Record<string, string> = { [property.name]: plain };
          if (lookup) values[lookup.property] = keys.lookup(lookup.purpose, plain);
          // nativeUpdate converts through ProtectedText: the value is encrypted under the active key.
          await em.nativeUpdate(meta.class, { [primaryKey]: row[primaryColumn] } as never, values as never);
          done += 1;
        }
        afterId = rows[rows.length - 1]![primaryColumn]!;
        options.onProgress?.(label, done);
      }
      rewritten[label] = done;
    }
  }
  return { rewritten };
}
