import { DEMO_PASSWORD, demoUserId } from "@xuekao/demo-data";
import { identitySubgraph } from "@xuekao/identity";
import { AuditEntry, FakeClock, JWKS_PATH } from "@xuekao/subgraph-kit";
import { signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ExamRecord, ExamRecordStatus } from "../src/modules/exam-record/exam-record.entity.js";
import { ExamSession } from "../src/modules/exam-session/exam-session.entity.js";
import { SubjectEntry } from "../src/modules/subject-entry/subject-entry.entity.js";
import { registrySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

const ENTER = `mutation($input: EnterSubjectsInput!) { enterSubjects(input: $input) { id subjectCode recordNumber sessionId } }`;
const WITHDRAW = `mutation($input: WithdrawSubjectEntryInput!) { withdrawSubjectEntry(input: $input) { id subjectCode } }`;
const ENTRIES = `query($sessionId: ID, $first: Int, $after: String) {
  subjectEntries(sessionId: $sessionId, first: $first, after: $after) {
    items { id recordNumber subjectCode result score resultPublished subject { name } candidate { id } }
    nextCursor
  }
}`;

interface Entry {
  id: string;
  subjectCode: string;
  recordNumber: string;
  sessionId: string;
}
interface ListedEntry {
  id: string;
  recordNumber: string;
  subjectCode: string;
  result: string | null;
  score: number | null;
  resultPublished: boolean;
  subject: { name: string } | null;
  candidate: { id: string } | null;
}

/** The demo is seeded at this instant: Inner Mongolia's open window runs 2026-11-15T00:00Z – 2026-12-05T00:00Z. */
const START = "2026-11-20T00:00:00.000Z";

describe.each(drivers)("subject registration on %s", (driver) => {
  let registry: TestSubgraph;
  let identity: TestSubgraph;
  // One clock for both: the tokens identity issues are valid at the instants registry is asked at.
  const clock = new FakeClock(START);
  let as = signedInAs(() => identity.url, DEMO_PASSWORD);
  /** Moves both subgraphs to `instant` and signs everybody in again there. */
  const at = (instant: string | Date) => {
    clock.set(instant);
    as = signedInAs(() => identity.url, DEMO_PASSWORD);
  };
  const em = () => registry.service.orm.em.fork();

  const openSession = async () => (await em().findOneOrFail(ExamSession, { provinceCode: "15", scoresPublishedAt: null, code: { $nin: ["T-EDGE", "T-SUB", "Y1-A", "Y1-B", "Y1-C", "Y2"] } }, { orderBy: { registrationOpensAt: "desc" } }));
  const pastSession = async () => em().findOneOrFail(ExamSession, { provinceCode: "15", scoresPublishedAt: { $ne: null } });
  const beijingSession = async () => em().findOneOrFail(ExamSession, { provinceCode: "11" });

  /** A session stored directly (as the institute would have created it), offering `subjects` (default: the nine region-run ones). */
  const storeSession = async (code: string, opensAt: string, closesAt: string, subjects?: string[]) => {
    const fork = em();
    const session = fork.create(ExamSession, {
      code,
      name: `测试考次 ${code}`,
      provinceCode: "15",
      registrationOpensAt: new Date(opensAt),
      registrationClosesAt: new Date(closesAt),
      scoresPublishedAt: null,
      subjectCodesJson: JSON.stringify(subjects ?? ["CHINESE", "MATHEMATICS", "FOREIGN_LANGUAGE", "POLITICS", "HISTORY", "GEOGRAPHY", "PHYSICS", "CHEMISTRY", "BIOLOGY"]),
      createdAt: new Date(opensAt),
    });
    await fork.flush();
    return session;
  };

  const enter = async (username: string, sessionId: string, subjectCodes: string[]) =>
    registry.graphql<{ enterSubjects: Entry[] }>(ENTER, { input: { sessionId, subjectCodes } }, await as(username));
  const withdraw = async (username: string, sessionId: string, subjectCode: string) =>
    registry.graphql<{ withdrawSubjectEntry: Array<{ id: string; subjectCode: string }> }>(WITHDRAW, { input: { sessionId, subjectCode } }, await as(username));
  const entryCount = () => em().count(SubjectEntry, {});
  const auditCount = (action: string) => em().count(AuditEntry, { action });
  const refusal = (result: { errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }) => ({
    code: result.errors?.[0]?.extensions?.code,
    message: result.errors?.[0]?.message,
  });
  const setRecord = async (username: string, changes: Partial<Pick<ExamRecord, "status" | "enrollmentYear" | "provinceCode">>) => {
    const fork = em();
    const record = await fork.findOneOrFail(ExamRecord, { candidateId: demoUserId(username) });
    Object.assign(record, changes);
    await fork.flush();
  };

  beforeAll(async () => {
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true, clock });
    registry = await startTestSubgraph(registrySubgraph, driver, {
      seedDemo: true,
      clock,
      jwksUrl: identity.url.replace(/\/graphql$/, JWKS_PATH),
    });
  });
  afterAll(async () => {
    await registry?.stop();
    await identity?.stop();
  });
  beforeEach(() => at(START));

  describe("subjects and sessions per province", () => {
    it("seeds Inner Mongolia's thirteen subjects, the region's nine and the leagues' four, and Beijing's nine", async () => {
      const result = await registry.graphql<{ im: Array<{ code: string; name: string; sortOrder: number; runBy: string }>; bj: Array<{ name: string }>; none: unknown[] }>(
        `{ im: examSubjects(provinceCode: "15") { code name sortOrder runBy } bj: examSubjects(provinceCode: "11") { name } none: examSubjects(provinceCode: "x") { name } }`,
      );
      expect(result.errors).toBeUndefined();
      const im = result.data!.im;
      expect(im.map((subject) => subject.name)).toEqual([
        "语文", "数学", "外语", "思想政治", "历史", "地理", "物理", "化学", "生物学", "信息技术", "通用技术", "艺术（音乐、美术）", "体育与健康",
      ]);
      expect(im.map((subject) => subject.sortOrder)).toEqual(Array.from({ length: 13 }, (_, index) => index + 1));
      expect(im.filter((subject) => subject.runBy === "PROVINCE")).toHaveLength(9);
      expect(im.filter((subject) => subject.runBy === "LEAGUE").map((subject) => subject.name)).toEqual(["信息技术", "通用技术", "艺术（音乐、美术）", "体育与健康"]);
      expect(result.data!.bj).toHaveLength(9);
      expect(result.data!.none).toEqual([]);
    });

    it("shows each person their own province's sessions only, and anonymous visitors none", async () => {
      const list = async (username?: string) => {
        const result = await registry.graphql<{ examSessions: Array<{ provinceCode: string }> }>(`{ examSessions { provinceCode } }`, {}, username ? await as(username) : {});
        expect(result.errors).toBeUndefined();
        return [...new Set(result.data!.examSessions.map((session) => session.provinceCode))];
      };
      expect(await list("candidate1")).toEqual(["15"]);
      expect(await list("region1")).toEqual(["15"]);
      expect(await list("bjcandidate1")).toEqual(["11"]);
      expect(await list()).toEqual([]);
      // Another province's session by id is answered as missing.
      const foreign = await registry.graphql(`query($id: ID!) { examSession(id: $id) { id } }`, { id: (await beijingSession()).id }, await as("candidate1"));
      expect(refusal(foreign)).toEqual({ code: "EXAM_SESSION_NOT_FOUND", message: "未找到该考次" });
    });

    it("tells whether the window is open and which subjects the session offers, by the server's clock", async () => {
      const open = await openSession();
      const query = `query($id: ID!) { examSession(id: $id) { registrationOpen scoresPublished subjects { code } } }`;
      const now = await registry.graphql<{ examSession: { registrationOpen: boolean; scoresPublished: boolean; subjects: Array<{ code: string }> } }>(query, { id: open.id }, await as("candidate1"));
      expect(now.data?.examSession).toMatchObject({ registrationOpen: true, scoresPublished: false });
      expect(now.data?.examSession.subjects).toHaveLength(13);
      at(open.registrationClosesAt);
      const closed = await registry.graphql<{ examSession: { registrationOpen: boolean } }>(query, { id: open.id }, await as("candidate1"));
      expect(closed.data?.examSession.registrationOpen).toBe(false);
    });

    it("creates a session offering a subset of the catalogue, and refuses a subject the province does not have", async () => {
      const create = `mutation($input: CreateExamSessionInput!) { createExamSession(input: $input) { code subjects { code } } }`;
      const input = (code: string, subjectCodes: string[] | null) => ({
        code,
        name: "2027年6月内蒙古自治区普通高中学业水平合格性考试",
        provinceCode: "15",
        registrationOpensAt: "2027-03-20T01:00:00.000Z",
        registrationClosesAt: "2027-03-30T10:00:00.000Z",
        scoresPublishedAt: "2027-07-20T02:00:00.000Z",
        subjectCodes,
      });
      const created = await registry.graphql<{ createExamSession: { subjects: Array<{ code: string }> } }>(create, { input: input("S-SUB", ["PHYSICS", "CHINESE", " ARTS "]) }, await as("region1"));
      expect(created.errors).toBeUndefined();
      expect(created.data!.createExamSession.subjects.map((subject) => subject.code)).toEqual(["CHINESE", "PHYSICS", "ARTS"]);
      const all = await registry.graphql<{ createExamSession: { subjects: unknown[] } }>(create, { input: input("S-ALL", null) }, await as("region1"));
      expect(all.data!.createExamSession.subjects).toHaveLength(13);
      const before = await em().count(ExamSession, {});
      for (const subjectCodes of [[], ["CHINESE", "LATIN"]]) {
        const refused = await registry.graphql(create, { input: input("S-BAD", subjectCodes) }, await as("region1"));
        expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "EXAM_SESSION_SUBJECTS_INVALID", field: "subjectCodes" });
        expect(refused.errors?.[0]?.message).toBe("请从本省科目目录中选择至少一个开考科目");
      }
      expect(await em().count(ExamSession, {})).toBe(before);
    });
  });

  describe("enterSubjects and withdrawSubjectEntry", () => {
    it("enters subjects in one transaction with an audit entry each; entering again changes nothing", async () => {
      const session = await openSession();
      const audits = await auditCount("subject-entry.entered");
      const first = await enter("candidate1", session.id, ["PHYSICS", "CHEMISTRY"]);
      expect(first.errors).toBeUndefined();
      expect(first.data!.enterSubjects.map((entry) => entry.subjectCode)).toEqual(["CHEMISTRY", "PHYSICS"]);
      expect(await auditCount("subject-entry.entered")).toBe(audits + 2);
      const again = await enter("candidate1", session.id, ["PHYSICS", "PHYSICS"]);
      expect(again.data!.enterSubjects).toEqual(first.data!.enterSubjects);
      expect(await auditCount("subject-entry.entered")).toBe(audits + 2);
    });

    it("keeps one row when the same entry is sent several times at once", async () => {
      const session = await openSession();
      const results = await Promise.all(Array.from({ length: 4 }, () => enter("candidate4", session.id, ["HISTORY"])));
      expect(results.map((result) => result.errors?.[0]?.extensions?.code ?? "OK")).toEqual(["OK", "OK", "OK", "OK"]);
      expect(await em().count(SubjectEntry, { sessionId: session.id, candidateId: demoUserId("candidate4") })).toBe(1);
    });

    it("refuses a subject already passed (SUBJECT_ALREADY_PASSED), but not one failed", async () => {
      const session = await openSession();
      const before = await entryCount();
      const passed = await enter("candidate1", session.id, ["MATHEMATICS", "CHINESE"]);
      expect(refusal(passed)).toEqual({ code: "SUBJECT_ALREADY_PASSED", message: "您的语文已合格，无需再次报考" });
      expect(passed.errors?.[0]?.extensions?.field).toBe("subjectCodes");
      expect(await entryCount()).toBe(before);
      const failed = await enter("candidate1", session.id, ["MATHEMATICS"]);
      expect(failed.data?.enterSubjects.map((entry) => entry.subjectCode)).toContain("MATHEMATICS");
    });

    it("refuses a subject the session does not offer, and an empty choice, storing nothing", async () => {
      const session = await storeSession("T-SUB", "2026-11-19T00:00:00Z", "2026-11-25T00:00:00Z", ["CHINESE", "PHYSICS"]);
      const before = await entryCount();
      expect(refusal(await enter("candidate5", session.id, ["PHYSICS", "ARTS"]))).toEqual({ code: "SUBJECT_NOT_OFFERED", message: "本考次未开考该科目：艺术（音乐、美术）" });
      expect(refusal(await enter("candidate5", session.id, ["LATIN"]))).toEqual({ code: "SUBJECT_NOT_OFFERED", message: "本考次未开考该科目：LATIN" });
      expect(refusal(await enter("candidate5", session.id, []))).toEqual({ code: "SUBJECTS_REQUIRED", message: "请至少选择一个科目" });
      expect(await entryCount()).toBe(before);
    });

    it("takes entries from the opening instant until just before the closing one, by the server's clock (Beijing windows)", async () => {
      // Opens 2026-11-21 09:00 and closes 2026-11-22 18:00, Beijing time.
      const session = await storeSession("T-EDGE", "2026-11-21T01:00:00.000Z", "2026-11-22T10:00:00.000Z");
      const before = await entryCount();
      at("2026-11-21T00:59:59.999Z");
      expect(refusal(await enter("candidate6", session.id, ["GEOGRAPHY"]))).toEqual({ code: "WINDOW_NOT_OPEN", message: "本考次选课报名尚未开始" });
      expect(await entryCount()).toBe(before);
      at("2026-11-21T01:00:00.000Z");
      expect((await enter("candidate6", session.id, ["GEOGRAPHY", "BIOLOGY"])).errors).toBeUndefined();
      at("2026-11-22T09:59:59.999Z");
      expect((await withdraw("candidate6", session.id, "BIOLOGY")).data?.withdrawSubjectEntry.map((entry) => entry.subjectCode)).toEqual(["GEOGRAPHY"]);
      at("2026-11-22T10:00:00.000Z");
      const count = await entryCount();
      expect(refusal(await enter("candidate6", session.id, ["HISTORY"]))).toEqual({ code: "WINDOW_CLOSED", message: "本考次选课报名已截止" });
      expect(refusal(await withdraw("candidate6", session.id, "GEOGRAPHY"))).toEqual({ code: "WINDOW_CLOSED", message: "本考次选课报名已截止" });
      expect(await entryCount()).toBe(count);
    });

    it("withdraws an entry with an audit entry; withdrawing it again changes nothing", async () => {
      const session = await openSession();
      await enter("candidate7", session.id, ["POLITICS", "GEOGRAPHY"]);
      const audits = await auditCount("subject-entry.withdrawn");
      const first = await withdraw("candidate7", session.id, "POLITICS");
      expect(first.data?.withdrawSubjectEntry.map((entry) => entry.subjectCode)).toEqual(["GEOGRAPHY"]);
      const again = await withdraw("candidate7", session.id, "POLITICS");
      expect(again.data?.withdrawSubjectEntry).toEqual(first.data?.withdrawSubjectEntry);
      expect(await auditCount("subject-entry.withdrawn")).toBe(audits + 1);
    });

    it("answers another province's session, and one that does not exist, as missing", async () => {
      const before = await entryCount();
      for (const id of [(await beijingSession()).id, "00000000-0000-4000-a000-000000000000", "not-a-uuid"]) {
        expect(refusal(await enter("candidate1", id, ["CHINESE"]))).toEqual({ code: "EXAM_SESSION_NOT_FOUND", message: "未找到该考次" });
      }
      expect(await entryCount()).toBe(before);
    });

    it("refuses a candidate without a record, a suspended record, staff and anonymous callers", async () => {
      const session = await openSession();
      const before = await entryCount();
      expect(refusal(await enter("social1", session.id, ["CHINESE"]))).toEqual({ code: "EXAM_RECORD_NOT_FOUND", message: "未找到您的考籍：考籍注册完成后才能选课报名" });
      await setRecord("candidate2", { status: ExamRecordStatus.SUSPENDED });
      try {
        expect(refusal(await enter("candidate2", session.id, ["PHYSICS"]))).toEqual({
          code: "RECORD_NOT_REGISTERED",
          message: "您的考籍当前不是已注册状态（如休籍），不能选课报名",
        });
      } finally {
        await setRecord("candidate2", { status: ExamRecordStatus.REGISTERED });
      }
      for (const staff of ["region1", "school1", "teacher1"]) {
        expect(refusal(await enter(staff, session.id, ["CHINESE"]))).toEqual({ code: "FORBIDDEN", message: "您的角色无权执行此操作" });
      }
      const anonymous = await registry.graphql(ENTER, { input: { sessionId: session.id, subjectCodes: ["CHINESE"] } });
      expect(refusal(anonymous)).toEqual({ code: "UNAUTHENTICATED", message: "请先登录" });
      expect(await entryCount()).toBe(before);
    });

    describe("year 1 of an in-school candidate (enrolled 2026: year 1 is 2026-09-01 – 2027-08-31, Beijing)", () => {
      beforeAll(async () => setRecord("candidate16", { enrollmentYear: 2026 }));

      it("refuses a session whose window closes in the first term (SITTING_TOO_EARLY), up to the last instant of 31 January", async () => {
        const session = await storeSession("Y1-A", "2027-01-20T00:00:00.000Z", "2027-01-31T15:59:59.999Z");
        at("2027-01-25T00:00:00.000Z");
        expect(refusal(await enter("candidate16", session.id, ["CHINESE"]))).toEqual({
          code: "SITTING_TOO_EARLY",
          message: "在校考生最早于高一下学期末参加合格考，本考次报名截止时您尚在高一上学期，不能报考",
        });
        expect(await em().count(SubjectEntry, { candidateId: demoUserId("candidate16") })).toBe(0);
      });

      it("takes at most four subjects across year 1's sessions (YEAR_ONE_LIMIT), and more in year 2", async () => {
        const b = await storeSession("Y1-B", "2027-01-25T00:00:00.000Z", "2027-01-31T16:00:00.000Z");
        const c = await storeSession("Y1-C", "2027-05-01T00:00:00.000Z", "2027-05-20T00:00:00.000Z");
        const y2 = await storeSession("Y2", "2027-09-01T00:00:00.000Z", "2027-09-20T00:00:00.000Z");
        at("2027-01-30T00:00:00.000Z");
        expect((await enter("candidate16", b.id, ["CHINESE", "MATHEMATICS", "HISTORY"])).errors).toBeUndefined();
        at("2027-05-10T00:00:00.000Z");
        const over = await enter("candidate16", c.id, ["PHYSICS", "CHEMISTRY"]);
        expect(refusal(over)).toEqual({ code: "YEAR_ONE_LIMIT", message: "高一年级最多报考 4 个科目，您在高一已报考 3 个" });
        expect(await em().count(SubjectEntry, { sessionId: c.id })).toBe(0);
        expect((await enter("candidate16", c.id, ["PHYSICS"])).errors).toBeUndefined();
        // Entering an entered subject again is no new subject.
        expect((await enter("candidate16", c.id, ["PHYSICS"])).errors).toBeUndefined();
        expect(refusal(await enter("candidate16", c.id, ["BIOLOGY"]))).toMatchObject({ code: "YEAR_ONE_LIMIT" });
        // After a withdrawal there is room again.
        await withdraw("candidate16", c.id, "PHYSICS");
        expect((await enter("candidate16", c.id, ["BIOLOGY"])).errors).toBeUndefined();
        at("2027-09-10T00:00:00.000Z");
        expect((await enter("candidate16", y2.id, ["PHYSICS", "CHEMISTRY", "GEOGRAPHY", "POLITICS", "FOREIGN_LANGUAGE"])).errors).toBeUndefined();
      });
    });
  });

  describe("subjectEntries", () => {
    it("lists entries in the caller's scope, paged by cursor in record-number order", async () => {
      const session = await openSession();
      await enter("candidate20", session.id, ["CHINESE", "HISTORY"]);
      const list = async (username: string, variables: Record<string, unknown> = {}) => {
        const result = await registry.graphql<{ subjectEntries: { items: ListedEntry[]; nextCursor: string | null } }>(ENTRIES, { sessionId: session.id, ...variables }, await as(username));
        expect(result.errors).toBeUndefined();
        return result.data!.subjectEntries;
      };
      const all = (await list("region1", { first: 200 })).items;
      expect(all.map((entry) => entry.candidate?.id)).toContain(demoUserId("candidate20"));
      expect((await list("league1", { first: 200 })).items).toEqual(all);
      expect((await list("school1", { first: 200 })).items).toEqual(all);
      // teacher1 holds class 1 (candidates 1–15), not candidate20.
      const classOne = (await list("teacher1", { first: 200 })).items;
      expect(classOne.length).toBeGreaterThan(0);
      expect(classOne.map((entry) => entry.candidate?.id)).not.toContain(demoUserId("candidate20"));
      expect((await list("candidate20")).items.map((entry) => entry.subjectCode)).toEqual(["CHINESE", "HISTORY"]);
      expect((await list("bjreviewer1")).items).toEqual([]);

      const pages: ListedEntry[] = [];
      let after: string | null = null;
      do {
        const page: { items: ListedEntry[]; nextCursor: string | null } = await list("region1", { first: 2, after });
        pages.push(...page.items);
        after = page.nextCursor;
      } while (after);
      expect(pages).toEqual(all);

      const forged = await registry.graphql(ENTRIES, { sessionId: session.id, after: "bm90LWEtY3Vyc29y" }, await as("region1"));
      expect(refusal(forged)).toMatchObject({ code: "CURSOR_INVALID" });
      const anonymous = await registry.graphql(ENTRIES, { sessionId: session.id });
      expect(refusal(anonymous)).toMatchObject({ code: "UNAUTHENTICATED" });
    });

    it("shows the past session's published results to the candidate and the school", async () => {
      const past = await pastSession();
      const mine = await registry.graphql<{ subjectEntries: { items: ListedEntry[] } }>(ENTRIES, { sessionId: past.id }, await as("candidate1"));
      expect(mine.data?.subjectEntries.items.map((entry) => [entry.subject?.name, entry.result, entry.score, entry.resultPublished])).toEqual([
        ["语文", "PASS", 86, true],
        ["信息技术", "PASS", null, true],
        ["数学", "FAIL", 52, true],
      ]);
    });
  });
});
