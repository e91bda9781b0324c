import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, demoOrganizationPath, demoOrgId, demoProvinceCodeOf, demoUserId, demoUsers } from "@xuekao/demo-data";
import { identitySubgraph } from "@xuekao/identity";
import { FakeClock, JWKS_PATH } from "@xuekao/subgraph-kit";
import { signedInAs, startTestSubgraph, testDrivers, type TestSubgraph, itBehavesLikeASubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExamRecord, ExamRecordStatus } from "../src/modules/exam-record/exam-record.entity.js";
import { ExamSession } from "../src/modules/exam-session/exam-session.entity.js";
import { registeredFromStart } from "../src/seeders/pre-registration.demo.js";
import { registrySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

const CREATE = `mutation($input: CreateExamSessionInput!) {
  createExamSession(input: $input) { id code name provinceCode registrationOpensAt registrationClosesAt scoresPublishedAt }
}`;
const SESSIONS = `{ examSessions { id code name provinceCode registrationOpensAt registrationClosesAt scoresPublishedAt } }`;

interface Session {
  id: string;
  code: string;
  name: string;
  provinceCode: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
  scoresPublishedAt: string | null;
}

interface ExamRecordRow {
  id: string;
  recordNumber: string;
  status: string;
  candidate: { __typename: string; id: string } | null;
  school: { __typename: string; id: string } | null;
}

/** A valid input; each refusal case changes one field. */
const validInput = (overrides: { [field: string]: unknown } = {}) => ({
  code: "2027-06",
  name: "2027年6月内蒙古自治区普通高中学业水平合格性考试",
  provinceCode: "15",
  registrationOpensAt: "2027-03-20T01:00:00.000Z",
  registrationClosesAt: "2027-03-30T10:00:00.000Z",
  scoresPublishedAt: "2027-07-20T02:00:00.000Z",
  ...overrides,
});

/** Inner Mongolia's demo school (Beijing's transferred-in student is not on its roster or in region1's scope). */
const inSchoolCandidates = demoUsers.filter((user) => user.kind === "IN_SCHOOL_CANDIDATE" && demoProvinceCodeOf(user.organizationId) === "15");
/** The demo candidates registered from the start (the others wait at a stage of their pre-registration). */
const registered = inSchoolCandidates.filter(registeredFromStart);

describe.each(drivers)("registry subgraph on %s", (driver) => {
  let subgraph: TestSubgraph;

  /** The sessions Inner Mongolia's institute sees: its own province's (anonymous visitors see none). */
  const sessions = async () => {
    const result = await subgraph.graphql<{ examSessions: Session[] }>(SESSIONS, {}, await as("region1"));
    expect(result.errors).toBeUndefined();
    return result.data!.examSessions;
  };

  // The real identity subgraph issues the tokens registry verifies (against its JWKS).
  let identity: TestSubgraph;
  const as = signedInAs(() => identity.url, DEMO_PASSWORD);
  /** Creates a session as `username` (by default the Inner Mongolia institute, region1). */
  const create = async (input: Record<string, unknown>, username = "region1") =>
    subgraph.graphql<{ createExamSession: Session }>(CREATE, { input }, await as(username));

  beforeAll(async () => {
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true });
    subgraph = await startTestSubgraph(registrySubgraph, driver, {
      seedDemo: true,
      // Demo sessions are seeded relative to this instant (their codes follow from it).
      clock: new FakeClock("2026-11-20T00:00:00Z"),
      jwksUrl: identity.url.replace(/\/graphql$/, JWKS_PATH),
    });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await identity?.stop();
  });

  itBehavesLikeASubgraph(registrySubgraph, driver, () => subgraph);


  describe("createExamSession", () => {
    it("creates a session (trimmed) and lists it first, newest registration window first", async () => {
      const input = validInput({ code: " 2027-06 ", name: "  2027年6月内蒙古自治区普通高中学业水平合格性考试 " });
      const created = await create(input);
      expect(created.errors).toBeUndefined();
      const session = created.data!.createExamSession;
      expect(session).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        code: "2027-06",
        name: "2027年6月内蒙古自治区普通高中学业水平合格性考试",
        provinceCode: "15",
        registrationOpensAt: "2027-03-20T01:00:00.000Z",
        registrationClosesAt: "2027-03-30T10:00:00.000Z",
        scoresPublishedAt: "2027-07-20T02:00:00.000Z",
      });

      const listed = await sessions();
      // Its window opens after every seeded session's, so it comes first.
      expect(listed[0]).toEqual(session);
      // Inner Mongolia's only: Beijing's 2027-01 is not region1's.
      expect(listed.map((item) => item.code)).toEqual(["2027-06", "2027-02", "2026-07"]);
      const opens = listed.map((item) => Date.parse(item.registrationOpensAt));
      expect(opens).toEqual([...opens].sort((a, b) => b - a));
    });

    it("accepts a session without a publication date", async () => {
      const input = validInput({ code: "2027-S1", scoresPublishedAt: null });
      const created = await create(input);
      expect(created.errors).toBeUndefined();
      expect(created.data!.createExamSession).toMatchObject({ code: "2027-S1", scoresPublishedAt: null });
    });

    it("allows a code another province already uses", async () => {
      // Beijing's institute would create it; here it is stored directly, the API refuses region1 for Beijing.
      const em = subgraph.service.orm.em.fork();
      em.create(ExamSession, {
        code: "2027-S2",
        name: "2027年北京市补考",
        provinceCode: "11",
        registrationOpensAt: new Date("2027-02-01T01:00:00Z"),
        registrationClosesAt: new Date("2027-02-10T01:00:00Z"),
        scoresPublishedAt: null,
        createdAt: new Date(),
      });
      await em.flush();
      const created = await create(validInput({ code: "2027-S2", name: "2027年内蒙古自治区补考" }));
      expect(created.errors).toBeUndefined();
      expect(created.data!.createExamSession).toMatchObject({ code: "2027-S2", provinceCode: "15" });
      expect(await em.count(ExamSession, { code: "2027-S2" })).toBe(2);
    });

    it.each([
      ["a county agency", "county1", "15", "您的角色无权执行此操作"],
      ["a school admin", "school1", "15", "您的角色无权执行此操作"],
      ["a candidate", "candidate1", "15", "您的角色无权执行此操作"],
      ["Beijing's reviewer", "bjreviewer1", "11", "您的角色无权执行此操作"],
      ["Inner Mongolia's institute, for Beijing", "region1", "11", "无权访问该数据：超出您的管理范围"],
    ])("refuses %s with FORBIDDEN and stores nothing", async (_label, username, provinceCode, message) => {
      const before = await sessions();
      const result = await create(validInput({ code: "2027-F1", provinceCode }), username);
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(result.errors?.[0]?.message).toBe(message);
      expect(await sessions()).toEqual(before);
    });

    it("asks an anonymous caller to log in and stores nothing", async () => {
      const before = await sessions();
      const result = await subgraph.graphql(CREATE, { input: validInput({ code: "2027-F2" }) });
      expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(result.errors?.[0]?.message).toBe("请先登录");
      expect(await sessions()).toEqual(before);
    });

    it.each([
      ["an empty code", { code: "" }, "EXAM_SESSION_CODE_INVALID", "code"],
      ["a blank code", { code: "   " }, "EXAM_SESSION_CODE_INVALID", "code"],
      ["a code with a space inside", { code: "2027 09" }, "EXAM_SESSION_CODE_INVALID", "code"],
      ["a code with Chinese", { code: "二〇二七" }, "EXAM_SESSION_CODE_INVALID", "code"],
      ["a 33-character code", { code: "A".repeat(33) }, "EXAM_SESSION_CODE_INVALID", "code"],
      ["a one-character name", { code: "2027-09", name: " 考 " }, "EXAM_SESSION_NAME_INVALID", "name"],
      ["a 101-character name", { code: "2027-09", name: "考".repeat(101) }, "EXAM_SESSION_NAME_INVALID", "name"],
      // The name goes into every SMS reminder: what the SMS template refuses is refused here.
      ["a 41-character name", { code: "2027-09", name: "考".repeat(41) }, "EXAM_SESSION_NAME_INVALID", "name"],
      ["a name with 【】", { code: "2027-09", name: "【通知】2027年合格考" }, "EXAM_SESSION_NAME_INVALID", "name"],
      ["a name with a link", { code: "2027-09", name: "2027年合格考 www.example.cn" }, "EXAM_SESSION_NAME_INVALID", "name"],
      ["a name with a line break", { code: "2027-09", name: "2027年\n合格考" }, "EXAM_SESSION_NAME_INVALID", "name"],
      ["a one-digit province", { code: "2027-09", provinceCode: "1" }, "EXAM_SESSION_PROVINCE_INVALID", "provinceCode"],
      ["a lettered province", { code: "2027-09", provinceCode: "NM" }, "EXAM_SESSION_PROVINCE_INVALID", "provinceCode"],
      ["a three-digit province", { code: "2027-09", provinceCode: "150" }, "EXAM_SESSION_PROVINCE_INVALID", "provinceCode"],
      [
        "a window closing before it opens",
        { code: "2027-09", registrationOpensAt: "2027-03-30T10:00:00.000Z", registrationClosesAt: "2027-03-20T01:00:00.000Z" },
        "EXAM_SESSION_WINDOW_INVALID",
        "registrationClosesAt",
      ],
      [
        "a window closing when it opens",
        { code: "2027-09", registrationOpensAt: "2027-03-20T01:00:00.000Z", registrationClosesAt: "2027-03-20T01:00:00.000Z" },
        "EXAM_SESSION_WINDOW_INVALID",
        "registrationClosesAt",
      ],
      [
        "scores published before registration closes",
        { code: "2027-09", scoresPublishedAt: "2027-03-25T00:00:00.000Z" },
        "EXAM_SESSION_PUBLICATION_INVALID",
        "scoresPublishedAt",
      ],
      [
        "scores published when registration closes",
        { code: "2027-09", scoresPublishedAt: "2027-03-30T10:00:00.000Z" },
        "EXAM_SESSION_PUBLICATION_INVALID",
        "scoresPublishedAt",
      ],
      ["a code the province already has", { code: "2027-02" }, "EXAM_SESSION_CODE_TAKEN", "code"],
      ["a code the province already has, padded", { code: " 2027-02 " }, "EXAM_SESSION_CODE_TAKEN", "code"],
    ])("refuses %s with %s, in Chinese, and stores nothing", async (_label, overrides, code, field) => {
      const before = await sessions();
      const result = await create(validInput(overrides));
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
      expect(result.errors?.[0]?.extensions?.category).toBe(code === "EXAM_SESSION_CODE_TAKEN" ? "CONFLICT" : "BAD_USER_INPUT");
      expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await sessions()).toEqual(before);
    });

    it("answers EXAM_SESSION_CODE_TAKEN, not an internal error, when the same session is created several times at once", async () => {
      for (let round = 0; round < 3; round += 1) {
        const input = validInput({ code: `RACE-${round}`, name: "同时提交的考次" });
        const results = await Promise.all(Array.from({ length: 4 }, () => create(input)));
        const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? "OK").sort();
        expect(codes).toEqual(["EXAM_SESSION_CODE_TAKEN", "EXAM_SESSION_CODE_TAKEN", "EXAM_SESSION_CODE_TAKEN", "OK"]);
        expect((await sessions()).filter((session) => session.code === `RACE-${round}`)).toHaveLength(1);
      }
    });

    it("refuses a variable of the wrong type before any resolver runs, and stores nothing", async () => {
      const before = await sessions();
      const result = await create(validInput({ code: "2027-10", registrationOpensAt: "not a date" }));
      expect(result.data ?? null).toBeNull();
      expect(result.errors?.[0]?.extensions?.code).toBe("BAD_USER_INPUT");
      expect(result.errors?.[0]?.message).toMatch(/registrationOpensAt/);
      expect(await sessions()).toEqual(before);
    });
  });

  describe("examRecords", () => {
    it("lists the seeded records by record number, with candidate and school references", async () => {
      const result = await subgraph.graphql<{ examRecords: ExamRecordRow[] }>(
        `{ examRecords(limit: 200) { id recordNumber status candidate { __typename id } school { __typename id } } }`,
        {},
        await as("region1"),
      );
      expect(result.errors).toBeUndefined();
      const records = result.data!.examRecords;
      expect(records).toHaveLength(registered.length);
      expect(records).toHaveLength(20);
      const numbers = records.map((record) => record.recordNumber);
      expect(numbers).toEqual([...numbers].sort());
      expect(new Set(numbers).size).toBe(20);

      const expected = [...registered]
        .map((candidate) => ({ number: `G${candidate.idNumber}`, candidateId: candidate.id }))
        .sort((a, b) => (a.number < b.number ? -1 : 1));
      expect(records.map((record) => [record.recordNumber, record.candidate])).toEqual(
        expected.map((item) => [item.number, { __typename: "User", id: item.candidateId }]),
      );
      for (const record of records) {
        expect(record.status).toBe("REGISTERED");
        expect(record.school).toEqual({ __typename: "Organization", id: demoOrgId("im-school") });
      }
    });

    it.each([
      ["region1", 20, "the province institute sees its whole province"],
      ["league1", 20, "the league agency sees its counties"],
      ["county1", 20, "the county agency sees its schools"],
      ["school1", 20, "the school admin sees the school"],
      ["teacher1", 10, "a class teacher sees only the class bound"],
      ["candidate1", 1, "a candidate sees only their own record"],
      ["bjreviewer1", 0, "a Beijing reviewer has no role that reads records"],
    ])("scopes the list for %s: %i records (%s)", async (username, count) => {
      const result = await subgraph.graphql<{ examRecords: Array<{ candidate: { id: string } }> }>(
        `{ examRecords(limit: 200) { candidate { id } } }`,
        {},
        await as(username),
      );
      expect(result.errors).toBeUndefined();
      expect(result.data?.examRecords).toHaveLength(count);
      if (username === "candidate1") expect(result.data?.examRecords[0]?.candidate.id).toBe(demoUserId("candidate1"));
      if (username === "teacher1") {
        const classOne = new Set(inSchoolCandidates.filter((user) => user.organizationId === demoOrgId("im-class-1")).map((user) => user.id));
        expect(result.data?.examRecords.every((record) => classOne.has(record.candidate.id))).toBe(true);
      }
    });

    it("asks anonymous callers to log in, and refuses a token it cannot verify with 401", async () => {
      const anonymous = await subgraph.graphql(`{ examRecords { id } }`);
      expect(anonymous.errors?.[0]).toMatchObject({ message: "请先登录", extensions: { code: "UNAUTHENTICATED" } });
      const response = await fetch(subgraph.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: "Bearer eyJhbGciOiJFUzI1NiJ9.e30.c2ln" },
        body: JSON.stringify({ query: "{ examRecords { id } }" }),
      });
      expect(response.status).toBe(401);
    });

    it("returns 50 records by default, never fewer than 1 nor more than 200", async () => {
      const em = subgraph.service.orm.em.fork();
      const extra = Array.from({ length: 200 }, (_, index) =>
        em.create(ExamRecord, {
          recordNumber: `Z${String(index).padStart(4, "0")}`,
          status: ExamRecordStatus.PRE_REGISTERED,
          candidateId: randomUUID(),
          schoolId: demoOrgId("im-school"),
          organizationPath: demoOrganizationPath(demoOrgId("im-school")),
          createdAt: new Date(),
        }),
      );
      await em.flush();
      try {
        const count = async (limit?: number) => {
          const result = await subgraph.graphql<{ examRecords: ExamRecordRow[] }>(
            limit === undefined ? `{ examRecords { recordNumber } }` : `query($limit: Int!) { examRecords(limit: $limit) { recordNumber } }`,
            limit === undefined ? {} : { limit },
            await as("region1"),
          );
          expect(result.errors).toBeUndefined();
          return result.data!.examRecords;
        };
        expect(await count()).toHaveLength(50);
        expect(await count(0)).toHaveLength(1);
        expect(await count(-7)).toHaveLength(1);
        expect(await count(1)).toHaveLength(1);
        expect(await count(200)).toHaveLength(200);
        const clamped = await count(1000);
        expect(clamped).toHaveLength(200);
        // Still ordered: the 20 G… records, then the first 180 Z… ones.
        expect(clamped[0]?.recordNumber).toMatch(/^G/);
        expect(clamped[199]?.recordNumber).toBe("Z0179");
      } finally {
        await em.nativeDelete(ExamRecord, { id: { $in: extra.map((record) => record.id) } });
      }
    });
  });

  it("seeds the demo data only once", async () => {
    const before = await sessions();
    // Another start, days later: the demo is there already, nothing is added.
    await registrySubgraph.seedDemo!(subgraph.service.systemContext().withClock(new FakeClock("2026-12-09T00:00:00Z")));
    await registrySubgraph.seedDemo!(subgraph.service.systemContext().withClock(new FakeClock("2027-03-01T00:00:00Z")));
    expect(await sessions()).toEqual(before);
    const records = await subgraph.graphql<{ examRecords: unknown[] }>(`{ examRecords(limit: 200) { id } }`, {}, await as("region1"));
    expect(records.data?.examRecords).toHaveLength(20);
  });
});
