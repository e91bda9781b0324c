/**
 * Keys that protect personal data at rest (ID numbers, mobiles): AES-256-GCM for the values, each
 * stored with the id of the key that encrypted it (so keys can rotate), and a separate HMAC key
 * for lookups (find by ID number without decrypting anything).
 *
 * Configuration (`PERSONAL_DATA_KEYS`, JSON):
 *   { "active": "2026a", "keys": { "2026a": "<32 bytes, base64>", "2025b": "<…>" }, "lookupKey": "<32 bytes, base64>" }
 * `active` encrypts; every listed key decrypts (old keys stay listed until `reencrypt` has run).
 * Development generates one into `<DATA_DIR>/personal-data-keys.json` on first start, like the
 * signing key; production refuses to start without the variable.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from "node:crypto";
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { z } from "zod";
import { ConfigError } from "../config.js";

const KEY_BYTES = 32;
const IV_BYTES = 12;
/** Stored values look like `pd1:<key id>:<iv>:<ciphertext>:<tag>` (base64url parts). */
export const PROTECTED_PREFIX = "pd1:";

const base64Key = z
  .string()
  .refine((value) => Buffer.from(value, "base64").length === KEY_BYTES, `must be ${KEY_BYTES} bytes, base64`);
const keyId = z.string().regex(/^[A-Za-z0-9_-]{1,32}$/, "key ids are 1–32 letters, digits, _ or -");

export const personalDataKeysSchema = z
  .object({ active: keyId, keys: z.record(keyId, base64Key), lookupKey: base64Key })
  .refine((value) => Object.hasOwn(value.keys, value.active), { message: "the active key must be listed in keys", path: ["active"] });

export type PersonalDataKeysConfig = z.infer<typeof personalDataKeysSchema>;

/** A value that cannot be decrypted: a key missing from the ring, or a tampered row. */
export class PersonalDataKeyError extends Error {}

export class PersonalDataKeys {
  readonly activeKeyId: string;
  private readonly keys: Map<string, Buffer>;
  private readonly lookupKey: Buffer;

  constructor(config: PersonalDataKeysConfig) {
    const parsed = personalDataKeysSchema.parse(config);
    this.activeKeyId = parsed.active;
    this.keys = new Map(Object.entries(parsed.keys).map(([id, key]) => [id, Buffer.from(key, "base64")]));
    this.lookupKey = Buffer.from(parsed.lookupKey, "base64");
  }

  /** A fresh random ring (tests, and the development file). */
  static generate(activeKeyId = "dev-1"): PersonalDataKeysConfig {
    return { active: activeKeyId, keys: { [activeKeyId]: randomBytes(KEY_BYTES).toString("base64") }, lookupKey: randomBytes(KEY_BYTES).toString("base64") };
  }

  encrypt(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.keys.get(this.activeKeyId)!, iv);
    // The key id is authenticated too: a value cannot be moved under another key's name.
    cipher.setAAD(Buffer.from(this.activeKeyId));
    const ciphertext = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return [PROTECTED_PREFIX + this.activeKeyId, iv.toString("base64url"), ciphertext.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(":");
  }

  decrypt(stored: string): string {
    if (!stored.startsWith(PROTECTED_PREFIX)) return stored; // written before protection (see reencrypt)
    const [, id, iv, ciphertext, tag] = stored.split(":");
    const key = id ? this.keys.get(id) : undefined;
    if (!key || !iv || ciphertext === undefined || !tag) throw new PersonalDataKeyError(`personal data under unknown key "${id ?? ""}"`);
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
      decipher.setAAD(Buffer.from(id!));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(ciphertext, "base64url")), decipher.final()]).toString("utf8");
    } catch {
      throw new PersonalDataKeyError(`personal data under key "${id}" does not decrypt (tampered or wrong key)`);
    }
  }

  /** The key id a stored value was encrypted with (null: stored before protection). */
  static keyIdOf(stored: string): string | null {
    return stored.startsWith(PROTECTED_PREFIX) ? (stored.slice(PROTECTED_PREFIX.length).split(":")[0] ?? null) : null;
  }

  /**
   * The equality lookup of a value: HMAC-SHA256 under the lookup key, per purpose (an ID number
   * and a mobile that happened to be equal strings would still differ). Hex, 64 characters.
   */
  lookup(purpose: string, value: string): string {
    return createHmac("sha256", this.lookupKey).update(purpose).update("\0").update(value).digest("hex");
  }
}

/**
 * The ring from `PERSONAL_DATA_KEYS`; in development a generated file under the data folder
 * (created once, shared by every subgraph of the deployment); in tests a random ring unless given.
 */
export function loadPersonalDataKeys(options: {
  env: Record<string, string | undefined>;
  nodeEnv: "development" | "test" | "production";
  developmentKeyFile?: string;
}): PersonalDataKeys {
  const raw = options.env.PERSONAL_DATA_KEYS?.trim();
  if (raw) {
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      throw new ConfigError(["PERSONAL_DATA_KEYS: must be JSON {\"active\", \"keys\", \"lookupKey\"}"]);
    }
    const parsed = personalDataKeysSchema.safeParse(json);
    if (!parsed.success) throw new ConfigError(parsed.error.issues.map((issue) => `PERSONAL_DATA_KEYS.${issue.path.join(".")}: ${issue.message}`));
    if (options.nodeEnv === "production" && Object.keys(parsed.data.keys).some((id) => id.startsWith("dev-"))) {
      throw new ConfigError(["PERSONAL_DATA_KEYS: a development key (id dev-…) is refused in production"]);
    }
    return new PersonalDataKeys(parsed.data);
  }
  if (options.nodeEnv === "production") {
    throw new ConfigError(["PERSONAL_DATA_KEYS: required in production (keys that protect ID numbers and mobiles at rest)"]);
  }
  if (!options.developmentKeyFile) return new PersonalDataKeys(PersonalDataKeys.generate());
  const file = options.developmentKeyFile;
  if (!existsSync(file)) {
    mkdirSync(dirname(file), { recursive: true });
    // Written aside, then linked into place: another subgraph process starting at the same moment
    // either wins the link or finds the complete file, never a half-written one.
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
    writeFileSync(temporary, JSON.stringify(PersonalDataKeys.generate(), null, 2), { mode: 0o600 });
    try {
      linkSync(temporary, file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    } finally {
      unlinkSync(temporary);
    }
  }
  return new PersonalDataKeys(personalDataKeysSchema.parse(JSON.parse(readFileSync(file, "utf8"))));
}
