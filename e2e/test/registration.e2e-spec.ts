import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { DEMO_PASSWORD, demoOrgId } from "@xuekao/demo-data";
import { idNumberCheckDigit } from "@xuekao/rules";
import { pngOfSize, postGraphQL as gatewayQuery, signedInAs } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../src/platform.js";

/**
 * The whole in-school story through the gateway, as the people involved live it: the school puts
 * a new student on its roster; the student opens an account and pre-registers; the class teacher
 * returns the form with a reason (the student is told by SMS and in the inbox), the student
 * corrects it, the teacher approves (two clicks at once: one wins); the county agency collects the
 * photo and registers — the record number is the student record number, and the student is told
 * it; then the student enters a subject of the open session. And the social candidate's chain.
 */
const first17 = `150102${"2009"}0612${String(Date.now() % 900 + 100)}`;
const ID_NUMBER = `${first17}${idNumberCheckDigit(first17)}`;
const STUDENT_NUMBER = `G${ID_NUMBER}`;
const NAME = "韩新同";
const MOBILE = `137${String(Date.now()).slice(-8)}`;
const USERNAME = `newstudent${String(Date.now()).slice(-6)}`;
const PASSWORD = "Spring#2026xk";

const form = (overrides: Record<string, unknown> = {}) => ({
  schoolId: demoOrgId("im-school"),
  name: NAME,
  gender: Number(ID_NUMBER[16]) % 2 === 1 ? "MALE" : "FEMALE",
  ethnicityCode: "02",
  politicalStatus: "中国共产主义青年团团员",
  studentCategory: "GENERAL_HIGH_SCHOOL",
  householdLocation: "内蒙古自治区呼和浩特市新城区",
  householdAuthority: "呼和浩特市公安局新城区分局",
  idNumber: ID_NUMBER,
  birthDate: "2009-06-12",
  mobile: MOBILE,
  address: "内蒙古自治区呼和浩特市新城区新华大街",
  postcode: "010010",
  resume: [{ from: "2015-09", to: "2021-07", organization: "新城区第一小学", role: "学生" }],
  familyMembers: [{ relation: "母亲", name: "韩秀英", organization: "", mobile: "" }],
  foreignLanguage: "英语",
  guardian: { name: "韩秀英", relation: "母亲", mobile: "13900000002" },
  enrollmentYear: 2025,
  ...overrides,
});

const PRE = `id status version recordNumber studentNumber application { version round history { round action } }`;

describe("registration through the gateway", () => {
  let platform: Platform;
  let as: (username: string) => Promise<Record<string, string>>;
  const call = async <T>(username: string | null, query: string, variables: Record<string, unknown> = {}) =>
    gatewayQuery<T>(platform.gatewayUrl, query, variables, username ? await as(username) : {});
  const ask = async <T>(username: string, query: string, variables: Record<string, unknown> = {}) => {
    const result = await call<T>(username, query, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  };
  const texts = (mobile: string) =>
    existsSync(platform.smsLogFile)
      ? readFileSync(platform.smsLogFile, "utf8")
          .split("\n")
          .filter((line) => line.split("\t")[1] === mobile)
          .map((line) => line.split("\t")[2] ?? "")
      : [];
  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 30_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await probe();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`waited in vain for ${what}:\n${platform.logs("backend")}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const queue = async (username: string, stepKey?: string) =>
    (
      await ask<{ preRegistrationQueue: { items: Array<{ id: string; name: string; application: { version: number } }> } }>(
        username,
        `query($filter: PreRegistrationQueueFilter) { preRegistrationQueue(filter: $filter, first: 200) { items { id name application { version } } } }`,
        { filter: stepKey ? { stepKey } : null },
      )
    ).preRegistrationQueue.items;
  const review = (username: string, id: string, decision: string, expectedVersion: number, reason: string | null = null) =>
    call<{ reviewPreRegistration: { status: string } }>(username, `mutation($input: ReviewPreRegistrationInput!) { reviewPreRegistration(input: $input) { status } }`, {
      input: { preRegistrationId: id, decision, reason, expectedVersion, idempotencyKey: randomUUID() },
    });
  /** County1 takes the photo and registers the candidate at collection. */
  const collect = async (id: string, version: number) => {
    const { requestRegistrationPhotoUpload: ticket } = await ask<{ requestRegistrationPhotoUpload: { fileId: string; uploadUrl: string } }>(
      "county1",
      `mutation($id: ID!) { requestRegistrationPhotoUpload(preRegistrationId: $id, fileName: "photo.png") { fileId uploadUrl } }`,
      { id },
    );
    const put = await fetch(new URL(ticket.uploadUrl, platform.gatewayUrl), { method: "PUT", headers: { "content-type": "image/png", ...(await as("county1")) }, body: new Uint8Array(pngOfSize(8192)) });
    expect(put.status).toBe(200);
    return ask<{ collectPreRegistration: { status: string; recordNumber: string } }>(
      "county1",
      `mutation($input: CollectPreRegistrationInput!) { collectPreRegistration(input: $input) { status recordNumber } }`,
      { input: { preRegistrationId: id, photoFileId: ticket.fileId, identityVerified: true, expectedVersion: version, idempotencyKey: randomUUID() } },
    );
  };

  beforeAll(async () => {
    platform = await startPlatform();
    as = signedInAs(() => platform.gatewayUrl, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("takes a new in-school student from the school's roster to a registered record and a subject entry", async () => {
    // 1. The school adds the student to its roster from the .xlsx template (dry run, then import).
    const { rosterImportTemplate } = await ask<{ rosterImportTemplate: { contentBase64: string } }>("school1", `{ rosterImportTemplate { contentBase64 } }`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(rosterImportTemplate.contentBase64, "base64") as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    sheet.spliceRows(2, sheet.rowCount);
    sheet.addRow([STUDENT_NUMBER, NAME, ID_NUMBER, "150102000101"]);
    const { startRosterImport } = await ask<{ startRosterImport: { import: { id: string }; upload: { uploadUrl: string } } }>(
      "school1",
      `mutation($schoolId: ID!) { startRosterImport(schoolId: $schoolId, fileName: "学籍名单.xlsx") { import { id } upload { uploadUrl } } }`,
      { schoolId: demoOrgId("im-school") },
    );
    const upload = await fetch(new URL(startRosterImport.upload.uploadUrl, platform.gatewayUrl), {
      method: "PUT",
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ...(await as("school1")) },
      body: new Uint8Array(Buffer.from(await workbook.xlsx.writeBuffer())),
    });
    expect(upload.status).toBe(200);
    const importId = startRosterImport.import.id;
    const settled = () =>
      waitFor("the roster import to settle", async () => {
        const { rosterImport } = await ask<{ rosterImport: { status: string; problemCount: number } }>("school1", `query($id: ID!) { rosterImport(id: $id) { status problemCount } }`, { id: importId });
        return ["CHECKING", "COMMITTING", "UPLOADING", "PENDING"].includes(rosterImport.status) ? undefined : rosterImport;
      });
    await ask("school1", `mutation($id: ID!) { checkRosterImport(importId: $id) { id } }`, { id: importId });
    expect(await settled()).toMatchObject({ status: "CHECKED", problemCount: 0 });
    await ask("school1", `mutation($id: ID!) { commitRosterImport(importId: $id) { id } }`, { id: importId });
    expect((await settled()).status).toBe("COMMITTED");

    // 2. The student opens an account with an SMS code, then pre-registers.
    expect((await call(null, `mutation($input: RequestSmsCodeInput!) { requestSmsCode(input: $input) { mobile } }`, { input: { mobile: MOBILE, purpose: "REGISTER" } })).errors).toBeUndefined();
    const code = await waitFor("the registration code", () => texts(MOBILE).map((text) => /(\d{6})/.exec(text)?.[1]).find(Boolean));
    const registered = await call(null, `mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { accessToken } }`, {
      input: { username: USERNAME, password: PASSWORD, displayName: NAME, candidateType: "IN_SCHOOL", householdCountyId: demoOrgId("im-xincheng"), mobile: MOBILE, smsCode: code },
    });
    expect(registered.errors).toBeUndefined();
    const student = signedInAs(() => platform.gatewayUrl, PASSWORD);
    const asStudent = async <T>(query: string, variables: Record<string, unknown> = {}) => gatewayQuery<T>(platform.gatewayUrl, query, variables, await student(USERNAME));
    const submit = (overrides: Record<string, unknown> = {}) =>
      asStudent<{ submitPreRegistration: { id: string; status: string } }>(`mutation($input: SubmitPreRegistrationInput!) { submitPreRegistration(input: $input) { ${PRE} } }`, {
        input: { form: form(overrides), expectedVersion: null, idempotencyKey: randomUUID() },
      });
    // Another school's roster does not hold them.
    expect((await submit({ schoolId: demoOrgId("bj-school") })).errors?.[0]?.extensions?.code).toBe("NOT_ON_ROSTER");
    const submitted = await submit();
    expect(submitted.errors).toBeUndefined();
    const id = submitted.data!.submitPreRegistration.id;

    // 3. Class 1's teacher sees it, class 2's does not; the return reaches the student.
    expect((await queue("teacher2")).some((item) => item.id === id)).toBe(false);
    const waiting = (await queue("teacher1")).find((item) => item.id === id)!;
    expect(waiting.name).toBe(NAME);
    expect((await review("teacher2", id, "APPROVE", waiting.application.version)).errors?.[0]?.extensions?.code).toBe("PRE_REGISTRATION_NOT_FOUND");
    expect((await review("teacher1", id, "RETURN", waiting.application.version, "家庭成员请补充父亲的信息")).errors).toBeUndefined();
    await waitFor("the SMS about the return", () => texts(MOBILE).find((text) => text.includes("家庭成员请补充父亲的信息")));
    const inbox = await asStudent<{ me: { notifications: Array<{ title: string; body: string }> } }>(`{ me { notifications { title body } } }`);
    expect(inbox.data!.me.notifications.some((message) => message.title === "考籍预注册信息已退回" && message.body.includes("家庭成员请补充父亲的信息"))).toBe(true);

    // 4. Corrected and sent again: a new round; two approvals at once, one wins.
    const again = await submit({ familyMembers: [form().familyMembers[0], { relation: "父亲", name: "韩建军", organization: "", mobile: "" }] });
    expect(again.data?.submitPreRegistration.status).toBe("UNDER_REVIEW");
    const version = (await queue("teacher1")).find((item) => item.id === id)!.application.version;
    const decisions = await Promise.all([review("teacher1", id, "APPROVE", version), review("teacher1", id, "APPROVE", version)]);
    expect(decisions.map((decision) => decision.errors?.[0]?.extensions?.code ?? "OK").sort()).toEqual(["CONFLICT", "OK"]);

    // 5. The county collects: registered, the record number is the student record number, and the student is told.
    const atCollection = (await queue("county1", "county-collection")).find((item) => item.id === id)!;
    const done = await collect(id, atCollection.application.version);
    expect(done.collectPreRegistration).toEqual({ status: "REGISTERED", recordNumber: STUDENT_NUMBER });
    await waitFor("the SMS with the record number", () => texts(MOBILE).find((text) => text.includes(`考籍号为 ${STUDENT_NUMBER}`)));
    const mine = await asStudent<{ myPreRegistration: { status: string; application: { history: Array<{ round: number; action: string }> } } }>(`{ myPreRegistration { ${PRE} } }`);
    expect(mine.data!.myPreRegistration.application.history.map((entry) => `${entry.round}:${entry.action}`)).toEqual(["1:SUBMIT", "1:RETURN", "2:RESUBMIT", "2:APPROVE", "2:APPROVE"]);
    const records = await asStudent<{ examRecordPage: { items: Array<{ recordNumber: string; status: string }> } }>(`{ examRecordPage { items { recordNumber status } } }`);
    expect(records.data!.examRecordPage.items).toEqual([{ recordNumber: STUDENT_NUMBER, status: "REGISTERED" }]);

    // 6. Now a registered candidate: they enter a subject of their province's open session.
    const sessions = await asStudent<{ examSessions: Array<{ id: string; provinceCode: string; registrationOpen: boolean }> }>(`{ examSessions { id provinceCode registrationOpen } }`);
    expect(sessions.data!.examSessions.every((session) => session.provinceCode === "15")).toBe(true);
    const open = sessions.data!.examSessions.find((session) => session.registrationOpen)!;
    const entered = await asStudent<{ enterSubjects: Array<{ subjectCode: string }> }>(
      `mutation($input: EnterSubjectsInput!) { enterSubjects(input: $input) { subjectCode } }`,
      { input: { sessionId: open.id, subjectCodes: ["CHINESE"] } },
    );
    expect(entered.errors).toBeUndefined();
    expect(entered.data!.enterSubjects.map((entry) => entry.subjectCode)).toContain("CHINESE");
  });

  it("takes the social candidate through the county, the province and collection to a G number", async () => {
    const waiting = (await queue("county1", "county-review"))[0]!;
    expect((await review("county1", waiting.id, "APPROVE", waiting.application.version)).errors).toBeUndefined();
    // The county cannot do the province's step; the province institute can.
    const atProvince = (await queue("region1")).find((item) => item.id === waiting.id)!;
    expect((await review("county1", waiting.id, "APPROVE", atProvince.application.version)).errors?.[0]?.extensions?.code).toBe("CONFLICT");
    expect((await review("region1", waiting.id, "APPROVE", atProvince.application.version)).errors).toBeUndefined();
    const atCollection = (await queue("county1", "county-collection")).find((item) => item.id === waiting.id)!;
    const done = await collect(waiting.id, atCollection.application.version);
    expect(done.collectPreRegistration.status).toBe("REGISTERED");
    expect(done.collectPreRegistration.recordNumber).toMatch(/^G15\d{15}[\dX]$/);
  });
});
