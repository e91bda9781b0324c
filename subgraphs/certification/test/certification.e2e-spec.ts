import { DEMO_PASSWORD, demoOrganizationPath, demoUserId, demoUsers } from "@xuekao/demo-data";
import { identitySubgraph } from "@xuekao/identity";
import { randomUUID } from "node:crypto";
import { OutboxEvent } from "@xuekao/events";
import { AuditEntry, FakeClock, JWKS_PATH, WorkflowApplication, WorkflowApplicationDecided } from "@xuekao/subgraph-kit";
import { GIF_BYTES, itBehavesLikeASubgraph, pngOfSize, signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CertificationCase, CertificationCaseStatus } from "../src/modules/certification-case/certification-case.entity.js";
import { certificationSubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

const OPEN = `mutation($input: OpenCertificationCaseInput!) {
  openCertificationCase(input: $input) { id originProvinceCode certifyingProvinceCode status submittedAt candidate { __typename id } }
}`;
const DECIDE = `mutation($input: DecideCertificationCaseInput!) {
  decideCertificationCase(input: $input) { id status application { status stepKey version round lastReason history { action stepKey reason resultStatus } } }
}`;
const RESUBMIT = `mutation($input: ResubmitCertificationCaseInput!) {
  resubmitCertificationCase(input: $input) { id status application { status stepKey version round } }
}`;
const QUEUE = `query($first: Int, $after: String) { certificationReviewQueue(first: $first, after: $after) { items { id candidate { id } application { stepKey dueAt version canDecide } } nextCursor } }`;
const UPLOAD = `mutation($caseId: ID!, $fileName: String!) { requestCertificationEvidenceUpload(caseId: $caseId, fileName: $fileName) { fileId uploadUrl maxBytes allowedTypes expiresAt } }`;
const EVIDENCE = `query { certificationCases(limit: 200) { id evidence { id fileName size mimeType downloadUrl } } }`;

interface Application {
  status: string;
  stepKey: string;
  version: number;
  round: number;
  lastReason: string | null;
  history: Array<{ action: string; stepKey: string | null; reason: string | null; resultStatus: string }>;
}

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

  /** `username` decides the case at its current step (the version read first, a fresh request key). */
  const decideAs = async (username: string, caseId: string, decision: "APPROVE" | "RETURN" | "REJECT", reason?: string, options: { expectedVersion?: number; idempotencyKey?: string } = {}) => {
    const expectedVersion = options.expectedVersion ?? (await applicationOf(caseId)).version;
    return subgraph.graphql<{ decideCertificationCase: Case & { application: Application } }>(
      DECIDE,
      { input: { caseId, decision, reason: reason ?? null, expectedVersion, idempotencyKey: options.idempotencyKey ?? randomUUID() } },
      await as(username),
    );
  };
  const applicationOf = async (caseId: string) =>
    (await subgraph.service.orm.em.fork().findOneOrFail(WorkflowApplication, { subjectType: "CertificationCase", subjectId: caseId }));
  /** Inner Mongolia's whole chain: county → league/city → the region's institute. */
  const approveThroughChain = async (caseId: string) => {
    for (const username of ["county1", "league1", "region1"]) expect((await decideAs(username, caseId, "APPROVE")).errors, username).toBeUndefined();
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
          kind: "certification.transfer-in",
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
      const result = await open("candidate2", "13");
      expect(result.errors).toBeUndefined();
      const opened = result.data!.openCertificationCase;
      expect(opened).toMatchObject({
        originProvinceCode: "13",
        certifyingProvinceCode: "15",
        status: "PENDING_REVIEW",
        candidate: { __typename: "User", id: demoUserId("candidate2") },
      });
      // Submitted at the subgraph's clock (a FakeClock standing at the suite's instant).
      expect(opened.submittedAt).toBe("2026-11-22T04:30:00.000Z");

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
      await approveThroughChain(first.data!.openCertificationCase.id);
      await expectRefused("candidate5", "13", "CERTIFICATION_ALREADY_CERTIFIED", { category: "CONFLICT" });
      await expectRefused("candidate5", "14", "CERTIFICATION_ALREADY_CERTIFIED");

      const rejected = await open("candidate6", "13");
      expect((await decideAs("county1", rejected.data!.openCertificationCase.id, "REJECT", "成绩证明未加盖省级主管部门公章")).errors).toBeUndefined();
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

  it("seeds the demo data only once, each case with its application", async () => {
    const before = await storedCount();
    await certificationSubgraph.seedDemo!(subgraph.service.systemContext());
    await certificationSubgraph.seedDemo!(subgraph.service.systemContext());
    expect(await storedCount()).toBe(before);
    const em = subgraph.service.orm.em.fork();
    for (const username of ["bjcandidate1", "candidate30"]) {
      const seeded = await em.findOneOrFail(CertificationCase, { candidateId: demoUserId(username) }, { orderBy: { submittedAt: "asc" } });
      expect(seeded.applicationId, username).not.toBeNull();
    }
  });

  describe("review through the workflow engine", () => {
    it("lets Beijing's reviewer approve the returning candidate's case, in one transaction with its history, audit entry and event", async () => {
      const [seededCase] = await cases("bjcandidate1");
      const queue = await subgraph.graphql<{ certificationReviewQueue: { items: Array<{ id: string; application: { stepKey: string; dueAt: string; version: number; canDecide: boolean } }> } }>(
        QUEUE,
        {},
        await as("bjreviewer1"),
      );
      expect(queue.data?.certificationReviewQueue.items.map((item) => item.id)).toEqual([seededCase!.id]);
      // The 72-hour limit of the seeded definition, from the submission.
      expect(Date.parse(queue.data!.certificationReviewQueue.items[0]!.application.dueAt)).toBe(Date.parse(seededCase!.submittedAt) + 72 * 3_600_000);
      expect(queue.data!.certificationReviewQueue.items[0]!.application.canDecide).toBe(true);

      const decided = await decideAs("bjreviewer1", seededCase!.id, "APPROVE");
      expect(decided.errors).toBeUndefined();
      expect(decided.data?.decideCertificationCase).toMatchObject({
        status: "APPROVED",
        application: { status: "APPROVED", version: 2, history: [{ action: "SUBMIT" }, { action: "APPROVE", stepKey: "institute-review", resultStatus: "APPROVED" }] },
      });
      expect((await cases("bjcandidate1"))[0]?.status).toBe("APPROVED");
      const em = subgraph.service.orm.em.fork();
      const audit = await em.find(AuditEntry, { subjectType: "CertificationCase", subjectId: seededCase!.id }, { orderBy: { seq: "asc" } });
      expect(audit.map((entry) => [entry.action, entry.actorRole])).toEqual([
        ["workflow.submit", null],
        ["workflow.approve", "CERTIFICATION_REVIEWER"],
      ]);
      const events = (await em.find(OutboxEvent, { type: WorkflowApplicationDecided.type })).map((row) => WorkflowApplicationDecided.parse(row.toDomainEvent()));
      expect(events.filter((event) => event.payload.subjectId === seededCase!.id).map((event) => [event.payload.decision, event.payload.status])).toEqual([["APPROVE", "APPROVED"]]);
      expect((await subgraph.graphql<{ certificationReviewQueue: { items: unknown[] } }>(QUEUE, {}, await as("bjreviewer1"))).data?.certificationReviewQueue.items).toEqual([]);
    });

    it("takes an Inner Mongolia case from county to league/city to the region, each acting only at its own step", async () => {
      const opened = (await open("candidate10", "13")).data!.openCertificationCase;
      const queueOf = async (username: string) =>
        (await subgraph.graphql<{ certificationReviewQueue: { items: Array<{ id: string }> } }>(QUEUE, { first: 200 }, await as(username))).data?.certificationReviewQueue.items.map((item) => item.id) ?? [];
      expect(await queueOf("county1")).toContain(opened.id);
      expect(await queueOf("league1")).not.toContain(opened.id);

      const early = await decideAs("league1", opened.id, "APPROVE");
      expect(early.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await applicationOf(opened.id)).version).toBe(1);

      expect((await decideAs("county1", opened.id, "APPROVE")).data?.decideCertificationCase.application).toMatchObject({ stepKey: "league-review", status: "IN_PROGRESS" });
      expect(await queueOf("county1")).not.toContain(opened.id);
      expect(await queueOf("league1")).toContain(opened.id);
      expect((await decideAs("region1", opened.id, "APPROVE")).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await decideAs("league1", opened.id, "APPROVE")).data?.decideCertificationCase.application.stepKey).toBe("province-certification");
      const last = await decideAs("region1", opened.id, "APPROVE");
      expect(last.data?.decideCertificationCase).toMatchObject({ status: "APPROVED", application: { status: "APPROVED", version: 4 } });
      expect(last.data?.decideCertificationCase.application.history.map((entry) => entry.stepKey)).toEqual([null, "county-review", "league-review", "province-certification"]);
    });

    it("returns a case with a reason; the candidate resubmits and it starts again at the first step", async () => {
      const opened = (await open("candidate11", "13")).data!.openCertificationCase;
      const noReason = await decideAs("county1", opened.id, "RETURN", " ");
      expect(noReason.errors?.[0]?.extensions).toMatchObject({ code: "REASON_REQUIRED", field: "reason" });
      const returned = await decideAs("county1", opened.id, "RETURN", "扫描件不清晰，请重新上传");
      expect(returned.data?.decideCertificationCase).toMatchObject({ status: "RETURNED", application: { status: "RETURNED", lastReason: "扫描件不清晰，请重新上传" } });
      await expectRefused("candidate11", "14", "CERTIFICATION_CASE_ALREADY_OPEN");

      const version = (await applicationOf(opened.id)).version;
      const resubmitted = await subgraph.graphql<{ resubmitCertificationCase: { status: string; application: { status: string; stepKey: string; round: number } } }>(
        RESUBMIT,
        { input: { caseId: opened.id, expectedVersion: version, idempotencyKey: randomUUID() } },
        await as("candidate11"),
      );
      expect(resubmitted.errors).toBeUndefined();
      expect(resubmitted.data?.resubmitCertificationCase).toMatchObject({ status: "PENDING_REVIEW", application: { status: "IN_PROGRESS", stepKey: "county-review", round: 2 } });
      const other = await subgraph.graphql(RESUBMIT, { input: { caseId: opened.id, expectedVersion: version + 1, idempotencyKey: randomUUID() } }, await as("candidate12"));
      expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });

    it("lets one of two concurrent deciders win; the other gets CONFLICT and nothing is written twice", async () => {
      const opened = (await open("candidate12", "13")).data!.openCertificationCase;
      const results = await Promise.all([decideAs("county1", opened.id, "APPROVE", undefined, { expectedVersion: 1 }), decideAs("county1", opened.id, "REJECT", "材料不全", { expectedVersion: 1 })]);
      expect(results.map((result) => result.errors?.[0]?.extensions?.code ?? "OK").sort()).toEqual(["CONFLICT", "OK"]);
      const application = await applicationOf(opened.id);
      expect(application.version).toBe(2);
      const em = subgraph.service.orm.em.fork();
      expect(await em.count(AuditEntry, { subjectId: opened.id, action: { $in: ["workflow.approve", "workflow.reject"] } })).toBe(1);
    });

    it("answers a retried decision the same way and writes it once; a key used for another operation is refused", async () => {
      const opened = (await open("candidate13", "13")).data!.openCertificationCase;
      const key = randomUUID();
      const first = await decideAs("county1", opened.id, "APPROVE", undefined, { expectedVersion: 1, idempotencyKey: key });
      const retry = await decideAs("county1", opened.id, "APPROVE", undefined, { expectedVersion: 1, idempotencyKey: key });
      expect(first.errors).toBeUndefined();
      expect(retry.errors).toBeUndefined();
      expect(retry.data?.decideCertificationCase.application).toEqual(first.data?.decideCertificationCase.application);
      const em = subgraph.service.orm.em.fork();
      expect(await em.count(AuditEntry, { subjectId: opened.id, action: "workflow.approve" })).toBe(1);
      const reused = await decideAs("county1", (await open("candidate14", "13")).data!.openCertificationCase.id, "APPROVE", undefined, { expectedVersion: 1, idempotencyKey: key });
      expect(reused.errors?.[0]?.extensions?.code).toBe("IDEMPOTENCY_KEY_REUSED");
    });
  });

  describe("evidence uploads", () => {
    const put = async (url: string, body: Buffer, username: string, contentType = "image/png") =>
      fetch(`${subgraph.url.replace(/\/graphql$/, "")}${url.replace("/files/certification/", "/files/")}`, {
        method: "PUT",
        headers: { "content-type": contentType, ...(await as(username)) },
        body,
      });
    const ticketFor = async (username: string, caseId: string) =>
      subgraph.graphql<{ requestCertificationEvidenceUpload: { uploadUrl: string; maxBytes: number; allowedTypes: string[] } }>(UPLOAD, { caseId, fileName: "成绩证明.png" }, await as(username));

    it("accepts exactly 1 MB of PNG from the candidate, refuses a byte more and GIF bytes named .png, and shows it to the reviewers in scope", async () => {
      const opened = (await open("candidate15", "13")).data!.openCertificationCase;
      const ticket = (await ticketFor("candidate15", opened.id)).data!.requestCertificationEvidenceUpload;
      expect(ticket).toMatchObject({ maxBytes: 1_048_576, allowedTypes: ["image/jpeg", "image/png"] });
      const exactly = pngOfSize(1_048_576);
      expect((await put(ticket.uploadUrl, exactly, "candidate15")).status).toBe(200);

      const tooLarge = await put((await ticketFor("candidate15", opened.id)).data!.requestCertificationEvidenceUpload.uploadUrl, pngOfSize(1_048_577), "candidate15");
      expect(tooLarge.status).toBe(413);
      expect(((await tooLarge.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe("FILE_TOO_LARGE");
      const gif = await put((await ticketFor("candidate15", opened.id)).data!.requestCertificationEvidenceUpload.uploadUrl, GIF_BYTES, "candidate15");
      expect(((await gif.json()) as { errors: Array<{ extensions: { code: string } }> }).errors[0]?.extensions.code).toBe("UNSUPPORTED_FILE_TYPE");

      const seen = await subgraph.graphql<{ certificationCases: Array<{ id: string; evidence: Array<{ fileName: string; size: number; mimeType: string; downloadUrl: string }> }> }>(EVIDENCE, {}, await as("county1"));
      const evidence = seen.data!.certificationCases.find((item) => item.id === opened.id)!.evidence;
      expect(evidence.map((file) => [file.fileName, file.size, file.mimeType])).toEqual([["成绩证明.png", 1_048_576, "image/png"]]);
      const download = (username: string) =>
        as(username).then((headers) => fetch(`${subgraph.url.replace(/\/graphql$/, "")}${evidence[0]!.downloadUrl.replace("/files/certification/", "/files/")}`, { headers }));
      const downloaded = await download("county1");
      expect(downloaded.status).toBe(200);
      expect(Buffer.from(await downloaded.arrayBuffer()).equals(exactly)).toBe(true);
      // The link was issued to county1: in anyone else's hands it does not work.
      expect((await download("candidate15")).status).toBe(403);
    });

    it("gives upload links only to the case's own candidate", async () => {
      const opened = (await open("candidate16", "13")).data!.openCertificationCase;
      expect((await ticketFor("candidate17", opened.id)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await ticketFor("county1", opened.id)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await ticketFor("candidate16", randomUUID())).errors?.[0]?.extensions?.code).toBe("CERTIFICATION_CASE_NOT_FOUND");
    });
  });
});
