import "reflect-metadata";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { Entity, PrimaryKey, Property } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { Arg, Ctx, ID, Query, Resolver } from "type-graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessRule,
  AuditEntry,
  ConfigError,
  loadPersonalDataKeys,
  PersonalDataKeys,
  ProtectedText,
  publicAccess,
  reencryptPersonalData,
  requiresRole,
  revealPersonalData,
  Role,
  Rule,
  signedIn,
  type RequestContext,
  type PersonalDataKeysConfig,
  type SubgraphDefinition,
} from "../src/index.js";
import { createTestTokens, schemaFromEntities, scratchDatabase, startTestSubgraph, testDrivers, type TestCaller, type TestSubgraph, type TestTokens } from "../src/testing/index.js";

/** A person with an ID number and a mobile stored encrypted, each beside the lookup that finds it. */
@Entity({ tableName: "pd_person" })
class Person {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "string", length: 40 })
  name!: string;

  @Property({ type: "string", length: 400 })
  organizationPath!: string;

  @Property({ type: new ProtectedText({ property: "idNumberLookup", purpose: "idNumber" }) })
  idNumber!: string;

  @Property({ type: "string", length: 64 })
  idNumberLookup!: string;

  @Property({ type: new ProtectedText({ property: "mobileLookup", purpose: "mobile" }), nullable: true })
  mobile: string | null = null;

  @Property({ type: "string", length: 64, nullable: true })
  mobileLookup: string | null = null;
}

/** Who reads an ID number in full: the county agency (collection) and the province institute. */
const REVEAL_ID_NUMBER = accessRule("REVEAL_ID_NUMBER", { roles: [Role.COUNTY_AGENCY, Role.PROVINCE_INSTITUTE] });

@Resolver()
class PersonResolver {
  @Query(() => String, { nullable: true })
  @Rule(publicAccess("测试：无个人信息"))
  personalDataTest(): string {
    return "ok";
  }

  @Query(() => String, { nullable: true, description: "the ID number as everyone sees it" })
  @Rule(signedIn("测试"))
  async maskedIdNumber(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<string> {
    const person = await ctx.em.findOneOrFail(Person, { id });
    return ctx.personalData.mask("idNumber", person.idNumber);
  }

  @Query(() => String, { nullable: true, description: "the ID number in full, audited" })
  @Rule(requiresRole(REVEAL_ID_NUMBER))
  async revealIdNumber(@Arg("id", () => ID) id: string, @Ctx() ctx: RequestContext): Promise<string> {
    const person = await ctx.em.findOneOrFail(Person, { id });
    return revealPersonalData(ctx, {
      kind: "idNumber",
      value: person.idNumber,
      rule: REVEAL_ID_NUMBER,
      scope: { organizationPath: person.organizationPath.split("/") },
      subject: { type: "Person", id: person.id },
    });
  }
}

const personSubgraph = (tokens: TestTokens): SubgraphDefinition => ({
  name: "kitpd",
  defaultPort: 0,
  resolvers: [PersonResolver],
  entities: [Person],
  migrations: schemaFromEntities(),
  setup: async () => ({ tokenKeys: tokens.tokenKeys }),
});

const ID_NUMBER = "150102200001011012";
const OTHER_ID_NUMBER = "150102199912310015";
const LEGACY_ID_NUMBER = "110101200203040021";
const MOBILE = "13812345678";

const randomKey = () => randomBytes(32).toString("base64");
const ring = (active: string, keys: Record<string, string>, lookupKey: string): PersonalDataKeysConfig => ({ active, keys, lookupKey });

const drivers = await testDrivers();

describe.each(drivers)("protected personal data on %s", (driver) => {
  const lookupKey = randomKey();
  const key2025 = randomKey();
  const ring2025 = ring("k2025", { k2025: key2025 }, lookupKey);
  const ring2026 = ring("k2026", { k2025: key2025, k2026: randomKey() }, lookupKey);

  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let subgraph: TestSubgraph;
  let tokens: TestTokens;
  const start = async (config: PersonalDataKeysConfig) => {
    await subgraph?.stop();
    subgraph = await startTestSubgraph(personSubgraph(tokens), driver, { target: scratch.target, env: { PERSONAL_DATA_KEYS: JSON.stringify(config) } });
  };
  const em = () => subgraph.service.orm.em.fork() as SqlEntityManager;
  const lookup = (purpose: string, value: string) => subgraph.service.systemContext().personalData.lookup(purpose, value);
  /** The row as the database holds it (no ORM conversion). */
  const stored = async (id: string) =>
    ((await em().getKnex()("pd_person").where({ id }).first()) as { id_number: string; id_number_lookup: string; mobile: string | null; mobile_lookup: string | null });
  const add = async (name: string, idNumber: string, mobile: string | null = null) => {
    const ctx = subgraph.service.systemContext();
    const person = ctx.em.create(Person, {
      name,
      organizationPath: "im/im-l1/im-c1",
      idNumber,
      idNumberLookup: ctx.personalData.lookup("idNumber", idNumber),
      mobile,
      mobileLookup: mobile ? ctx.personalData.lookup("mobile", mobile) : null,
    });
    await ctx.em.flush();
    return person.id;
  };
  const findByIdNumber = (idNumber: string) => em().findOne(Person, { idNumberLookup: lookup("idNumber", idNumber) });

  let first: string;

  beforeAll(async () => {
    scratch = await scratchDatabase(driver, "kit_personal_data");
    tokens = await createTestTokens();
    await start(ring2025);
    first = await add("张三", ID_NUMBER, MOBILE);
  });
  afterAll(async () => {
    await subgraph?.stop();
    await scratch?.drop();
  });

  it("stores the value encrypted under the active key, unreadable in the column", async () => {
    const row = await stored(first);
    expect(row.id_number.startsWith("pd1:k2025:")).toBe(true);
    expect(row.mobile?.startsWith("pd1:k2025:")).toBe(true);
    expect(row.id_number).not.toContain(ID_NUMBER);
    expect(row.id_number).not.toContain(ID_NUMBER.slice(-6));
    // The lookup is an HMAC, not the value: 64 hex characters, different per purpose.
    expect(row.id_number_lookup).toMatch(/^[0-9a-f]{64}$/);
    expect(row.id_number_lookup).not.toBe(lookup("mobile", ID_NUMBER));
    // Two encryptions of one value differ (fresh IV): equality can only go through the lookup.
    const second = await add("张三（重名）", ID_NUMBER);
    expect((await stored(second)).id_number).not.toBe(row.id_number);
    await em().nativeDelete(Person, { id: second });
  });

  it.runIf(driver === "libsql")("leaves no ID number or mobile in the database file's bytes", async () => {
    const location = subgraph.target.location;
    const files = readdirSync(dirname(location)).filter((name) => name.startsWith(basename(location)));
    expect(files).toContain(basename(location));
    for (const file of files) {
      const bytes = readFileSync(join(dirname(location), file));
      expect(bytes.includes(Buffer.from(ID_NUMBER)), file).toBe(false);
      expect(bytes.includes(Buffer.from(MOBILE)), file).toBe(false);
    }
    // …while the name, stored in the clear, is there: the check does look at the data.
    const all = Buffer.concat(files.map((file) => readFileSync(join(dirname(location), file))));
    expect(all.includes(Buffer.from("张三"))).toBe(true);
  });

  it("finds the person by the lookup, and decrypts the value on load", async () => {
    const person = await findByIdNumber(ID_NUMBER);
    expect(person).toMatchObject({ id: first, name: "张三", idNumber: ID_NUMBER, mobile: MOBILE });
    expect(await findByIdNumber(OTHER_ID_NUMBER)).toBeNull();
    expect(subgraph.service.systemContext().personalData.mask("idNumber", person!.idNumber)).toBe("1501**********1012");
    expect(subgraph.service.systemContext().personalData.mask("mobile", person!.mobile!)).toBe("138****5678");
  });

  it("shows the ID number masked, and in full only to a role that needs it inside its scope, auditing each full read", async () => {
    const county: TestCaller = { sub: randomUUID(), roles: [{ role: Role.COUNTY_AGENCY, path: ["im", "im-l1", "im-c1"], pc: "15" }] };
    const otherCounty: TestCaller = { sub: randomUUID(), roles: [{ role: Role.COUNTY_AGENCY, path: ["im", "im-l1", "im-c2"], pc: "15" }] };
    const teacher: TestCaller = { sub: randomUUID(), roles: [{ role: Role.CLASS_TEACHER, path: ["im", "im-l1", "im-c1", "im-s1", "im-k1"], pc: "15" }] };
    const reads = () => em().find(AuditEntry, { action: "personal-data.read", subjectId: first }, { orderBy: { seq: "asc" } });
    const ask = async (query: string, caller: TestCaller) => subgraph.graphql<Record<string, string | null>>(query, { id: first }, await tokens.headers(caller));

    expect((await ask(`query($id: ID!) { maskedIdNumber(id: $id) }`, teacher)).data).toEqual({ maskedIdNumber: "1501**********1012" });
    expect(await reads()).toEqual([]);

    expect((await ask(`query($id: ID!) { revealIdNumber(id: $id) }`, county)).data).toEqual({ revealIdNumber: ID_NUMBER });
    const entries = await reads();
    expect(entries.map((entry) => [entry.actorId, entry.actorRole, entry.subjectType, entry.after])).toEqual([[county.sub, "COUNTY_AGENCY", "Person", JSON.stringify({ field: "idNumber" })]]);

    for (const [caller, message] of [
      [otherCounty, "无权访问该数据：超出您的管理范围"],
      [teacher, "您的角色无权执行此操作"],
    ] as const) {
      const refused = await ask(`query($id: ID!) { revealIdNumber(id: $id) }`, caller);
      expect(refused.data).toEqual({ revealIdNumber: null });
      expect(refused.errors?.[0]).toMatchObject({ message, extensions: { code: "FORBIDDEN" } });
      expect(JSON.stringify(refused)).not.toContain(ID_NUMBER);
    }
    expect(await reads()).toHaveLength(1);
  });

  it("does not rewrite a value merely loaded (no update on flush)", async () => {
    const before = await stored(first);
    const fork = em();
    const person = await fork.findOneOrFail(Person, { id: first });
    expect(person.idNumber).toBe(ID_NUMBER);
    await fork.flush();
    expect(await stored(first)).toEqual(before);
  });

  it("writes a changed value (and only that one) when the entity changes", async () => {
    const id = await add("钱七", OTHER_ID_NUMBER, "13700002222");
    const before = await stored(id);
    const fork = em();
    const person = await fork.findOneOrFail(Person, { id });
    person.name = "钱七七";
    await fork.flush();
    expect(await stored(id)).toMatchObject({ id_number: before.id_number, mobile: before.mobile });

    person.mobile = "13700003333";
    person.mobileLookup = lookup("mobile", "13700003333");
    await fork.flush();
    const after = await stored(id);
    expect(after.id_number).toBe(before.id_number);
    expect(after.mobile).not.toBe(before.mobile);
    expect(after.mobile?.startsWith("pd1:k2025:")).toBe(true);
    expect((await em().findOneOrFail(Person, { mobileLookup: lookup("mobile", "13700003333") })).mobile).toBe("13700003333");

    person.mobile = null;
    person.mobileLookup = null;
    await fork.flush();
    expect((await stored(id)).mobile).toBeNull();
    await em().nativeDelete(Person, { id });
  });

  it("fails loudly on a tampered value or one under a key it does not hold", async () => {
    const victim = await add("李四", OTHER_ID_NUMBER);
    const original = (await stored(victim)).id_number;
    const parts = original.split(":");
    // One character of the ciphertext changed.
    parts[3] = (parts[3]!.startsWith("A") ? "B" : "A") + parts[3]!.slice(1);
    await em().getKnex()("pd_person").where({ id: victim }).update({ id_number: parts.join(":") });
    await expect(em().findOne(Person, { id: victim })).rejects.toThrow(/does not decrypt \(tampered or wrong key\)/);

    await em().getKnex()("pd_person").where({ id: victim }).update({ id_number: original.replace("pd1:k2025:", "pd1:k1999:") });
    await expect(em().findOne(Person, { id: victim })).rejects.toThrow(/unknown key "k1999"/);
    // A key id moved onto another key's ciphertext does not decrypt either (the id is authenticated).
    await expect(reencryptPersonalData(subgraph.service.orm)).rejects.toThrow(/unknown key "k1999"/);

    await em().nativeDelete(Person, { id: victim });
  });

  it("encrypts rows written before protection (plainOnly), recomputing their lookup and leaving encrypted rows alone", async () => {
    const legacy = randomUUID();
    await em().getKnex()("pd_person").insert({ id: legacy, name: "王五", organization_path: "im/im-l1/im-c1", id_number: LEGACY_ID_NUMBER, id_number_lookup: "", mobile: null, mobile_lookup: null });
    // Read as it is until then.
    expect((await em().findOneOrFail(Person, { id: legacy })).idNumber).toBe(LEGACY_ID_NUMBER);
    const untouched = await stored(first);

    const report = await reencryptPersonalData(subgraph.service.orm, { plainOnly: true });
    expect(report.rewritten).toEqual({ "pd_person.id_number": 1, "pd_person.mobile": 0 });
    const row = await stored(legacy);
    expect(row.id_number.startsWith("pd1:k2025:")).toBe(true);
    expect(row.id_number_lookup).toBe(lookup("idNumber", LEGACY_ID_NUMBER));
    expect((await findByIdNumber(LEGACY_ID_NUMBER))?.id).toBe(legacy);
    expect(await stored(first)).toEqual(untouched);

    expect((await reencryptPersonalData(subgraph.service.orm, { plainOnly: true })).rewritten).toEqual({ "pd_person.id_number": 0, "pd_person.mobile": 0 });
  });

  describe("after a key rotation", () => {
    let newer: string;

    beforeAll(async () => {
      await start(ring2026);
      newer = await add("赵六", OTHER_ID_NUMBER, "13900001111");
    });

    it("still reads values written under the old key, and writes new ones under the new key", async () => {
      expect((await stored(first)).id_number.startsWith("pd1:k2025:")).toBe(true);
      expect(await findByIdNumber(ID_NUMBER)).toMatchObject({ id: first, idNumber: ID_NUMBER, mobile: MOBILE });
      expect((await stored(newer)).id_number.startsWith("pd1:k2026:")).toBe(true);
    });

    it("moves every old value to the new key with reencryptPersonalData, keeping the lookups working", async () => {
      const newerBefore = await stored(newer);
      const report = await reencryptPersonalData(subgraph.service.orm, { batchSize: 1 });
      // The two rows under k2025 (张三 and the legacy row), and 张三's mobile.
      expect(report.rewritten).toEqual({ "pd_person.id_number": 2, "pd_person.mobile": 1 });
      const rows = await em().getKnex()("pd_person").select("id_number", "mobile");
      for (const row of rows as Array<{ id_number: string; mobile: string | null }>) {
        expect(PersonalDataKeys.keyIdOf(row.id_number)).toBe("k2026");
        if (row.mobile !== null) expect(PersonalDataKeys.keyIdOf(row.mobile)).toBe("k2026");
      }
      expect(await stored(newer)).toEqual(newerBefore);
      expect(await findByIdNumber(ID_NUMBER)).toMatchObject({ id: first, idNumber: ID_NUMBER, mobile: MOBILE });
      expect((await findByIdNumber(LEGACY_ID_NUMBER))?.id).toBeDefined();
      expect((await em().findOneOrFail(Person, { mobileLookup: lookup("mobile", MOBILE) })).id).toBe(first);

      // Nothing left to move.
      expect((await reencryptPersonalData(subgraph.service.orm)).rewritten).toEqual({ "pd_person.id_number": 0, "pd_person.mobile": 0 });
    });

    it("no longer needs the old key once everything moved", async () => {
      await start(ring("k2026", { k2026: ring2026.keys.k2026! }, lookupKey));
      expect(await findByIdNumber(ID_NUMBER)).toMatchObject({ id: first, idNumber: ID_NUMBER });
    });
  });
});

describe("loadPersonalDataKeys", () => {
  const configErrorOf = (load: () => unknown): ConfigError => {
    try {
      load();
    } catch (error) {
      if (error instanceof ConfigError) return error;
      throw error;
    }
    throw new Error("expected a ConfigError");
  };

  it("refuses to start in production without PERSONAL_DATA_KEYS, naming it", () => {
    const error = configErrorOf(() => loadPersonalDataKeys({ env: {}, nodeEnv: "production", developmentKeyFile: join(tmpdir(), "never-written.json") }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatch(/^PERSONAL_DATA_KEYS: required in production/);
    expect(configErrorOf(() => loadPersonalDataKeys({ env: { PERSONAL_DATA_KEYS: "  " }, nodeEnv: "production" })).issues[0]).toMatch(/^PERSONAL_DATA_KEYS/);
  });

  it("refuses a development key (dev-…) in production, even beside a real one", () => {
    const keys = JSON.stringify(ring("prod-1", { "prod-1": randomKey(), "dev-1": randomKey() }, randomKey()));
    expect(configErrorOf(() => loadPersonalDataKeys({ env: { PERSONAL_DATA_KEYS: keys }, nodeEnv: "production" })).issues).toEqual([
      "PERSONAL_DATA_KEYS: a development key (id dev-…) is refused in production",
    ]);
    const production = loadPersonalDataKeys({ env: { PERSONAL_DATA_KEYS: JSON.stringify(ring("prod-1", { "prod-1": randomKey() }, randomKey())) }, nodeEnv: "production" });
    expect(production.activeKeyId).toBe("prod-1");
  });

  it("names what is wrong in a malformed PERSONAL_DATA_KEYS", () => {
    expect(configErrorOf(() => loadPersonalDataKeys({ env: { PERSONAL_DATA_KEYS: "{not json" }, nodeEnv: "test" })).issues[0]).toMatch(/^PERSONAL_DATA_KEYS: must be JSON/);
    const short = JSON.stringify(ring("k1", { k1: Buffer.alloc(16).toString("base64") }, randomKey()));
    expect(configErrorOf(() => loadPersonalDataKeys({ env: { PERSONAL_DATA_KEYS: short }, nodeEnv: "test" })).issues).toEqual(["PERSONAL_DATA_KEYS.keys.k1: must be 32 bytes, base64"]);
    const unlisted = JSON.stringify(ring("k2", { k1: randomKey() }, randomKey()));
    expect(configErrorOf(() => loadPersonalDataKeys({ env: { PERSONAL_DATA_KEYS: unlisted }, nodeEnv: "test" })).issues).toEqual([
      "PERSONAL_DATA_KEYS.active: the active key must be listed in keys",
    ]);
  });

  describe("in development", () => {
    let dir: string;
    beforeAll(() => {
      dir = mkdtempSync(join(tmpdir(), "xuekao-pd-keys-"));
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    it("generates <dir>/personal-data-keys.json once and reuses it", () => {
      const file = join(dir, "nested", "personal-data-keys.json");
      const first = loadPersonalDataKeys({ env: {}, nodeEnv: "development", developmentKeyFile: file });
      const written = readFileSync(file, "utf8");
      expect(statSync(file).mode & 0o777).toBe(0o600);
      const second = loadPersonalDataKeys({ env: {}, nodeEnv: "development", developmentKeyFile: file });
      expect(readFileSync(file, "utf8")).toBe(written);
      expect(readdirSync(dirname(file))).toEqual(["personal-data-keys.json"]);

      // Same keys: what one encrypts the other decrypts, and lookups agree.
      expect(second.activeKeyId).toBe(first.activeKeyId);
      expect(second.decrypt(first.encrypt(ID_NUMBER))).toBe(ID_NUMBER);
      expect(second.lookup("idNumber", ID_NUMBER)).toBe(first.lookup("idNumber", ID_NUMBER));
      expect(JSON.parse(written)).toMatchObject({ active: first.activeKeyId, lookupKey: expect.any(String) });
    });

    it("uses PERSONAL_DATA_KEYS when it is set, and writes no file", () => {
      const file = join(dir, "unused", "personal-data-keys.json");
      const keys = loadPersonalDataKeys({ env: { PERSONAL_DATA_KEYS: JSON.stringify(ring("k9", { k9: randomKey() }, randomKey())) }, nodeEnv: "development", developmentKeyFile: file });
      expect(keys.activeKeyId).toBe("k9");
      expect(() => statSync(file)).toThrow();
    });
  });
});
