// The certification case end to end on one subgraph: eligibility from the registry's events,
// drafts with evidence per kind, submission inside the window (edges by the FakeClock), the
// reviewer's subjects through the recognition rules, decisions on the workflow, the certificate
// on final approval, the events announced, and the service closing after the viewing deadline.
import { randomUUID } from "node:crypto";
import { demoOrganizationPath, demoOrgId, demoUserId, demoUsers } from "@xuekao/demo-data";
import { InProcessBus, OutboxEvent, type EventDefinition } from "@xuekao/events";
import { UserContactChanged } from "@xuekao/identity/events";
import { ExamResultsRecorded, RecordRegistered, RecordTransferredIn } from "@xuekao/registry/events";
import { AuditEntry, FakeClock, Role, splitPath, WorkflowApplication } from "@xuekao/subgraph-kit";
import { createTestTokens, GIF_BYTES, itBehavesLikeASubgraph, pngOfSize, startTestSubgraph, testDrivers, type TestSubgraph, type TestTokens } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CertificationCase } from "../src/modules/certification-case/certification-case.entity.js";
import { CertificationCaseDecided, SubjectsCertified } from "../src/events.js";
import { certificationSubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

const CASE_FIELDS = `id kind status originProvinceCode certifyingProvinceCode createdAt submittedAt closedAt resultViewableUntil
  candidate { id } application { status stepKey version canDecide }
  evidence { id purpose fileName }
  requiredEvidence { slot name maxBytes allowedTypes file { id } }
  subjects { subjectCode subjectName grade score fullScore passed explanation parts { subjectCode passed explanation } }
  certificate { code kind }`;

const ELIGIBILITY = `query($origin: String) { certificationEligibility(originProvinceCode: $origin) { eligible kind reasonCode reason window { name } currentCase { id status } } }`;
const START = `mutation($input: StartCertificationCaseInput!) { startCertificationCase(input: $input) { ${CASE_FIELDS} } }`;
const START_SCHOOL = `mutation($input: StartSchoolCertificationCaseInput!) { startSchoolCertificationCase(input: $input) { ${CASE_FIELDS} } }`;
const UPLOAD = `mutation($caseId: ID!, $slot: CertificationEvidenceSlot!, $fileName: String!) { requestCertificationEvidenceUpload(caseId: $caseId, slot: $slot, fileName: $fileName) { uploadUrl maxBytes allowedTypes } }`;
const SUBMIT = `mutation($input: SubmitCertificationCaseInput!) { submitCertificationCase(input: $input) { ${CASE_FIELDS} } }`;
const SAVE_SUBJECTS = `mutation($input: SaveCertificationSubjectsInput!) { saveCertificationSubjects(input: $input) { ${CASE_FIELDS} } }`;
const DECIDE = `mutation($input: DecideCertificationCaseInput!) { decideCertificationCase(input: $input) { ${CASE_FIELDS} } }`;
const ONE = `query($id: ID!) { certificationCase(id: $id) { ${CASE_FIELDS} } }`;
const MINE = `query { myCertificationCases { id status } }`;
const SCHOOL_CASES = `query { schoolCertificationCases(first: 10) { items { id kind status } nextCursor } }`;
const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { found signatureValid fields { kind title issuerName holderName idNumberMasked originProvinceName subjects { code name result detail } } } }`;

interface Case {
  id: string;
  kind: string;
  status: string;
  originProvinceCode: string;
  certifyingProvinceCode: string;
  createdAt: string;
  submittedAt: string | null;
  closedAt: string | null;
  resultViewableUntil: string | null;
  application: { status: string; stepKey: string; version: number; canDecide: boolean } | null;
  evidence: Array<{ id: string; purpose: string; fileName: string }>;
  requiredEvidence: Array<{ slot: string; name: string; maxBytes: number; allowedTypes: string[]; file: { id: string } | null }>;
  subjects: Array<{ subjectCode: string; passed: boolean; explanation: string; fullScore: number | null; parts: Array<{ subjectCode: string; passed: boolean }> }>;
  certificate: { code: string; kind: string } | null;
}

const pathOfOrg = (key: string) => splitPath(demoOrganizationPath(demoOrgId(key)));
const pathOfUser = (username: string) => splitPath(demoOrganizationPath(demoUsers.find((user) => user.username === username)!.organizationId));

describe.each(drivers)("certification cases on %s", (driver) => {
  // The demo window opens a day before the subgraph first starts and closes nine days after.
  const start = new Date("2026-11-22T04:30:00Z");
  const clock = new FakeClock(start);
  const bus = new InProcessBus({ logger: { debug() {}, info() {}, warn() {}, error() {} } });
  let subgraph: TestSubgraph;
  let tokens: TestTokens;

  const em = () => subgraph.service.orm.em.fork();
  const gql = async <T,>(query: string, variables: Record<string, unknown>, headers?: Record<string, string>) => subgraph.graphql<T>(query, variables, headers);

  // ---- callers
  const bjCandidate = (sub = randomUUID()) => ({ sub, headers: () => tokens.headers({ sub, roles: [{ role: Role.CANDIDATE_SOCIAL, path: pathOfOrg("bj-haidian"), pc: "11" }] }) });
  const imStudent = (username: string) => {
    const sub = demoUserId(username);
    return { sub, headers: () => tokens.headers({ sub, roles: [{ role: Role.CANDIDATE_IN_SCHOOL, path: pathOfUser(username), pc: "15" }] }) };
  };
  const staff = (role: Role, orgKey: string, pc: string, sub = randomUUID()) => () => tokens.headers({ sub, roles: [{ role, path: pathOfOrg(orgKey), pc }] });
  const bjReviewer = staff(Role.CERTIFICATION_REVIEWER, "bj", "11");
  const bjSchool = staff(Role.SCHOOL_ADMIN, "bj-school", "11");
  const county1 = staff(Role.COUNTY_AGENCY, "im-xincheng", "15");
  const league1 = staff(Role.LEAGUE_AGENCY, "im-hohhot", "15");
  const region1 = staff(Role.PROVINCE_INSTITUTE, "im", "15");

  // ---- events from the other subgraphs
  const publish = async <D extends EventDefinition>(definition: D, payload: Parameters<D["create"]>[0], organizationPath: string[], producer = "registry") =>
    bus.publish(definition.create(payload, { organizationPath, producer, now: clock.now() }));
  const named = (candidateId: string, displayName: string, role = "CANDIDATE_SOCIAL", path = pathOfOrg("bj-haidian")) =>
    publish(UserContactChanged, { userId: candidateId, displayName, mobile: null, roles: [{ role, organizationPath: path, provinceCode: "11" }] }, path, "identity");

  // ---- steps
  const startCase = async (caller: { headers: () => Promise<Record<string, string>> }, origin = "13") =>
    gql<{ startCertificationCase: Case }>(START, { input: { originProvinceCode: origin } }, await caller.headers());
  const put = async (url: string, body: Buffer, headers: Record<string, string>) =>
    fetch(`${subgraph.url.replace(/\/graphql$/, "")}${url.replace("/files/certification/", "/files/")}`, { method: "PUT", headers: { "content-type": "image/png", ...headers }, body });
  const upload = async (caseId: string, slot: string, headers: Record<string, string>, body = pngOfSize(2048)) => {
    const ticket = await gql<{ requestCertificationEvidenceUpload: { uploadUrl: string } }>(UPLOAD, { caseId, slot, fileName: `${slot}.png` }, headers);
    expect(ticket.errors, JSON.stringify(ticket.errors)).toBeUndefined();
    return put(ticket.data!.requestCertificationEvidenceUpload.uploadUrl, body, headers);
  };
  const submit = async (caseId: string, headers: Record<string, string>, idempotencyKey = randomUUID()) =>
    gql<{ submitCertificationCase: Case }>(SUBMIT, { input: { caseId, idempotencyKey } }, headers);
  const read = async (caseId: string, headers: Record<string, string>) => (await gql<{ certificationCase: Case }>(ONE, { id: caseId }, headers)).data?.certificationCase;
  const saveSubjects = async (caseId: string, subjects: unknown[], headers: Record<string, string>) =>
    gql<{ saveCertificationSubjects: Case }>(SAVE_SUBJECTS, { input: { caseId, subjects } }, headers);
  const versionOf = async (caseId: string) => (await em().findOneOrFail(WorkflowApplication, { subjectType: "CertificationCase", subjectId: caseId })).version;
  const decide = async (caseId: string, decision: string, headers: Record<string, string>, reason: string | null = null, expectedVersion?: number) =>
    gql<{ decideCertificationCase: Case }>(
      DECIDE,
      { input: { caseId, decision, reason, expectedVersion: expectedVersion ?? (await versionOf(caseId)), idempotencyKey: randomUUID() } },
      headers,
    );
  const outbox = async <D extends EventDefinition>(definition: D): Promise<Array<ReturnType<D["parse"]>>> =>
    (await em().find(OutboxEvent, {}, { orderBy: { occurredAt: "asc" } }))
      .map((row) => row.toDomainEvent())
      .filter((event) => definition.matches(event))
      .map((event) => definition.parse(event) as ReturnType<D["parse"]>);
  const caseCount = () => em().count(CertificationCase, {});

  /** A Beijing returning candidate with a submitted case (Hebei's certificate uploaded). */
  const submittedBeijingCase = async (name = "测试考生") => {
    const candidate = bjCandidate();
    await named(candidate.sub, name);
    const started = await startCase(candidate);
    expect(started.errors, JSON.stringify(started.errors)).toBeUndefined();
    const caseId = started.data!.startCertificationCase.id;
    expect((await upload(caseId, "SCORE_CERTIFICATE", await candidate.headers())).status).toBe(200);
    const submitted = await submit(caseId, await candidate.headers());
    expect(submitted.errors, JSON.stringify(submitted.errors)).toBeUndefined();
    return { candidate, caseId };
  };

  const HEBEI_SUBJECTS = [
    { subjectCode: "CHINESE", grade: "A" },
    { subjectCode: "MATHEMATICS", grade: "C" },
    { subjectCode: "PHYSICS", grade: "D" },
  ];

  beforeAll(async () => {
    tokens = await createTestTokens(clock);
    const definition = { ...certificationSubgraph, setup: async (boot: Parameters<NonNullable<typeof certificationSubgraph.setup>>[0]) => ({ ...(await certificationSubgraph.setup!(boot)), tokenKeys: tokens.tokenKeys }) };
    subgraph = await startTestSubgraph(definition, driver, { clock, bus, seedDemo: true, relayPollIntervalMs: 50 });
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  itBehavesLikeASubgraph(certificationSubgraph, driver, () => subgraph);

  describe("eligibility", () => {
    it("lets a Beijing returning candidate start a draft in the open window, asking for one score certificate", async () => {
      const candidate = bjCandidate();
      const before = await gql<{ certificationEligibility: { eligible: boolean; kind: string; window: { name: string } } }>(ELIGIBILITY, { origin: "13" }, await candidate.headers());
      expect(before.data?.certificationEligibility).toMatchObject({ eligible: true, kind: "certification.returning-candidate", reasonCode: null, window: { name: "演示：返京成绩认定（当前开放）" }, currentCase: null });
      const started = (await startCase(candidate)).data!.startCertificationCase;
      expect(started).toMatchObject({ status: "DRAFT", submittedAt: null, application: null, evidence: [], createdAt: start.toISOString(), certifyingProvinceCode: "11", originProvinceCode: "13" });
      expect(started.requiredEvidence).toEqual([{ slot: "SCORE_CERTIFICATE", name: expect.any(String), maxBytes: 1_048_576, allowedTypes: ["image/jpeg", "image/png"], file: null }]);
      expect(started.resultViewableUntil).not.toBeNull();
      // Starting again gives the same draft back, unchanged.
      expect((await startCase(candidate)).data!.startCertificationCase.id).toBe(started.id);
      const after = await gql<{ certificationEligibility: { currentCase: { id: string } } }>(ELIGIBILITY, {}, await candidate.headers());
      expect(after.data?.certificationEligibility.currentCase).toEqual({ id: started.id, status: "DRAFT" });
    });

    it.each([
      ["SAT_EXAM_HERE", "已在本省参加合格性考试", (candidateId: string) => publish(ExamResultsRecorded, { candidateId, provinceCode: "11", sessionId: randomUUID(), recordedAt: clock.now().toISOString() }, pathOfOrg("bj-haidian"))],
      ["TRANSFERRED_IN", "考籍已转入本省", (candidateId: string) => publish(RecordTransferredIn, { candidateId, provinceCode: "11", fromProvinceCode: "13", transferredAt: clock.now().toISOString() }, pathOfOrg("bj-school"))],
    ])("refuses with NOT_ELIGIBLE %s once registry says so, and answers the same without refusing", async (reasonCode, words, happen) => {
      const candidate = bjCandidate();
      // Another province's fact changes nothing.
      await publish(ExamResultsRecorded, { candidateId: candidate.sub, provinceCode: "15", sessionId: randomUUID(), recordedAt: clock.now().toISOString() }, pathOfOrg("im"));
      expect((await gql<{ certificationEligibility: { eligible: boolean } }>(ELIGIBILITY, {}, await candidate.headers())).data?.certificationEligibility.eligible).toBe(true);
      await happen(candidate.sub);
      const before = await caseCount();
      const refused = await startCase(candidate);
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "NOT_ELIGIBLE", reasonCode });
      expect(refused.errors?.[0]?.message).toContain(words);
      expect(await caseCount()).toBe(before);
      const answer = await gql<{ certificationEligibility: { eligible: boolean; reasonCode: string; reason: string } }>(ELIGIBILITY, {}, await candidate.headers());
      expect(answer.data?.certificationEligibility).toMatchObject({ eligible: false, reasonCode, reason: expect.stringContaining(words) });
    });

    it("refuses ALREADY_CERTIFIED after an approval, and allows a new case after a rejection", async () => {
      const { candidate, caseId } = await submittedBeijingCase();
      expect((await saveSubjects(caseId, HEBEI_SUBJECTS, await bjReviewer())).errors).toBeUndefined();
      expect((await decide(caseId, "APPROVE", await bjReviewer())).errors).toBeUndefined();
      const refused = await startCase(candidate, "14");
      expect(refused.errors?.[0]?.extensions).toMatchObject({ code: "NOT_ELIGIBLE", reasonCode: "ALREADY_CERTIFIED" });

      const other = await submittedBeijingCase();
      expect((await decide(other.caseId, "REJECT", await bjReviewer(), "成绩证明未加盖公章")).errors).toBeUndefined();
      expect((await startCase(other.candidate)).data?.startCertificationCase.status).toBe("DRAFT");
    });

    it("refuses a second case while one is under review, origin province invalid or the same, and kinds the province does not run", async () => {
      const { candidate } = await submittedBeijingCase();
      expect((await startCase(candidate)).errors?.[0]?.extensions?.code).toBe("CERTIFICATION_CASE_ALREADY_OPEN");
      expect((await startCase(bjCandidate(), "99")).errors?.[0]?.extensions?.code).toBe("CERTIFICATION_PROVINCE_INVALID");
      expect((await startCase(bjCandidate(), "11")).errors?.[0]?.extensions?.code).toBe("CERTIFICATION_SAME_PROVINCE");
      // A social candidate in Inner Mongolia: the region runs no returning-candidate certification.
      const imSocial = { headers: () => tokens.headers({ sub: randomUUID(), roles: [{ role: Role.CANDIDATE_SOCIAL, path: pathOfOrg("im-xincheng"), pc: "15" }] }) };
      expect((await startCase(imSocial)).errors?.[0]?.extensions?.code).toBe("KIND_NOT_OFFERED");
      // An in-school student in Beijing: the school files for them.
      const bjStudent = { headers: () => tokens.headers({ sub: randomUUID(), roles: [{ role: Role.CANDIDATE_IN_SCHOOL, path: pathOfOrg("bj-class-5"), pc: "11" }] }) };
      expect((await startCase(bjStudent)).errors?.[0]?.extensions).toMatchObject({ code: "NOT_ELIGIBLE", reasonCode: "SCHOOL_FILES" });
      expect((await startCase({ headers: bjReviewer })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await gql(START, { input: { originProvinceCode: "13" } })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });
  });

  describe("evidence and submission", () => {
    it("judges uploads by content: exactly 1 MB of PNG accepted, a byte more or GIF bytes refused; slots outside the kind refused", async () => {
      const candidate = bjCandidate();
      const caseId = (await startCase(candidate)).data!.startCertificationCase.id;
      const headers = await candidate.headers();
      expect((await upload(caseId, "SCORE_CERTIFICATE", headers, pngOfSize(1_048_577))).status).toBe(413);
      const gif = await upload(caseId, "SCORE_CERTIFICATE", headers, GIF_BYTES);
      expect(gif.status).toBe(415);
      expect((await submit(caseId, headers)).errors?.[0]?.extensions?.code).toBe("CERTIFICATION_EVIDENCE_MISSING");
      expect((await upload(caseId, "SCORE_CERTIFICATE", headers, pngOfSize(1_048_576))).status).toBe(200);
      const wrongSlot = await gql(UPLOAD, { caseId, slot: "IDENTITY_PROOF", fileName: "id.png" }, headers);
      expect(wrongSlot.errors?.[0]?.extensions?.code).toBe("CERTIFICATION_EVIDENCE_SLOT_INVALID");
      // Someone else's case: refused.
      expect((await gql(UPLOAD, { caseId, slot: "SCORE_CERTIFICATE", fileName: "x.png" }, await bjCandidate().headers())).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    });

    it("submits once: the same submission again changes nothing; a submitted case is locked for uploads", async () => {
      const { candidate, caseId } = await submittedBeijingCase();
      const headers = await candidate.headers();
      const first = await read(caseId, headers);
      expect(first).toMatchObject({ status: "PENDING_REVIEW", submittedAt: clock.now().toISOString(), application: { status: "IN_PROGRESS", stepKey: "institute-review" } });
      expect(first!.evidence).toHaveLength(1);
      const auditsBefore = await em().count(AuditEntry, {});
      const eventsBefore = await em().count(OutboxEvent, {});
      const again = await submit(caseId, headers);
      expect(again.errors).toBeUndefined();
      expect(again.data!.submitCertificationCase.application?.version).toBe(first!.application!.version);
      expect(await em().count(AuditEntry, {})).toBe(auditsBefore);
      expect(await em().count(OutboxEvent, {})).toBe(eventsBefore);
      expect((await gql(UPLOAD, { caseId, slot: "SCORE_CERTIFICATE", fileName: "x.png" }, headers)).errors?.[0]?.extensions?.code).toBe("CERTIFICATION_CASE_LOCKED");
    });

    it("accepts at the window's opening instant and refuses at its closing instant (WINDOW_CLOSED)", async () => {
      const window = (await gql<{ certificationWindows: Array<{ name: string; opensAt: string; closesAt: string }> }>(`{ certificationWindows(provinceCode: "11") { name opensAt closesAt } }`, {}, await bjReviewer()))
        .data!.certificationWindows.find((item) => item.name === "演示：返京成绩认定（当前开放）")!;
      const candidate = bjCandidate();
      try {
        clock.set(window.opensAt);
        const caseId = (await startCase(candidate)).data!.startCertificationCase.id;
        expect((await upload(caseId, "SCORE_CERTIFICATE", await candidate.headers())).status).toBe(200);
        clock.set(window.closesAt);
        const before = await em().findOneOrFail(CertificationCase, { id: caseId });
        const refused = await submit(caseId, await candidate.headers());
        expect(refused.errors?.[0]?.extensions?.code).toBe("WINDOW_CLOSED");
        expect(refused.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
        expect((await em().findOneOrFail(CertificationCase, { id: caseId })).status).toBe(before.status);
        expect((await startCase(bjCandidate())).errors?.[0]?.extensions?.code).toBe("WINDOW_CLOSED");
        clock.set(new Date(new Date(window.closesAt).getTime() - 1));
        expect((await submit(caseId, await candidate.headers())).data?.submitCertificationCase.status).toBe("PENDING_REVIEW");
      } finally {
        clock.set(start);
      }
    });
  });

  describe("review", () => {
    it("records subjects with the rules' verdicts; refuses selective scores, unknown or repeated subjects, and missing art parts", async () => {
      const { caseId } = await submittedBeijingCase();
      const saved = await saveSubjects(caseId, HEBEI_SUBJECTS, await bjReviewer());
      expect(saved.errors).toBeUndefined();
      expect(saved.data!.saveCertificationSubjects.subjects.map((subject) => [subject.subjectCode, subject.passed])).toEqual([
        ["CHINESE", true],
        ["MATHEMATICS", true],
        ["PHYSICS", false],
      ]);
      const refusals: Array<[unknown[], string]> = [
        [[{ subjectCode: "PHYSICS", grade: "A", examKind: "SELECTIVE" }], "CERTIFICATION_SELECTIVE_SCORE"],
        [[{ subjectCode: "CHINESE", grade: "A" }, { subjectCode: "CHINESE", grade: "B" }], "CERTIFICATION_SUBJECT_INVALID"],
        [[{ subjectCode: "LATIN", grade: "A" }], "CERTIFICATION_SUBJECT_INVALID"],
        [[{ subjectCode: "CHINESE", grade: "E" }], "CERTIFICATION_SUBJECT_INVALID"],
      ];
      for (const [subjects, code] of refusals) {
        const refused = await saveSubjects(caseId, subjects, await bjReviewer());
        expect(refused.errors?.[0]?.extensions?.code, JSON.stringify(subjects)).toBe(code);
      }
      // Nothing partial: the first save stands.
      expect((await read(caseId, await bjReviewer()))!.subjects).toHaveLength(3);
    });

    it("gives art from Henan (music and fine art) its verdict from both parts", async () => {
      const candidate = bjCandidate();
      await named(candidate.sub, "河南考生");
      const caseId = (await startCase(candidate, "41")).data!.startCertificationCase.id;
      await upload(caseId, "SCORE_CERTIFICATE", await candidate.headers());
      await submit(caseId, await candidate.headers());
      const headers = await bjReviewer();
      const missing = await saveSubjects(caseId, [{ subjectCode: "ARTS", parts: [{ subjectCode: "MUSIC", score: "80" }] }], headers);
      expect(missing.errors?.[0]?.extensions?.code).toBe("CERTIFICATION_SUBJECT_INVALID");
      const saved = await saveSubjects(caseId, [{ subjectCode: "ARTS", parts: [{ subjectCode: "MUSIC", score: "80" }, { subjectCode: "FINE_ART", score: "59.5" }] }, { subjectCode: "MATHEMATICS", score: "90" }], headers);
      expect(saved.errors).toBeUndefined();
      const [arts, maths] = saved.data!.saveCertificationSubjects.subjects;
      expect(arts).toMatchObject({ subjectCode: "ARTS", passed: false, parts: [{ subjectCode: "MUSIC", passed: true }, { subjectCode: "FINE_ART", passed: false }] });
      expect(maths).toMatchObject({ subjectCode: "MATHEMATICS", passed: true, fullScore: 150 });
    });

    it("returns for a better scan; the candidate uploads again and resubmits; the reviewer approves and a verifiable certificate is issued", async () => {
      const { candidate, caseId } = await submittedBeijingCase("冯测试");
      expect((await decide(caseId, "RETURN", await bjReviewer(), "扫描件不清晰，请重新上传")).data?.decideCertificationCase.status).toBe("RETURNED");
      const returned = (await outbox(CertificationCaseDecided)).find((event) => event.payload.caseId === caseId);
      expect(returned?.payload).toMatchObject({ status: "RETURNED", reason: "扫描件不清晰，请重新上传", certificateCode: null, provinceCode: "11", originProvinceCode: "13" });
      const oldFile = (await read(caseId, await candidate.headers()))!.evidence[0]!.id;
      clock.advance({ minutes: 1 }); // the better scan comes later: the latest upload of a slot is its file
      expect((await upload(caseId, "SCORE_CERTIFICATE", await candidate.headers())).status).toBe(200);
      const resubmitted = await submit(caseId, await candidate.headers());
      expect(resubmitted.data?.submitCertificationCase).toMatchObject({ status: "PENDING_REVIEW", application: { status: "IN_PROGRESS" } });
      expect(resubmitted.data!.submitCertificationCase.evidence.map((file) => file.id)).not.toContain(oldFile);

      // APPROVE needs the subjects first.
      expect((await decide(caseId, "APPROVE", await bjReviewer())).errors?.[0]?.extensions?.code).toBe("CERTIFICATION_SUBJECTS_MISSING");
      expect(await read(caseId, await candidate.headers())).toMatchObject({ status: "PENDING_REVIEW", certificate: null });
      await saveSubjects(caseId, HEBEI_SUBJECTS, await bjReviewer());
      // A stale version loses.
      const stale = await decide(caseId, "APPROVE", await bjReviewer(), null, (await versionOf(caseId)) - 1);
      expect(stale.errors?.[0]?.extensions?.code).toBe("CONFLICT");
      const approved = await decide(caseId, "APPROVE", await bjReviewer());
      expect(approved.errors).toBeUndefined();
      const decidedCase = approved.data!.decideCertificationCase;
      expect(decidedCase).toMatchObject({ status: "APPROVED", certificate: { kind: "CERTIFICATION_RESULT" } });
      const verified = await gql<{ verifyCertificate: { found: boolean; signatureValid: boolean; fields: { title: string; issuerName: string; holderName: string; originProvinceName: string; subjects: Array<{ code: string; result: string; detail: string }> } } }>(
        VERIFY,
        { code: decidedCase.certificate!.code },
      );
      expect(verified.data?.verifyCertificate).toMatchObject({
        found: true,
        signatureValid: true,
        fields: { title: "外省普通高中学业水平合格性考试成绩认定结果", issuerName: "北京教育考试院", holderName: "冯测试", originProvinceName: "河北省" },
      });
      expect(verified.data!.verifyCertificate.fields.subjects.map((subject) => [subject.code, subject.result])).toEqual([
        ["CHINESE", "合格"],
        ["MATHEMATICS", "合格"],
        ["PHYSICS", "不合格"],
      ]);
      const decided = (await outbox(CertificationCaseDecided)).filter((event) => event.payload.caseId === caseId).map((event) => event.payload);
      expect(decided.at(-1)).toMatchObject({ status: "APPROVED", certificateCode: decidedCase.certificate!.code, kind: "certification.returning-candidate" });
      // Returning candidates' subjects are not sent to the registry.
      expect((await outbox(SubjectsCertified)).some((event) => event.payload.caseId === caseId)).toBe(false);
    });

    it("rejects with a reason and issues no certificate", async () => {
      const { caseId } = await submittedBeijingCase();
      expect((await decide(caseId, "REJECT", await bjReviewer())).errors?.[0]?.extensions?.code).toBe("REASON_REQUIRED");
      const rejected = await decide(caseId, "REJECT", await bjReviewer(), "非外省合格考成绩证明");
      expect(rejected.data?.decideCertificationCase).toMatchObject({ status: "REJECTED", certificate: null });
      expect((await outbox(CertificationCaseDecided)).find((event) => event.payload.caseId === caseId)?.payload).toMatchObject({ status: "REJECTED", reason: "非外省合格考成绩证明" });
    });

    it("keeps another province's reviewer and other candidates out", async () => {
      const { caseId } = await submittedBeijingCase();
      expect((await saveSubjects(caseId, HEBEI_SUBJECTS, await region1())).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await decide(caseId, "APPROVE", await region1())).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await gql(ONE, { id: caseId }, await bjCandidate().headers())).errors?.[0]?.extensions?.code).toBe("CERTIFICATION_CASE_NOT_FOUND");
      expect((await gql(ONE, { id: caseId }, await region1())).errors?.[0]?.extensions?.code).toBe("CERTIFICATION_CASE_NOT_FOUND");
      expect(await read(caseId, await bjReviewer())).toMatchObject({ id: caseId, application: { canDecide: true } });
    });
  });

  describe("results after the viewing deadline", () => {
    it("answers CERTIFICATION_SERVICE_CLOSED once every case's window is past its viewing deadline", async () => {
      const { candidate, caseId } = await submittedBeijingCase();
      const until = (await read(caseId, await candidate.headers()))!.resultViewableUntil!;
      try {
        clock.set(new Date(new Date(until).getTime() - 1));
        expect((await gql<{ myCertificationCases: Array<{ id: string }> }>(MINE, {}, await candidate.headers())).data?.myCertificationCases).toEqual([{ id: caseId, status: "PENDING_REVIEW" }]);
        clock.set(until);
        const closed = await gql(MINE, {}, await candidate.headers());
        expect(closed.errors?.[0]?.extensions?.code).toBe("CERTIFICATION_SERVICE_CLOSED");
        expect(closed.errors?.[0]?.message).toMatch(/关闭/);
      } finally {
        clock.set(start);
      }
      expect((await gql<{ myCertificationCases: unknown[] }>(MINE, {}, await bjCandidate().headers())).data?.myCertificationCases).toEqual([]);
    });
  });

  describe("school flow", () => {
    it("a Beijing school files for its transferred-in student; another school cannot", async () => {
      const studentId = randomUUID();
      await named(studentId, "转入学生", "CANDIDATE_IN_SCHOOL", pathOfOrg("bj-school"));
      const refused = await gql(START_SCHOOL, { input: { candidateId: studentId, originProvinceCode: "13" } }, await bjSchool());
      expect(refused.errors?.[0]?.extensions?.code).toBe("CERTIFICATION_STUDENT_NOT_FOUND");
      await publish(RecordRegistered, { candidateId: studentId, recordNumber: "G110108200801010011", provinceCode: "11", candidateKind: "IN_SCHOOL", registeredAt: clock.now().toISOString() }, pathOfOrg("bj-school"));
      // The Inner Mongolia school has no such student.
      expect((await gql(START_SCHOOL, { input: { candidateId: studentId, originProvinceCode: "13" } }, await staff(Role.SCHOOL_ADMIN, "im-school", "15")())).errors?.[0]?.extensions?.code).toBe("CERTIFICATION_STUDENT_NOT_FOUND");

      const started = await gql<{ startSchoolCertificationCase: Case }>(START_SCHOOL, { input: { candidateId: studentId, originProvinceCode: "13" } }, await bjSchool());
      expect(started.errors, JSON.stringify(started.errors)).toBeUndefined();
      const caseId = started.data!.startSchoolCertificationCase.id;
      expect(started.data!.startSchoolCertificationCase).toMatchObject({ kind: "certification.school-upload", status: "DRAFT", candidate: { id: studentId }, resultViewableUntil: null });
      expect((await upload(caseId, "SCORE_CERTIFICATE", await bjSchool())).status).toBe(200);
      expect((await submit(caseId, await bjSchool())).data?.submitCertificationCase.status).toBe("PENDING_REVIEW");
      expect((await gql<{ schoolCertificationCases: { items: Array<{ id: string }> } }>(SCHOOL_CASES, {}, await bjSchool())).data?.schoolCertificationCases.items.map((item) => item.id)).toContain(caseId);
      expect((await gql<{ schoolCertificationCases: { items: unknown[] } }>(SCHOOL_CASES, {}, await staff(Role.SCHOOL_ADMIN, "im-school", "15")())).data?.schoolCertificationCases.items).toEqual([]);

      // Returned, the school uploads again and resubmits for the student.
      await decide(caseId, "RETURN", await bjReviewer(), "请上传原件扫描件");
      expect((await upload(caseId, "SCORE_CERTIFICATE", await bjSchool())).status).toBe(200);
      expect((await submit(caseId, await bjSchool())).data?.submitCertificationCase.status).toBe("PENDING_REVIEW");
      await saveSubjects(caseId, HEBEI_SUBJECTS, await bjReviewer());
      const approved = await decide(caseId, "APPROVE", await bjReviewer());
      expect(approved.data?.decideCertificationCase.certificate?.kind).toBe("CERTIFICATION_RESULT");
      const verified = await gql<{ verifyCertificate: { fields: { idNumberMasked: string; holderName: string } } }>(VERIFY, { code: approved.data!.decideCertificationCase.certificate!.code });
      expect(verified.data?.verifyCertificate.fields).toMatchObject({ holderName: "转入学生", idNumberMasked: expect.stringMatching(/^1101\*+0011$/) });
    });
  });

  describe("Inner Mongolia transfer-in", () => {
    it("three proofs, county → league/city → region; the region certifies and the registry is told the subjects", async () => {
      const student = imStudent("candidate29");
      const started = await startCase(student);
      expect(started.errors, JSON.stringify(started.errors)).toBeUndefined();
      const draft = started.data!.startCertificationCase;
      expect(draft.kind).toBe("certification.transfer-in");
      expect(draft.requiredEvidence.map((item) => item.slot)).toEqual(["SCORE_CERTIFICATE", "SCHOOL_ACCEPTANCE", "IDENTITY_PROOF"]);
      await upload(draft.id, "SCORE_CERTIFICATE", await student.headers());
      await upload(draft.id, "SCHOOL_ACCEPTANCE", await student.headers());
      const missing = await submit(draft.id, await student.headers());
      expect(missing.errors?.[0]?.extensions?.code).toBe("CERTIFICATION_EVIDENCE_MISSING");
      expect(missing.errors?.[0]?.message).toContain("身份证明");
      await upload(draft.id, "IDENTITY_PROOF", await student.headers());
      expect((await submit(draft.id, await student.headers())).data?.submitCertificationCase.application?.stepKey).toBe("county-review");

      // Only the step's actor acts: the region cannot skip the county.
      expect((await saveSubjects(draft.id, HEBEI_SUBJECTS, await region1())).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await decide(draft.id, "APPROVE", await county1())).errors).toBeUndefined();
      expect((await decide(draft.id, "APPROVE", await league1())).errors).toBeUndefined();
      expect((await saveSubjects(draft.id, [{ subjectCode: "PHYSICS", grade: "A", examKind: "SELECTIVE" }], await region1())).errors?.[0]?.extensions?.code).toBe("CERTIFICATION_SELECTIVE_SCORE");
      expect((await saveSubjects(draft.id, HEBEI_SUBJECTS, await region1())).errors).toBeUndefined();
      const approved = await decide(draft.id, "APPROVE", await region1());
      expect(approved.data?.decideCertificationCase).toMatchObject({ status: "APPROVED", certificate: { kind: "CERTIFICATION_RESULT" } });

      const certified = (await outbox(SubjectsCertified)).find((event) => event.payload.caseId === draft.id);
      expect(certified?.payload).toMatchObject({ candidateId: student.sub, provinceCode: "15", originProvinceCode: "13" });
      expect(certified!.payload.subjects.map((subject) => [subject.subjectCode, subject.passed])).toEqual([
        ["CHINESE", true],
        ["MATHEMATICS", true],
        ["PHYSICS", false],
      ]);
      const verified = await gql<{ verifyCertificate: { fields: { title: string; issuerName: string } } }>(VERIFY, { code: approved.data!.decideCertificationCase.certificate!.code });
      expect(verified.data?.verifyCertificate.fields).toMatchObject({ title: "区外普通高中学业水平合格性考试成绩转入认定结果", issuerName: "内蒙古自治区教育招生考试中心" });
    });

    it("seeds candidate30's case with its three proofs at the county step", async () => {
      const seeded = await em().findOneOrFail(CertificationCase, { candidateId: demoUserId("candidate30") });
      const answer = await read(seeded.id, await county1());
      expect(answer).toMatchObject({ status: "PENDING_REVIEW", kind: "certification.transfer-in", application: { stepKey: "county-review", canDecide: true } });
      expect(answer!.requiredEvidence.every((item) => item.file !== null)).toBe(true);
      expect(answer!.submittedAt).toBe(new Date(start.getTime() - 80 * 3_600_000).toISOString());
    });
  });
});
