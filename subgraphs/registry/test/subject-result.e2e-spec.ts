import ExcelJS from "exceljs";
import { DEMO_PASSWORD, demoOrgId, demoUserId, demoUsers } from "@xuekao/demo-data";
import { identitySubgraph } from "@xuekao/identity";
import { idNumberCheckDigit } from "@xuekao/rules";
import { AuditEntry, FakeClock, JWKS_PATH } from "@xuekao/subgraph-kit";
import { signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ExamSession } from "../src/modules/exam-session/exam-session.entity.js";
import { SubjectEntry } from "../src/modules/subject-entry/subject-entry.entity.js";
import { resultWorkbook } from "../src/modules/subject-result/subject-result.sheet.js";
import { registrySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

const IMPORT = `mutation($input: ImportSubjectResultsInput!) {
  importSubjectResults(input: $input) { dryRun committed rowCount validCount problems { row column code message } }
}`;
const ENTRIES = `query($sessionId: ID) { subjectEntries(sessionId: $sessionId, first: 200) { items { recordNumber subjectCode result score resultPublished } } }`;

interface Report {
  dryRun: boolean;
  committed: boolean;
  rowCount: number;
  validCount: number;
  problems: Array<{ row: number; column: string; code: string; message: string }>;
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

  const importFile = async (username: string, rows: ReadonlyArray<ReadonlyArray<string | number>>, dryRun: boolean, sessionId = session.id) =>
    importContent(username, (await resultWorkbook(rows)).toString("base64"), dryRun, sessionId);
  const importContent = async (username: string, contentBase64: string, dryRun: boolean, sessionId = session.id) =>
    registry.graphql<{ importSubjectResults: Report }>(IMPORT, { input: { sessionId, contentBase64, dryRun } }, await as(username));
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
    expect(refusal(await importFile("region1", [[C21, "语文", "合格", 88]], true))).toEqual({ code: "RESULT_IMPORT_TOO_EARLY", message: "本考次选课报名截止后才能导入成绩" });
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
    expect((sheet.getRow(2).values as unknown[]).slice(1)).toEqual(["G150102200901011019", "语文", "合格", 86]);
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
    for (const dryRun of [true, false]) {
      const result = await importFile("region1", rows, dryRun);
      expect(result.errors).toBeUndefined();
      const report = result.data!.importSubjectResults;
      expect(report).toMatchObject({ dryRun, committed: false, rowCount: 9, validCount: 1 });
      expect(report.problems.map((problem) => [problem.row, problem.column, problem.code])).toEqual([
        [3, "科目", "RESULT_OUT_OF_SCOPE"],
        [4, "成绩", "RESULT_VALUE_INVALID"],
        [5, "考籍号", "RESULT_RECORD_NUMBER_INVALID"],
        [6, "分数", "RESULT_SCORE_INVALID"],
        [7, "考籍号", "RESULT_DUPLICATE_ROW"],
        [8, "科目", "RESULT_NO_ENTRY"],
        [9, "考籍号", "RESULT_OUT_OF_SCOPE"],
        [10, "科目", "RESULT_SUBJECT_NOT_OFFERED"],
      ]);
      expect(report.problems.find((problem) => problem.row === 7)?.message).toBe("与第 2 行是同一考生的同一科目");
      expect(report.problems.find((problem) => problem.row === 3)?.message).toBe("该科目由盟市招生考试机构录入成绩");
      for (const problem of report.problems) {
        expect(problem.message).toMatch(/[\u4e00-\u9fa5]/);
        expect(problem.message).not.toMatch(/G\d{6}/);
      }
    }
    expect(await recorded()).toEqual(before);
  });

  it("commits every row or none, with one audit entry; the same file again changes nothing", async () => {
    const audits = () => em().count(AuditEntry, { action: "subject-result.imported" });
    const before = await audits();
    const rows = [
      [C21, "语文", "合格", 88],
      [C22, "CHINESE", "不合格", 45.5],
      [C22, "数学", "合格", ""],
    ];
    const dry = await importFile("region1", rows, true);
    expect(dry.data!.importSubjectResults).toEqual({ dryRun: true, committed: false, rowCount: 3, validCount: 3, problems: [] });
    expect((await recorded()).filter((row) => row[2] !== null)).toEqual([]);
    const committed = await importFile("region1", rows, false);
    expect(committed.data!.importSubjectResults).toMatchObject({ committed: true, validCount: 3, problems: [] });
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
    expect((await importFile("region1", rows, false)).data!.importSubjectResults.committed).toBe(true);
    expect(await recorded()).toEqual(after);
  });

  it("lets the league agency enter the leagues' subjects for its own candidates only", async () => {
    const wrongLevel = await importFile("league1", [[C21, "语文", "合格", 90]], false);
    expect(wrongLevel.data!.importSubjectResults.problems).toEqual([{ row: 2, column: "科目", code: "RESULT_OUT_OF_SCOPE", message: "该科目由省级考试院录入成绩" }]);
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
    const foreign = await importFile("league1", [[C21, "体育与健康", "合格", ""], [outsider, "体育与健康", "合格", ""]], false);
    expect(foreign.data!.importSubjectResults).toMatchObject({ committed: false, validCount: 1 });
    expect(foreign.data!.importSubjectResults.problems).toEqual([{ row: 3, column: "考籍号", code: "RESULT_OUT_OF_SCOPE", message: "您的管理范围内没有该考籍号在本考次的报名" }]);
    // region1 may not enter it either (a league subject), but the league's own candidate goes through.
    const own = await importFile("league1", [[C21, "体育与健康", "合格", ""]], false);
    expect(own.data!.importSubjectResults.committed).toBe(true);
    expect((await recorded()).find((row) => row[0] === C21 && row[1] === "PHYSICAL_EDUCATION")).toEqual([C21, "PHYSICAL_EDUCATION", "PASS", null]);
  });

  it("refuses files that are no results workbook as a whole", async () => {
    const cases: Array<[string, string, string]> = [
      ["not a zip", Buffer.from("考籍号,科目,成绩,分数\n").toString("base64"), "RESULT_FILE_INVALID"],
      ["a zip that is no workbook", Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0]).toString("base64"), "RESULT_FILE_INVALID"],
    ];
    for (const [, content, code] of cases) expect(refusal(await importContent("region1", content, true)).code).toBe(code);
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("x").addRow(["姓名", "科目", "成绩", "分数"]);
    const wrongHeader = Buffer.from(await workbook.xlsx.writeBuffer()).toString("base64");
    expect(refusal(await importContent("region1", wrongHeader, true))).toEqual({ code: "RESULT_FILE_INVALID", message: "无法读取该文件：请上传按成绩导入模板填写的 .xlsx 文件" });
    expect(refusal(await importFile("region1", [], true)).code).toBe("RESULT_FILE_EMPTY");
  });

  it("refuses other roles, another province's session and anonymous callers", async () => {
    const beijing = await em().findOneOrFail(ExamSession, { provinceCode: "11" });
    for (const username of ["candidate21", "county1", "school1", "bjreviewer1"]) {
      expect(refusal(await importFile(username, [[C21, "语文", "合格", 88]], true))).toEqual({ code: "FORBIDDEN", message: "您的角色无权执行此操作" });
    }
    expect(refusal(await importFile("region1", [[C21, "语文", "合格", 88]], true, beijing.id))).toEqual({ code: "FORBIDDEN", message: "无权访问该数据：超出您的管理范围" });
    expect(refusal(await importFile("region1", [[C21, "语文", "合格", 88]], true, "00000000-0000-4000-a000-000000000000")).code).toBe("EXAM_SESSION_NOT_FOUND");
    const anonymous = await registry.graphql(IMPORT, { input: { sessionId: session.id, contentBase64: "", dryRun: true } });
    expect(refusal(anonymous)).toEqual({ code: "UNAUTHENTICATED", message: "请先登录" });
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
    expect(refusal(await importFile("region1", [[C21, "语文", "合格", 88]], true))).toEqual({ code: "RESULTS_ALREADY_PUBLISHED", message: "本考次成绩已公布，不能再导入或修改成绩" });
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
