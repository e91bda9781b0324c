import type { FilterQuery } from "@mikro-orm/core";
import { Arg, Ctx, Directive, Field, ID, Int, ObjectType, Query, Resolver } from "type-graphql";
import { Role } from "../auth/caller.js";
import { scopeFilter } from "../auth/authorization.js";
import { accessRule, inScopeOf, Rule } from "../auth/rules.js";
import { scopeWhere } from "../auth/scope-query.js";
import type { RequestContext } from "../context.js";
import { clampPageSize, decodeCursor, pageFrom } from "../pagination.js";
import { AuditEntry } from "./audit-entry.entity.js";

/** The province institute reads the history of anything in its province (DOMAIN: every decision is audited). */
export const READ_AUDIT_TRAIL = accessRule("READ_AUDIT_TRAIL", { roles: [Role.PROVINCE_INSTITUTE] });

@ObjectType("AuditEntryPage", { description: "一页审计记录" })
@Directive("@shareable")
export class AuditEntryPage {
  @Field(() => [AuditEntry])
  entries!: AuditEntry[];

  @Field(() => String, { nullable: true, description: "下一页的游标；没有下一页时为 null" })
  nextCursor!: string | null;
}

/** A subject's history, oldest first, inside the caller's scope; nobody in scope → an empty page. */
export async function readAuditTrail(
  ctx: RequestContext,
  subject: { type: string; id: string },
  page: { first?: number | null; after?: string | null },
): Promise<AuditEntryPage> {
  const filter = scopeFilter(ctx.caller, READ_AUDIT_TRAIL);
  if (!filter) return { entries: [], nextCursor: null };
  const size = clampPageSize(page.first);
  const after = page.after ? (decodeCursor(page.after, ["number"])[0] as number) : 0;
  const rows = await ctx.em.find(
    AuditEntry,
    {
      $and: [{ subjectType: subject.type, subjectId: subject.id, seq: { $gt: after } }, scopeWhere(filter, { path: "organizationPath" })],
    } as FilterQuery<AuditEntry>,
    { orderBy: { seq: "asc" }, limit: size + 1 },
  );
  const result = pageFrom(rows, size, (row) => [row.seq]);
  return { entries: result.items, nextCursor: result.nextCursor };
}

// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver classes
const resolvers = new Map<string, Function>();

/**
 * The audit-trail query of one subgraph (`registryAuditTrail`, …): each subgraph keeps its own
 * chain, and federation needs each root field to have one home, so the field carries the
 * subgraph's name.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- type-graphql's resolver classes
export function auditTrailResolver(subgraph: string): Function {
  const existing = resolvers.get(subgraph);
  if (existing) return existing;

  @Resolver()
  class AuditTrailResolver {
    @Query(() => AuditEntryPage, {
      name: `${subgraph}AuditTrail`,
      nullable: true,
      description: `某一对象在${subgraph}子图中的审计记录（省级考试院，限本省；按时间先后，分页）`,
    })
    @Rule(inScopeOf(READ_AUDIT_TRAIL))
    auditTrail(
      @Arg("subjectType", () => String, { description: "对象类别，如 CertificationCase" }) subjectType: string,
      @Arg("subjectId", () => ID) subjectId: string,
      @Arg("first", () => Int, { nullable: true, description: "每页条数（默认 50，至多 200）" }) first: number | null,
      @Arg("after", () => String, { nullable: true }) after: string | null,
      @Ctx() ctx: RequestContext,
    ): Promise<AuditEntryPage> {
      return readAuditTrail(ctx, { type: subjectType, id: subjectId }, { first, after });
    }
  }
  resolvers.set(subgraph, AuditTrailResolver);
  return AuditTrailResolver;
}
