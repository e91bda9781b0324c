import "reflect-metadata";
import { randomUUID } from "node:crypto";
import { Entity, PrimaryKey, Property } from "@mikro-orm/core";
import { OutboxEvent } from "@xuekao/events";
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from "type-graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accessRule,
  applicationQueue,
  AuditEntry,
  authorize,
  CANDIDATE_ROLES,
  checkWorkflowSla,
  decideApplication,
  defineWorkflowKind,
  FakeClock,
  inScopeOf,
  OrganizationLevelName,
  PATH_SEPARATOR,
  requiresRole,
  resubmitApplication,
  Role,
  Rule,
  startApplication,
  verifyAuditChain,
  withdrawApplication,
  WorkflowApplication,
  WorkflowApplicationDecided,
  WorkflowApplicationSubmitted,
  WorkflowDecision,
  WorkflowHistoryEntry,
  WorkflowSlaEscalated,
  WorkflowSlaWarning,
  WorkflowStatus,
  type RequestContext,
  type SubgraphDefinition,
  type WorkflowDefinitionSeed,
  type WorkflowStepSpec,
  type WorkflowTransition,
} from "../src/index.js";
import { createTestTokens, schemaFromEntities, startTestSubgraph, testDrivers, type TestCaller, type TestSubgraph, type TestTokens } from "../src/testing/index.js";

/**
 * The workflow engine through a subgraph that runs one kind of application (a "permit" whose
 * subject follows the application in `onTransition`), seeded for Inner Mongolia (15, with the
 * league level) and Beijing (11, without), over real HTTP with verified tokens, on each driver.
 */

@Entity({ tableName: "test_permit" })
class TestPermit {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "uuid" })
  applicantId!: string;

  @Property({ type: "string", length: 400 })
  organizationPath!: string;

  @Property({ type: "string", length: 100 })
  title!: string;

  /** Follows the application (onTransition). */
  @Property({ type: "string", length: 16 })
  status: string = "DRAFT";

  @Property({ type: "string", length: 40, nullable: true })
  stepKey: string | null = null;

  @Property({ type: "integer" })
  transitions: number = 0;
}

/** Subjects whose next transition fails in `onTransition` (after the engine wrote its part). */
const failingSubjects = new Set<string>();

const PermitKind = defineWorkflowKind({
  kind: "kitflow.permit",
  name: "测试许可",
  subjectType: "TestPermit",
  filingWindow: "ANY_TIME",
  onTransition: async (tx: RequestContext, { application }: WorkflowTransition) => {
    const permit = await tx.em.findOneOrFail(TestPermit, { id: application.subjectId });
    permit.status = application.status;
    permit.stepKey = application.status === WorkflowStatus.IN_PROGRESS ? application.stepKey : null;
    permit.transitions += 1;
    if (failingSubjects.has(permit.id)) throw new Error("许可子系统写入失败（测试）");
  },
});

const { APPROVE, RETURN, REJECT } = WorkflowDecision;
const step = (key: string, name: string, actorRole: Role, level: OrganizationLevelName, decisions: WorkflowDecision[], slaHours: number | null, warnAtHours: number | null): WorkflowStepSpec => ({
  key,
  name,
  actorRole,
  level,
  decisions,
  slaHours,
  warnAtHours,
});

const IM_STEPS = [
  step("class-review", "班主任审核", Role.CLASS_TEACHER, OrganizationLevelName.CLASS, [APPROVE, RETURN, REJECT], 72, 48),
  step("county-review", "旗县区审核", Role.COUNTY_AGENCY, OrganizationLevelName.COUNTY, [APPROVE, RETURN, REJECT], 48, 24),
  step("league-review", "盟市审核", Role.LEAGUE_AGENCY, OrganizationLevelName.LEAGUE, [APPROVE, RETURN], null, null),
  step("province-review", "自治区考试院审核", Role.PROVINCE_INSTITUTE, OrganizationLevelName.PROVINCE, [APPROVE, REJECT], 24, null),
];
const BJ_STEPS = [
  step("class-review", "班主任审核", Role.CLASS_TEACHER, OrganizationLevelName.CLASS, [APPROVE, RETURN, REJECT], 72, 48),
  step("district-review", "区考试中心审核", Role.COUNTY_AGENCY, OrganizationLevelName.COUNTY, [APPROVE, RETURN, REJECT], 48, 24),
  step("municipal-review", "北京教育考试院审核", Role.PROVINCE_INSTITUTE, OrganizationLevelName.PROVINCE, [APPROVE, RETURN, REJECT], null, null),
];
const SEEDS: WorkflowDefinitionSeed[] = [
  { provinceCode: "15", kind: PermitKind, steps: IM_STEPS },
  { provinceCode: "11", kind: PermitKind, steps: BJ_STEPS },
];

const APPLY = accessRule("APPLY_FOR_PERMIT", { roles: [...CANDIDATE_ROLES] });
/** Every staff role reaches the engine, which decides who acts at which step and where. */
const REVIEW = accessRule("REVIEW_PERMITS", {
  roles: [Role.CLASS_TEACHER, Role.SCHOOL_ADMIN, Role.COUNTY_AGENCY, Role.LEAGUE_AGENCY, Role.PROVINCE_INSTITUTE],
});

@ObjectType("PermitQueuePage")
class PermitQueuePage {
  @Field(() => [WorkflowApplication])
  items!: WorkflowApplication[];

  @Field(() => String, { nullable: true })
  nextCursor!: string | null;
}

@InputType("DecidePermitInput")
class DecidePermitInput {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => WorkflowDecision)
  decision!: WorkflowDecision;

  @Field(() => String, { nullable: true })
  reason?: string | null;

  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => String)
  idempotencyKey!: string;
}

@InputType("PermitActionInput")
class PermitActionInput {
  @Field(() => ID)
  applicationId!: string;

  @Field(() => Int)
  expectedVersion!: number;

  @Field(() => String)
  idempotencyKey!: string;
}

@Resolver()
class PermitResolver {
  @Mutation(() => WorkflowApplication)
  @Rule(requiresRole(APPLY))
  applyForPermit(@Arg("title", () => String) title: string, @Ctx() ctx: RequestContext): Promise<WorkflowApplication> {
    const binding = ctx.caller?.roles.find((role) => CANDIDATE_ROLES.includes(role.role));
    const caller = authorize(ctx.caller, APPLY, { organizationPath: binding?.organizationPath ?? [], ownerUserId: ctx.caller?.subject ?? "" });
    return ctx.transaction(async (tx) => {
      const permit = tx.em.create(TestPermit, {
        applicantId: caller.subject,
        organizationPath: binding!.organizationPath.join(PATH_SEPARATOR),
        title,
        status: "DRAFT",
        transitions: 0,
      });
      if (title.includes("失败")) failingSubjects.add(permit.id);
      await tx.em.flush();
      return startApplication(tx, PermitKind, {
        provinceCode: binding!.provinceCode!,
        subject: { id: permit.id },
        applicantId: caller.subject,
        organizationPath: binding!.organizationPath,
      });
    });
  }

  @Query(() => PermitQueuePage, { nullable: true })
  @Rule(inScopeOf(REVIEW))
  permitQueue(
    @Arg("first", () => Int, { nullable: true }) first: number | null,
    @Arg("after", () => String, { nullable: true }) after: string | null,
    @Ctx() ctx: RequestContext,
  ): Promise<PermitQueuePage> {
    return applicationQueue(ctx, { kinds: [PermitKind.kind], first, after });
  }

  @Mutation(() => WorkflowApplication)
  @Rule(requiresRole(REVIEW))
  decidePermit(@Arg("input", () => DecidePermitInput) input: DecidePermitInput, @Ctx() ctx: RequestContext): Promise<WorkflowApplication> {
    return decideApplication(ctx, input);
  }

  @Mutation(() => WorkflowApplication)
  @Rule(requiresRole(APPLY))
  resubmitPermit(@Arg("input", () => PermitActionInput) input: PermitActionInput, @Ctx() ctx: RequestContext): Promise<WorkflowApplication> {
    return resubmitApplication(ctx, input);
  }

  @Mutation(() => WorkflowApplication)
  @Rule(requiresRole(APPLY))
  withdrawPermit(@Arg("input", () => PermitActionInput) input: PermitActionInput, @Ctx() ctx: RequestContext): Promise<WorkflowApplication> {
    return withdrawApplication(ctx, input);
  }
}

const workflowSubgraph = (tokens: TestTokens): SubgraphDefinition => ({
  name: "kitflow",
  defaultPort: 0,
  resolvers: [PermitResolver],
  entities: [TestPermit],
  workflows: { kinds: [PermitKind], seeds: SEEDS },
  migrations: schemaFromEntities(),
  setup: async () => ({ tokenKeys: tokens.tokenKeys }),
});

// Organisations (ids, province first). Inner Mongolia: province → league → county → school → class;
// Beijing: municipality → district → school → class.
const IM = ["im"];
const IM_L1 = [...IM, "im-l1"];
const IM_L2 = [...IM, "im-l2"];
const IM_C1 = [...IM_L1, "im-c1"];
const IM_C2 = [...IM_L1, "im-c2"];
const IM_C3 = [...IM_L2, "im-c3"];
const IM_S1 = [...IM_C1, "im-s1"];
const IM_K1 = [...IM_S1, "im-k1"];
const IM_K2 = [...IM_C2, "im-s2", "im-k2"];
const IM_K3 = [...IM_C3, "im-s3", "im-k3"];
const IM_K4 = [...IM_S1, "im-k4"];
const BJ = ["bj"];
const BJ_D1 = [...BJ, "bj-d1"];
const BJ_K1 = [...BJ_D1, "bj-s1", "bj-k1"];

const person = (role: Role, path: string[], pc: string): TestCaller => ({ sub: randomUUID(), roles: [{ role, path, pc }] });
const people = {
  candidateK1: person(Role.CANDIDATE_IN_SCHOOL, IM_K1, "15"),
  candidateK2: person(Role.CANDIDATE_IN_SCHOOL, IM_K2, "15"),
  candidateK3: person(Role.CANDIDATE_IN_SCHOOL, IM_K3, "15"),
  candidateK4: person(Role.CANDIDATE_IN_SCHOOL, IM_K4, "15"),
  candidateBj: person(Role.CANDIDATE_IN_SCHOOL, BJ_K1, "11"),
  teacherK1: person(Role.CLASS_TEACHER, IM_K1, "15"),
  otherTeacherK1: person(Role.CLASS_TEACHER, IM_K1, "15"),
  teacherK2: person(Role.CLASS_TEACHER, IM_K2, "15"),
  teacherK4: person(Role.CLASS_TEACHER, IM_K4, "15"),
  schoolAdminS1: person(Role.SCHOOL_ADMIN, IM_S1, "15"),
  countyC1: person(Role.COUNTY_AGENCY, IM_C1, "15"),
  countyC2: person(Role.COUNTY_AGENCY, IM_C2, "15"),
  leagueL1: person(Role.LEAGUE_AGENCY, IM_L1, "15"),
  leagueL2: person(Role.LEAGUE_AGENCY, IM_L2, "15"),
  institute15: person(Role.PROVINCE_INSTITUTE, IM, "15"),
  teacherBj: person(Role.CLASS_TEACHER, BJ_K1, "11"),
  districtBj: person(Role.COUNTY_AGENCY, BJ_D1, "11"),
  institute11: person(Role.PROVINCE_INSTITUTE, BJ, "11"),
} satisfies Record<string, TestCaller>;

const APP = `id kind status stepIndex stepKey stepName actorRole actorLevel round version definitionVersion dueAt closedAt lastReason canDecide
  history { action round stepKey reason actorRole resultStatus resultVersion }`;
const APPLY_MUTATION = `mutation($title: String!) { applyForPermit(title: $title) { ${APP} } }`;
const DECIDE_MUTATION = `mutation($input: DecidePermitInput!) { decidePermit(input: $input) { ${APP} } }`;
const RESUBMIT_MUTATION = `mutation($input: PermitActionInput!) { resubmitPermit(input: $input) { ${APP} } }`;
const WITHDRAW_MUTATION = `mutation($input: PermitActionInput!) { withdrawPermit(input: $input) { ${APP} } }`;
const QUEUE_QUERY = `query($first: Int, $after: String) { permitQueue(first: $first, after: $after) { items { id stepKey dueAt } nextCursor } }`;
const DEFINITIONS_QUERY = `query($provinceCode: String!, $includeRetired: Boolean) {
  kitflowWorkflowDefinitions(provinceCode: $provinceCode, includeRetired: $includeRetired) {
    kind version retiredAt createdBy steps { key name actorRole level decisions slaHours warnAtHours }
  }
}`;
const UPDATE_DEFINITION = `mutation($input: UpdateWorkflowDefinitionInput!) {
  updateKitflowWorkflowDefinition(input: $input) { kind version steps { key } }
}`;

interface History {
  action: string;
  round: number;
  stepKey: string | null;
  reason: string | null;
  actorRole: string | null;
  resultStatus: string;
  resultVersion: number;
}
interface Application {
  id: string;
  kind: string;
  status: string;
  stepIndex: number;
  stepKey: string;
  stepName: string;
  actorRole: string;
  actorLevel: string;
  round: number;
  version: number;
  definitionVersion: number;
  dueAt: string | null;
  closedAt: string | null;
  lastReason: string | null;
  canDecide: boolean;
  history: History[];
}
interface GraphQLError {
  message: string;
  extensions?: Record<string, unknown>;
}

const HOUR = 3_600_000;
const drivers = await testDrivers();

/** The subgraph, its clock and what tests need to drive it as the people above. */
function workflowHarness(driver: Parameters<typeof startTestSubgraph>[1], start: string) {
  const clock = new FakeClock(start);
  let tokens: TestTokens;
  let subgraph: TestSubgraph;
  const harness = {
    clock,
    get subgraph() {
      return subgraph;
    },
    em: () => subgraph.service.orm.em.fork(),
    async start() {
      tokens = await createTestTokens(clock);
      subgraph = await startTestSubgraph(workflowSubgraph(tokens), driver, { clock });
    },
    stop: () => subgraph?.stop(),
    async call<T>(caller: TestCaller | null, query: string, variables: Record<string, unknown> = {}) {
      return subgraph.graphql<T>(query, variables, caller ? await tokens.headers(caller) : {});
    },
    async apply(caller: TestCaller, title = "申请") {
      const result = await harness.call<{ applyForPermit: Application }>(caller, APPLY_MUTATION, { title });
      if (!result.data?.applyForPermit) throw new Error(`apply failed: ${JSON.stringify(result.errors)}`);
      return result.data.applyForPermit;
    },
    decide(caller: TestCaller, application: { id: string; version: number }, decision: WorkflowDecision, options: { reason?: string | null; key?: string; version?: number } = {}) {
      return harness.call<{ decidePermit: Application }>(caller, DECIDE_MUTATION, {
        input: {
          applicationId: application.id,
          decision,
          reason: options.reason ?? null,
          expectedVersion: options.version ?? application.version,
          idempotencyKey: options.key ?? randomUUID(),
        },
      });
    },
    async approve(caller: TestCaller, application: { id: string; version: number }) {
      const result = await harness.decide(caller, application, APPROVE);
      if (!result.data?.decidePermit) throw new Error(`approve failed: ${JSON.stringify(result.errors)}`);
      return result.data.decidePermit;
    },
    /** The stored row, with what GraphQL does not show (the acting organisation). */
    row: (id: string) => subgraph.service.orm.em.fork().findOneOrFail(WorkflowApplication, { id }),
    permit: async (applicationId: string) => {
      const em = subgraph.service.orm.em.fork();
      const application = await em.findOneOrFail(WorkflowApplication, { id: applicationId });
      return em.findOneOrFail(TestPermit, { id: application.subjectId });
    },
    /** What a transition leaves behind, counted: history entries, audit entries and outbox events of the application. */
    async traces(applicationId: string) {
      const em = subgraph.service.orm.em.fork();
      const application = await em.findOne(WorkflowApplication, { id: applicationId });
      const outbox = await em.find(OutboxEvent, { payload: { $like: `%${applicationId}%` } }, { orderBy: { occurredAt: "asc" } });
      return {
        version: application?.version ?? null,
        status: application?.status ?? null,
        history: await em.count(WorkflowHistoryEntry, { applicationId }),
        audit: application ? await em.count(AuditEntry, { subjectId: application.subjectId }) : 0,
        outbox: outbox.length,
        events: outbox.map((row) => row.type),
      };
    },
  };
  return harness;
}

const errorOf = (result: { errors?: GraphQLError[] }) => {
  expect(result.errors, "expected exactly one error").toHaveLength(1);
  return result.errors![0]!;
};

describe.each(drivers)("the workflow engine on %s", (driver) => {
  const h = workflowHarness(driver, "2026-03-02T00:00:00.000Z");

  beforeAll(() => h.start());
  afterAll(() => h.stop());

  describe("start", () => {
    it("waits at step 1 with the class as acting organisation, in Inner Mongolia and in Beijing", async () => {
      const im = await h.apply(people.candidateK1);
      expect(im).toMatchObject({
        kind: "kitflow.permit",
        status: "IN_PROGRESS",
        stepIndex: 0,
        stepKey: "class-review",
        stepName: "班主任审核",
        actorRole: "CLASS_TEACHER",
        actorLevel: "CLASS",
        round: 1,
        version: 1,
        definitionVersion: 1,
        dueAt: new Date(h.clock.now().getTime() + 72 * HOUR).toISOString(),
        closedAt: null,
        canDecide: false,
        history: [{ action: "SUBMIT", round: 1, stepKey: null, reason: null, actorRole: "CANDIDATE_IN_SCHOOL", resultStatus: "IN_PROGRESS", resultVersion: 1 }],
      });
      expect((await h.row(im.id)).actingOrganizationPath).toBe(IM_K1.join("/"));
      expect(await h.permit(im.id)).toMatchObject({ status: "IN_PROGRESS", stepKey: "class-review", transitions: 1 });

      const bj = await h.apply(people.candidateBj);
      expect(bj).toMatchObject({ stepKey: "class-review", actorRole: "CLASS_TEACHER", version: 1 });
      expect((await h.row(bj.id)).actingOrganizationPath).toBe(BJ_K1.join("/"));
    });

    it("cuts the applicant's path at each step's level, per province (Beijing has no league level)", async () => {
      const im = await h.apply(people.candidateK1);
      const acting = [(await h.row(im.id)).actingOrganizationPath];
      let current = im;
      for (const approver of [people.teacherK1, people.countyC1, people.leagueL1]) {
        current = await h.approve(approver, current);
        acting.push((await h.row(im.id)).actingOrganizationPath);
      }
      expect(acting).toEqual([IM_K1, IM_C1, IM_L1, IM].map((path) => path.join("/")));
      expect(current).toMatchObject({ stepKey: "province-review", actorLevel: "PROVINCE", version: 4 });

      const bj = await h.apply(people.candidateBj);
      const bjActing = [(await h.row(bj.id)).actingOrganizationPath];
      let bjCurrent = bj;
      for (const approver of [people.teacherBj, people.districtBj]) {
        bjCurrent = await h.approve(approver, bjCurrent);
        bjActing.push((await h.row(bj.id)).actingOrganizationPath);
      }
      expect(bjActing).toEqual([BJ_K1, BJ_D1, BJ].map((path) => path.join("/")));
      expect(bjCurrent).toMatchObject({ stepKey: "municipal-review", actorRole: "PROVINCE_INSTITUTE" });
    });

    it("rolls the subject, the application, its history, audit and outbox back together when onTransition throws", async () => {
      const em = h.em();
      const before = {
        applications: await em.count(WorkflowApplication, {}),
        permits: await em.count(TestPermit, {}),
        history: await em.count(WorkflowHistoryEntry, {}),
        audit: await em.count(AuditEntry, {}),
        outbox: await em.count(OutboxEvent, {}),
      };
      const result = await h.call(people.candidateK2, APPLY_MUTATION, { title: "失败的申请" });
      expect(errorOf(result).extensions?.code).toBe("INTERNAL_SERVER_ERROR");
      const fork = h.em();
      expect({
        applications: await fork.count(WorkflowApplication, {}),
        permits: await fork.count(TestPermit, {}),
        history: await fork.count(WorkflowHistoryEntry, {}),
        audit: await fork.count(AuditEntry, {}),
        outbox: await fork.count(OutboxEvent, {}),
      }).toEqual(before);
    });
  });

  describe("the queue", () => {
    const ids: string[] = [];

    beforeAll(async () => {
      // Five applications in class K4: two at one instant (same deadline: ordered by id), the
      // others earlier and later, filed out of deadline order.
      // Milliseconds included: the cursor must carry the deadline exactly as the database holds it.
      const base = h.clock.now();
      for (const hoursLater of [5, 1, 3, 3, 0]) {
        h.clock.set(new Date(base.getTime() + hoursLater * HOUR + 123));
        ids.push((await h.apply(people.candidateK4, `排队 ${hoursLater}`)).id);
      }
      h.clock.set(base);
    });

    const page = async (caller: TestCaller, first?: number, after?: string | null) => {
      const result = await h.call<{ permitQueue: { items: Array<{ id: string; stepKey: string; dueAt: string }>; nextCursor: string | null } }>(caller, QUEUE_QUERY, { first, after });
      expect(result.errors).toBeUndefined();
      return result.data!.permitQueue;
    };
    const all = async (caller: TestCaller, size: number) => {
      const items: Array<{ id: string; dueAt: string }> = [];
      const sizes: number[] = [];
      let after: string | null = null;
      do {
        const next = await page(caller, size, after);
        items.push(...next.items);
        sizes.push(next.items.length);
        after = next.nextCursor;
      } while (after);
      return { items, sizes };
    };

    it("lists what the caller acts on, by deadline then id, paged by cursor without repeats or gaps", async () => {
      const rows = await h.em().find(WorkflowApplication, { id: { $in: ids } });
      const expected = rows
        .sort((a, b) => a.queueOrderAt.getTime() - b.queueOrderAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
        .map((row) => row.id);
      // Filed at +5, +1, +3, +3, +0 hours: due in that order plus 72 hours.
      expect(expected[0]).toBe(ids[4]);
      expect(expected[1]).toBe(ids[1]);
      expect(new Set(expected.slice(2, 4))).toEqual(new Set([ids[2], ids[3]]));
      expect(expected[4]).toBe(ids[0]);

      const whole = await page(people.teacherK4);
      expect(whole.items.map((item) => item.id)).toEqual(expected);
      expect(whole.nextCursor).toBeNull();
      for (const size of [1, 2, 3]) {
        const paged = await all(people.teacherK4, size);
        expect(paged.items.map((item) => item.id)).toEqual(expected);
        expect(paged.sizes.reduce((sum, count) => sum + count, 0)).toBe(5);
      }
      expect((await all(people.teacherK4, 2)).sizes).toEqual([2, 2, 1]);
    });

    it("shows nothing of class K4 to another class's teacher, the county (not its step yet), or Beijing", async () => {
      for (const caller of [people.teacherK1, people.teacherK2, people.countyC1, people.leagueL1, people.institute15, people.teacherBj, people.schoolAdminS1]) {
        const { items } = await all(caller, 50);
        expect(items.map((item) => item.id).filter((id) => ids.includes(id))).toEqual([]);
      }
    });

    it("moves an application to the next acting organisation's queue once approved", async () => {
      const application = await h.row(ids[4]!);
      await h.approve(people.teacherK4, application);
      expect((await all(people.teacherK4, 50)).items.map((item) => item.id)).not.toContain(ids[4]);
      expect((await all(people.countyC1, 50)).items.map((item) => item.id)).toContain(ids[4]);
      expect((await all(people.countyC2, 50)).items.map((item) => item.id)).not.toContain(ids[4]);
      // The queue lists only what is waiting at the caller's role: the league and the institute see nothing of it yet.
      expect((await all(people.leagueL1, 50)).items.map((item) => item.id)).not.toContain(ids[4]);
    });

    it("refuses a forged cursor with CURSOR_INVALID, never a database error", async () => {
      const forged = Buffer.from(JSON.stringify([new Date().toISOString(), "not-a-uuid"]), "utf8").toString("base64url");
      for (const after of [forged, "garbage", Buffer.from("[1]").toString("base64url")]) {
        const result = await h.call(people.teacherK4, QUEUE_QUERY, { first: 2, after });
        expect(errorOf(result).extensions).toMatchObject({ code: "CURSOR_INVALID", field: "after" });
      }
    });

    it("answers nothing to a candidate and asks the anonymous to log in", async () => {
      expect(await page(people.candidateK4)).toEqual({ items: [], nextCursor: null });
      const anonymous = await h.call(null, QUEUE_QUERY, {});
      expect(errorOf(anonymous).extensions?.code).toBe("UNAUTHENTICATED");
    });
  });

  describe("decisions", () => {
    it("approves step by step to the end, each transition leaving one history entry, one audit entry and one event", async () => {
      h.clock.advance({ minutes: 1 });
      const submitted = await h.apply(people.candidateK1, "全程通过");
      expect(await h.traces(submitted.id)).toMatchObject({ history: 1, audit: 1, outbox: 1, events: ["workflow.application-submitted"] });

      let current = submitted;
      const approvers = [people.teacherK1, people.countyC1, people.leagueL1, people.institute15];
      for (const [index, approver] of approvers.entries()) {
        h.clock.advance({ minutes: 1 });
        current = await h.approve(approver, current);
        expect(await h.traces(submitted.id)).toMatchObject({ history: index + 2, audit: index + 2, outbox: index + 2 });
      }
      expect(current).toMatchObject({ status: "APPROVED", version: 5, closedAt: h.clock.now().toISOString(), canDecide: false });
      expect(current.history.map((entry) => [entry.action, entry.stepKey, entry.actorRole, entry.resultStatus])).toEqual([
        ["SUBMIT", null, "CANDIDATE_IN_SCHOOL", "IN_PROGRESS"],
        ["APPROVE", "class-review", "CLASS_TEACHER", "IN_PROGRESS"],
        ["APPROVE", "county-review", "COUNTY_AGENCY", "IN_PROGRESS"],
        ["APPROVE", "league-review", "LEAGUE_AGENCY", "IN_PROGRESS"],
        ["APPROVE", "province-review", "PROVINCE_INSTITUTE", "APPROVED"],
      ]);
      expect(await h.permit(submitted.id)).toMatchObject({ status: "APPROVED", stepKey: null, transitions: 5 });

      const traces = await h.traces(submitted.id);
      expect(traces.events).toEqual(["workflow.application-submitted", ...Array(4).fill("workflow.application-decided")]);
      const permit = await h.permit(submitted.id);
      const audit = await h.em().find(AuditEntry, { subjectId: permit.id }, { orderBy: { seq: "asc" } });
      expect(audit.map((entry) => entry.action)).toEqual(["workflow.submit", "workflow.approve", "workflow.approve", "workflow.approve", "workflow.approve"]);
      expect(audit.map((entry) => entry.actorRole)).toEqual(["CANDIDATE_IN_SCHOOL", "CLASS_TEACHER", "COUNTY_AGENCY", "LEAGUE_AGENCY", "PROVINCE_INSTITUTE"]);
      expect(audit.every((entry) => entry.subjectType === "TestPermit" && entry.organizationPath === IM_K1.join("/"))).toBe(true);

      const outbox = await h.em().find(OutboxEvent, { payload: { $like: `%${submitted.id}%` } }, { orderBy: { occurredAt: "asc" } });
      const last = WorkflowApplicationDecided.parse(outbox[4]!.toDomainEvent());
      expect(last.payload).toMatchObject({
        applicationId: submitted.id,
        decision: "APPROVE",
        status: "APPROVED",
        nextStep: null,
        step: { key: "province-review", actingOrganizationPath: IM },
        provinceCode: "15",
      });
      const second = WorkflowApplicationDecided.parse(outbox[1]!.toDomainEvent());
      expect(second.payload).toMatchObject({ status: "IN_PROGRESS", step: { key: "class-review" }, nextStep: { key: "county-review", actingOrganizationPath: IM_C1 } });
      const first = WorkflowApplicationSubmitted.parse(outbox[0]!.toDomainEvent());
      expect(first.payload).toMatchObject({ resubmitted: false, round: 1, step: { key: "class-review", actingOrganizationPath: IM_K1 }, applicantId: people.candidateK1.sub });
      expect(await verifyAuditChain(h.em())).toMatchObject({ intact: true });
    });

    it("needs a reason to return (REASON_REQUIRED, nothing written); the applicant resubmits into round 2 at step 1", async () => {
      const submitted = await h.apply(people.candidateK1, "退回再交");
      h.clock.advance({ minutes: 1 });
      const atCounty = await h.approve(people.teacherK1, submitted);
      const before = await h.traces(submitted.id);

      for (const reason of [null, "", "  ", "差", "长".repeat(501)]) {
        const refused = await h.decide(people.countyC1, atCounty, RETURN, { reason });
        expect(errorOf(refused).extensions).toMatchObject({ code: "REASON_REQUIRED", field: "reason" });
        expect(errorOf(refused).message).toBe("退回或不予通过须填写原因（2 至 500 个字）");
      }
      // An approval may carry a note, within the same length: a longer one is refused, not cut or failed in the database.
      expect(errorOf(await h.decide(people.countyC1, atCounty, APPROVE, { reason: "长".repeat(501) })).extensions?.code).toBe("REASON_REQUIRED");
      expect(await h.traces(submitted.id)).toEqual(before);

      h.clock.advance({ minutes: 1 });
      const returned = await h.decide(people.countyC1, atCounty, RETURN, { reason: "照片不清晰，请重新上传" });
      expect(returned.errors).toBeUndefined();
      expect(returned.data!.decidePermit).toMatchObject({ status: "RETURNED", lastReason: "照片不清晰，请重新上传", version: 3, closedAt: null });
      expect(await h.permit(submitted.id)).toMatchObject({ status: "RETURNED" });
      // Nobody's queue holds it while it is with the applicant.
      expect((await h.call<{ permitQueue: { items: Array<{ id: string }> } }>(people.countyC1, QUEUE_QUERY, { first: 200 })).data!.permitQueue.items.map((item) => item.id)).not.toContain(submitted.id);

      // Only the applicant resubmits.
      const stranger = await h.call(people.candidateK2, RESUBMIT_MUTATION, { input: { applicationId: submitted.id, expectedVersion: 3, idempotencyKey: randomUUID() } });
      expect(errorOf(stranger).extensions?.code).toBe("FORBIDDEN");

      h.clock.advance({ minutes: 1 });
      const resubmitted = await h.call<{ resubmitPermit: Application }>(people.candidateK1, RESUBMIT_MUTATION, {
        input: { applicationId: submitted.id, expectedVersion: 3, idempotencyKey: randomUUID() },
      });
      expect(resubmitted.errors).toBeUndefined();
      expect(resubmitted.data!.resubmitPermit).toMatchObject({ status: "IN_PROGRESS", round: 2, stepIndex: 0, stepKey: "class-review", version: 4, lastReason: "照片不清晰，请重新上传" });
      expect((await h.row(submitted.id)).actingOrganizationPath).toBe(IM_K1.join("/"));
      expect(resubmitted.data!.resubmitPermit.history.map((entry) => [entry.action, entry.round])).toEqual([
        ["SUBMIT", 1],
        ["APPROVE", 1],
        ["RETURN", 1],
        ["RESUBMIT", 2],
      ]);
      const traces = await h.traces(submitted.id);
      expect(traces).toMatchObject({ history: 4, audit: 4, outbox: 4 });
      expect(traces.events).toEqual(["workflow.application-submitted", "workflow.application-decided", "workflow.application-decided", "workflow.application-submitted"]);
      const outbox = await h.em().find(OutboxEvent, { payload: { $like: `%${submitted.id}%` } }, { orderBy: { occurredAt: "asc" } });
      expect(WorkflowApplicationSubmitted.parse(outbox[3]!.toDomainEvent()).payload).toMatchObject({ resubmitted: true, round: 2, step: { key: "class-review" } });
      expect(WorkflowApplicationDecided.parse(outbox[2]!.toDomainEvent()).payload).toMatchObject({ decision: "RETURN", status: "RETURNED", reason: "照片不清晰，请重新上传", nextStep: null });
      // It is the teacher's again.
      expect((await h.call<{ permitQueue: { items: Array<{ id: string }> } }>(people.teacherK1, QUEUE_QUERY, { first: 200 })).data!.permitQueue.items.map((item) => item.id)).toContain(submitted.id);
      // A resubmission of an application that is not returned is refused.
      const again = await h.call(people.candidateK1, RESUBMIT_MUTATION, { input: { applicationId: submitted.id, expectedVersion: 4, idempotencyKey: randomUUID() } });
      expect(errorOf(again).extensions?.code).toBe("NOT_RETURNED");
    });

    it("lists the history in the order things happened, even at one instant", async () => {
      let current = await h.apply(people.candidateK1, "同一时刻");
      for (const approver of [people.teacherK1, people.countyC1, people.leagueL1]) current = await h.approve(approver, current);
      const returned = await h.decide(people.institute15, current, REJECT, { reason: "同一时刻不予通过" });
      expect(returned.data!.decidePermit.history.map((entry) => entry.resultVersion)).toEqual([1, 2, 3, 4, 5]);
    });

    it("closes the application on a rejection; nothing more can be decided", async () => {
      const submitted = await h.apply(people.candidateK1, "不予通过");
      h.clock.advance({ minutes: 1 });
      const rejected = await h.decide(people.teacherK1, submitted, REJECT, { reason: "不符合申请条件" });
      expect(rejected.data!.decidePermit).toMatchObject({ status: "REJECTED", closedAt: h.clock.now().toISOString(), lastReason: "不符合申请条件", version: 2 });
      expect(await h.permit(submitted.id)).toMatchObject({ status: "REJECTED" });
      const late = await h.decide(people.teacherK1, rejected.data!.decidePermit, APPROVE);
      expect(errorOf(late).extensions?.code).toBe("APPLICATION_CLOSED");
      expect(await h.traces(submitted.id)).toMatchObject({ version: 2, history: 2, audit: 2, outbox: 2 });
    });

    it("refuses a decision the step does not offer (DECISION_NOT_ALLOWED)", async () => {
      let current = await h.apply(people.candidateK1, "联赛不能拒绝");
      current = await h.approve(people.teacherK1, current);
      current = await h.approve(people.countyC1, current);
      const before = await h.traces(current.id);
      const refused = await h.decide(people.leagueL1, current, REJECT, { reason: "盟市不能不予通过" });
      expect(errorOf(refused).extensions).toMatchObject({ code: "DECISION_NOT_ALLOWED", field: "decision" });
      expect(errorOf(refused).message).toBe("“盟市审核”环节不能作此决定");
      expect(await h.traces(current.id)).toEqual(before);
    });

    it("refuses a decision at the wrong step, role or scope with FORBIDDEN, writing nothing", async () => {
      const submitted = await h.apply(people.candidateK1, "越权");
      const before = await h.traces(submitted.id);
      const cases: Array<[string, TestCaller, string]> = [
        ["the county before its step", people.countyC1, "您的角色无权执行此操作"],
        ["the institute before its step", people.institute15, "您的角色无权执行此操作"],
        ["the school admin (not the step's role)", people.schoolAdminS1, "您的角色无权执行此操作"],
        ["another class's teacher", people.teacherK2, "无权访问该数据：超出您的管理范围"],
        ["Beijing's class teacher", people.teacherBj, "无权访问该数据：超出您的管理范围"],
      ];
      for (const [label, caller, message] of cases) {
        const refused = await h.decide(caller, submitted, APPROVE);
        expect(errorOf(refused).extensions?.code, label).toBe("FORBIDDEN");
        expect(errorOf(refused).message, label).toBe(message);
      }
      // A candidate never reaches the engine (the declared rule), not even the applicant.
      expect(errorOf(await h.decide(people.candidateK1, submitted, APPROVE)).extensions?.code).toBe("FORBIDDEN");
      expect(await h.traces(submitted.id)).toEqual(before);

      // At the league step: the other league is out of scope.
      let current = await h.approve(people.teacherK1, submitted);
      current = await h.approve(people.countyC1, current);
      const atLeague = await h.traces(submitted.id);
      const otherLeague = await h.decide(people.leagueL2, current, APPROVE);
      expect(errorOf(otherLeague).extensions?.code).toBe("FORBIDDEN");
      expect(errorOf(await h.decide(people.countyC1, current, APPROVE)).extensions?.code).toBe("FORBIDDEN");
      expect(await h.traces(submitted.id)).toEqual(atLeague);
      expect(current.canDecide).toBe(false);
      const seenByLeague = await h.call<{ permitQueue: { items: Array<{ id: string }> } }>(people.leagueL1, QUEUE_QUERY, { first: 200 });
      expect(seenByLeague.data!.permitQueue.items.map((item) => item.id)).toContain(submitted.id);
    });

    it("lets exactly one of two concurrent deciders on one version win; the other gets CONFLICT", async () => {
      for (let attempt = 0; attempt < 3; attempt += 1) {
        const submitted = await h.apply(people.candidateK1, `并发 ${attempt}`);
        const results = await Promise.all([
          h.decide(people.teacherK1, submitted, APPROVE),
          h.decide(people.otherTeacherK1, submitted, RETURN, { reason: "材料不全，请补充" }),
        ]);
        const winners = results.filter((result) => result.data?.decidePermit);
        const losers = results.filter((result) => result.errors);
        expect(winners).toHaveLength(1);
        expect(losers).toHaveLength(1);
        expect(errorOf(losers[0]!).extensions?.code).toBe("CONFLICT");
        expect(errorOf(losers[0]!).message).toBe("该申请已被他人处理或已更新，请刷新后查看最新状态");
        expect(await h.traces(submitted.id)).toMatchObject({ version: 2, history: 2, audit: 2, outbox: 2 });
        expect((await h.permit(submitted.id)).transitions).toBe(2);
        // Deciding later on the version one saw is the same CONFLICT, for either of them.
        for (const late of [people.teacherK1, people.otherTeacherK1]) expect(errorOf(await h.decide(late, submitted, APPROVE)).extensions?.code).toBe("CONFLICT");
        expect(await h.traces(submitted.id)).toMatchObject({ version: 2, history: 2 });
      }
    });

    it("answers a retry with the same idempotency key as the first time and writes nothing twice", async () => {
      const submitted = await h.apply(people.candidateK1, "重试");
      const key = randomUUID();
      const first = await h.decide(people.teacherK1, submitted, APPROVE, { key });
      expect(first.errors).toBeUndefined();
      const after = await h.traces(submitted.id);
      expect(after).toMatchObject({ version: 2, history: 2, audit: 2, outbox: 2 });

      const retry = await h.decide(people.teacherK1, submitted, APPROVE, { key });
      expect(retry).toEqual(first);
      expect(await h.traces(submitted.id)).toEqual(after);

      // The same key for another operation is refused, whatever it names.
      const otherDecision = await h.decide(people.teacherK1, submitted, RETURN, { key, reason: "换一个决定" });
      expect(errorOf(otherDecision).extensions).toMatchObject({ code: "IDEMPOTENCY_KEY_REUSED", field: "idempotencyKey" });
      const another = await h.apply(people.candidateK1, "另一份");
      const otherApplication = await h.decide(people.teacherK1, another, APPROVE, { key });
      expect(errorOf(otherApplication).extensions?.code).toBe("IDEMPOTENCY_KEY_REUSED");
      expect(await h.traces(submitted.id)).toEqual(after);
      expect(await h.traces(another.id)).toMatchObject({ version: 1, history: 1 });

      // Malformed keys are refused before anything happens.
      const malformed = await h.decide(people.teacherK1, another, APPROVE, { key: "短" });
      expect(errorOf(malformed).extensions).toMatchObject({ code: "IDEMPOTENCY_KEY_INVALID", field: "idempotencyKey" });
    });

    it("answers two simultaneous retries of one request alike, deciding once", async () => {
      const submitted = await h.apply(people.candidateK1, "同时重试");
      const key = randomUUID();
      const results = await Promise.all([h.decide(people.teacherK1, submitted, APPROVE, { key }), h.decide(people.teacherK1, submitted, APPROVE, { key })]);
      expect(results.map((result) => result.errors)).toEqual([undefined, undefined]);
      expect(results[0]!.data!.decidePermit).toMatchObject({ version: 2, stepKey: "county-review" });
      expect(results[1]!.data!.decidePermit).toMatchObject({ version: 2, stepKey: "county-review" });
      expect(await h.traces(submitted.id)).toMatchObject({ version: 2, history: 2, audit: 2, outbox: 2 });
    });

    it("rolls state, history, audit and outbox back together when the kind's onTransition throws", async () => {
      const submitted = await h.apply(people.candidateK1, "稍后出错");
      const before = await h.traces(submitted.id);
      const permitBefore = await h.permit(submitted.id);
      failingSubjects.add(permitBefore.id);
      try {
        const failed = await h.decide(people.teacherK1, submitted, APPROVE);
        expect(errorOf(failed).extensions?.code).toBe("INTERNAL_SERVER_ERROR");
        expect(await h.traces(submitted.id)).toEqual(before);
        expect(await h.permit(submitted.id)).toMatchObject({ status: "IN_PROGRESS", stepKey: "class-review", transitions: permitBefore.transitions });
      } finally {
        failingSubjects.delete(permitBefore.id);
      }
      // Once the kind works again, the same version can be decided.
      expect((await h.approve(people.teacherK1, submitted)).stepKey).toBe("county-review");
    });

    it("lets the applicant withdraw an application not yet decided, and nobody else", async () => {
      const submitted = await h.apply(people.candidateK1, "撤回");
      const input = { applicationId: submitted.id, expectedVersion: 1, idempotencyKey: randomUUID() };
      expect(errorOf(await h.call(people.candidateK2, WITHDRAW_MUTATION, { input })).extensions?.code).toBe("FORBIDDEN");
      const withdrawn = await h.call<{ withdrawPermit: Application }>(people.candidateK1, WITHDRAW_MUTATION, { input });
      expect(withdrawn.data!.withdrawPermit).toMatchObject({ status: "WITHDRAWN", version: 2 });
      expect(withdrawn.data!.withdrawPermit.closedAt).not.toBeNull();
      expect(await h.permit(submitted.id)).toMatchObject({ status: "WITHDRAWN" });
      expect(await h.traces(submitted.id)).toMatchObject({ history: 2, audit: 2 });
      const late = await h.decide(people.teacherK1, withdrawn.data!.withdrawPermit, APPROVE);
      expect(errorOf(late).extensions?.code).toBe("APPLICATION_CLOSED");
    });
  });

  describe("definitions", () => {
    const definitions = async (caller: TestCaller, provinceCode: string, includeRetired = false) =>
      h.call<{ kitflowWorkflowDefinitions: Array<{ kind: string; version: number; retiredAt: string | null; createdBy: string | null; steps: WorkflowStepSpec[] }> }>(
        caller,
        DEFINITIONS_QUERY,
        { provinceCode, includeRetired },
      );
    const update = (caller: TestCaller, provinceCode: string, expectedVersion: number, steps: WorkflowStepSpec[]) =>
      h.call<{ updateKitflowWorkflowDefinition: { kind: string; version: number; steps: Array<{ key: string }> } }>(caller, UPDATE_DEFINITION, {
        input: { provinceCode, kind: PermitKind.kind, expectedVersion, steps },
      });
    /** Inner Mongolia without the league step. */
    const shorter = [IM_STEPS[0]!, IM_STEPS[1]!, IM_STEPS[3]!];

    it("shows each province its own chain, as seeded", async () => {
      const im = await definitions(people.countyC1, "15");
      expect(im.errors).toBeUndefined();
      expect(im.data!.kitflowWorkflowDefinitions).toEqual([{ kind: "kitflow.permit", version: 1, retiredAt: null, createdBy: null, steps: IM_STEPS }]);
      expect((await definitions(people.institute11, "11")).data!.kitflowWorkflowDefinitions[0]!.steps.map((item) => item.key)).toEqual(["class-review", "district-review", "municipal-review"]);
      expect(errorOf(await definitions(people.institute11, "15")).extensions?.code).toBe("FORBIDDEN");
      // Every staff role of the province reads it (to know where an application goes next); nobody else.
      for (const caller of [people.teacherK1, people.schoolAdminS1, people.countyC2, people.leagueL2, people.institute15]) {
        expect((await definitions(caller, "15")).data?.kitflowWorkflowDefinitions?.map((item) => item.version), caller.roles![0]!.role).toEqual([1]);
      }
      for (const caller of [people.teacherBj, people.districtBj]) expect(errorOf(await definitions(caller, "15")).extensions?.code).toBe("FORBIDDEN");
      expect(errorOf(await definitions(people.candidateK1, "15")).extensions?.code).toBe("FORBIDDEN");
      expect(errorOf(await definitions({ ...people.countyC1, pcr: true }, "15")).extensions?.code).toBe("PASSWORD_CHANGE_REQUIRED");
    });

    it.each([
      ["no steps", "15", [], "至少需要一个审核环节"],
      ["a step that cannot approve", "15", [{ ...IM_STEPS[0]!, decisions: [RETURN, REJECT] }], "第 1 个环节须能作出“通过”的决定"],
      ["a role at another level", "15", [IM_STEPS[0]!, { ...IM_STEPS[1]!, level: OrganizationLevelName.LEAGUE }], "第 2 个环节的审核角色与层级不符"],
      ["a candidate acting", "15", [{ ...IM_STEPS[0]!, actorRole: Role.CANDIDATE_SOCIAL }], "第 1 个环节的审核角色不能是考生或第三方系统"],
      ["a warning not before the deadline", "15", [{ ...IM_STEPS[0]!, slaHours: 24, warnAtHours: 24 }], "第 1 个环节的预警时点须早于审核时限"],
      ["a warning without a deadline", "15", [{ ...IM_STEPS[0]!, slaHours: null, warnAtHours: 24 }], "第 1 个环节没有审核时限，不能设置预警时点"],
      ["duplicate step keys", "15", [IM_STEPS[0]!, { ...IM_STEPS[1]!, key: "class-review" }], "第 2 个环节的代码“class-review”与前面的环节重复"],
      ["a league step in Beijing", "11", [BJ_STEPS[0]!, { ...IM_STEPS[2]! }], "第 2 个环节：本省没有该层级的机构"],
    ] as Array<[string, string, WorkflowStepSpec[], string]>)("refuses an invalid edit (%s) with DEFINITION_INVALID in Chinese, writing nothing", async (_label, provinceCode, steps, problem) => {
      const institute = provinceCode === "15" ? people.institute15 : people.institute11;
      const result = await update(institute, provinceCode, 1, steps);
      expect(errorOf(result).extensions).toMatchObject({ code: "DEFINITION_INVALID", field: "steps" });
      expect(errorOf(result).message).toBe(`审核流程配置有误：${problem}`);
      expect((await definitions(institute, provinceCode, true)).data!.kitflowWorkflowDefinitions.map((item) => item.version)).toEqual([1]);
    });

    it("refuses an edit of another province (FORBIDDEN) and by anyone but a province institute", async () => {
      const other = await update(people.institute11, "15", 1, shorter);
      expect(errorOf(other).extensions?.code).toBe("FORBIDDEN");
      expect(errorOf(other).message).toBe("无权访问该数据：超出您的管理范围");
      expect(errorOf(await update(people.leagueL1, "15", 1, shorter)).extensions?.code).toBe("FORBIDDEN");
      expect(errorOf(await update(people.institute15, "99", 1, shorter)).extensions?.code).toBe("PROVINCE_INVALID");
      expect((await definitions(people.institute15, "15", true)).data!.kitflowWorkflowDefinitions.map((item) => item.version)).toEqual([1]);
    });

    it("writes a new version: the running application keeps its version's steps, new applications take the new one", async () => {
      const running = await h.apply(people.candidateK2, "旧版本");
      h.clock.advance({ minutes: 1 });
      const updated = await update(people.institute15, "15", 1, shorter);
      expect(updated.errors).toBeUndefined();
      expect(updated.data!.updateKitflowWorkflowDefinition).toEqual({ kind: "kitflow.permit", version: 2, steps: [{ key: "class-review" }, { key: "county-review" }, { key: "province-review" }] });

      const listed = (await definitions(people.institute15, "15", true)).data!.kitflowWorkflowDefinitions;
      expect(listed.map((item) => [item.version, item.retiredAt, item.createdBy])).toEqual([
        [2, null, people.institute15.sub],
        [1, h.clock.now().toISOString(), null],
      ]);
      const audited = await h.em().find(AuditEntry, { action: "workflow-definition.updated" });
      expect(audited.map((entry) => [entry.subjectId, entry.actorId])).toEqual([["15:kitflow.permit", people.institute15.sub]]);

      // The running application still goes through the league.
      let old = await h.approve(people.teacherK2, running);
      old = await h.approve(people.countyC2, old);
      expect(old).toMatchObject({ stepKey: "league-review", definitionVersion: 1 });

      // A new one skips it.
      let fresh = await h.apply(people.candidateK2, "新版本");
      expect(fresh.definitionVersion).toBe(2);
      fresh = await h.approve(people.teacherK2, fresh);
      fresh = await h.approve(people.countyC2, fresh);
      expect(fresh).toMatchObject({ stepKey: "province-review", definitionVersion: 2 });

      // Beijing's chain is untouched.
      expect((await definitions(people.institute11, "11")).data!.kitflowWorkflowDefinitions.map((item) => item.version)).toEqual([1]);
    });

    it("refuses an edit from a stale version (DEFINITION_VERSION_CONFLICT)", async () => {
      const stale = await update(people.institute15, "15", 1, IM_STEPS);
      expect(errorOf(stale).extensions).toMatchObject({ code: "DEFINITION_VERSION_CONFLICT", field: "expectedVersion" });
      expect(errorOf(stale).message).toBe("审核流程已被他人修改，请刷新后重新编辑");
      expect((await definitions(people.institute15, "15", true)).data!.kitflowWorkflowDefinitions.map((item) => item.version)).toEqual([2, 1]);
      // Two editors of the current version at once: one writes version 3, the other is told.
      const results = await Promise.all([update(people.institute15, "15", 2, IM_STEPS), update(people.institute15, "15", 2, shorter)]);
      expect(results.filter((result) => result.errors === undefined)).toHaveLength(1);
      expect(results.flatMap((result) => result.errors ?? []).map((error) => error.extensions?.code)).toEqual(["DEFINITION_VERSION_CONFLICT"]);
      expect((await definitions(people.institute15, "15", true)).data!.kitflowWorkflowDefinitions.map((item) => [item.version, item.retiredAt === null])).toEqual([
        [3, true],
        [2, false],
        [1, false],
      ]);
    });
  });
});

describe.each(drivers)("review time limits (checkWorkflowSla) on %s", (driver) => {
  const t0 = "2026-03-02T00:00:00.000Z";
  const h = workflowHarness(driver, t0);
  const at = (hours: number) => new Date(Date.parse(t0) + hours * HOUR);

  beforeAll(() => h.start());
  afterAll(() => h.stop());

  const sla = (hours: number) => checkWorkflowSla(h.em(), at(hours), "kitflow");
  const events = async () => (await h.em().find(OutboxEvent, { type: { $like: "workflow.sla-%" } }, { orderBy: { occurredAt: "asc" } })).map((row) => row.toDomainEvent());
  const warnings = async () => (await events()).filter((event) => WorkflowSlaWarning.matches(event)).map((event) => WorkflowSlaWarning.parse(event));
  const escalations = async () => (await events()).filter((event) => WorkflowSlaEscalated.matches(event)).map((event) => WorkflowSlaEscalated.parse(event));

  it("warns once per kind, step and acting organisation, each application once; escalates each late application once; never a step without a time limit", async () => {
    // At t0: two in class K1, one in class K2, one in Beijing (class step: warn 48 h, due 72 h);
    // one already at the county (warn 24 h, due 48 h); one at the league step (no time limit).
    const k1a = await h.apply(people.candidateK1, "K1-a");
    const k1b = await h.apply(people.candidateK1, "K1-b");
    const k2 = await h.apply(people.candidateK2, "K2");
    const bj = await h.apply(people.candidateBj, "BJ");
    const k3 = await h.apply(people.candidateK3, "K3");
    const atCounty = await h.approve(people.teacherK1, await h.apply(people.candidateK1, "到县"));
    let atLeague = await h.approve(people.teacherK2, await h.apply(people.candidateK2, "到盟市"));
    atLeague = await h.approve(people.countyC2, atLeague);
    expect(atLeague.stepKey).toBe("league-review");
    expect(atLeague.dueAt).toBeNull();

    expect(await sla(23)).toEqual({ warned: 0, escalated: 0 });

    // 49 h: the county step is past its 48 h deadline (escalated, not warned); the class steps past 48 h are warned.
    expect(await sla(49)).toEqual({ warned: 5, escalated: 1 });
    const firstWarnings = await warnings();
    const byOrganisation = Object.fromEntries(firstWarnings.map((event) => [event.payload.step.actingOrganizationPath.join("/"), event.payload.count]));
    expect(byOrganisation).toEqual({ [IM_K1.join("/")]: 2, [IM_K2.join("/")]: 1, [IM_K3.join("/")]: 1, [BJ_K1.join("/")]: 1 });
    for (const event of firstWarnings) {
      expect(event.payload).toMatchObject({ kind: "kitflow.permit", kindName: "测试许可", warnAtHours: 48, step: { key: "class-review", actorRole: "CLASS_TEACHER" }, earliestDueAt: at(72).toISOString() });
      expect(event.organizationPath).toEqual(event.payload.step.actingOrganizationPath);
    }
    expect(firstWarnings.find((event) => event.payload.step.actingOrganizationPath.join("/") === BJ_K1.join("/"))!.payload.provinceCode).toBe("11");
    expect((await escalations()).map((event) => event.payload)).toEqual([
      {
        applicationId: atCounty.id,
        kind: "kitflow.permit",
        kindName: "测试许可",
        provinceCode: "15",
        step: { key: "county-review", name: "旗县区审核", level: "COUNTY", actorRole: "COUNTY_AGENCY", actingOrganizationPath: IM_C1 },
        slaHours: 48,
        dueAt: at(48).toISOString(),
      },
    ]);

    // A later application in K1 reaches its warning point; the two warned before are not warned again.
    h.clock.set(at(2));
    const k1c = await h.apply(people.candidateK1, "K1-c");
    expect(await sla(49)).toEqual({ warned: 0, escalated: 0 });
    expect(await sla(51)).toEqual({ warned: 1, escalated: 0 });
    const latest = (await warnings()).at(-1)!;
    expect(latest.payload).toMatchObject({ count: 1, step: { actingOrganizationPath: IM_K1 }, earliestDueAt: at(74).toISOString() });
    expect(await warnings()).toHaveLength(5);

    // 73 h: the five class applications filed at t0 pass 72 h (escalated once each), K1-c not yet.
    expect(await sla(73)).toEqual({ warned: 0, escalated: 5 });
    expect(await sla(73)).toEqual({ warned: 0, escalated: 0 });
    const escalated = (await escalations()).map((event) => event.payload.applicationId);
    expect(escalated).toHaveLength(6);
    expect(new Set(escalated)).toEqual(new Set([atCounty.id, k1a.id, k1b.id, k2.id, k3.id, bj.id]));
    expect(await sla(75)).toEqual({ warned: 0, escalated: 1 });
    expect((await escalations()).at(-1)!.payload.applicationId).toBe(k1c.id);

    // The league step has no time limit: never warned, never escalated, however long it waits.
    expect(await sla(24 * 365)).toEqual({ warned: 0, escalated: 0 });
    const league = await h.row(atLeague.id);
    expect([league.slaWarnedAt, league.slaEscalatedAt]).toEqual([null, null]);
    expect((await events()).some((event) => JSON.stringify(event.payload).includes(atLeague.id))).toBe(false);
  });

  it("warns again when an application enters a new step", async () => {
    const submitted = await h.apply(people.candidateK2, "换环节");
    const entered = h.clock.now();
    const hoursFromNow = (hours: number) => new Date(entered.getTime() + hours * HOUR);
    await checkWorkflowSla(h.em(), hoursFromNow(49), "kitflow");
    expect((await h.row(submitted.id)).slaWarnedAt).not.toBeNull();
    h.clock.set(hoursFromNow(50));
    const atCounty = await h.approve(people.teacherK2, submitted);
    expect((await h.row(submitted.id)).slaWarnedAt).toBeNull();
    const before = (await warnings()).length;
    expect((await checkWorkflowSla(h.em(), hoursFromNow(75), "kitflow")).warned).toBeGreaterThanOrEqual(1);
    const mine = (await warnings()).slice(before).filter((event) => event.payload.step.key === "county-review");
    expect(mine.map((event) => event.payload.step.actingOrganizationPath)).toEqual([IM_C2]);
    expect(atCounty.stepKey).toBe("county-review");
  });
});
