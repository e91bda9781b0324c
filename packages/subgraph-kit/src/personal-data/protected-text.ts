import { Type, type MikroORM, type Platform } from "@mikro-orm/core";
import { PersonalDataKeys } from "./keys.js";

/** The key ring of each ORM (set at boot), found again from the platform a type conversion receives. */
const ringsByConfig = new WeakMap<object, PersonalDataKeys>();

export function registerPersonalDataKeys(orm: MikroORM, keys: PersonalDataKeys): void {
  ringsByConfig.set(orm.config, keys);
}

export function personalDataKeysOf(orm: MikroORM): PersonalDataKeys {
  const keys = ringsByConfig.get(orm.config);
  if (!keys) throw new Error("no personal-data keys registered for this ORM (createSubgraphService registers them)");
  return keys;
}

function ringOf(platform: Platform): PersonalDataKeys {
  const keys = ringsByConfig.get(platform.getConfig());
  if (!keys) throw new Error("personal data read or written without keys: register them on the ORM first");
  return keys;
}

/** The lookup column kept beside a protected one: the entity property and the purpose its HMAC is keyed by. */
export interface ProtectedLookup {
  property: string;
  purpose: string;
}

/**
 * A text column stored encrypted (AES-256-GCM, the key id stored with it). The entity holds the
 * plain value; the database file holds `pd1:<key>:…`. Equality queries cannot work on it (every
 * encryption differs): keep a lookup column beside it, set with `ctx.personalData.lookup(purpose,
 * value)`, and query that. Naming the lookup here lets `reencrypt` recompute it after a key change.
 * Values written before protection are read as they are until `reencrypt` runs (at start, too).
 *
 * `@Property({ type: new ProtectedText({ property: "mobileLookup", purpose: "mobile" }), nullable: true }) mobile`
 */
export class ProtectedText extends Type<string | null | undefined, string | null | undefined> {
  constructor(readonly lookup?: ProtectedLookup) {
    super();
  }

  override convertToDatabaseValue(value: string | null | undefined, platform: Platform): string | null | undefined {
    if (value === null || value === undefined) return value;
    return ringOf(platform).encrypt(value);
  }

  override convertToJSValue(value: string | null | undefined, platform: Platform): string | null | undefined {
    if (value === null || value === undefined) return value;
    return ringOf(platform).decrypt(value);
  }

  override getColumnType(): string {
    return "text";
  }

  /** Compared as plain values, so loading an entity does not mark it changed. */
  override compareAsType(): string {
    return "string";
  }

  /**
   * MikroORM snapshots an entity through `convertToDatabaseValue`, and every encryption differs
   * (fresh IV): compared as stored strings, a value merely loaded would look changed and be
   * rewritten at every flush. Two stored values are the same when they decrypt to the same text.
   */
  override compareValues(a: string | null | undefined, b: string | null | undefined): boolean {
    if (a === b) return true;
    if (a === null || a === undefined || b === null || b === undefined) return false;
    const ring = ringOf(this.platform!);
    return ring.decrypt(a) === ring.decrypt(b);
  }

  override ensureComparable(): boolean {
    return false;
  }
}
