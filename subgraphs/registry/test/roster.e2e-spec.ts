import { DEMO_PASSWORD, demoOrgId, demoProvinceCodeOf, demoRosterStudents, demoUsers } from "@xuekao/demo-data";
import { InProcessBus } from "@xuekao/events";
import { identitySubgraph } from "@xuekao/identity";
import { idNumberCheckDigit } from "@xuekao/rules";
import { AuditEntry, createLogger, FakeClock, JWKS_PATH, SpreadsheetImport, SpreadsheetImportStatus } from "@xuekao/subgraph-kit";
import { signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DirectoryOrganization } from "../src/modules/organization-directory/directory-organization.entity.js";
import { RosterEntry } from "../src/modules/roster/roster.entity.js";
import { RosterService } from "../src/modules/roster/roster.service.js";
import { registrySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();
const silent = createLogger("test", "silent");

const IMPORT_FIELDS = "id status totalRows processedRows problemCount problems { row column message } createdCount updatedCount failureMessage";
const START = `mutation($schoolId: ID!, $fileName: String!) { startRosterImport(schoolId: $schoolId, fileName: $fileName) { import { id status } upload { uploadUrl } } }`;
const CHECK = `mutation($id: ID!) { checkRosterImport(importId: $id) { ${IMPORT_FIELDS} } }`;
const COMMIT = `mutation($id: ID!) { commitRosterImport(importId: $id) { ${IMPORT_FIELDS} } }`;
const STATUS = `query($id: ID!) { rosterImport(id: $id) { ${IMPORT_FIELDS} } }`;
const TEMPLATE = `{ rosterImportTemplate { fileName contentType contentBase64 } }`;
const ENTRIES = `query($schoolId: ID, $classId: ID, $first: Int, $after: String) {
  rosterEntries(schoolId: $schoolId, classId: $classId, first: $first, after: $after) { items { id maskedStudentNumber name maskedIdNumber classId className schoolId } nextCursor }
}`;

interface ImportState {
  id: string;
  status: string;
  totalRows: number;
  processedRows: number;
  problemCount: number;
  problems: Array<{ row: number; column: string | null; message: string }>;
  createdCount: number | null;
  updatedCount: number | null;
  failureMessage: string | null;
}
interface Entry {
  id: string;
  maskedStudentNumber: string;
  name: string;
  maskedIdNumber: string;
  classId: string;
  className: string | null;
  schoolId: string;
}

const SCHOOL = demoOrgId("im-school");
const CLASS_1 = demoOrgId("im-class-1");
const CLASS_2 = demoOrgId("im-class-2");
const HEADERS = ["学籍号", "姓名", "身份证号", "班级代码"];

/** A valid, fictional ID number of the demo county, different for each (day, sequence). */
function idNumber(dayOffset: number, sequence: number): string {
  const birth = new Date(Date.UTC(2008, 0, 1) + dayOffset * 86_400_000).toISOString().slice(0, 10).replaceAll("-", "");
  const first17 = `150102${birth}${String(sequence).padStart(3, "0")}`;
  return `${first17}${idNumberCheckDigit(first17)}`;
}
/** The same ID number with a wrong check character. */
const withBadChecksum = (value: string) => `${value.slice(0, 17)}${value.endsWith("0") ? "1" : "0"}`;

async function xlsx(rows: Array<Array<string | null>>, headers = HEADERS): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("学籍名单");
  sheet.addRow(headers);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
const row = (id: string, name: string, classCode = "150102000101", studentNumber = `G${id}`) => [studentNumber, name, id, classCode];

describe.each(drivers)("the student-record roster on %s", (driver) => {
  let identity: TestSubgraph;
  let registry: TestSubgraph;
  let otherSchool: string;
  const bus = new InProcessBus({ logger: silent });
  const as = signedInAs(() => identity.url, DEMO_PASSWORD);
  const em = () => registry.service.orm.em.fork();
  const rosterCount = () => em().count(RosterEntry, {});

  const gql = async <T>(query: string, variables: Record<string, unknown>, username: string) => registry.graphql<T>(query, variables, await as(username));

  /** Polls the import until its work is done (CHECKED, COMMITTED or FAILED). */
  const settled = async (id: string, username = "school1", timeoutMs = 120_000): Promise<ImportState> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const result = await gql<{ rosterImport: ImportState }>(STATUS, { id }, username);
      expect(result.errors).toBeUndefined();
      const state = result.data!.rosterImport;
      if (state.status !== "CHECKING" && state.status !== "COMMITTING") return state;
      if (Date.now() > deadline) throw new Error(`import ${id} still ${state.status}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };

  /** Starts an import as `username`, uploads the file, runs the dry run and waits for its report. */
  const dryRun = async (bytes: Buffer, username = "school1", schoolId = SCHOOL): Promise<ImportState> => {
    const started = await gql<{ startRosterImport: { import: { id: string; status: string }; upload: { uploadUrl: string } } }>(START, { schoolId, fileName: "名单.xlsx" }, username);
    expect(started.errors).toBeUndefined();
    const { import: job, upload } = started.data!.startRosterImport;
    expect(job.status).toBe("AWAITING_UPLOAD");
    const put = await fetch(`${registry.url.replace(/\/graphql$/, "")}${upload.uploadUrl.replace("/files/registry/", "/files/")}`, {
      method: "PUT",
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ...(await as(username)) },
      body: bytes,
    });
    expect(put.status).toBe(200);
    const checking = await gql<{ checkRosterImport: ImportState }>(CHECK, { id: job.id }, username);
    expect(checking.errors).toBeUndefined();
    return settled(job.id, username);
  };
  const commit = async (id: string, username = "school1") => {
    const result = await gql<{ commitRosterImport: ImportState }>(COMMIT, { id }, username);
    if (result.errors) return { errors: result.errors, state: null };
    return { errors: undefined, state: await settled(id, username) };
  };
  const entries = async (username: string, variables: Record<string, unknown> = {}) => {
    const items: Entry[] = [];
    let after: string | null = null;
    do {
      const result: Awaited<ReturnType<typeof gql<{ rosterEntries: { items: Entry[]; nextCursor: string | null } }>>> = await gql(ENTRIES, { ...variables, first: 200, after }, username);
      expect(result.errors).toBeUndefined();
      items.push(...result.data!.rosterEntries.items);
      after = result.data!.rosterEntries.nextCursor;
    } while (after);
    return items;
  };

  beforeAll(async () => {
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true, bus });
    registry = await startTestSubgraph(registrySubgraph, driver, {
      seedDemo: true,
      bus,
      clock: new FakeClock("2026-11-20T00:00:00Z"),
      jwksUrl: identity.url.replace(/\/graphql$/, JWKS_PATH),
    });
    // A second school of the county with its own admin, set up through identity (registry learns the school by event).
    const created = await identity.graphql<{ createOrganization: { id: string } }>(
      `mutation($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      { input: { code: "1501020002", name: "呼和浩特市第二中学", kind: "SCHOOL", parentId: demoOrgId("im-xincheng") } },
      await as("region1"),
    );
    expect(created.errors).toBeUndefined();
    otherSchool = created.data!.createOrganization.id;
    const account = await identity.graphql(
      `mutation($input: CreateStaffAccountInput!) { createStaffAccount(input: $input) { id } }`,
      { input: { username: "school2admin", displayName: "二中校务", password: DEMO_PASSWORD, role: "SCHOOL_ADMIN", organizationId: otherSchool } },
      await as("region1"),
    );
    expect(account.errors).toBeUndefined();
    // As if the person had chosen their own password already (that flow is identity's, tested there).
    await identity.service.orm.em.fork().getConnection().execute(`update app_user set must_change_password = ? where username = ?`, [false, "school2admin"]);
    const deadline = Date.now() + 10_000;
    while (!(await em().findOne(DirectoryOrganization, { id: otherSchool }))) {
      if (Date.now() > deadline) throw new Error("the second school never reached registry's directory");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }, 60_000);
  afterAll(async () => {
    await registry?.stop();
    await identity?.stop();
    await bus.close();
  });

  it("holds the demo school's roster: the 30 in-school candidates and 10 students without an account", async () => {
    const all = await entries("school1", { schoolId: SCHOOL });
    expect(all).toHaveLength(40);
    const candidates = demoUsers.filter((user) => user.kind === "IN_SCHOOL_CANDIDATE" && demoProvinceCodeOf(user.organizationId) === "15");
    const stored = await em().find(RosterEntry, { schoolId: SCHOOL });
    expect(stored.map((entry) => entry.studentNumber)).toEqual(expect.arrayContaining(candidates.map((user) => `G${user.idNumber}`)));
    expect(demoRosterStudents.filter((student) => student.userId === null)).toHaveLength(10);
  });

  it("shows ID numbers masked and class names; a class teacher sees only their class, another school and a candidate nothing", async () => {
    const all = await entries("school1");
    const stored = new Map((await em().find(RosterEntry, {})).map((entry) => [entry.id, entry]));
    for (const entry of all) {
      expect(entry.maskedIdNumber).toMatch(/^\d{4}\*{10}\d{3}[\dX]$/);
      expect(entry.maskedStudentNumber).toMatch(/^G\d{4}\*{10}\d{3}[\dX]$/);
      // The ID number's middle (birth date, sequence) appears nowhere, not even inside the 学籍号.
      expect(JSON.stringify(entry)).not.toContain(stored.get(entry.id)!.idNumber.slice(6, 14));
    }
    expect(new Set(all.map((entry) => entry.className))).toEqual(new Set(["高一（1）班", "高一（2）班"]));
    const teacher = await entries("teacher1");
    expect(teacher.length).toBe(20);
    expect(new Set(teacher.map((entry) => entry.classId))).toEqual(new Set([CLASS_1]));
    expect(await entries("school1", { classId: CLASS_2 })).toHaveLength(20);
    expect(await entries("school2admin")).toEqual([]);
    expect(await entries("school2admin", { schoolId: SCHOOL })).toEqual([]);
    expect(await entries("candidate1")).toEqual([]);
    const anonymous = await registry.graphql(ENTRIES, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("matches a candidate to the roster by ID number at their school only (RosterService.match)", async () => {
    const ctx = registry.service.systemContext();
    const roster = new RosterService();
    const candidate = demoUsers.find((user) => user.username === "candidate1")!;
    expect((await roster.match(ctx, { schoolId: SCHOOL, idNumber: candidate.idNumber! }))?.studentNumber).toBe(`G${candidate.idNumber}`);
    expect(await roster.match(ctx, { schoolId: otherSchool, idNumber: candidate.idNumber! })).toBeNull();
    expect(await roster.match(ctx, { schoolId: SCHOOL, idNumber: idNumber(3, 999) })).toBeNull();
  });

  it("offers the template: the four headers and one example row, to the school only", async () => {
    const result = await gql<{ rosterImportTemplate: { fileName: string; contentType: string; contentBase64: string } }>(TEMPLATE, {}, "school1");
    expect(result.errors).toBeUndefined();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(result.data!.rosterImportTemplate.contentBase64, "base64") as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, ...HEADERS]);
    expect(sheet.actualRowCount).toBe(2);
    const refused = await gql(TEMPLATE, {}, "candidate1");
    expect(refused.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("reports every problem of a dry run by row and column, never showing another row's ID number, and writes nothing", async () => {
    // Already on the other school's roster: its 学籍号 cannot be imported here.
    const elsewhere = idNumber(10, 600);
    const store = em();
    store.create(RosterEntry, {
      schoolId: otherSchool,
      classId: otherSchool,
      organizationPath: (await store.findOneOrFail(DirectoryOrganization, { id: otherSchool })).path,
      studentNumber: `G${elsewhere}`,
      name: "外校学生",
      idNumber: elsewhere,
      idNumberLookup: registry.service.systemContext().personalData.lookup("id-number", elsewhere),
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    await store.flush();
    const [a, b, c, d] = [idNumber(20, 601), idNumber(21, 602), idNumber(22, 603), idNumber(23, 604)];
    const before = await rosterCount();
    const report = await dryRun(
      await xlsx([
        row(a, "刘一"), // row 2: valid
        row(withBadChecksum(b), "陈二", "150102000101", `G${b}`), // row 3: ID checksum
        row(c, "张三", "150102000101", `G${a}`), // row 4: 学籍号 of row 2 (and not G + own ID)
        row(a, "李四", "150102000102", `G${d}`), // row 5: ID number of row 2 (and 学籍号 not G + own ID)
        row(idNumber(25, 606), "王五", "150102009999"), // row 6: no such class
        row(idNumber(24, 605), "", "150102000102"), // row 7: no name
        row(elsewhere, "赵六"), // row 8: on the other school's roster
      ]),
    );
    expect(report).toMatchObject({ status: "CHECKED", totalRows: 7, processedRows: 7, createdCount: null });
    expect(report.problems).toEqual([
      { row: 3, column: "身份证号", message: expect.stringContaining("校验") },
      { row: 4, column: "学籍号", message: "G 开头的学籍号须为 G 加本人身份证号" },
      { row: 4, column: "学籍号", message: "与第 2 行的学籍号重复" },
      { row: 5, column: "学籍号", message: "G 开头的学籍号须为 G 加本人身份证号" },
      { row: 5, column: "身份证号", message: "与第 2 行的身份证号重复" },
      { row: 6, column: "班级代码", message: "本校没有该班级代码（请先在“学校账号”中设立班级）" },
      { row: 7, column: "姓名", message: "请填写姓名" },
      { row: 8, column: "学籍号", message: "该学籍号已在其他学校的学籍名单中（转学须办理转籍）" },
    ]);
    expect(report.problemCount).toBe(8);
    const text = JSON.stringify(report);
    for (const value of [a, b, c, d, elsewhere, "刘一", "外校"]) expect(text).not.toContain(value);
    expect(await rosterCount()).toBe(before);

    const refused = await commit(report.id);
    expect(refused.errors?.[0]?.extensions?.code).toBe("SPREADSHEET_IMPORT_NOT_READY");
    expect(refused.errors?.[0]?.message).toBe("请先检查文件，并在没有问题后再确认导入");
    expect(await rosterCount()).toBe(before);
  });

  it("reports a file without the declared headers as a whole, with no row report", async () => {
    const report = await dryRun(await xlsx([["G1", "某某", "1", "1"]], ["编号", "姓名", "证件", "班级"]));
    expect(report).toMatchObject({ status: "FAILED", failureMessage: "第 1 行缺少表头：学籍号、身份证号、班级代码（请使用模板）", problemCount: 0 });
  });

  it("commits all rows in one go: new students added, a re-imported 学籍号 updated (name, class), with an audit entry of counts", async () => {
    const [e, f] = [idNumber(30, 610), idNumber(31, 611)];
    const existing = demoRosterStudents.find((student) => student.userId === null && student.classId === CLASS_1)!;
    const before = await rosterCount();
    const report = await dryRun(await xlsx([row(e, "孙七"), row(f, "周八", "150102000102"), row(existing.idNumber, "改名学生", "150102000102")]));
    expect(report).toMatchObject({ status: "CHECKED", problemCount: 0, totalRows: 3 });
    const done = await commit(report.id);
    expect(done.errors).toBeUndefined();
    expect(done.state).toMatchObject({ status: "COMMITTED", createdCount: 2, updatedCount: 1, processedRows: 3 });
    expect(await rosterCount()).toBe(before + 2);
    const moved = await em().findOneOrFail(RosterEntry, { studentNumber: existing.studentNumber });
    expect(moved).toMatchObject({ name: "改名学生", classId: CLASS_2, idNumber: existing.idNumber });
    const audit = await em().findOneOrFail(AuditEntry, { action: "roster.imported", subjectId: report.id });
    expect(JSON.parse(audit.after!)).toEqual({ schoolId: SCHOOL, rows: 3, created: 2, updated: 1 });
    expect(audit.after).not.toContain(e);

    const again = await commit(report.id);
    expect(again.errors?.[0]?.extensions?.code).toBe("SPREADSHEET_IMPORT_DONE");
  });

  it("writes nothing when the data changed between the dry run and the commit: the report comes back", async () => {
    const [g, h] = [idNumber(40, 620), idNumber(41, 621)];
    const report = await dryRun(await xlsx([row(g, "吴九"), row(h, "郑十")]));
    expect(report.problemCount).toBe(0);
    // Meanwhile the other school registered the second student.
    const store = em();
    store.create(RosterEntry, {
      schoolId: otherSchool,
      classId: otherSchool,
      organizationPath: (await store.findOneOrFail(DirectoryOrganization, { id: otherSchool })).path,
      studentNumber: `G${h}`,
      name: "郑十",
      idNumber: h,
      idNumberLookup: registry.service.systemContext().personalData.lookup("id-number", h),
      createdAt: new Date(),
      updatedAt: new Date(),
    });
    await store.flush();
    const before = await rosterCount();
    const done = await commit(report.id);
    expect(done.state).toMatchObject({ status: "CHECKED", problemCount: 1, createdCount: null });
    expect(done.state!.problems).toEqual([{ row: 3, column: "学籍号", message: "该学籍号已在其他学校的学籍名单中（转学须办理转籍）" }]);
    expect(await rosterCount()).toBe(before);
    expect(await em().count(RosterEntry, { studentNumber: `G${g}` })).toBe(0);
  });

  it("refuses another school's admin: no import into this school, no look at its imports", async () => {
    const started = await gql(START, { schoolId: SCHOOL, fileName: "名单.xlsx" }, "school2admin");
    expect(started.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect(started.errors?.[0]?.message).toBe("无权访问该数据：超出您的管理范围");
    const teacher = await gql(START, { schoolId: SCHOOL, fileName: "名单.xlsx" }, "teacher1");
    expect(teacher.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const own = await dryRun(await xlsx([row(idNumber(50, 630), "钱十一")]));
    for (const query of [STATUS, CHECK, COMMIT]) {
      const result = await gql(query, { id: own.id }, "school2admin");
      expect(result.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    const anonymous = await registry.graphql(START, { schoolId: SCHOOL, fileName: "名单.xlsx" });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it("imports only into a school: a class or an unknown id is refused with ROSTER_SCHOOL_NOT_FOUND", async () => {
    for (const schoolId of [CLASS_1, "00000000-0000-4000-a000-000000000000", "not-an-id"]) {
      const result = await gql(START, { schoolId, fileName: "名单.xlsx" }, "school1");
      expect(result.errors?.[0]?.extensions?.code).toBe("ROSTER_SCHOOL_NOT_FOUND");
      expect(result.errors?.[0]?.message).toBe("学校不存在");
    }
  });

  it("shows work interrupted by a restart as failed, with nothing written, and lets it be checked again", async () => {
    const job = await dryRun(await xlsx([row(idNumber(60, 640), "冯十二")]));
    // As a replica that stopped half-way through a commit would have left it, an hour ago.
    await em().nativeUpdate(SpreadsheetImport, { id: job.id }, { status: SpreadsheetImportStatus.COMMITTING, workStartedAt: new Date("2026-11-19T23:00:00Z") });
    const before = await rosterCount();
    expect(await settled(job.id)).toMatchObject({ status: "FAILED", failureMessage: "处理中断，未写入任何数据，请重新检查" });
    expect(await rosterCount()).toBe(before);
    const again = await gql<{ checkRosterImport: ImportState }>(CHECK, { id: job.id }, "school1");
    expect(again.errors).toBeUndefined();
    expect(await settled(job.id)).toMatchObject({ status: "CHECKED", problemCount: 0 });
  });

  it("imports 5,000 rows: checks and commits them with progress", async () => {
    const rows = Array.from({ length: 5000 }, (_, index) => row(idNumber(index % 250, 700 + Math.floor(index / 250)), "批量学生", index % 2 ? "150102000102" : "150102000101"));
    const before = await rosterCount();
    const report = await dryRun(await xlsx(rows));
    expect(report).toMatchObject({ status: "CHECKED", problemCount: 0, totalRows: 5000, processedRows: 5000 });
    const done = await commit(report.id);
    expect(done.state).toMatchObject({ status: "COMMITTED", createdCount: 5000, updatedCount: 0, processedRows: 5000 });
    expect(await rosterCount()).toBe(before + 5000);
  }, 180_000);
});
