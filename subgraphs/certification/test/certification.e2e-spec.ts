import { DEMO_PASSWORD, demoOrganizationPath, demoUserId, demoUsers } from "@xuekao/demo-data";
import { identitySubgraph } from "@xuekao/identity";
import { FakeClock, JWKS_PATH, systemClock } from "@xuekao/subgraph-kit";
import { itBehavesLikeASubgraph, signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CertificationCase, CertificationCaseStatus } from "../src/modules/certification-case/certification-case.entity.js";
import { certificationSubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

const OPEN = `mutation($input: OpenCertificationCaseInput!) {
  openCertificationCase(input: $input) { id originProvinceCode certifyingProvinceCode status submittedAt candidate { __typename id } }
}`;
const CASES = `query($limit: Int!) {
  certificationCases(limit: $limit) { id originProvinceCode certifyingProvinceCode status submittedAt candidate { id } }
}`;

interface Case {
  id: string;
  originProvinceCode: string;
  certifyingProvinceCode: string;
  status: string;
  submittedAt: string;
  candidate: { __typename?: string; id: string } | null;
}

/** Path of a demo user's registration, as cases store it. */
const pathOf = (username: string) => demoOrganizationPath(demoUsers.find((user) => user.username === username)!.organizationId);

describe.each(drivers)("certification subgraph on %s", (driver) => {
  let subgraph: TestSubgraph;
  // The real identity subgraph issues the tokens certification verifies (against its JWKS).
  let identity: TestSubgraph;
  const as = signedInAs(() => identity.url, DEMO_PASSWORD);

  /** The cases `username` may see (by default the Inner Mongolia institute, region1: the whole province). */
  const cases = async (username = "region1") => {
    const result = await subgraph.graphql<{ certificationCases: Case[] }>(CASES, { limit: 200 }, await as(username));
    expect(result.errors).toBeUndefined();
    return result.data!.certificationCases;
  };
  const storedCount = () => subgraph.service.orm.em.fork().count(CertificationCase, {});
  const open = async (username: string, originProvinceCode: string) =>
    subgraph.graphql<{ openCertificationCase: Case }>(OPEN, { input: { originProvinceCode } }, await as(username));

  /** Expects a refusal with `code`, a Chinese message, and no case added. */
  const expectRefused = async (username: string, originProvinceCode: string, code: string, extensions: { [key: string]: unknown } = {}) => {
    const before = await storedCount();
    const result = await open(username, originProvinceCode);
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, ...extensions });
    expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await storedCount()).toBe(before);
  };

  /** Decides a stored case, as the review (a later issue) will. */
  const decide = async (id: string, outcome: CertificationCaseStatus.APPROVED | CertificationCaseStatus.REJECTED) => {
    const em = subgraph.service.orm.em.fork();
    (await em.findOneOrFail(CertificationCase, { id })).decide(outcome);
    await em.flush();
  };

  beforeAll(async () => {
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true });
    subgraph = await startTestSubgraph(certificationSubgraph, driver, {
      seedDemo: true,
      clock: new FakeClock("2026-11-22T04:30:00Z"),
      jwksUrl: identity.url.replace(/\/graphql$/, JWKS_PATH),
    });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await identity?.stop();
  });

  itBehavesLikeASubgraph(certificationSubgraph, driver, () => subgraph);

  describe("certificationCases", () => {
    const seeded = {
      id: expect.any(String),
      originProvinceCode: "13",
      certifyingProvinceCode: "11",
      status: "PENDING_REVIEW",
      // The demo case waited 50 hours when the subgraph first started.
      submittedAt: "2026-11-20T02:30:00.000Z",
      candidate: { id: demoUserId("bjcandidate1") },
    };

    it("shows the returning-to-Beijing candidate's case to Beijing's reviewer and to the candidate", async () => {
      expect(await cases("bjreviewer1")).toEqual([seeded]);
      expect(await cases("bjcandidate1")).toEqual([seeded]);
    });

    it.each([
      ["Inner Mongolia's institute", "region1"],
      ["an Inner Mongolia county", "county1"],
      ["another candidate", "candidate1"],
      ["a class teacher (not on the certification chain)", "teacher1"],
    ])("shows it to nobody outside Beijing: %s", async (_label, username) => {
      expect((await cases(username)).map((item) => item.candidate?.id)).not.toContain(demoUserId("bjcandidate1"));
    });

    it("asks an anonymous caller to log in", async () => {
      const result = await subgraph.graphql(CASES, { limit: 10 });
      expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(result.errors?.[0]?.message).toBe("请先登录");
    });

    it("lists cases newest first and clamps the page size", async () => {
      const em = subgraph.service.orm.em.fork();
      const base = Date.parse("2030-01-01T00:00:00Z");
      // Inserted out of order on purpose, inside Inner Mongolia (region1's scope).
      const made = [3, 1, 2].map((hours) =>
        em.create(CertificationCase, {
          candidateId: demoUserId(`candidate${20 + hours}`),
          organizationPath: pathOf(`candidate${20 + hours}`),
          originProvinceCode: "13",
          certifyingProvinceCode: "15",
          status: CertificationCaseStatus.REJECTED,
          submittedAt: new Date(base + hours * 3_600_000),
        }),
      );
      await em.flush();
      try {
        const times = (await cases()).map((item) => item.submittedAt);
        expect(times.slice(0, 3)).toEqual(["2030-01-01T03:00:00.000Z", "2030-01-01T02:00:00.000Z", "2030-01-01T01:00:00.000Z"]);
        expect(times).toEqual([...times].sort().reverse());

        const one = await subgraph.graphql<{ certificationCases: Case[] }>(CASES, { limit: 0 }, await as("region1"));
        expect(one.data?.certificationCases.map((item) => item.submittedAt)).toEqual(["2030-01-01T03:00:00.000Z"]);
        const byDefault = await subgraph.graphql<{ certificationCases: Case[] }>(`{ certificationCases { id } }`, {}, await as("region1"));
        expect(byDefault.data?.certificationCases).toHaveLength(times.length);
      } finally {
        await em.nativeDelete(CertificationCase, { id: { $in: made.map((item) => item.id) } });
      }
    });
  });

  describe("openCertificationCase", () => {
    it("opens a case for the caller in the province they are registered in, seen up the chain but not elsewhere", async () => {
      const startedAt = Date.now();
      const result = await open("candidate2", "13");
      expect(result.errors).toBeUndefined();
      const opened = result.data!.openCertificationCase;
      expect(opened).toMatchObject({
        originProvinceCode: "13",
        certifyingProvinceCode: "15",
        status: "PENDING_REVIEW",
        candidate: { __typename: "User", id: demoUserId("candidate2") },
      });
      expect(Date.parse(opened.submittedAt)).toBeGreaterThanOrEqual(startedAt - 1000);
      expect(Date.parse(opened.submittedAt)).toBeLessThanOrEqual(Date.now() + 1000);

      for (const username of ["candidate2", "county1", "league1", "region1"]) {
        expect((await cases(username)).map((item) => item.id), username).toContain(opened.id);
      }
      for (const username of ["candidate3", "bjreviewer1", "bjcandidate1"]) {
        expect((await cases(username)).map((item) => item.id), username).not.toContain(opened.id);
      }
      expect((await cases("region1"))[0]?.id).toBe(opened.id);
    });

    it.each([["99"], [""], ["北京"], ["150"], ["toString"]])("refuses the origin province %j with CERTIFICATION_PROVINCE_INVALID", async (origin) => {
      await expectRefused("candidate3", origin, "CERTIFICATION_PROVINCE_INVALID", { field: "originProvinceCode", category: "BAD_USER_INPUT" });
    });

    it("refuses results taken in the candidate's own province", async () => {
      await expectRefused("candidate3", "15", "CERTIFICATION_SAME_PROVINCE", { field: "originProvinceCode", category: "BAD_USER_INPUT" });
      await expectRefused("bjcandidate1", "11", "CERTIFICATION_SAME_PROVINCE");
    });

    it.each([
      ["a county agency", "county1", "您的角色无权执行此操作"],
      ["the province institute", "region1", "您的角色无权执行此操作"],
      ["a reviewer", "bjreviewer1", "您的角色无权执行此操作"],
    ])("refuses %s with FORBIDDEN: only candidates apply, for themselves", async (_label, username, message) => {
      const before = await storedCount();
      const result = await open(username, "13");
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(result.errors?.[0]?.message).toBe(message);
      expect(await storedCount()).toBe(before);
    });

    it("asks an anonymous caller to log in and stores nothing", async () => {
      const before = await storedCount();
      const result = await subgraph.graphql(OPEN, { input: { originProvinceCode: "13" } });
      expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
      expect(await storedCount()).toBe(before);
    });

    it("refuses a second pending case, whatever the origin province", async () => {
      expect((await open("candidate4", "13")).errors).toBeUndefined();
      await expectRefused("candidate4", "14", "CERTIFICATION_CASE_ALREADY_OPEN", { category: "CONFLICT" });
      await expectRefused("bjcandidate1", "13", "CERTIFICATION_CASE_ALREADY_OPEN");
    });

    it("refuses a new case once the candidate's results are certified, and allows one after a rejection", async () => {
      const first = await open("candidate5", "13");
      expect(first.errors).toBeUndefined();
      await decide(first.data!.openCertificationCase.id, CertificationCaseStatus.APPROVED);
      await expectRefused("candidate5", "13", "CERTIFICATION_ALREADY_CERTIFIED", { category: "CONFLICT" });
      await expectRefused("candidate5", "14", "CERTIFICATION_ALREADY_CERTIFIED");

      const rejected = await open("candidate6", "13");
      await decide(rejected.data!.openCertificationCase.id, CertificationCaseStatus.REJECTED);
      const again = await open("candidate6", "13");
      expect(again.errors).toBeUndefined();
      expect(again.data?.openCertificationCase.status).toBe("PENDING_REVIEW");
    });

    it("keeps a single pending case when the same application arrives several times at once", async () => {
      for (const username of ["candidate7", "candidate8", "candidate9"]) {
        const results = await Promise.all(Array.from({ length: 4 }, () => open(username, "13")));
        const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? "OK").sort();
        expect(codes).toEqual(["CERTIFICATION_CASE_ALREADY_OPEN", "CERTIFICATION_CASE_ALREADY_OPEN", "CERTIFICATION_CASE_ALREADY_OPEN", "OK"]);
        expect(await subgraph.service.orm.em.fork().count(CertificationCase, { candidateId: demoUserId(username) })).toBe(1);
      }
    });
  });

  it("seeds the demo data only once, and gives a demo case from before organisation paths its path", async () => {
    const em = subgraph.service.orm.em.fork();
    await em.nativeUpdate(CertificationCase, { candidateId: demoUserId("bjcandidate1") }, { organizationPath: "" });
    expect(await cases("bjreviewer1")).toEqual([]);

    const before = await storedCount();
    await certificationSubgraph.seedDemo!(subgraph.service.orm.em.fork(), { clock: systemClock });
    await certificationSubgraph.seedDemo!(subgraph.service.orm.em.fork(), { clock: systemClock });
    expect(await storedCount()).toBe(before);
    expect((await cases("bjreviewer1")).map((item) => item.candidate?.id)).toEqual([demoUserId("bjcandidate1")]);
  });
});
