// Registry's score certificate (成绩证明) end to end: issued from a record's published results by
// its candidate or county agency, signed with the shared certificate key, announced by event, and
// verified publicly by certification like its own certificates.
import { demoUserId } from "@xuekao/demo-data";
import { InProcessBus } from "@xuekao/events";
import { registrySubgraph } from "@xuekao/registry";
import { FakeClock, Role, splitPath } from "@xuekao/subgraph-kit";
import { createTestTokens, startTestSubgraph, testDrivers, type TestSubgraph, type TestTokens } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificationSubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

/** The columns of registry's exam record this test reads (registry does not export its entities). */
interface ExamRecord {
  id: string;
  candidateId: string;
  recordNumber: string;
  organizationPath: string;
}

const ISSUE = `mutation($recordId: ID!) { issueScoreCertificate(recordId: $recordId) { code issuedAt downloadUrl } }`;
const VERIFY = `query($code: String!) { verifyCertificate(code: $code) { found signatureValid revoked fields { kind title holderName idNumberMasked recordNumber subjects { name result detail } } } }`;

describe.each(drivers)("score certificates on %s", (driver) => {
  const clock = new FakeClock("2026-11-30T02:00:00Z");
  const bus = new InProcessBus({ logger: { debug() {}, info() {}, warn() {}, error() {} } });
  let registry: TestSubgraph;
  let certification: TestSubgraph;
  let tokens: TestTokens;
  let record: ExamRecord;

  beforeAll(async () => {
    tokens = await createTestTokens(clock);
    const withTokens = <T extends typeof registrySubgraph | typeof certificationSubgraph>(definition: T): T =>
      ({ ...definition, setup: async (boot: Parameters<NonNullable<T["setup"]>>[0]) => ({ ...(await definition.setup!(boot as never)), tokenKeys: tokens.tokenKeys }) }) as T;
    registry = await startTestSubgraph(withTokens(registrySubgraph), driver, { clock, bus, seedDemo: true, relayPollIntervalMs: 50 });
    certification = await startTestSubgraph(withTokens(certificationSubgraph), driver, { clock, bus, relayPollIntervalMs: 50 });
    record = (await registry.service.orm.em.fork().findOneOrFail("ExamRecord", { candidateId: demoUserId("candidate1") })) as ExamRecord;
  });
  afterAll(async () => {
    await certification?.stop();
    await registry?.stop();
  });

  const path = () => splitPath(record.organizationPath);
  const candidate1 = () => tokens.headers({ sub: record.candidateId, roles: [{ role: Role.CANDIDATE_IN_SCHOOL, path: path(), pc: "15" }] });

  it("the candidate downloads their 成绩证明; certification verifies it by its code", async () => {
    const issued = await registry.graphql<{ issueScoreCertificate: { code: string; downloadUrl: string } }>(ISSUE, { recordId: record.id }, await candidate1());
    expect(issued.errors, JSON.stringify(issued.errors)).toBeUndefined();
    const { code, downloadUrl } = issued.data!.issueScoreCertificate;
    const pdf = await fetch(`${registry.url.replace(/\/graphql$/, "")}${downloadUrl.replace("/files/registry/", "/files/")}`, { headers: await candidate1() });
    expect(pdf.status).toBe(200);
    expect(Buffer.from(await pdf.arrayBuffer()).subarray(0, 5).toString("latin1")).toBe("%PDF-");

    let verified: { found: boolean; signatureValid: boolean; fields: { holderName: string; recordNumber: string; subjects: Array<{ name: string; result: string }> } } | undefined;
    for (let waited = 0; waited < 10_000 && !verified?.found; waited += 100) {
      const answer = await certification.graphql<{ verifyCertificate: NonNullable<typeof verified> }>(VERIFY, { code });
      verified = answer.data?.verifyCertificate;
      if (!verified?.found) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(verified).toMatchObject({ found: true, signatureValid: true, fields: { kind: "SCORE_CERTIFICATE", title: "普通高中学业水平合格性考试成绩证明", recordNumber: record.recordNumber } });
    expect(verified!.fields.subjects).toEqual(expect.arrayContaining([expect.objectContaining({ name: "语文", result: "合格" }), expect.objectContaining({ name: "数学", result: "不合格" })]));
    expect(verified!.fields.holderName.length).toBeGreaterThan(0);
  });

  it("the county agency of the record may issue it; another candidate and another county may not", async () => {
    const county = await tokens.headers({ sub: "county-staff", roles: [{ role: Role.COUNTY_AGENCY, path: path().slice(0, 3), pc: "15" }] });
    const byCounty = await registry.graphql(ISSUE, { recordId: record.id }, county);
    expect(byCounty.errors).toBeUndefined();
    const otherCandidate = await tokens.headers({ sub: demoUserId("candidate2"), roles: [{ role: Role.CANDIDATE_IN_SCHOOL, path: path(), pc: "15" }] });
    expect((await registry.graphql(ISSUE, { recordId: record.id }, otherCandidate)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const otherCounty = await tokens.headers({ sub: "county-elsewhere", roles: [{ role: Role.COUNTY_AGENCY, path: ["im", "im-elsewhere", "im-other-county"], pc: "15" }] });
    expect((await registry.graphql(ISSUE, { recordId: record.id }, otherCounty)).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
