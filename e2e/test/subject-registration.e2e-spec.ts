import ExcelJS from "exceljs";
import { DEMO_PASSWORD, demoUsers } from "@xuekao/demo-data";
import { postGraphQL as gatewayQuery, signedInAs } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../src/platform.js";

/**
 * The story of a session through the gateway, on the real clock: the province institute creates a
 * session whose window closes seconds later, candidate1 enters subjects, the window closes, the
 * institute imports results (a dry run, then the import), candidate1 sees nothing until the
 * publication instant and the results after it. The instants are relative to the moment the test
 * runs, never a date.
 */
const sleepUntil = async (instant: Date) => {
  const wait = instant.getTime() - Date.now();
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait + 50));
};

describe("a session from creation to published results, through the gateway", () => {
  let platform: Platform;
  let as: (username: string) => Promise<Record<string, string>>;
  const ask = async <T>(username: string, query: string, variables: Record<string, unknown> = {}) => {
    const result = await gatewayQuery<T>(platform.gatewayUrl, query, variables, await as(username));
    expect(result.errors).toBeUndefined();
    return result.data!;
  };

  beforeAll(async () => {
    platform = await startPlatform();
    as = signedInAs(() => platform.gatewayUrl, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("takes the entries in the window and shows the imported results from the publication instant", async () => {
    const now = Date.now();
    const closesAt = new Date(now + 6_000);
    const publishedAt = new Date(now + 15_000);
    const { createExamSession: session } = await ask<{ createExamSession: { id: string; subjects: Array<{ code: string }> } }>(
      "region1",
      `mutation($input: CreateExamSessionInput!) { createExamSession(input: $input) { id subjects { code } } }`,
      {
        input: {
          code: `E2E-${now}`,
          name: "端到端测试考次",
          provinceCode: "15",
          registrationOpensAt: new Date(now - 60_000).toISOString(),
          registrationClosesAt: closesAt.toISOString(),
          scoresPublishedAt: publishedAt.toISOString(),
          subjectCodes: ["PHYSICS", "GEOGRAPHY"],
        },
      },
    );
    expect(session.subjects.map((subject) => subject.code)).toEqual(["GEOGRAPHY", "PHYSICS"]);

    // candidate1 sees it among their province's open sessions and enters both subjects.
    const { examSessions } = await ask<{ examSessions: Array<{ id: string; registrationOpen: boolean }> }>("candidate1", `{ examSessions { id registrationOpen } }`);
    expect(examSessions.find((item) => item.id === session.id)?.registrationOpen).toBe(true);
    const entered = await ask<{ enterSubjects: Array<{ subjectCode: string }> }>(
      "candidate1",
      `mutation($input: EnterSubjectsInput!) { enterSubjects(input: $input) { subjectCode } }`,
      { input: { sessionId: session.id, subjectCodes: ["PHYSICS", "GEOGRAPHY"] } },
    );
    expect(entered.enterSubjects.map((entry) => entry.subjectCode)).toEqual(["GEOGRAPHY", "PHYSICS"]);

    // The window closes; the institute fills in the template and imports it.
    await sleepUntil(closesAt);
    const { resultImportTemplate } = await ask<{ resultImportTemplate: { contentBase64: string } }>("region1", `{ resultImportTemplate { contentBase64 } }`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(resultImportTemplate.contentBase64, "base64") as unknown as ExcelJS.Buffer);
    const sheet = workbook.worksheets[0]!;
    sheet.spliceRows(2, 1);
    const recordNumber = `G${demoUsers.find((user) => user.username === "candidate1")!.idNumber}`;
    sheet.addRow([recordNumber, "物理", "合格", 91]);
    sheet.addRow([recordNumber, "地理", "不合格", 48]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    // The file goes beside GraphQL: an upload link from openResultImport, PUT through the gateway.
    const { openResultImport } = await ask<{ openResultImport: { import: { id: string }; upload: { uploadUrl: string } } }>(
      "region1",
      `mutation($sessionId: ID!) { openResultImport(sessionId: $sessionId, fileName: "成绩.xlsx") { import { id } upload { uploadUrl } } }`,
      { sessionId: session.id },
    );
    const put = await fetch(new URL(openResultImport.upload.uploadUrl, platform.gatewayUrl), {
      method: "PUT",
      headers: { "content-type": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ...(await as("region1")) },
      body: new Uint8Array(bytes),
    });
    expect(put.status).toBe(200);
    const id = openResultImport.import.id;
    type Job = { resultImport: { status: string; problemCount: number; updatedCount: number | null } };
    /** The import once the server has finished checking or writing it (the work runs after the answer). */
    const settled = async () => {
      for (;;) {
        const { resultImport } = await ask<Job>("region1", `query($id: ID!) { resultImport(id: $id) { status problemCount updatedCount } }`, { id });
        if (resultImport.status !== "CHECKING" && resultImport.status !== "COMMITTING") return resultImport;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    };
    await ask("region1", `mutation($id: ID!) { checkResultImport(id: $id) { id } }`, { id });
    expect(await settled()).toEqual({ status: "CHECKED", problemCount: 0, updatedCount: null });
    await ask("region1", `mutation($id: ID!) { commitResultImport(id: $id) { id } }`, { id });
    expect(await settled()).toEqual({ status: "COMMITTED", problemCount: 0, updatedCount: 2 });

    const RESULTS = `query($sessionId: ID) { subjectEntries(sessionId: $sessionId) { items { subjectCode result score resultPublished } } }`;
    type Results = { subjectEntries: { items: Array<{ subjectCode: string; result: string | null; score: number | null; resultPublished: boolean }> } };
    const before = await ask<Results>("candidate1", RESULTS, { sessionId: session.id });
    expect(before.subjectEntries.items).toEqual([
      { subjectCode: "GEOGRAPHY", result: null, score: null, resultPublished: false },
      { subjectCode: "PHYSICS", result: null, score: null, resultPublished: false },
    ]);

    await sleepUntil(publishedAt);
    const after = await ask<Results>("candidate1", RESULTS, { sessionId: session.id });
    expect(after.subjectEntries.items).toEqual([
      { subjectCode: "GEOGRAPHY", result: "FAIL", score: 48, resultPublished: true },
      { subjectCode: "PHYSICS", result: "PASS", score: 91, resultPublished: true },
    ]);
    const school = await ask<Results>("school1", RESULTS, { sessionId: session.id });
    expect(school.subjectEntries.items.map((item) => item.result)).toEqual(["FAIL", "PASS"]);
  });
});
