import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { Entity, PrimaryKey, Property } from "@mikro-orm/core";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { Arg, Ctx, Field, ID, InputType, Mutation, ObjectType, Resolver } from "type-graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AuditChainHead,
  AuditEntry,
  GENESIS_HASH,
  PATH_SEPARATOR,
  Role,
  Rule,
  signedIn,
  verifyAuditChain,
  type RequestContext,
  type SubgraphDefinition,
} from "../src/index.js";
import { createTestTokens, schemaFromEntities, startTestSubgraph, testDrivers, type TestCaller, type TestSubgraph, type TestTokens } from "../src/testing/index.js";

/**
 * The audit chain through a subgraph that records entries the way services do (`ctx.audit.record`
 * inside `ctx.transaction`), over real HTTP with verified tokens, on each driver.
 */
@ObjectType("AuditedNote")
@Entity({ tableName: "audited_note" })
class AuditedNote {
  @Field(() => ID)
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "string", length: 400 })
  organizationPath!: string;

  @Field(() => String)
  @Property({ type: "string", length: 100 })
  title!: string;
}

@InputType("NoteInput")
class NoteInput {
  @Field(() => ID, { nullable: true, description: "an existing note to change; none: a new one" })
  id?: string | null;

  @Field(() => [String])
  organizationPath!: string[];

  @Field(() => String)
  title!: string;

  @Field(() => String, { nullable: true })
  idNumber?: string | null;

  @Field(() => String, { nullable: true })
  mobile?: string | null;

  @Field(() => String, { nullable: true })
  password?: string | null;

  @Field(() => Boolean, { nullable: true, description: "throw after recording, before commit" })
  fail?: boolean | null;
}

@Resolver()
class AuditedNoteResolver {
  @Mutation(() => AuditedNote)
  @Rule(signedIn("测试：任何登录用户都可写便签"))
  writeNote(@Arg("input", () => NoteInput) input: NoteInput, @Ctx() ctx: RequestContext): Promise<AuditedNote> {
    return ctx.transaction(async (tx) => {
      const existing = input.id ? await tx.em.findOneOrFail(AuditedNote, { id: input.id }) : null;
      const before = existing ? { title: existing.title } : undefined;
      const note = existing ?? tx.em.create(AuditedNote, { organizationPath: input.organizationPath.join(PATH_SEPARATOR), title: input.title });
      note.title = input.title;
      await tx.audit.record({
        action: existing ? "note.updated" : "note.created",
        subject: { type: "AuditedNote", id: note.id },
        organizationPath: input.organizationPath,
        before,
        after: {
          title: input.title,
          ...(input.idNumber ? { candidate: { idNumber: input.idNumber, guardian: { mobile: input.mobile } } } : {}),
          ...(input.mobile ? { mobile: input.mobile } : {}),
          ...(input.password ? { password: input.password } : {}),
        },
      });
      await tx.em.flush();
      if (input.fail) throw new Error("写入失败（测试）");
      return note;
    });
  }
}

const auditSubgraph = (tokens: TestTokens): SubgraphDefinition => ({
  name: "kitaudit",
  defaultPort: 0,
  resolvers: [AuditedNoteResolver],
  entities: [AuditedNote],
  migrations: schemaFromEntities(),
  setup: async () => ({ tokenKeys: tokens.tokenKeys }),
});

const WRITE = `mutation($input: NoteInput!) { writeNote(input: $input) { id title } }`;
const TRAIL = `query($type: String!, $id: ID!, $first: Int, $after: String) {
  kitauditAuditTrail(subjectType: $type, subjectId: $id, first: $first, after: $after) {
    entries { seq action subjectId actorKind actorId actorRole actorOrganizationId before after prevHash hash }
    nextCursor
  }
}`;

interface TrailEntry {
  seq: number;
  action: string;
  subjectId: string;
  actorKind: string;
  actorId: string | null;
  actorRole: string | null;
  actorOrganizationId: string | null;
  before: string | null;
  after: string | null;
}

const IM_COUNTY = ["p15", "l1", "c1"];
const IM_SCHOOL = [...IM_COUNTY, "s1"];
const BJ_SCHOOL = ["p11", "d1", "s9"];

const callers = {
  countyWriter: { sub: randomUUID(), roles: [{ role: Role.COUNTY_AGENCY, path: IM_COUNTY, pc: "15" }] },
  institute15: { sub: randomUUID(), roles: [{ role: Role.PROVINCE_INSTITUTE, path: ["p15"], pc: "15" }] },
  institute11: { sub: randomUUID(), roles: [{ role: Role.PROVINCE_INSTITUTE, path: ["p11"], pc: "11" }] },
  league15: { sub: randomUUID(), roles: [{ role: Role.LEAGUE_AGENCY, path: ["p15", "l1"], pc: "15" }] },
  reviewer15: { sub: randomUUID(), roles: [{ role: Role.CERTIFICATION_REVIEWER, path: ["p15"], pc: "15" }] },
} satisfies Record<string, TestCaller>;

const drivers = await testDrivers();

describe.each(drivers)("the audit chain on %s", (driver) => {
  let subgraph: TestSubgraph;
  let tokens: TestTokens;
  const em = () => subgraph.service.orm.em.fork() as SqlEntityManager;
  const head = async () => {
    const row = await em().findOneOrFail(AuditChainHead, { id: 1 });
    return { lastSeq: row.lastSeq, lastHash: row.lastHash };
  };
  const write = async (input: Record<string, unknown>, caller: TestCaller = callers.countyWriter) =>
    subgraph.graphql<{ writeNote: { id: string; title: string } }>(WRITE, { input: { organizationPath: IM_SCHOOL, ...input } }, await tokens.headers(caller));
  const trail = async (caller: TestCaller, subjectId: string, page: { first?: number; after?: string | null } = {}) =>
    subgraph.graphql<{ kitauditAuditTrail: { entries: TrailEntry[]; nextCursor: string | null } }>(
      TRAIL,
      { type: "AuditedNote", id: subjectId, ...page },
      await tokens.headers(caller),
    );
  const raw = (sql: string, bindings: unknown[]) => em().getKnex().raw(sql, bindings as never);

  beforeAll(async () => {
    tokens = await createTestTokens();
    subgraph = await startTestSubgraph(auditSubgraph(tokens), driver);
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  it("starts with an empty, intact chain", async () => {
    expect(await head()).toEqual({ lastSeq: 0, lastHash: GENESIS_HASH });
    expect(await verifyAuditChain(em())).toEqual({ intact: true, entries: 0 });
  });

  it("extends the chain one place per transaction when 30 commit at once: seq 1…30, no fork, intact", async () => {
    const results = await Promise.all(Array.from({ length: 30 }, (_, index) => write({ title: `并发 ${index}` })));
    expect(results.flatMap((result) => result.errors ?? [])).toEqual([]);

    const entries = await em().find(AuditEntry, {}, { orderBy: { seq: "asc" } });
    expect(entries.map((entry) => entry.seq)).toEqual(Array.from({ length: 30 }, (_, index) => index + 1));
    // No fork: every entry follows exactly one other, and no two claim the same predecessor.
    expect(entries[0]!.prevHash).toBe(GENESIS_HASH);
    entries.slice(1).forEach((entry, index) => expect(entry.prevHash).toBe(entries[index]!.hash));
    expect(new Set(entries.map((entry) => entry.prevHash)).size).toBe(30);
    // Each transaction's entry is about its own note.
    expect(new Set(entries.map((entry) => entry.subjectId))).toEqual(new Set(results.map((result) => result.data!.writeNote.id)));
    expect(entries.every((entry) => entry.actorId === callers.countyWriter.sub && entry.actorRole === Role.COUNTY_AGENCY && entry.actorOrganizationId === "c1")).toBe(true);

    expect(await head()).toEqual({ lastSeq: 30, lastHash: entries[29]!.hash });
    expect(await verifyAuditChain(em())).toEqual({ intact: true, entries: 30 });
    // Verified a page at a time, the answer is the same.
    expect(await verifyAuditChain(em(), 7)).toEqual({ intact: true, entries: 30 });
  });

  it("stores personal fields masked and secrets not at all", async () => {
    const result = await write({ title: "个人信息", idNumber: "150102200001011012", mobile: "13812345678", password: "Secret#2026" });
    expect(result.errors).toBeUndefined();
    const [entry] = await em().find(AuditEntry, { subjectId: result.data!.writeNote.id });
    expect(JSON.parse(entry!.after!)).toEqual({
      title: "个人信息",
      candidate: { idNumber: "1501**********1012", guardian: { mobile: "138****5678" } },
      mobile: "138****5678",
      password: "[已隐去]",
    });
    const stored = (await raw("select * from audit_entry where id = ?", [entry!.id])) as unknown;
    const text = JSON.stringify(stored);
    for (const secret of ["150102200001011012", "13812345678", "Secret#2026"]) expect(text).not.toContain(secret);
    expect(await verifyAuditChain(em())).toMatchObject({ intact: true });
  });

  it("leaves no entry and the head unchanged when the transaction throws", async () => {
    const before = await head();
    const count = await em().count(AuditEntry, {});
    const notes = await em().count(AuditedNote, {});
    const result = await write({ title: "不会留下", fail: true });
    expect(result.errors?.[0]?.extensions?.code).toBe("INTERNAL_SERVER_ERROR");
    expect(await head()).toEqual(before);
    expect(await em().count(AuditEntry, {})).toBe(count);
    expect(await em().count(AuditedNote, {})).toBe(notes);
    expect(await em().count(AuditEntry, { after: { $like: "%不会留下%" } })).toBe(0);
    // The next commit takes the very next place.
    expect((await write({ title: "下一条" })).errors).toBeUndefined();
    expect((await head()).lastSeq).toBe(before.lastSeq + 1);
    expect(await verifyAuditChain(em())).toMatchObject({ intact: true });
  });

  describe("the <subgraph>AuditTrail query", () => {
    let imNote: string;
    let bjNote: string;

    beforeAll(async () => {
      const created = await write({ title: "版本 1" });
      imNote = created.data!.writeNote.id;
      for (let version = 2; version <= 5; version += 1) expect((await write({ id: imNote, title: `版本 ${version}` })).errors).toBeUndefined();
      const beijing = await write({ title: "北京", organizationPath: BJ_SCHOOL }, { sub: randomUUID(), roles: [{ role: Role.COUNTY_AGENCY, path: ["p11", "d1"], pc: "11" }] });
      bjNote = beijing.data!.writeNote.id;
    });

    it("answers the province institute with the history of a subject in its province, oldest first, with before and after", async () => {
      const result = await trail(callers.institute15, imNote);
      expect(result.errors).toBeUndefined();
      const { entries, nextCursor } = result.data!.kitauditAuditTrail;
      expect(nextCursor).toBeNull();
      expect(entries.map((entry) => entry.action)).toEqual(["note.created", "note.updated", "note.updated", "note.updated", "note.updated"]);
      expect(entries.map((entry) => JSON.parse(entry.after!).title)).toEqual(["版本 1", "版本 2", "版本 3", "版本 4", "版本 5"]);
      expect(entries[1]).toMatchObject({ subjectId: imNote, actorKind: "user", actorId: callers.countyWriter.sub, actorRole: "COUNTY_AGENCY", before: JSON.stringify({ title: "版本 1" }) });
      expect(entries.map((entry) => entry.seq)).toEqual([...entries.map((entry) => entry.seq)].sort((a, b) => a - b));
    });

    it("pages with a cursor, without repeats or gaps", async () => {
      const seen: number[] = [];
      let after: string | null = null;
      const sizes: number[] = [];
      do {
        const result = await trail(callers.institute15, imNote, { first: 2, after });
        expect(result.errors).toBeUndefined();
        const page = result.data!.kitauditAuditTrail;
        sizes.push(page.entries.length);
        seen.push(...page.entries.map((entry) => entry.seq));
        after = page.nextCursor;
      } while (after);
      expect(sizes).toEqual([2, 2, 1]);
      const all = (await trail(callers.institute15, imNote)).data!.kitauditAuditTrail.entries.map((entry) => entry.seq);
      expect(seen).toEqual(all);
    });

    it("refuses a cursor it did not make", async () => {
      const result = await trail(callers.institute15, imNote, { after: "not-a-cursor" });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "CURSOR_INVALID", field: "after" });
    });

    it("answers nothing about a subject in another province", async () => {
      expect((await trail(callers.institute15, bjNote)).data!.kitauditAuditTrail).toEqual({ entries: [], nextCursor: null });
      expect((await trail(callers.institute11, imNote)).data!.kitauditAuditTrail).toEqual({ entries: [], nextCursor: null });
      expect((await trail(callers.institute11, bjNote)).data!.kitauditAuditTrail.entries).toHaveLength(1);
    });

    it("answers nothing to other roles, even inside the subject's province, and asks the anonymous to log in", async () => {
      for (const caller of [callers.countyWriter, callers.league15, callers.reviewer15]) {
        expect((await trail(caller, imNote)).data!.kitauditAuditTrail).toEqual({ entries: [], nextCursor: null });
      }
      const anonymous = await subgraph.graphql(TRAIL, { type: "AuditedNote", id: imNote });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });
  });

  describe("tampering", () => {
    it("names the entry whose content was edited afterwards, and holds again once it is put back", async () => {
      const victim = await em().findOneOrFail(AuditEntry, { seq: 12 });
      await raw("update audit_entry set after = ? where seq = ?", [JSON.stringify({ title: "改过的" }), 12]);
      const verdict = await verifyAuditChain(em());
      expect(verdict).toMatchObject({ intact: false, entries: 11, brokenAt: { seq: 12, id: victim.id } });
      expect(verdict.intact ? "" : verdict.reason).toMatch(/第 12 条/);

      await raw("update audit_entry set after = ? where seq = ?", [victim.after, 12]);
      expect(await verifyAuditChain(em())).toMatchObject({ intact: true });
    });

    it("names an entry deleted from the middle as missing", async () => {
      await raw("delete from audit_entry where seq = ?", [20]);
      const verdict = await verifyAuditChain(em());
      expect(verdict).toMatchObject({ intact: false, entries: 19, brokenAt: { seq: 20, id: null } });
      expect(verdict.intact ? "" : verdict.reason).toMatch(/第 20 条记录缺失/);
    });

    it("names the entries cut off the end as missing (the head still counts them)", async () => {
      const { lastSeq } = await head();
      // Entry 20 is gone already (above); now everything after it too, so no gap is left to see.
      await raw("delete from audit_entry where seq > ?", [20]);
      expect(await em().count(AuditEntry, {})).toBe(19);
      // Entries 1…19 still hold; the head says there were more.
      const verdict = await verifyAuditChain(em());
      expect(verdict).toMatchObject({ intact: false, entries: 19, brokenAt: { seq: 20, id: null } });
      expect(verdict.intact ? "" : verdict.reason).toContain(`审计链应有 ${lastSeq} 条记录`);
    });
  });
});
