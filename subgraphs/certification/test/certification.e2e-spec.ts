import { randomUUID } from "node:crypto";
import { demoUserId } from "@xuekao/demo-data";
import { startTestSubgraph, testDrivers, type TestSubgraph, itBehavesLikeASubgraph } from "@xuekao/subgraph-kit/testing";
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

describe.each(drivers)("certification subgraph on %s", (driver) => {
  let subgraph: TestSubgraph;

  const cases = async () => {
    const result = await subgraph.graphql<{ certificationCases: Case[] }>(CASES, { limit: 200 });
    expect(result.errors).toBeUndefined();
    return result.data!.certificationCases;
  };
  const open = (input: { candidateId: string; originProvinceCode: string; certifyingProvinceCode: string }) =>
    subgraph.graphql<{ openCertificationCase: Case }>(OPEN, { input });

  /** Expects a refusal with `code`, a Chinese message, and no case added. */
  const expectRefused = async (input: Parameters<typeof open>[0], code: string, extensions: { [key: string]: unknown } = {}) => {
    const before = await cases();
    const result = await open(input);
    expect(result.data).toBeNull();
    expect(result.errors).toHaveLength(1);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, ...extensions });
    expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await cases()).toEqual(before);
  };

  beforeAll(async () => {
    subgraph = await startTestSubgraph(certificationSubgraph, driver, { seedDemo: true });
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  itBehavesLikeASubgraph(certificationSubgraph, driver, () => subgraph);


  it("lists the seeded case of the returning-to-Beijing candidate", async () => {
    expect(await cases()).toEqual([
      {
        id: expect.any(String),
        originProvinceCode: "13",
        certifyingProvinceCode: "11",
        status: "PENDING_REVIEW",
        submittedAt: "2026-11-20T02:30:00.000Z",
        candidate: { id: demoUserId("bjcandidate1") },
      },
    ]);
  });

  it("opens a case pending review and lists it first", async () => {
    const candidateId = randomUUID();
    const startedAt = Date.now();
    const result = await open({ candidateId, originProvinceCode: "15", certifyingProvinceCode: "11" });
    expect(result.errors).toBeUndefined();
    const opened = result.data!.openCertificationCase;
    expect(opened).toMatchObject({
      originProvinceCode: "15",
      certifyingProvinceCode: "11",
      status: "PENDING_REVIEW",
      candidate: { __typename: "User", id: candidateId },
    });
    expect(Date.parse(opened.submittedAt)).toBeGreaterThanOrEqual(startedAt - 1000);
    expect(Date.parse(opened.submittedAt)).toBeLessThanOrEqual(Date.now() + 1000);

    const listed = await cases();
    expect(listed).toHaveLength(2);
    expect(listed[0]).toMatchObject({ id: opened.id, submittedAt: opened.submittedAt, candidate: { id: candidateId } });
    expect(listed[1]?.candidate?.id).toBe(demoUserId("bjcandidate1"));
  });

  it("lists cases newest first and clamps the page size", async () => {
    const em = subgraph.service.orm.em.fork();
    const base = Date.parse("2030-01-01T00:00:00Z");
    // Inserted out of order on purpose.
    const made = [3, 1, 2].map((hours) =>
      em.create(CertificationCase, {
        candidateId: randomUUID(),
        originProvinceCode: "13",
        certifyingProvinceCode: "11",
        status: CertificationCaseStatus.REJECTED,
        submittedAt: new Date(base + hours * 3_600_000),
      }),
    );
    await em.flush();
    try {
      const listed = await cases();
      const times = listed.map((item) => item.submittedAt);
      expect(times.slice(0, 3)).toEqual([
        "2030-01-01T03:00:00.000Z",
        "2030-01-01T02:00:00.000Z",
        "2030-01-01T01:00:00.000Z",
      ]);
      expect(times).toEqual([...times].sort().reverse());

      const one = await subgraph.graphql<{ certificationCases: Case[] }>(CASES, { limit: 0 });
      expect(one.data?.certificationCases.map((item) => item.submittedAt)).toEqual(["2030-01-01T03:00:00.000Z"]);
      const byDefault = await subgraph.graphql<{ certificationCases: Case[] }>(`{ certificationCases { id } }`);
      expect(byDefault.data?.certificationCases).toHaveLength(listed.length);
    } finally {
      await em.nativeDelete(CertificationCase, { id: { $in: made.map((item) => item.id) } });
    }
  });

  it.each([
    [{ originProvinceCode: "99", certifyingProvinceCode: "11" }, "originProvinceCode"],
    [{ originProvinceCode: "", certifyingProvinceCode: "11" }, "originProvinceCode"],
    [{ originProvinceCode: "北京", certifyingProvinceCode: "11" }, "originProvinceCode"],
    [{ originProvinceCode: "15", certifyingProvinceCode: "10" }, "certifyingProvinceCode"],
    [{ originProvinceCode: "15", certifyingProvinceCode: "110" }, "certifyingProvinceCode"],
    // Not a province code although it is an own property name of every object.
    [{ originProvinceCode: "15", certifyingProvinceCode: "toString" }, "certifyingProvinceCode"],
    // Both wrong: the origin is reported first.
    [{ originProvinceCode: "00", certifyingProvinceCode: "00" }, "originProvinceCode"],
  ])("refuses %o with CERTIFICATION_PROVINCE_INVALID on %s", async (provinces, field) => {
    await expectRefused({ candidateId: randomUUID(), ...provinces }, "CERTIFICATION_PROVINCE_INVALID", {
      field,
      category: "BAD_USER_INPUT",
    });
  });

  it("refuses a case certifying results from the same province", async () => {
    await expectRefused(
      { candidateId: randomUUID(), originProvinceCode: "11", certifyingProvinceCode: "11" },
      "CERTIFICATION_SAME_PROVINCE",
      { field: "originProvinceCode", category: "BAD_USER_INPUT" },
    );
  });

  it("refuses a second open case for the same candidate and certifying province, not for another province", async () => {
    const candidateId = randomUUID();
    expect((await open({ candidateId, originProvinceCode: "13", certifyingProvinceCode: "11" })).errors).toBeUndefined();
    // Another origin province changes nothing: the certifying province already has a pending case.
    await expectRefused({ candidateId, originProvinceCode: "15", certifyingProvinceCode: "11" }, "CERTIFICATION_CASE_ALREADY_OPEN", {
      category: "CONFLICT",
    });
    await expectRefused(
      { candidateId: demoUserId("bjcandidate1"), originProvinceCode: "13", certifyingProvinceCode: "11" },
      "CERTIFICATION_CASE_ALREADY_OPEN",
    );
    const elsewhere = await open({ candidateId, originProvinceCode: "13", certifyingProvinceCode: "15" });
    expect(elsewhere.errors).toBeUndefined();
    expect(elsewhere.data?.openCertificationCase.status).toBe("PENDING_REVIEW");
  });

  it("refuses a new case once the candidate's results are certified, and allows one after a rejection", async () => {
    const candidateId = randomUUID();
    const first = await open({ candidateId, originProvinceCode: "15", certifyingProvinceCode: "11" });
    expect(first.errors).toBeUndefined();

    const em = subgraph.service.orm.em.fork();
    const stored = await em.findOneOrFail(CertificationCase, { id: first.data!.openCertificationCase.id });
    stored.decide(CertificationCaseStatus.APPROVED);
    await em.flush();

    await expectRefused({ candidateId, originProvinceCode: "15", certifyingProvinceCode: "11" }, "CERTIFICATION_ALREADY_CERTIFIED", {
      category: "CONFLICT",
    });
    await expectRefused({ candidateId, originProvinceCode: "13", certifyingProvinceCode: "11" }, "CERTIFICATION_ALREADY_CERTIFIED");

    const rejectedCandidate = randomUUID();
    const rejected = await open({ candidateId: rejectedCandidate, originProvinceCode: "15", certifyingProvinceCode: "11" });
    const rejectedEm = subgraph.service.orm.em.fork();
    const rejectedCase = await rejectedEm.findOneOrFail(CertificationCase, { id: rejected.data!.openCertificationCase.id });
    rejectedCase.decide(CertificationCaseStatus.REJECTED);
    await rejectedEm.flush();
    const again = await open({ candidateId: rejectedCandidate, originProvinceCode: "15", certifyingProvinceCode: "11" });
    expect(again.errors).toBeUndefined();
    expect(again.data?.openCertificationCase.status).toBe("PENDING_REVIEW");
  });

  it("keeps a single pending case when the same application arrives several times at once", async () => {
    for (let round = 0; round < 3; round += 1) {
      const input = { candidateId: randomUUID(), originProvinceCode: "15", certifyingProvinceCode: "11" };
      const results = await Promise.all(Array.from({ length: 4 }, () => open(input)));
      const codes = results.map((result) => result.errors?.[0]?.extensions?.code ?? "OK").sort();
      expect(codes).toEqual(["CERTIFICATION_CASE_ALREADY_OPEN", "CERTIFICATION_CASE_ALREADY_OPEN", "CERTIFICATION_CASE_ALREADY_OPEN", "OK"]);
      expect(await subgraph.service.orm.em.fork().count(CertificationCase, { candidateId: input.candidateId })).toBe(1);
    }
  });

  it("seeds the demo data only once", async () => {
    const before = await cases();
    await certificationSubgraph.seedDemo!(subgraph.service.orm.em.fork());
    await certificationSubgraph.seedDemo!(subgraph.service.orm.em.fork());
    const after = await cases();
    expect(after).toEqual(before);
    expect(after.filter((item) => item.candidate?.id === demoUserId("bjcandidate1"))).toHaveLength(1);
  });
});
