import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, demoOrganizationPath, demoOrgId, demoUserId, demoUsers } from "@xuekao/demo-data";
import { idNumberCheckDigit } from "@xuekao/rules";
import { identitySubgraph } from "@xuekao/identity";
import { AuditEntry, FakeClock, JWKS_PATH, Role } from "@xuekao/subgraph-kit";
import { GIF_BYTES, pngOfSize, signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExamRecord } from "../src/modules/exam-record/exam-record.entity.js";
import { PreRegistration } from "../src/modules/pre-registration/pre-registration.entity.js";
import { PreRegistrationService } from "../src/modules/pre-registration/pre-registration.service.js";
import { demoForm } from "../src/seeders/pre-registration.demo.js";
import { registrySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();
const NOW = new Date("2026-11-20T02:00:00Z");

const FIELDS = `id status candidateKind version name idNumber mobile studentNumber recordNumber stepKey
  guardian { name mobile } familyMembers { name mobile }
  application { id version status stepKey round lastReason canDecide history { round action stepKey reason resultStatus } }`;
const MINE = `{ myPreRegistration { ${FIELDS} } }`;
const SAVE = `mutation($input: SavePreRegistrationInput!) { savePreRegistrationDraft(input: $input) { ${FIELDS} } }`;
const SUBMIT = `mutation($input: SubmitPreRegistrationInput!) { submitPreRegistration(input: $input) { ${FIELDS} } }`;
const QUEUE = `query($filter: PreRegistrationQueueFilter, $first: Int, $after: String) {
  preRegistrationQueue(filter: $filter, first: $first, after: $after) { items { id name idNumber stepKey status application { version canDecide allowedDecisions } } nextCursor }
}`;
const REVIEW = `mutation($input: ReviewPreRegistrationInput!) { reviewPreRegistration(input: $input) { ${FIELDS} } }`;
const BULK = `mutation($input: BulkApprovePreRegistrationsInput!) { approvePreRegistrations(input: $input) { preRegistrationId ok code message } }`;
const PHOTO = `mutation($id: ID!, $fileName: String!) { requestRegistrationPhotoUpload(preRegistrationId: $id, fileName: $fileName) { fileId uploadUrl maxBytes } }`;
const COLLECT = `mutation($input: CollectPreRegistrationInput!) { collectPreRegistration(input: $input) { ${FIELDS} photo { mimeType } } }`;
const REVEAL = `mutation($id: ID!) { revealPreRegistrationIdNumber(preRegistrationId: $id) }`;
const RECORDS = `{ examRecords(limit: 200) { recordNumber status candidate { id } } }`;

type Row = {
  id: string;
  status: string;
  version: number;
  name: string;
  idNumber: string;
  mobile: string;
  studentNumber: string | null;
  recordNumber: string | null;
  stepKey: string | null;
  guardian: { name: string; mobile: string };
  familyMembers: { name: string; mobile: string }[];
  application: { id: string; version: number; status: string; stepKey: string; round: number; lastReason: string | null; canDecide: boolean; history: { round: number; action: string; stepKey: string | null; reason: string | null; resultStatus: string }[] } | null;
};

const user = (username: string) => demoUsers.find((candidate) => candidate.username === username)!;
let keyCounter = 0;
const key = () => `test-key-${Date.now()}-${++keyCounter}`;

describe.each(drivers)("pre-registration, review and collection on %s", (driver) => {
  let identity: TestSubgraph;
  let registry: TestSubgraph;
  const as = signedInAs(() => identity.url, DEMO_PASSWORD);
  const call = async <T>(query: string, variables: Record<string, unknown>, username: string) => registry.graphql<T>(query, variables, await as(username));
  const codeOf = (result: { errors?: { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;
  const submit = (username: string, form: object, expectedVersion: number | null = null, idempotencyKey = key()) =>
    call<{ submitPreRegistration: Row }>(SUBMIT, { input: { form, expectedVersion, idempotencyKey } }, username);
  const queue = async (username: string, filter: Record<string, unknown> | null = null) => {
    const result = await call<{ preRegistrationQueue: { items: (Row & { application: { version: number; canDecide: boolean } })[]; nextCursor: string | null } }>(QUEUE, { filter, first: 50 }, username);
    expect(result.errors).toBeUndefined();
    return result.data!.preRegistrationQueue.items;
  };
  const review = (username: string, id: string, decision: string, expectedVersion: number, reason: string | null = null, idempotencyKey = key()) =>
    call<{ reviewPreRegistration: Row }>(REVIEW, { input: { preRegistrationId: id, decision, reason, expectedVersion, idempotencyKey } }, username);
  const mine = async (username: string) => (await call<{ myPreRegistration: Row | null }>(MINE, {}, username)).data!.myPreRegistration;
  const upload = async (username: string, uploadUrl: string, bytes: Buffer) =>
    fetch(`${registry.url.replace(/\/graphql$/, "")}${uploadUrl.replace("/files/registry/", "/files/")}`, {
      method: "PUT",
      headers: { ...(await as(username)), "content-type": "application/octet-stream" },
      body: bytes,
    });

  beforeAll(async () => {
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true });
    registry = await startTestSubgraph(registrySubgraph, driver, {
      seedDemo: true,
      clock: new FakeClock(NOW),
      jwksUrl: identity.url.replace(/\/graphql$/, JWKS_PATH),
    });
  });
  afterAll(async () => {
    await registry?.stop();
    await identity?.stop();
  });

  it("seeds every stage: teacher1 has class 1's waiting reviews, county1 the collections and social1's approval, candidate14 a return", async () => {
    const teacher1 = await queue("teacher1");
    expect(teacher1.map((row) => row.name).sort()).toEqual(["candidate11", "candidate12", "candidate13"].map((name) => user(name).displayName).sort());
    expect(teacher1.every((row) => row.stepKey === "class-teacher-review" && row.application.canDecide)).toBe(true);
    // The step's decisions as its chain's version says: a class teacher approves or returns, never rejects.
    expect((teacher1[0]!.application as unknown as { allowedDecisions: string[] }).allowedDecisions).toEqual(["APPROVE", "RETURN"]);
    // Staff see ID numbers masked.
    expect(teacher1[0]!.idNumber).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
    const county = await queue("county1");
    expect(county.map((row) => row.stepKey).sort()).toEqual(["county-collection", "county-collection", "county-review"]);
    const returned = await mine("candidate14");
    expect(returned?.status).toBe("RETURNED");
    expect(returned?.application?.lastReason).toContain("门牌号");
    // The owner reads their own values in full.
    expect(returned?.idNumber).toBe(user("candidate14").idNumber);
    expect(await mine("candidate29")).toBeNull();
  });

  it("keeps a draft as typed, then refuses a submission field by field in Chinese", async () => {
    const draft = await call<{ savePreRegistrationDraft: Row }>(SAVE, { input: { form: { ...demoForm(user("candidate29"), NOW), postcode: "01", mobile: "" }, expectedVersion: null } }, "candidate29");
    expect(draft.errors).toBeUndefined();
    expect(draft.data!.savePreRegistrationDraft).toMatchObject({ status: "DRAFT", name: user("candidate29").displayName });
    const stale = await call(SAVE, { input: { form: demoForm(user("candidate29"), NOW), expectedVersion: draft.data!.savePreRegistrationDraft.version - 1 } }, "candidate29");
    expect(codeOf(stale)).toBe("PRE_REGISTRATION_STALE");

    const form = demoForm(user("candidate29"), NOW);
    const wrongCheck = `${form.idNumber.slice(0, 17)}${form.idNumber.endsWith("0") ? "1" : "0"}`;
    const refused = await submit("candidate29", { ...form, idNumber: wrongCheck, postcode: "01", mobile: "12345", ethnicityCode: "99", birthDate: "2009-01-01" });
    expect(codeOf(refused)).toBe("PRE_REGISTRATION_INVALID");
    const fields = refused.errors![0]!.extensions!.fields as Record<string, string>;
    expect(fields.idNumber).toContain("校验位");
    expect(fields.postcode).toBe("邮政编码应为6位数字");
    expect(fields.mobile).toBe("手机号码应为11位，以1开头");
    expect(fields.ethnicityCode).toBe("民族须从全国民族名称列表中选择");
    expect((await mine("candidate29"))?.status).toBe("DRAFT");
  });

  it("registers only a student on the chosen school's roster, one person per ID number", async () => {
    const form = demoForm(user("candidate29"), NOW);
    expect(codeOf(await submit("candidate29", { ...form, schoolId: demoOrgId("bj-school") }))).toBe("NOT_ON_ROSTER");
    expect(codeOf(await submit("candidate29", { ...form, schoolId: null }))).toBe("SCHOOL_REQUIRED");
    expect(codeOf(await submit("candidate29", { ...form, name: "张冒名" }))).toBe("ROSTER_NAME_MISMATCH");
    // candidate28's ID number (on the roster, already submitted by candidate28).
    const other = demoForm(user("candidate28"), NOW);
    expect(codeOf(await submit("candidate29", { ...other }))).toBe("DUPLICATE_ID_NUMBER");
    expect((await mine("candidate29"))?.status).toBe("DRAFT");
  });

  it("takes an in-school candidate from submission through a return and a resubmission to the record number at collection", async () => {
    const form = demoForm(user("candidate29"), NOW);
    const submitKey = key();
    const submitted = await submit("candidate29", form, null, submitKey);
    expect(submitted.errors).toBeUndefined();
    const row = submitted.data!.submitPreRegistration;
    expect(row).toMatchObject({ status: "UNDER_REVIEW", stepKey: "class-teacher-review", application: { stepKey: "class-teacher-review", round: 1 } });
    // A retried submission gets the same answer and starts nothing twice, even with the version it first sent.
    const retried = await submit("candidate29", form, null, submitKey);
    expect(retried.data?.submitPreRegistration.application?.id).toBe(row.application!.id);
    const retriedWithVersion = await submit("candidate29", form, row.version - 1, submitKey);
    expect(retriedWithVersion.data?.submitPreRegistration).toMatchObject({ id: row.id, status: "UNDER_REVIEW" });
    expect(codeOf(await submit("candidate29", form, null, "short"))).toBe("IDEMPOTENCY_KEY_INVALID");

    // candidate29 is in class 2: its teacher reviews, class 1's teacher neither sees nor acts.
    expect((await queue("teacher1")).some((item) => item.id === row.id)).toBe(false);
    expect(codeOf(await review("teacher1", row.id, "APPROVE", row.application!.version))).toBe("PRE_REGISTRATION_NOT_FOUND");
    const inQueue = (await queue("teacher2", { name: user("candidate29").displayName })).find((item) => item.id === row.id)!;
    expect(inQueue).toBeTruthy();
    expect(codeOf(await review("teacher2", row.id, "RETURN", inQueue.application.version, null))).toBe("REASON_REQUIRED");
    const returned = await review("teacher2", row.id, "RETURN", inQueue.application.version, "家庭住址请写到门牌号");
    expect(returned.data?.reviewPreRegistration.status).toBe("RETURNED");

    const corrected = await submit("candidate29", { ...form, address: "内蒙古自治区呼和浩特市新城区新华大街8号院3单元" }, null);
    expect(corrected.data?.submitPreRegistration).toMatchObject({ status: "UNDER_REVIEW", application: { round: 2 } });

    // Two approvals at once on the same version: one wins, the other is told it changed.
    const version = (await queue("teacher2")).find((item) => item.id === row.id)!.application.version;
    const [first, second] = await Promise.all([review("teacher2", row.id, "APPROVE", version), review("teacher2", row.id, "APPROVE", version)]);
    const codes = [codeOf(first), codeOf(second)];
    expect(codes.filter((code) => code === undefined)).toHaveLength(1);
    expect(codes.filter((code) => code === "CONFLICT")).toHaveLength(1);

    const atCollection = (await queue("county1", { stepKey: "county-collection" })).find((item) => item.id === row.id)!;
    expect(atCollection.status).toBe("AWAITING_COLLECTION");
    // Approving the collection step without a photo is not how it is done.
    expect(codeOf(await review("county1", row.id, "APPROVE", atCollection.application.version))).toBe("DECIDE_BY_COLLECTION");
    const collect = (input: Record<string, unknown>) =>
      call<{ collectPreRegistration: Row & { photo: { mimeType: string } | null } }>(
        COLLECT,
        { input: { preRegistrationId: row.id, expectedVersion: atCollection.application.version, idempotencyKey: key(), identityVerified: true, ...input } },
        "county1",
      );
    const ticket = (await call<{ requestRegistrationPhotoUpload: { fileId: string; uploadUrl: string; maxBytes: number } }>(PHOTO, { id: row.id, fileName: "照片.png" }, "county1")).data!
      .requestRegistrationPhotoUpload;
    expect(ticket.maxBytes).toBe(2 * 1024 * 1024);
    expect(codeOf(await collect({ photoFileId: ticket.fileId }))).toBe("PHOTO_REQUIRED");
    const gif = await upload("county1", ticket.uploadUrl, GIF_BYTES);
    expect(((await gif.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe("UNSUPPORTED_FILE_TYPE");
    expect((await upload("county1", ticket.uploadUrl, pngOfSize(4096))).status).toBe(200);
    expect(codeOf(await collect({ photoFileId: ticket.fileId, identityVerified: false }))).toBe("IDENTITY_NOT_VERIFIED");
    const registered = await collect({ photoFileId: ticket.fileId });
    expect(registered.errors).toBeUndefined();
    // The record number is the student record number from the roster, for life.
    expect(registered.data!.collectPreRegistration).toMatchObject({ status: "REGISTERED", photo: { mimeType: "image/png" } });
    expect(registered.data!.collectPreRegistration.recordNumber).toBe(registered.data!.collectPreRegistration.studentNumber);

    const records = (await call<{ examRecords: { recordNumber: string; status: string }[] }>(RECORDS, {}, "candidate29")).data!.examRecords;
    expect(records).toEqual([{ recordNumber: registered.data!.collectPreRegistration.recordNumber, status: "REGISTERED", candidate: { id: demoUserId("candidate29") } }]);
    const history = (await mine("candidate29"))!.application!.history.map((entry) => `${entry.round}:${entry.action}`);
    expect(history).toEqual(["1:SUBMIT", "1:RETURN", "2:RESUBMIT", "2:APPROVE", "2:APPROVE"]);
  });

  it("approves several at once, each on its own, and says which could not be", async () => {
    const items = await queue("teacher1");
    const result = await call<{ approvePreRegistrations: { preRegistrationId: string; ok: boolean; code: string | null }[] }>(
      BULK,
      {
        input: {
          idempotencyKey: key(),
          items: [...items.slice(0, 2).map((item) => ({ preRegistrationId: item.id, expectedVersion: item.application.version })), { preRegistrationId: items[2]!.id, expectedVersion: 999 }],
        },
      },
      "teacher1",
    );
    expect(result.data!.approvePreRegistrations.map((item) => [item.ok, item.code])).toEqual([
      [true, null],
      [true, null],
      [false, "CONFLICT"],
    ]);
    expect((await queue("teacher1")).map((item) => item.id)).toEqual([items[2]!.id]);
  });

  it("takes a social candidate through the county and the province to a G number at the county of the household", async () => {
    const waiting = (await queue("county1", { stepKey: "county-review" }))[0]!;
    expect(waiting.name).toBe(user("social1").displayName);
    expect((await review("county1", waiting.id, "APPROVE", waiting.application.version)).errors).toBeUndefined();
    const atProvince = (await queue("region1")).find((item) => item.id === waiting.id)!;
    expect(atProvince.stepKey).toBe("province-review");
    expect((await review("region1", waiting.id, "APPROVE", atProvince.application.version)).errors).toBeUndefined();
    const atCollection = (await queue("county1", { stepKey: "county-collection" })).find((item) => item.id === waiting.id)!;
    const ticket = (await call<{ requestRegistrationPhotoUpload: { fileId: string; uploadUrl: string } }>(PHOTO, { id: waiting.id, fileName: "photo.jpg" }, "county1")).data!
      .requestRegistrationPhotoUpload;
    expect((await upload("county1", ticket.uploadUrl, pngOfSize(2048))).status).toBe(200);
    const done = await call<{ collectPreRegistration: Row }>(
      COLLECT,
      { input: { preRegistrationId: waiting.id, photoFileId: ticket.fileId, identityVerified: true, expectedVersion: atCollection.application.version, idempotencyKey: key() } },
      "county1",
    );
    expect(done.data?.collectPreRegistration).toMatchObject({ status: "REGISTERED", recordNumber: `G${user("social1").idNumber}` });
  });

  it("gives a social candidate without an ID card a J number built like one, at the county of the household", async () => {
    const path = demoOrganizationPath(demoOrgId("im-xincheng")).split("/");
    const caller = { kind: "user" as const, subject: randomUUID(), scopes: [], roles: [{ role: Role.CANDIDATE_SOCIAL, organizationId: demoOrgId("im-xincheng"), organizationPath: path, provinceCode: "15" }] };
    const ctx = registry.service.systemContext().actingAs(caller);
    const base = demoForm(user("social1"), NOW);
    const submitted = await new PreRegistrationService().submit(ctx, {
      form: { ...base, name: "无证考生", hasIdNumber: false, idNumber: "", gender: "FEMALE", birthDate: "2006-04-01" },
      expectedVersion: null,
      idempotencyKey: key(),
    });
    expect(submitted.status).toBe("UNDER_REVIEW");
    const decide = async (username: string, stepKey: string) => {
      const waiting = (await queue(username, { stepKey })).find((item) => item.id === submitted.id)!;
      expect((await review(username, submitted.id, "APPROVE", waiting.application.version)).errors).toBeUndefined();
    };
    await decide("county1", "county-review");
    await decide("region1", "province-review");
    const atCollection = (await queue("county1", { stepKey: "county-collection" })).find((item) => item.id === submitted.id)!;
    const ticket = (await call<{ requestRegistrationPhotoUpload: { fileId: string; uploadUrl: string } }>(PHOTO, { id: submitted.id, fileName: "photo.png" }, "county1")).data!
      .requestRegistrationPhotoUpload;
    expect((await upload("county1", ticket.uploadUrl, pngOfSize(2048))).status).toBe(200);
    const done = await call<{ collectPreRegistration: Row }>(
      COLLECT,
      { input: { preRegistrationId: submitted.id, photoFileId: ticket.fileId, identityVerified: true, expectedVersion: atCollection.application.version, idempotencyKey: key() } },
      "county1",
    );
    // J + 新城区 150102 + 20060401 + sequence 001 + the GB 11643 check digit of those 17 digits.
    expect(done.data?.collectPreRegistration.recordNumber).toBe(`J15010220060401001${idNumberCheckDigit("15010220060401001")}`);
  });

  it("shows the full ID number only to the county agency and the province institute, and audits each read", async () => {
    const row = await registry.service.orm.em.fork().findOneOrFail(PreRegistration, { candidateId: demoUserId("candidate15") });
    expect(codeOf(await call(REVEAL, { id: row.id }, "teacher1"))).toBe("FORBIDDEN");
    expect(codeOf(await call(REVEAL, { id: row.id }, "candidate15"))).toBe("FORBIDDEN");
    const before = await registry.service.orm.em.fork().count(AuditEntry, { action: "personal-data.read", subjectId: row.id });
    const revealed = await call<{ revealPreRegistrationIdNumber: string }>(REVEAL, { id: row.id }, "county1");
    expect(revealed.data?.revealPreRegistrationIdNumber).toBe(user("candidate15").idNumber);
    expect(await registry.service.orm.em.fork().count(AuditEntry, { action: "personal-data.read", subjectId: row.id })).toBe(before + 1);
    // Guardian and family mobiles are masked for staff.
    const seen = (await queue("county1", { stepKey: "county-collection" }))[0]!;
    expect(seen.idNumber).toContain("*");
  });

  it("keeps ID numbers and mobiles out of the database in clear", async () => {
    const em = registry.service.orm.em.fork();
    const connection = em.getConnection();
    const rows = (await connection.execute(`select id_number, mobile, family_json, guardian_json from pre_registration`)) as Record<string, string | null>[];
    const clear = user("candidate11").idNumber!;
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(clear);
    expect(JSON.stringify(rows)).not.toContain("13900000001");
    expect(await em.count(ExamRecord, {})).toBeGreaterThan(0);
  });
});
