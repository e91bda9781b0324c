import { randomUUID } from "node:crypto";
import { sampleCertificateFields } from "@xuekao/certificates";
import { AuditEntry, FakeClock, Role } from "@xuekao/subgraph-kit";
import { createTestTokens, startTestSubgraph, testDrivers, type TestCaller, type TestSubgraph, type TestTokens } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CertificationServices } from "../src/certification-context.js";
import { Certificate, CertificateVerificationLog, VerificationOutcome } from "../src/modules/certificate/certificate.entity.js";
import { CertificateService } from "../src/modules/certificate/certificate.service.js";
import { certificationSubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

const VERIFY = `query($code: String!) { verifyCertificate(code: $code) {
  code found signatureValid revoked revokedAt revocationReason
  fields { code kind title issuerName provinceCode holderName idNumberMasked recordNumber originProvinceName issuedAt subjects { code name result detail } }
} }`;
const REVOKE = `mutation($code: String!, $reason: String!) { revokeCertificate(code: $code, reason: $reason) { code revokedAt } }`;
const MINE = `query { myCertificates { code kind issuedAt revokedAt downloadUrl } }`;

interface Verification {
  code: string;
  found: boolean;
  signatureValid: boolean;
  revoked: boolean;
  revokedAt: string | null;
  revocationReason: string | null;
  fields: (ReturnType<typeof sampleCertificateFields> & { subjects: unknown[] }) | null;
}

// Beijing ("p11") with a school under it; Inner Mongolia ("p15") next door.
const BEIJING = ["p11"];
const SCHOOL = ["p11", "p11-school"];
const candidateId = randomUUID();
const candidate: TestCaller = { sub: candidateId, roles: [{ role: Role.CANDIDATE_IN_SCHOOL, path: SCHOOL, pc: "11" }] };
const reviewer: TestCaller = { sub: randomUUID(), roles: [{ role: Role.CERTIFICATION_REVIEWER, path: BEIJING, pc: "11" }] };
const otherProvinceReviewer: TestCaller = { sub: randomUUID(), roles: [{ role: Role.CERTIFICATION_REVIEWER, path: ["p15"], pc: "15" }] };
const { code: _code, issuedAt: _issuedAt, ...content } = sampleCertificateFields();

describe.each(drivers)("certificates on %s", (driver) => {
  const clock = new FakeClock("2026-03-20T02:00:00Z");
  let subgraph: TestSubgraph<CertificationServices>;
  let tokens: TestTokens;
  const service = new CertificateService();

  beforeAll(async () => {
    tokens = await createTestTokens(clock);
    subgraph = await startTestSubgraph(
      { ...certificationSubgraph, setup: async (boot) => ({ ...(await certificationSubgraph.setup!(boot)), tokenKeys: tokens.tokenKeys }) },
      driver,
      { clock },
    );
  });
  afterAll(() => subgraph?.stop());

  /** What the approving case would do: issue inside its own transaction. */
  const issue = () => {
    const ctx = subgraph.service.systemContext();
    return ctx.transaction((tx) => service.issue(tx, { fields: content, candidateId, caseId: randomUUID(), organizationPath: SCHOOL }));
  };
  const verify = async (code: string) => {
    const result = await subgraph.graphql<{ verifyCertificate: Verification }>(VERIFY, { code });
    expect(result.errors).toBeUndefined();
    return result.data!.verifyCertificate;
  };
  const em = () => subgraph.service.orm.em.fork();

  it("a certificate issued in a transaction verifies without login, with every field as issued", async () => {
    const certificate = await issue();
    expect(certificate.code).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    // Typed as a person would: lower case, a space instead of the dash.
    const answer = await verify(certificate.code.toLowerCase().replace("-", " "));
    expect(answer).toMatchObject({ code: certificate.code, found: true, signatureValid: true, revoked: false, revokedAt: null });
    expect(answer.fields).toEqual({ ...sampleCertificateFields(), code: certificate.code, issuedAt: "2026-03-20T02:00:00.000Z" });
    const logged = await em().find(CertificateVerificationLog, { code: certificate.code });
    expect(logged.map((row) => [row.outcome, row.certificateId, row.callerId])).toEqual([["FOUND_VALID", certificate.id, null]]);
    expect(await em().count(AuditEntry, { action: "certificate.issued", subjectId: certificate.id })).toBe(1);
  });

  it("a tampered payload or signature in the stored token fails the signature, and says what it claims", async () => {
    const certificate = await issue();
    const [header, payload, signature] = certificate.token.split(".");
    const claims = JSON.parse(Buffer.from(payload!, "base64url").toString("utf8"));
    const forged = Buffer.from(JSON.stringify({ ...claims, subjects: claims.subjects.map((subject: { result: string }) => ({ ...subject, result: "合格" })) })).toString("base64url");
    await em().nativeUpdate(Certificate, { id: certificate.id }, { token: `${header}.${forged}.${signature}` });
    const tampered = await verify(certificate.code);
    expect(tampered).toMatchObject({ found: true, signatureValid: false });
    expect(tampered.fields?.subjects).toEqual(expect.arrayContaining([expect.objectContaining({ code: "PHYSICS", result: "合格" })]));

    const bytes = Buffer.from(signature!, "base64url");
    bytes[0] = bytes[0]! ^ 0xff;
    await em().nativeUpdate(Certificate, { id: certificate.id }, { token: `${header}.${payload}.${bytes.toString("base64url")}` });
    expect((await verify(certificate.code)).signatureValid).toBe(false);
    expect(await em().count(CertificateVerificationLog, { code: certificate.code, outcome: VerificationOutcome.FOUND_INVALID })).toBe(2);

    // A valid token of another certificate, copied onto this code, does not verify here either.
    const other = await issue();
    await em().nativeUpdate(Certificate, { id: certificate.id }, { token: other.token });
    expect((await verify(certificate.code)).signatureValid).toBe(false);
  });

  it("the issuing province's reviewer revokes with a reason (audited); verification then says revoked, when and why", async () => {
    const certificate = await issue();
    const refusedReason = await subgraph.graphql(REVOKE, { code: certificate.code, reason: "错" }, await tokens.headers(reviewer));
    expect(refusedReason.errors?.[0]?.extensions?.code).toBe("CERTIFICATE_REASON_INVALID");
    clock.set(new Date("2026-03-21T03:00:00Z"));
    const revoked = await subgraph.graphql<{ revokeCertificate: { revokedAt: string } }>(REVOKE, { code: certificate.code, reason: "认定材料系伪造" }, await tokens.headers(reviewer));
    expect(revoked.errors).toBeUndefined();
    expect(revoked.data!.revokeCertificate.revokedAt).toBe("2026-03-21T03:00:00.000Z");
    expect(await verify(certificate.code)).toMatchObject({ found: true, signatureValid: true, revoked: true, revokedAt: "2026-03-21T03:00:00.000Z", revocationReason: "认定材料系伪造" });
    const audit = await em().find(AuditEntry, { action: "certificate.revoked", subjectId: certificate.id });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.actorId).toBe(reviewer.sub);
    const again = await subgraph.graphql(REVOKE, { code: certificate.code, reason: "再次撤销" }, await tokens.headers(reviewer));
    expect(again.errors?.[0]?.extensions?.code).toBe("CERTIFICATE_ALREADY_REVOKED");
    expect(await em().count(CertificateVerificationLog, { code: certificate.code, outcome: VerificationOutcome.REVOKED })).toBe(1);
  });

  it("another province's reviewer and the candidate cannot revoke", async () => {
    const certificate = await issue();
    const other = await subgraph.graphql(REVOKE, { code: certificate.code, reason: "越权撤销" }, await tokens.headers(otherProvinceReviewer));
    expect(other.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    const self = await subgraph.graphql(REVOKE, { code: certificate.code, reason: "本人撤销" }, await tokens.headers(candidate));
    expect(self.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await verify(certificate.code)).revoked).toBe(false);
    expect(await em().count(AuditEntry, { action: "certificate.revoked", subjectId: certificate.id })).toBe(0);
  });

  it("an unknown code is not found (and logged); a malformed one is refused in Chinese and not looked up", async () => {
    const before = await em().count(CertificateVerificationLog, {});
    // 0000000000: nine zeros and its check character (0).
    expect(await verify("00000-00000")).toEqual({ code: "00000-00000", found: false, signatureValid: false, revoked: false, revokedAt: null, revocationReason: null, fields: null });
    expect(await em().count(CertificateVerificationLog, { code: "00000-00000", outcome: VerificationOutcome.NOT_FOUND })).toBe(1);
    for (const [code, message] of [["00000-00001", /校验位/], ["ABC", /10 位/], ["ABCDE-FGHUU", /不含 I、L、O、U/]] as const) {
      const result = await subgraph.graphql(VERIFY, { code });
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "CERTIFICATE_CODE_INVALID", field: "code" });
      expect(result.errors?.[0]?.message).toMatch(message);
    }
    expect(await em().count(CertificateVerificationLog, {})).toBe(before + 1);
  });

  it("the candidate lists their certificates and downloads the PDF (made once, kept)", async () => {
    const certificate = await issue();
    const mine = await subgraph.graphql<{ myCertificates: Array<{ code: string; downloadUrl: string }> }>(MINE, {}, await tokens.headers(candidate));
    expect(mine.errors).toBeUndefined();
    const listed = mine.data!.myCertificates.find((item) => item.code === certificate.code)!;
    expect(listed.downloadUrl).toMatch(/^\/files\/certification\/download\//);
    const base = subgraph.url.replace(/\/graphql$/, "");
    const response = await fetch(`${base}${listed.downloadUrl.replace("/files/certification/", "/files/")}`, { headers: await tokens.headers(candidate) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/pdf");
    const pdf = Buffer.from(await response.arrayBuffer());
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const again = await subgraph.graphql<{ myCertificates: Array<{ code: string; downloadUrl: string }> }>(MINE, {}, await tokens.headers(candidate));
    expect(again.data!.myCertificates.find((item) => item.code === certificate.code)!.downloadUrl.split("?")[0]).toBe(listed.downloadUrl.split("?")[0]);
    // Somebody else's list does not hold it.
    const stranger = await subgraph.graphql<{ myCertificates: Array<{ code: string }> }>(MINE, {}, await tokens.headers({ sub: randomUUID(), roles: [{ role: Role.CANDIDATE_SOCIAL, path: SCHOOL, pc: "11" }] }));
    expect(stranger.data!.myCertificates).toEqual([]);
  });
});
