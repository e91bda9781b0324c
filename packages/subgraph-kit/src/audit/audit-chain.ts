import { createHash, randomUUID } from "node:crypto";
import { LockMode, UniqueConstraintViolationException, type EntityManager, type MikroORM } from "@mikro-orm/core";
import { PostgreSqlDriver } from "@mikro-orm/postgresql";
import { actingBinding } from "../auth/authorization.js";
import type { Caller } from "../auth/caller.js";
import { PATH_SEPARATOR } from "../auth/scope-query.js";
import { maskPersonalFields } from "../personal-data/masking.js";
import { AuditChainHead, AuditEntry, GENESIS_HASH } from "./audit-entry.entity.js";

/** What a service says about one decision or sensitive read; the kit adds actor, request and time. */
export interface AuditRecord {
  /** `<area>.<verb>`, e.g. `workflow.decided`, `exam-session.created`, `personal-data.read`. */
  action: string;
  subject: { type: string; id: string };
  /** Where the subject sits, province first: who may read the entry (the province institute of that province). */
  organizationPath: readonly string[];
  /** State before and after; personal fields are masked and secrets dropped before anything is stored. */
  before?: unknown;
  after?: unknown;
}

/** An entry waiting for its place in the chain (sealed at commit). */
export type AuditDraft = Omit<AuditEntry, "seq" | "prevHash" | "hash">;

export function draftAuditEntry(record: AuditRecord, actor: { caller: Caller | null; requestId: string; occurredAt: Date }): AuditDraft {
  const { caller } = actor;
  const binding = caller ? actingBinding(caller, record.organizationPath) : undefined;
  const draft = new AuditEntry();
  draft.id = randomUUID();
  draft.occurredAt = actor.occurredAt;
  draft.requestId = actor.requestId;
  draft.actorKind = caller?.kind ?? "system";
  draft.actorId = caller?.subject ?? null;
  draft.actorRole = binding?.role ?? null;
  draft.actorOrganizationId = binding?.organizationId ?? null;
  draft.action = record.action;
  draft.subjectType = record.subject.type;
  draft.subjectId = record.subject.id;
  draft.organizationPath = record.organizationPath.join(PATH_SEPARATOR);
  draft.before = record.before === undefined ? null : JSON.stringify(maskPersonalFields(record.before));
  draft.after = record.after === undefined ? null : JSON.stringify(maskPersonalFields(record.after));
  return draft;
}

/** The hashed content of an entry: every stored field but the hash itself, in a fixed order. */
export function auditEntryHash(entry: Omit<AuditEntry, "hash">): string {
  const content = JSON.stringify([
    entry.seq,
    entry.id,
    entry.occurredAt.toISOString(),
    entry.requestId,
    entry.actorKind,
    entry.actorId,
    entry.actorRole,
    entry.actorOrganizationId,
    entry.action,
    entry.subjectType,
    entry.subjectId,
    entry.organizationPath,
    entry.before,
    entry.after,
  ]);
  return createHash("sha256").update(entry.prevHash).update("\n").update(content).digest("hex");
}

/**
 * Gives the drafts their places at the end of the chain and persists them, inside the caller's
 * transaction: the head row is locked (PostgreSQL: SELECT … FOR UPDATE; SQLite serialises writers)
 * until the commit, so two transactions never take the same place.
 */
export async function sealAuditEntries(tx: EntityManager, drafts: readonly AuditDraft[]): Promise<void> {
  if (drafts.length === 0) return;
  const postgres = tx.getDriver() instanceof PostgreSqlDriver;
  const head = await tx.findOne(AuditChainHead, { id: 1 }, { lockMode: postgres ? LockMode.PESSIMISTIC_WRITE : undefined, refresh: true });
  if (!head) throw new Error("audit_chain_head is missing: ensureAuditChain runs at start");
  for (const draft of drafts) {
    const entry = draft as AuditEntry;
    entry.seq = head.lastSeq + 1;
    entry.prevHash = head.lastHash;
    entry.hash = auditEntryHash(entry);
    head.lastSeq = entry.seq;
    head.lastHash = entry.hash;
    tx.persist(entry);
  }
}

/** Creates the head row of the chain when it is missing (at start; replicas may race, one wins). */
export async function ensureAuditChain(orm: MikroORM): Promise<void> {
  const em = orm.em.fork();
  if (await em.count(AuditChainHead, { id: 1 })) return;
  try {
    await em.insert(AuditChainHead, { id: 1, lastSeq: 0, lastHash: GENESIS_HASH });
  } catch (error) {
    if (!(error instanceof UniqueConstraintViolationException)) throw error;
  }
}

export type AuditChainVerdict =
  | { intact: true; entries: number }
  | { intact: false; entries: number; brokenAt: { seq: number; id: string | null }; reason: string };

/**
 * Walks the chain in order, a page at a time, and names the first entry that does not hold:
 * its content no longer matches its hash (edited), it does not follow the entry before it
 * (`prevHash`, or a gap in the sequence: deleted), or the chain ends before its recorded head.
 */
export async function verifyAuditChain(em: EntityManager, pageSize = 1000): Promise<AuditChainVerdict> {
  let expectedSeq = 1;
  let previousHash = GENESIS_HASH;
  let checked = 0;
  for (;;) {
    const page = await em.find(AuditEntry, { seq: { $gte: expectedSeq } }, { orderBy: { seq: "asc" }, limit: pageSize });
    for (const entry of page) {
      const broken = (reason: string): AuditChainVerdict => ({ intact: false, entries: checked, brokenAt: { seq: entry.seq, id: entry.id }, reason });
      if (entry.seq !== expectedSeq) {
        return { intact: false, entries: checked, brokenAt: { seq: expectedSeq, id: null }, reason: `第 ${expectedSeq} 条记录缺失（下一条为第 ${entry.seq} 条）` };
      }
      if (entry.prevHash !== previousHash) return broken(`第 ${entry.seq} 条记录与前一条记录不相连`);
      if (auditEntryHash(entry) !== entry.hash) return broken(`第 ${entry.seq} 条记录的内容与其摘要不符（已被改动）`);
      previousHash = entry.hash;
      expectedSeq += 1;
      checked += 1;
    }
    em.clear();
    if (page.length < pageSize) break;
  }
  const head = await em.findOne(AuditChainHead, { id: 1 });
  if (head && head.lastSeq >= expectedSeq) {
    return { intact: false, entries: checked, brokenAt: { seq: expectedSeq, id: null }, reason: `审计链应有 ${head.lastSeq} 条记录，第 ${expectedSeq} 条起缺失` };
  }
  if (head && head.lastSeq === checked && head.lastHash !== previousHash) {
    return { intact: false, entries: checked, brokenAt: { seq: checked, id: null }, reason: "审计链末端与记录的链头不符" };
  }
  return { intact: true, entries: checked };
}
