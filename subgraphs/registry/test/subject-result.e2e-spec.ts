import ExcelJS from "exceljs";
import { OutboxEvent } from "@xuekao/events";
import { DEMO_PASSWORD, demoOrgId, demoUserId, demoUsers } from "@xuekao/demo-data";
import { identitySubgraph } from "@xuekao/identity";
import { idNumberCheckDigit } from "@xuekao/rules";
import { AuditEntry, FakeClock, JWKS_PATH, spreadsheetImportSettled, XLSX_MIME_TYPE } from "@xuekao/subgraph-kit";
import { signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExamResultsRecorded } from "../src/events.js";
import { ExamRecord } from "../src/modules/exam-record/exam-record.entity.js";
import { ExamSession } from "../src/modules/exam-session/exam-session.entity.js";
import { SubjectEntry } from "../src/modules/subject-entry/subject-entry.entity.js";
import { registrySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

const OPEN = `mutation($sessionId: ID!) { openResultImport(sessionId: $sessionId, fileName: "成绩.xlsx") { import { id status } upload { uploadUrl } } }`;
const JOB = `id status totalRows problemCount problems { row column message } failureMessage updatedCount`;
const CHECK = `mutation($id: ID!) { checkResultImport(id: $id) { id } }`;
const COMMIT = `mutation($id: ID!) { commitResultImport(id: $id) { id } }`;
const GET = `query($id: ID!) { resultImport(id: $id) { ${JOB} } }`;

/** A results workbook: the template's header, then the rows. */
async function resultWorkbook(rows: ReadonlyArray<ReadonlyArray<string | number>>, header: readonly string[] = ["考籍号", "科目", "成绩", "分数"]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("成绩");
  sheet.addRow([...header]);
  for (const row of rows) sheet.addRow([...row]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const ENTRIES = `query($sessionId: ID) { subjectEntries(sessionId: $sessionId, first: 200) { items { recordNumber subjectCode result score resultPublished } } }`;

interface Job {
  id: string;
  status: string;
  totalRows: number;
  problemCount: number;
  problems: Array<{ row: number; column: string | null; message: string }>;
  failureMessage: string | null;
  updatedCount: number | null;
}

const recordNumberOf = (username: string) => `G${demoUsers.find((user) => user.username === username)!.idNumber}`;
const C21 = recordNumberOf("candidate21");
const C22 = recordNumberOf("candidate22");
/** A well-formed record number nobody holds. */
const NOBODY = `G${"15010220090101999"}${idNumberCheckDigit("15010220090101999")}`;

const START = "2026-11-20T00:00:00.000Z";
const CLOSES = "2026-11-22T10:00:00.000Z";
const PUBLISHED = "2026-12-20T02:00:00.000Z";

describe.each(drivers)("results import on %s", (driver) => {
  let registry: TestSubgraph;
  let identity: TestSubgraph;
  const clock = new FakeClock(START);
  let as = signedInAs(() => identity.url, DEMO_PASSWORD);
  const at = (instant: string) => {
    clock.set(instant);
    as = signedInAs(() => identity.url, DEMO_PASSWORD);
  };
  const em = () => registry.service.orm.em.fork();
  let session: ExamSession;

  /** Opens an import and uploads the bytes; the answer of openResultImport (with its errors) and the import id. */
  const upload = async (username: string, bytes: Buffer, sessionId = session.id) => {
    const opened = await registry.graphql<{ openResultImport: { import: { id: string; status: string }; upload: { uploadUrl: string } } }>(OPEN, { sessionId }, await as(username));
    if (!opened.data) return { opened, id: "" };
    const { import: job, upload: ticket } = opened.data.openResultImport;
    const put = await fetch(`${registry.url.replace(/\/graphql$/, "")}${ticket.uploadUrl.replace("/files/registry/", "/files/")}`, {
      method: "PUT",
      headers: { "content-type": XLSX_MIME_TYPE, ...(await as(username)) },
      body: new Uint8Array(bytes),
    });
    expect(put.status).toBe(200);
    return { opened, id: job.id };
  };
  const job = async (username: string, id: string) => {
    await spreadsheetImportSettled(id);
    const result = await registry.graphql<{ resultImport: Job }>(GET, { id }, await as(username));
    expect(result.errors).toBeUndefined();
    return result.data!.resultImport;
  };
  /** Upload, dry run, and (with `commit`) the import proper: the import as it ends. */
  const importFile = async (username: string, rows: ReadonlyArray<ReadonlyArray<string | number>>, commit: boolean) => {
    const { id } = await upload(username, await resultWorkbook(rows));
    expect((await registry.graphql(CHECK, { id }, await as(username))).errors).toBeUndefined();
    const checked = await job(username, id);
    if (!commit || checked.status !== "CHECKED" || checked.problemCount > 0) return checked;
    expect((await registry.graphql(COMMIT, { id }, await as(username))).errors).toBeUndefined();
    return job(username, id);
  };
  /** Upload and dry run of raw bytes: the import as the check ends. */
  const importFileBytes = async (username: string, bytes: Buffer) => {
    const { id } = await upload(username, bytes);
    await registry.graphql(CHECK, { id }, await as(username));
    return job(username, id);
  };
  /** The exam-results-recorded events in the outbox, oldest first. */
  const resultsRecorded = async () =>
    (await em().find(OutboxEvent, { type: ExamResultsRecorded.type }, { orderBy: { occurredAt: "asc", id: "asc" } })).map((row) => ExamResultsRecorded.parse(row.toDomainEvent()));
  const recorded = async () =>
    (await em().find(SubjectEntry, { sessionId: session.id }, { orderBy: { recordNumber: "asc", subjectCode: "asc" } })).map((entry) => [entry.recordNumber, entry.subjectCode, entry.result, entry.score]);
  const entriesSeenBy = async (username: string) => {
    const result = await registry.graphql<{ subjectEntries: { items: Array<{ recordNumber: string; subjectCode: string; result: string | null; score: number | null; resultPublished: boolean }> } }>(
      ENTRIES,
      { sessionId: session.id },
      await as(username),
    );
    expect(result.errors).toBeUndefined();
    return result.data!.subjectEntries.items;
  };
  const refusal = (result: { errors?: ReadonlyArray<{ message: string; extensions?: Record<string, unknown> }> }) => ({
    code: result.errors?.[0]?.extensions?.code,
    message: result.errors?.[0]?.message,
  });

  beforeAll(async () => {
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true, clock });
    registry = await startTestSubgraph(registrySubgraph, driver, { seedDemo: true, clock, jwksUrl: identity.url.replace(/\/graphql$/, JWKS_PATH) });
    const fork = em();
    session = fork.create(ExamSession, {
      code: "R-1",
      name: "成绩导入测试考次",
      provinceCode: "15",
      registrationOpensAt: new Date("2026-11-18T00:00:00.000Z"),
      registrationClosesAt: new Date(CLOSES),
      scoresPublishedAt: new Date(PUBLISHED),
      subjectCodesJson: JSON.stringify(["CHINESE", "MATHEMATICS", "PHYSICAL_EDUCATION", "INFORMATION_TECHNOLOGY"]),
      createdAt: new Date(START),
    });
    await fork.flush();
    const enter = async (username: string, subjectCodes: string[]) => {
      const result = await registry.graphql(`mutation($input: EnterSubjectsInput!) { enterSubjects(input: $input) { id } }`, { input: { sessionId: session.id, subjectCodes } }, await as(username));
      expect(result.errors).toBeUndefined();
    };
    await enter("candidate21", ["CHINESE", "PHYSICAL_EDUCATION"]);
    await enter("candidate22", ["CHINESE", "MATHEMATICS"]);
  });
  afterAll(async () => {
    await registry?.stop();
    await identity?.stop();
  });

  it("refuses an import before the registration window has closed", async () => {
    at("2026-11-22T09:59:59.999Z");
    const { opened } = await upload("region1", await resultWorkbook([[C21, "语文", "合格", 88]]));
    expect(refusal(opened)).toEqual({ code: "RESULT_IMPORT_TOO_EARLY", message: "本考次选课报名截止后才能导入成绩" });
    at("2026-11-25T00:00:00.000Z");
  });

  it("offers a template with the columns and an example row", async () => {
    const result = await registry.graphql<{ resultImportTemplate: { fileName: string; contentBase64: string } }>(`{ resultImportTemplate { fileName contentBase64 } }`, {}, await as("region1"));
    expect(result.errors).toBeUndefined();
    expect(result.data!.resultImportTemplate.fileName).toBe("成绩导入模板.xlsx");
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.data!.resultImportTemplate.contentBase64, "base64") as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(["考籍号", "科目", "成绩", "分数"]);
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(["G150102200901011019", "语文", "合格", "86"]);
  });

  it("reports every problem by row and column in a dry run, without another row's personal data, and stores nothing", async () => {
    const before = await recorded();
    const rows = [
      [C21, "语文", "合格", 88],
      [C21, "体育与健康", "合格", ""],
      [C22, "数学", "不及格", ""],
      ["12345", "语文", "合格", ""],
      [C22, "语文", "合格", 200],
      [C21, "语文", "合格", 88],
      [C21, "数学", "合格", ""],
      [NOBODY, "语文", "合格", ""],
      [C22, "化学", "合格", ""],
    ];
    const report = await importFile("region1", rows, true);
    expect(report).toMatchObject({ status: "CHECKED", totalRows: 9, problemCount: 8 });
    expect(report.problems).toEqual([
      { row: 3, column: "科目", message: "该科目由盟市招生考试机构录入成绩" },
      { row: 4, column: "成绩", message: "成绩须为“合格”或“不合格”" },
      { row: 5, column: "考籍号", message: "考籍号格式不正确（G 或 J 加 18 位）" },
      { row: 6, column: "分数", message: "分数须为 0 至 150 之间的数字（至多一位小数），没有分数的科目留空" },
      { row: 7, column: null, message: "与第 2 行是同一考生的同一科目" },
      { row: 8, column: "科目", message: "该考生未在本考次报考该科目" },
      { row: 9, column: "考籍号", message: "您的管理范围内没有该考籍号在本考次的报名" },
      { row: 10, column: "科目", message: "本考次未开考该科目" },
    ]);
    for (const problem of report.problems) expect(problem.message).not.toMatch(/G\d{6}/);
    // A file with problems is never committed.
    const { id } = await upload("region1", await resultWorkbook(rows));
    await registry.graphql(CHECK, { id }, await as("region1"));
    await spreadsheetImportSettled(id);
    expect(refusal(await registry.graphql(COMMIT, { id }, await as("region1"))).code).toBe("SPREADSHEET_IMPORT_NOT_READY");
    expect(await recorded()).toEqual(before);
    expect(await resultsRecorded()).toEqual([]);
  });

  it("commits every row or none, with one audit entry; the same file again changes nothing", async () => {
    const audits = () => em().count(AuditEntry, { action: "subject-result.imported" });
    const before = await audits();
    const rows = [
      [C21, "语文", "合格", 88],
      [C22, "CHINESE", "不合格", 45.5],
      [C22, "数学", "合格", ""],
    ];
    const dry = await importFile("region1", rows, false);
    expect(dry).toMatchObject({ status: "CHECKED", totalRows: 3, problemCount: 0, problems: [] });
    expect((await recorded()).filter((row) => row[2] !== null)).toEqual([]);
    const committed = await importFile("region1", rows, true);
    expect(committed).toMatchObject({ status: "COMMITTED", updatedCount: 3 });
    const after = await recorded();
    expect(after).toEqual(
      [
        [C21, "CHINESE", "PASS", 88],
        [C21, "PHYSICAL_EDUCATION", null, null],
        [C22, "CHINESE", "FAIL", 45.5],
        [C22, "MATHEMATICS", "PASS", null],
      ].sort((a, b) => `${a[0]}${a[1]}`.localeCompare(`${b[0]}${b[1]}`)),
    );
    expect(await audits()).toBe(before + 1);

    // Each candidate of the file is announced once (C22 has two rows), in the commit's transaction,
    // with the record's organisation path in the envelope: certification learns who sat here.
    const events = await resultsRecorded();
    const records = await em().find(ExamRecord, { recordNumber: { $in: [C21, C22] } });
    expect(events.map((event) => [event.payload, event.organizationPath]).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))).toEqual(
      records
        .map((record) => [
          { candidateId: record.candidateId, provinceCode: "15", sessionId: session.id, recordedAt: "2026-11-25T00:00:00.000Z" },
          record.organizationPath.split("/"),
        ])
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    );
    expect(events.every((event) => event.organizationPath.length > 1)).toBe(true);

    expect((await importFile("region1", rows, true)).status).toBe("COMMITTED");
    expect(await recorded()).toEqual(after);
    // Committed again: told again (the consumers keep a fact, so a repeat changes nothing there).
    expect(await resultsRecorded()).toHaveLength(4);
  });

  it("lets the league agency enter the leagues' subjects for its own candidates only", async () => {
    const wrongLevel = await importFile("league1", [[C21, "语文", "合格", 90]], true);
    expect(wrongLevel.problems).toEqual([{ row: 2, column: "科目", message: "该科目由省级考试院录入成绩" }]);
    // A candidate of another league: an entry whose path lies outside Hohhot.
    const fork = em();
    const otherPath = `${demoOrgId("im")}/${demoOrgId("other-league")}/${demoOrgId("other-county")}`;
    const outsider = `G${"15020220090101888"}${idNumberCheckDigit("15020220090101888")}`;
    fork.create(SubjectEntry, {
      sessionId: session.id,
      recordId: demoOrgId("other-record"),
      recordNumber: outsider,
      candidateId: demoOrgId("other-candidate"),
      organizationPath: otherPath,
      subjectCode: "PHYSICAL_EDUCATION",
      enteredAt: new Date(START),
    });
    await fork.flush();
    const foreign = await importFile("league1", [[C21, "体育与健康", "合格", ""], [outsider, "体育与健康", "合格", ""]], true);
    expect(foreign).toMatchObject({ status: "CHECKED", problemCount: 1 });
    expect(foreign.problems).toEqual([{ row: 3, column: "考籍号", message: "您的管理范围内没有该考籍号在本考次的报名" }]);
    expect((await recorded()).find((row) => row[0] === C21 && row[1] === "PHYSICAL_EDUCATION")).toEqual([C21, "PHYSICAL_EDUCATION", null, null]);
    const own = await importFile("league1", [[C21, "体育与健康", "合格", ""]], true);
    expect(own.status).toBe("COMMITTED");
    expect((await recorded()).find((row) => row[0] === C21 && row[1] === "PHYSICAL_EDUCATION")).toEqual([C21, "PHYSICAL_EDUCATION", "PASS", null]);
    // The institute's import is not the league's to see or act on, and the other way round.
    const { id } = await upload("region1", await resultWorkbook([[C21, "语文", "合格", 88]]));
    expect(refusal(await registry.graphql(CHECK, { id }, await as("league1")))).toEqual({ code: "FORBIDDEN", message: "无权访问该数据：超出您的管理范围" });
  });

  it("fails a file that is no results workbook as a whole, and stores nothing", async () => {
    const before = await recorded();
    const wrongHeader = await importFileBytes("region1", await resultWorkbook([[C21, "语文", "合格", 88]], ["姓名", "科目", "成绩", "分数"]));
    expect(wrongHeader).toMatchObject({ status: "FAILED", failureMessage: "第 1 行缺少表头：考籍号（请使用模板）" });
    const empty = await importFileBytes("region1", await resultWorkbook([]));
    expect(empty).toMatchObject({ status: "FAILED", failureMessage: "表格中没有数据行" });
    expect(await recorded()).toEqual(before);
  });

  it("refuses other roles, another province's session and anonymous callers", async () => {
    const beijing = await em().findOneOrFail(ExamSession, { provinceCode: "11" });
    const open = async (username: string | null, sessionId: string) =>
      registry.graphql(OPEN, { sessionId }, username ? await as(username) : {});
    for (const username of ["candidate21", "county1", "school1", "bjreviewer1"]) {
      expect(refusal(await open(username, session.id))).toEqual({ code: "FORBIDDEN", message: "您的角色无权执行此操作" });
    }
    expect(refusal(await open("region1", beijing.id))).toEqual({ code: "FORBIDDEN", message: "无权访问该数据：超出您的管理范围" });
    expect(refusal(await open("region1", "00000000-0000-4000-a000-000000000000")).code).toBe("EXAM_SESSION_NOT_FOUND");
    expect(refusal(await open(null, session.id))).toEqual({ code: "UNAUTHENTICATED", message: "请先登录" });
  });

  it("shows results to the candidate and the school only from the publication instant; importers see them before", async () => {
    at("2026-12-20T01:59:59.999Z");
    const hidden = (await entriesSeenBy("candidate21")).find((entry) => entry.subjectCode === "CHINESE");
    expect(hidden).toMatchObject({ result: null, score: null, resultPublished: false });
    expect((await entriesSeenBy("school1")).every((entry) => entry.result === null)).toBe(true);
    expect((await entriesSeenBy("region1")).find((entry) => entry.recordNumber === C21 && entry.subjectCode === "CHINESE")).toMatchObject({ result: "PASS", score: 88 });

    at(PUBLISHED);
    expect((await entriesSeenBy("candidate21")).find((entry) => entry.subjectCode === "CHINESE")).toMatchObject({ result: "PASS", score: 88, resultPublished: true });
    expect((await entriesSeenBy("school1")).find((entry) => entry.recordNumber === C22 && entry.subjectCode === "CHINESE")).toMatchObject({ result: "FAIL", score: 45.5 });
    const { opened } = await upload("region1", await resultWorkbook([[C21, "语文", "合格", 88]]));
    expect(refusal(opened)).toEqual({ code: "RESULTS_ALREADY_PUBLISHED", message: "本考次成绩已公布，不能再导入或修改成绩" });
  });

  it("refuses a later entry for a subject passed, and takes one for a subject failed", async () => {
    const fork = em();
    const next = fork.create(ExamSession, {
      code: "R-2",
      name: "下一考次",
      provinceCode: "15",
      registrationOpensAt: new Date("2026-12-21T00:00:00.000Z"),
      registrationClosesAt: new Date("2027-01-10T00:00:00.000Z"),
      scoresPublishedAt: null,
      subjectCodesJson: JSON.stringify(["CHINESE", "MATHEMATICS"]),
      createdAt: new Date(START),
    });
    await fork.flush();
    at("2026-12-22T00:00:00.000Z");
    const enter = async (username: string, subjectCodes: string[]) =>
      registry.graphql(`mutation($input: EnterSubjectsInput!) { enterSubjects(input: $input) { subjectCode } }`, { input: { sessionId: next.id, subjectCodes } }, await as(username));
    expect(refusal(await enter("candidate21", ["CHINESE"]))).toEqual({ code: "SUBJECT_ALREADY_PASSED", message: "您的语文已合格，无需再次报考" });
    expect(refusal(await enter("candidate22", ["MATHEMATICS"]))).toMatchObject({ code: "SUBJECT_ALREADY_PASSED" });
    expect((await enter("candidate22", ["CHINESE"])).errors).toBeUndefined();
    expect(await em().count(SubjectEntry, { sessionId: next.id, candidateId: demoUserId("candidate22") })).toBe(1);
  });
});
