import { randomUUID } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { DEMO_PASSWORD, demoUserId, demoUsers } from "@xuekao/demo-data";
import { pngOfSize, postGraphQL as gatewayQuery, signedInAs } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../src/platform.js";

/**
 * Issue 10's two certification stories through the gateway, as the people live them.
 *
 * Beijing: bjcandidate1 (a social candidate back from Hebei) checks that they may apply in the open
 * demo window, starts a case, uploads the stamped certificate (too large or not an image is
 * refused), submits (twice: nothing changes); bjreviewer1 finds it in the queue, looks at the scan,
 * records the subjects on Hebei's grade scale and returns it with a reason (the candidate is told by
 * SMS and in the inbox); the candidate uploads a better scan and resubmits; the reviewer approves:
 * the signed certificate downloads as a PDF and verifies without a login; the candidate is told
 * 认定通过, and cannot apply again.
 *
 * Inner Mongolia: candidate16 (registered in-school, no case, no results) brings Henan's scores
 * (Henan gives numbers, 150 for mathematics, and art as music and fine art — so the 60 % edge and
 * the art parts are exercised; Hebei gives grades only). Three proofs, county → league → region;
 * the region refuses a selective-exam score, records one failed subject and approves; the registry
 * receives the certified subjects by event; the candidate cannot enter the certified-passed
 * subject of the open session, but may enter the certified-failed one.
 *
 * Beijing's school: bjschool1 files the case of bjstudent1, transferred in from Hebei (a school
 * elsewhere and a candidate cannot); the institute returns it, the student is told the school will
 * send it again; the school uploads a better scan, the institute approves; school and student see
 * the result and the student is told.
 */

/** Henan's scale as seeded for Inner Mongolia: numbers, 150 for the three main subjects, art in two parts. */
const HENAN = "41";
const HEBEI = "13";

type GraphQLError = { message: string; extensions?: Record<string, unknown> };

const CASE = `id kind status originProvinceCode certifyingProvinceCode submittedAt
  application { version round stepKey canDecide history { round action reason } }
  requiredEvidence { slot file { id fileName size mimeType downloadUrl } }
  subjects { subjectCode subjectName grade score fullScore passed explanation parts { subjectCode grade score passed } }
  certificate { code kind downloadUrl }`;

interface CaseView {
  id: string;
  kind: string;
  status: string;
  originProvinceCode: string;
  certifyingProvinceCode: string;
  submittedAt: string | null;
  application: { version: number; round: number; stepKey: string; canDecide: boolean; history: Array<{ round: number; action: string; reason: string | null }> } | null;
  requiredEvidence: Array<{ slot: string; file: { id: string; fileName: string; size: number; mimeType: string; downloadUrl: string | null } | null }>;
  subjects: Array<{ subjectCode: string; subjectName: string; grade: string | null; score: string | null; fullScore: number | null; passed: boolean; explanation: string; parts: Array<{ subjectCode: string; grade: string | null; score: string | null; passed: boolean }> }>;
  certificate: { code: string; kind: string; downloadUrl: string | null } | null;
}

describe("certification through the gateway", () => {
  let platform: Platform;
  let as: (username: string) => Promise<Record<string, string>>;
  const call = async <T>(username: string | null, query: string, variables: Record<string, unknown> = {}) =>
    gatewayQuery<T>(platform.gatewayUrl, query, variables, username ? await as(username) : {});
  const ask = async <T>(username: string | null, query: string, variables: Record<string, unknown> = {}) => {
    const result = await call<T>(username, query, variables);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!;
  };
  const codeOf = (result: { errors?: readonly GraphQLError[] }) => result.errors?.[0]?.extensions?.code;
  const texts = (mobile: string) =>
    existsSync(platform.smsLogFile)
      ? readFileSync(platform.smsLogFile, "utf8")
          .split("\n")
          .filter((line) => line.split("\t")[1] === mobile)
          .map((line) => line.split("\t")[2] ?? "")
      : [];
  const waitFor = async <T>(what: string, probe: () => Promise<T | undefined> | T | undefined, timeoutMs = 20_000): Promise<T> => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = await probe();
      if (found !== undefined) return found;
      if (Date.now() > deadline) throw new Error(`waited in vain for ${what}:\n${platform.logs("backend")}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const inbox = async (username: string) =>
    (await ask<{ me: { notifications: Array<{ title: string; body: string }> } }>(username, `{ me { notifications { title body } } }`)).me.notifications;

  const start = (username: string, originProvinceCode: string) =>
    call<{ startCertificationCase: CaseView }>(username, `mutation($input: StartCertificationCaseInput!) { startCertificationCase(input: $input) { ${CASE} } }`, {
      input: { originProvinceCode },
    });
  const caseOf = async (username: string, id: string) =>
    (await ask<{ certificationCase: CaseView }>(username, `query($id: ID!) { certificationCase(id: $id) { ${CASE} } }`, { id })).certificationCase;
  const ticket = async (username: string, caseId: string, slot: string, fileName: string) =>
    (
      await ask<{ requestCertificationEvidenceUpload: { fileId: string; uploadUrl: string; maxBytes: number; allowedTypes: string[] } }>(
        username,
        `mutation($caseId: ID!, $slot: CertificationEvidenceSlot!, $fileName: String!) {
          requestCertificationEvidenceUpload(caseId: $caseId, slot: $slot, fileName: $fileName) { fileId uploadUrl maxBytes allowedTypes } }`,
        { caseId, slot, fileName },
      )
    ).requestCertificationEvidenceUpload;
  /** Asks for a ticket and PUTs the bytes through the gateway, as the candidate's page does. */
  const upload = async (username: string, caseId: string, slot: string, fileName: string, bytes: Buffer) => {
    const { uploadUrl } = await ticket(username, caseId, slot, fileName);
    const response = await fetch(new URL(uploadUrl, platform.gatewayUrl), {
      method: "PUT",
      headers: { "content-type": "image/png", ...(await as(username)) },
      body: new Uint8Array(bytes),
    });
    return { status: response.status, body: (await response.json()) as { errors?: GraphQLError[] } };
  };
  const submit = (username: string, caseId: string, idempotencyKey: string) =>
    call<{ submitCertificationCase: CaseView }>(username, `mutation($input: SubmitCertificationCaseInput!) { submitCertificationCase(input: $input) { ${CASE} } }`, {
      input: { caseId, idempotencyKey },
    });
  const saveSubjects = (username: string, caseId: string, subjects: unknown[]) =>
    call<{ saveCertificationSubjects: CaseView }>(username, `mutation($input: SaveCertificationSubjectsInput!) { saveCertificationSubjects(input: $input) { ${CASE} } }`, {
      input: { caseId, subjects },
    });
  const decide = (username: string, caseId: string, decision: string, expectedVersion: number, reason: string | null = null) =>
    call<{ decideCertificationCase: CaseView }>(username, `mutation($input: DecideCertificationCaseInput!) { decideCertificationCase(input: $input) { ${CASE} } }`, {
      input: { caseId, decision, reason, expectedVersion, idempotencyKey: randomUUID() },
    });
  /** What the reviewer's list shows of each waiting case (the full case is too costly to ask for a whole page). */
  const queue = async (username: string) =>
    (
      await ask<{ certificationReviewQueue: { items: Array<Pick<CaseView, "id" | "status" | "application" | "requiredEvidence">> } }>(
        username,
        `{ certificationReviewQueue(first: 50) { items { id status application { version round stepKey canDecide history { round action reason } } requiredEvidence { slot file { id fileName size mimeType downloadUrl } } } } }`,
      )
    ).certificationReviewQueue.items;
  const download = async (username: string, url: string) => {
    const response = await fetch(new URL(url, platform.gatewayUrl), { headers: await as(username) });
    expect(response.status, url).toBe(200);
    return Buffer.from(await response.arrayBuffer());
  };

  beforeAll(async () => {
    platform = await startPlatform();
    as = signedInAs(() => platform.gatewayUrl, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("takes bjcandidate1's returning-candidate case from eligibility to a verified certificate", async () => {
    // The demo accounts have no mobile: bjcandidate1 binds one first, so that the results reach them by SMS.
    const mobile = `139${String(Date.now()).slice(-8)}`;
    await ask("bjcandidate1", `mutation($input: RequestSmsCodeInput!) { requestSmsCode(input: $input) { mobile } }`, { input: { mobile, purpose: "CHANGE_MOBILE" } });
    const code = await waitFor("the mobile code", () => texts(mobile).map((text) => /(\d{6})/.exec(text)?.[1]).find(Boolean));
    await ask("bjcandidate1", `mutation($input: ChangeMobileInput!) { changeMobile(input: $input) { id } }`, { input: { newMobile: mobile, smsCode: code } });

    // 1. May I apply? Yes, in the open demo window.
    const { certificationEligibility: eligibility } = await ask<{
      certificationEligibility: { eligible: boolean; kind: string; reasonCode: string | null; window: { name: string } | null; currentCase: { id: string } | null };
    }>("bjcandidate1", `query($origin: String) { certificationEligibility(originProvinceCode: $origin) { eligible kind reasonCode window { name } currentCase { id } } }`, { origin: HEBEI });
    expect(eligibility).toMatchObject({ eligible: true, kind: "certification.returning-candidate", reasonCode: null, currentCase: null });
    expect(eligibility.window?.name).toBeTruthy();

    // 2. A draft; starting again gives the same draft back.
    const started = await start("bjcandidate1", HEBEI);
    expect(started.errors).toBeUndefined();
    const draft = started.data!.startCertificationCase;
    expect(draft).toMatchObject({ status: "DRAFT", originProvinceCode: HEBEI, certifyingProvinceCode: "11", submittedAt: null, application: null });
    expect(draft.requiredEvidence.map((item) => item.slot)).toEqual(["SCORE_CERTIFICATE"]);
    expect((await start("bjcandidate1", HEBEI)).data?.startCertificationCase.id).toBe(draft.id);
    const caseId = draft.id;
    // A province chosen by mistake is corrected on the draft by starting again with the right one.
    expect((await start("bjcandidate1", HENAN)).data?.startCertificationCase).toMatchObject({ id: caseId, status: "DRAFT", originProvinceCode: HENAN });
    expect((await start("bjcandidate1", HEBEI)).data?.startCertificationCase).toMatchObject({ id: caseId, originProvinceCode: HEBEI });

    // Submitting with nothing uploaded is refused.
    expect(codeOf(await submit("bjcandidate1", caseId, randomUUID()))).toBe("CERTIFICATION_EVIDENCE_MISSING");
    // Only the proofs of the kind: a school's acceptance is not asked of a returning candidate.
    expect(
      codeOf(
        await call("bjcandidate1", `mutation($caseId: ID!) { requestCertificationEvidenceUpload(caseId: $caseId, slot: SCHOOL_ACCEPTANCE, fileName: "a.png") { fileId } }`, { caseId }),
      ),
    ).toBe("CERTIFICATION_EVIDENCE_SLOT_INVALID");

    // 3. Uploads, judged by content: one byte over 1 MB, and a PDF named .png, are refused with the reason in Chinese.
    const tooLarge = await upload("bjcandidate1", caseId, "SCORE_CERTIFICATE", "成绩证明.png", pngOfSize(1_048_577));
    expect(tooLarge.status).toBe(413);
    expect(tooLarge.body.errors?.[0]).toMatchObject({ message: "文件过大，不能超过 1 MB", extensions: { code: "FILE_TOO_LARGE" } });
    const pdfAsPng = await upload("bjcandidate1", caseId, "SCORE_CERTIFICATE", "成绩证明.png", Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
    expect(pdfAsPng.status).toBe(415);
    expect(pdfAsPng.body.errors?.[0]).toMatchObject({ message: "仅支持 JPG、PNG 格式的图片", extensions: { code: "UNSUPPORTED_FILE_TYPE" } });
    expect((await caseOf("bjcandidate1", caseId)).requiredEvidence[0]!.file).toBeNull();
    // Exactly 1 MB is accepted.
    const blurry = pngOfSize(1_048_576, 0x11);
    expect((await upload("bjcandidate1", caseId, "SCORE_CERTIFICATE", "成绩证明.png", blurry)).status).toBe(200);
    expect((await caseOf("bjcandidate1", caseId)).requiredEvidence[0]!.file).toMatchObject({ fileName: "成绩证明.png", size: 1_048_576, mimeType: "image/png" });

    // 4. Submitted; the same submission again changes nothing.
    const key = randomUUID();
    const first = await submit("bjcandidate1", caseId, key);
    expect(first.errors).toBeUndefined();
    const submitted = first.data!.submitCertificationCase;
    expect(submitted.status).toBe("PENDING_REVIEW");
    expect(submitted.submittedAt).toBeTruthy();
    const second = (await submit("bjcandidate1", caseId, key)).data!.submitCertificationCase;
    expect(second.status).toBe("PENDING_REVIEW");
    expect(second.application!.version).toBe(submitted.application!.version);
    expect(second.submittedAt).toBe(submitted.submittedAt);
    expect(second.application!.history.map((entry) => entry.action)).toEqual(["SUBMIT"]);
    // Under review, the evidence is locked.
    expect(codeOf(await call("bjcandidate1", `mutation($caseId: ID!) { requestCertificationEvidenceUpload(caseId: $caseId, slot: SCORE_CERTIFICATE, fileName: "b.png") { fileId } }`, { caseId }))).toBe(
      "CERTIFICATION_CASE_LOCKED",
    );

    // 5. The reviewer finds it in the queue and looks at the scan: the bytes come back through the gateway.
    const waiting = (await queue("bjreviewer1")).find((item) => item.id === caseId)!;
    expect(waiting.application).toMatchObject({ stepKey: "institute-review", canDecide: true });
    const scan = waiting.requiredEvidence[0]!.file!;
    expect((await download("bjreviewer1", scan.downloadUrl!)).equals(blurry)).toBe(true);

    // 6. The subjects on Hebei's scale (A–D, C passes): a score cannot be judged (Hebei gives no full scores).
    const byScore = await saveSubjects("bjreviewer1", caseId, [{ subjectCode: "MATHEMATICS", score: "90" }]);
    expect(codeOf(byScore)).toBe("CERTIFICATION_SUBJECT_INVALID");
    expect(byScore.errors?.[0]?.message).toContain("满分");
    // A candidate records nothing.
    expect(codeOf(await saveSubjects("bjcandidate1", caseId, [{ subjectCode: "CHINESE", grade: "A" }]))).toBe("FORBIDDEN");
    const saved = await saveSubjects("bjreviewer1", caseId, [
      { subjectCode: "CHINESE", grade: "C" },
      { subjectCode: "MATHEMATICS", grade: "A" },
      { subjectCode: "ARTS", grade: "B" },
      { subjectCode: "PHYSICS", grade: "D" },
    ]);
    expect(saved.errors).toBeUndefined();
    expect(saved.data!.saveCertificationSubjects.subjects.map(({ subjectCode, passed }) => `${subjectCode}:${passed}`)).toEqual([
      "CHINESE:true",
      "MATHEMATICS:true",
      "ARTS:true",
      "PHYSICS:false",
    ]);
    expect(saved.data!.saveCertificationSubjects.subjects[0]!.explanation).toContain("不低于合格等级 C");

    // 7. Returned with a reason: the candidate is told by SMS and in the inbox.
    const reason = "成绩证明扫描不清晰，请重新上传盖章清晰的扫描件";
    const returned = await decide("bjreviewer1", caseId, "RETURN", waiting.application!.version, reason);
    expect(returned.errors).toBeUndefined();
    expect(returned.data!.decideCertificationCase.status).toBe("RETURNED");
    await waitFor("the SMS about the return", () => texts(mobile).find((text) => text.includes("退回修改") && text.includes(reason)));
    expect((await inbox("bjcandidate1")).some((message) => message.title.includes("退回修改") && message.body.includes(reason))).toBe(true);

    // A returned case keeps its province: the subjects were recorded on Hebei's scale.
    const frozen = await start("bjcandidate1", HENAN);
    expect(codeOf(frozen)).toBe("CERTIFICATION_ORIGIN_FROZEN");
    expect(frozen.errors?.[0]?.message).toBe("已提交过的申请不能更改成绩来源省份；如省份选错，请联系审核单位");

    // 8. A better scan, sent again.
    const clear = pngOfSize(64 * 1024, 0x77);
    expect((await upload("bjcandidate1", caseId, "SCORE_CERTIFICATE", "成绩证明-清晰.png", clear)).status).toBe(200);
    const resubmitted = await submit("bjcandidate1", caseId, randomUUID());
    expect(resubmitted.errors).toBeUndefined();
    expect(resubmitted.data!.submitCertificationCase).toMatchObject({ status: "PENDING_REVIEW", application: { round: 2 } });

    // 9. The reviewer sees the new scan and approves: the subjects stay as recorded.
    const again = (await queue("bjreviewer1")).find((item) => item.id === caseId)!;
    expect(again.requiredEvidence[0]!.file!.fileName).toBe("成绩证明-清晰.png");
    expect((await download("bjreviewer1", again.requiredEvidence[0]!.file!.downloadUrl!)).equals(clear)).toBe(true);
    expect((await decide("bjreviewer1", caseId, "APPROVE", again.application!.version)).errors).toBeUndefined();

    // 10. The candidate's result: approved, the subjects, the certificate as a PDF.
    const { myCertificationCases } = await ask<{ myCertificationCases: CaseView[] }>("bjcandidate1", `{ myCertificationCases { ${CASE} } }`);
    const approved = myCertificationCases.find((item) => item.id === caseId)!;
    expect(approved.status).toBe("APPROVED");
    expect(approved.subjects.map((subject) => subject.subjectCode)).toEqual(["CHINESE", "MATHEMATICS", "ARTS", "PHYSICS"]);
    expect(approved.application!.history.map((entry) => `${entry.round}:${entry.action}`)).toEqual(["1:SUBMIT", "1:RETURN", "2:RESUBMIT", "2:APPROVE"]);
    expect(approved.certificate).toMatchObject({ kind: "CERTIFICATION_RESULT" });
    const pdf = await download("bjcandidate1", approved.certificate!.downloadUrl!);
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

    // 11. Anyone verifies the code without logging in.
    const { verifyCertificate } = await ask<{
      verifyCertificate: { found: boolean; signatureValid: boolean; revoked: boolean; fields: { title: string; holderName: string; originProvinceName: string; issuerName: string; subjects: Array<{ code: string; result: string }> } };
    }>(null, `query($code: String!) { verifyCertificate(code: $code) { found signatureValid revoked fields { title holderName originProvinceName issuerName subjects { code result } } } }`, {
      code: approved.certificate!.code,
    });
    expect(verifyCertificate).toMatchObject({ found: true, signatureValid: true, revoked: false });
    expect(verifyCertificate.fields).toMatchObject({ holderName: "冯返京", originProvinceName: "河北省", issuerName: "北京教育考试院" });
    expect(verifyCertificate.fields.title).toContain("成绩认定结果");
    expect(verifyCertificate.fields.subjects.map((subject) => `${subject.code}:${subject.result}`)).toEqual(["CHINESE:合格", "MATHEMATICS:合格", "ARTS:合格", "PHYSICS:不合格"]);

    // 12. Told 认定通过 by SMS and in the inbox.
    await waitFor("the SMS with the result", () => texts(mobile).find((text) => text.includes("认定通过")));
    expect((await inbox("bjcandidate1")).some((message) => message.title.includes("认定通过"))).toBe(true);

    // 13. Certified once: not again.
    const refused = await start("bjcandidate1", HEBEI);
    expect(codeOf(refused)).toBe("NOT_ELIGIBLE");
    expect(refused.errors?.[0]?.extensions?.reasonCode).toBe("ALREADY_CERTIFIED");
    expect(refused.errors?.[0]?.message).toBe("您的外省合格考成绩已在本省认定，不能再次申请");
    const after = await ask<{ certificationEligibility: { eligible: boolean; reasonCode: string } }>("bjcandidate1", `{ certificationEligibility { eligible reasonCode } }`);
    expect(after.certificationEligibility).toEqual({ eligible: false, reasonCode: "ALREADY_CERTIFIED" });

    // One message per decision: the return and the approval each reached them once, by SMS and in the inbox.
    expect(texts(mobile).filter((text) => text.includes("退回修改"))).toHaveLength(1);
    expect(texts(mobile).filter((text) => text.includes("认定通过"))).toHaveLength(1);
    const messages = await inbox("bjcandidate1");
    expect(messages.filter((message) => message.title.includes("退回修改"))).toHaveLength(1);
    expect(messages.filter((message) => message.title.includes("认定通过"))).toHaveLength(1);
  });

  it("takes candidate16's transfer-in through county, league and region to certified subjects in the registry", async () => {
    const candidate = "candidate16";
    const started = await start(candidate, HENAN);
    expect(started.errors).toBeUndefined();
    const draft = started.data!.startCertificationCase;
    expect(draft).toMatchObject({ kind: "certification.transfer-in", status: "DRAFT", certifyingProvinceCode: "15" });
    expect(draft.requiredEvidence.map((item) => item.slot)).toEqual(["SCORE_CERTIFICATE", "SCHOOL_ACCEPTANCE", "IDENTITY_PROOF"]);
    const caseId = draft.id;

    // Three proofs; two are not enough.
    expect((await upload(candidate, caseId, "SCORE_CERTIFICATE", "河南成绩证明.png", pngOfSize(20_000))).status).toBe(200);
    expect((await upload(candidate, caseId, "SCHOOL_ACCEPTANCE", "接收证明.png", pngOfSize(20_000, 0x01))).status).toBe(200);
    const missing = await submit(candidate, caseId, randomUUID());
    expect(codeOf(missing)).toBe("CERTIFICATION_EVIDENCE_MISSING");
    expect(missing.errors?.[0]?.message).toBe("请先上传：身份证明");
    expect((await upload(candidate, caseId, "IDENTITY_PROOF", "身份证.png", pngOfSize(20_000, 0x02))).status).toBe(200);
    const submitted = await submit(candidate, caseId, randomUUID());
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitCertificationCase).toMatchObject({ status: "PENDING_REVIEW", application: { stepKey: "county-review" } });

    // Refusals: Beijing's reviewer is not on Inner Mongolia's chain; a candidate cannot decide; a stale version conflicts.
    const atCounty = (await queue("county1")).find((item) => item.id === caseId)!;
    const version = atCounty.application!.version;
    const foreign = await decide("bjreviewer1", caseId, "APPROVE", version);
    expect(foreign.errors, "bjreviewer1 decided Inner Mongolia's case").toBeDefined();
    expect(codeOf(foreign)).toBe("FORBIDDEN");
    expect(codeOf(await saveSubjects("bjreviewer1", caseId, [{ subjectCode: "CHINESE", score: "120" }]))).toBe("FORBIDDEN");
    expect(codeOf(await decide(candidate, caseId, "APPROVE", version))).toBe("FORBIDDEN");
    expect(codeOf(await decide("county1", caseId, "APPROVE", version - 1))).toBe("CONFLICT");
    // The league cannot act before the county.
    expect(codeOf(await decide("league1", caseId, "APPROVE", version))).toBe("FORBIDDEN");

    // County, then league approve (the subjects are recorded at the region's step).
    expect((await decide("county1", caseId, "APPROVE", version)).errors).toBeUndefined();
    const atLeague = (await queue("league1")).find((item) => item.id === caseId)!;
    expect(atLeague.application!.stepKey).toBe("league-review");
    expect((await decide("league1", caseId, "APPROVE", atLeague.application!.version)).errors).toBeUndefined();
    const atRegion = (await queue("region1")).find((item) => item.id === caseId)!;
    expect(atRegion.application!.stepKey).toBe("province-certification");
    // Approving without the subjects is refused.
    expect(codeOf(await decide("region1", caseId, "APPROVE", atRegion.application!.version))).toBe("CERTIFICATION_SUBJECTS_MISSING");

    // Only qualification-exam scores transfer.
    const selective = await saveSubjects("region1", caseId, [
      { subjectCode: "MATHEMATICS", score: "90" },
      { subjectCode: "CHEMISTRY", examKind: "SELECTIVE", score: "88" },
    ]);
    expect(codeOf(selective)).toBe("CERTIFICATION_SELECTIVE_SCORE");
    expect(selective.errors?.[0]?.message).toBe("化学：只认定合格性考试成绩，选择性考试成绩不予认定");
    // Art from Henan comes in two parts; both are needed.
    expect(codeOf(await saveSubjects("region1", caseId, [{ subjectCode: "ARTS", parts: [{ subjectCode: "MUSIC", score: "70" }] }]))).toBe("CERTIFICATION_SUBJECT_INVALID");

    // Mathematics 90 of 150 is exactly 60 %: passed; physics 59.99 of 100 fails; art passes with both parts.
    const saved = await saveSubjects("region1", caseId, [
      { subjectCode: "MATHEMATICS", score: "90" },
      { subjectCode: "PHYSICS", score: "59.99" },
      { subjectCode: "ARTS", parts: [{ subjectCode: "MUSIC", score: "60" }, { subjectCode: "FINE_ART", score: "81.5" }] },
    ]);
    expect(saved.errors).toBeUndefined();
    const subjects = saved.data!.saveCertificationSubjects.subjects;
    expect(subjects.map(({ subjectCode, fullScore, passed }) => ({ subjectCode, fullScore, passed }))).toEqual([
      { subjectCode: "MATHEMATICS", fullScore: 150, passed: true },
      { subjectCode: "PHYSICS", fullScore: 100, passed: false },
      { subjectCode: "ARTS", fullScore: null, passed: true },
    ]);
    expect(subjects[0]!.explanation).toContain("达到满分 150 的 60%（90 分）");
    expect(subjects[2]!.parts.map(({ subjectCode, passed }) => `${subjectCode}:${passed}`)).toEqual(["MUSIC:true", "FINE_ART:true"]);

    const approved = await decide("region1", caseId, "APPROVE", atRegion.application!.version);
    expect(approved.errors).toBeUndefined();
    expect(approved.data!.decideCertificationCase.status).toBe("APPROVED");
    expect(approved.data!.decideCertificationCase.certificate?.code).toBeTruthy();

    // The registry hears of it by event: the candidate's certified subjects, and on the record the school sees.
    type Certified = { subjectCode: string; passed: boolean; originProvinceCode: string; caseId: string };
    const certified = await waitFor("the certified subjects in the registry", async () => {
      const { myCertifiedSubjects } = await ask<{ myCertifiedSubjects: Certified[] }>(candidate, `{ myCertifiedSubjects { subjectCode passed originProvinceCode caseId } }`);
      return myCertifiedSubjects.length > 0 ? myCertifiedSubjects : undefined;
    });
    expect(certified.map(({ subjectCode, passed }) => `${subjectCode}:${passed}`).sort()).toEqual(["ARTS:true", "MATHEMATICS:true", "PHYSICS:false"]);
    expect(certified.every((item) => item.originProvinceCode === HENAN && item.caseId === caseId)).toBe(true);
    const records = await ask<{ examRecordPage: { items: Array<{ certifiedSubjects: Certified[] }> } }>(candidate, `{ examRecordPage { items { certifiedSubjects { subjectCode passed originProvinceCode caseId } } } }`);
    expect(records.examRecordPage.items[0]!.certifiedSubjects.map((item) => item.subjectCode).sort()).toEqual(["ARTS", "MATHEMATICS", "PHYSICS"]);
    // The receiving school sees them on the student's record too (for the supplementary registration).
    const recordNumber = `G${demoUsers.find((user) => user.username === candidate)!.idNumber}`;
    const atSchool = await ask<{ examRecordPage: { items: Array<{ recordNumber: string; certifiedSubjects: Certified[] }> } }>(
      "school1",
      `query($filter: ExamRecordFilterInput) { examRecordPage(filter: $filter) { items { recordNumber certifiedSubjects { subjectCode passed originProvinceCode caseId } } } }`,
      { filter: { recordNumberPrefix: recordNumber } },
    );
    expect(atSchool.examRecordPage.items.map((item) => [item.recordNumber, item.certifiedSubjects.length])).toEqual([[recordNumber, 3]]);
    // The candidate is told the result in the inbox.
    await waitFor("the result in candidate16's inbox", async () => ((await inbox(candidate)).some((message) => message.title.includes("认定通过")) ? true : undefined));

    // Subject entry in the open session: not the certified pass; the certified fail, yes.
    const { examSessions } = await ask<{ examSessions: Array<{ id: string; registrationOpen: boolean }> }>(candidate, `{ examSessions { id registrationOpen } }`);
    const open = examSessions.find((session) => session.registrationOpen)!;
    const enter = (subjectCodes: string[]) =>
      call<{ enterSubjects: Array<{ subjectCode: string }> }>(candidate, `mutation($input: EnterSubjectsInput!) { enterSubjects(input: $input) { subjectCode } }`, {
        input: { sessionId: open.id, subjectCodes },
      });
    const passedAgain = await enter(["MATHEMATICS"]);
    expect(codeOf(passedAgain)).toBe("SUBJECT_ALREADY_PASSED");
    expect(passedAgain.errors?.[0]?.message).toBe("您的数学已认定合格（外省成绩转入认定），无需再次报考");
    const failedAgain = await enter(["PHYSICS"]);
    expect(failedAgain.errors).toBeUndefined();
    expect(failedAgain.data!.enterSubjects.map((entry) => entry.subjectCode)).toContain("PHYSICS");

    // Decided is decided: a late decision on the closed case conflicts.
    expect(codeOf(await decide("region1", caseId, "APPROVE", atRegion.application!.version))).toBe("CONFLICT");
  });

  it("takes bjschool1's case for its student bjstudent1, transferred in from Hebei, through the institute's review", async () => {
    const student = demoUserId("bjstudent1");
    const startForSchool = (username: string, candidateId: string) =>
      call<{ startSchoolCertificationCase: CaseView }>(
        username,
        `mutation($input: StartSchoolCertificationCaseInput!) { startSchoolCertificationCase(input: $input) { ${CASE} } }`,
        { input: { candidateId, originProvinceCode: HEBEI } },
      );
    const schoolCases = async () =>
      (
        await ask<{ schoolCertificationCases: { items: Array<{ id: string; status: string; candidate: { displayName: string } | null; application: { lastReason: string | null } | null }> } }>(
          "bjschool1",
          `{ schoolCertificationCases(first: 20) { items { id status candidate { displayName } application { lastReason } } } }`,
        )
      ).schoolCertificationCases.items;

    // The student is sent to their school: in Beijing the school files for an in-school student.
    const { certificationEligibility } = await ask<{ certificationEligibility: { eligible: boolean; kind: string | null; reasonCode: string; reason: string } }>(
      "bjstudent1",
      `{ certificationEligibility { eligible kind reasonCode reason } }`,
    );
    expect(certificationEligibility).toEqual({
      eligible: false,
      kind: "certification.school-upload",
      reasonCode: "SCHOOL_FILES",
      reason: "在校生的外省合格考成绩认定由就读学校办理，请联系学校",
    });
    const byStudent = await start("bjstudent1", HEBEI);
    expect(codeOf(byStudent)).toBe("NOT_ELIGIBLE");
    expect(byStudent.errors?.[0]?.extensions?.reasonCode).toBe("SCHOOL_FILES");

    // The school picks the student among its registered records.
    const records = await ask<{ examRecordPage: { items: Array<{ candidate: { id: string; displayName: string } | null }> } }>(
      "bjschool1",
      `{ examRecordPage(first: 50, filter: { status: REGISTERED }) { items { candidate { id displayName } } } }`,
    );
    expect(records.examRecordPage.items.map((record) => record.candidate?.displayName)).toEqual(["林转京"]);
    expect(await schoolCases()).toEqual([]);

    // Another province's school does not find the student; a candidate may not file for a school.
    const foreign = await startForSchool("school1", student);
    expect(codeOf(foreign)).toBe("CERTIFICATION_STUDENT_NOT_FOUND");
    expect(foreign.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(codeOf(await startForSchool("bjcandidate2", student))).toBe("FORBIDDEN");

    // A draft asking for the verified scan; filed, it waits for the institute.
    const started = await startForSchool("bjschool1", student);
    expect(started.errors).toBeUndefined();
    const draft = started.data!.startSchoolCertificationCase;
    expect(draft).toMatchObject({ kind: "certification.school-upload", status: "DRAFT", originProvinceCode: HEBEI, certifyingProvinceCode: "11" });
    expect(draft.requiredEvidence.map((item) => item.slot)).toEqual(["SCORE_CERTIFICATE"]);
    const caseId = draft.id;
    // Only the filing school uploads into it.
    expect(codeOf(await call("school1", `mutation($caseId: ID!) { requestCertificationEvidenceUpload(caseId: $caseId, slot: SCORE_CERTIFICATE, fileName: "a.png") { fileId } }`, { caseId }))).toBe(
      "FORBIDDEN",
    );
    expect((await upload("bjschool1", caseId, "SCORE_CERTIFICATE", "转入学生成绩证明.png", pngOfSize(80_000, 0x22))).status).toBe(200);
    const submitted = await submit("bjschool1", caseId, randomUUID());
    expect(submitted.errors).toBeUndefined();
    expect(submitted.data!.submitCertificationCase.status).toBe("PENDING_REVIEW");
    expect(await schoolCases()).toMatchObject([{ id: caseId, status: "PENDING_REVIEW", candidate: { displayName: "林转京" } }]);

    // The institute returns it: the school sees why; the student is told the school sends it again.
    const waiting = (await queue("bjreviewer1")).find((item) => item.id === caseId)!;
    expect(waiting.application).toMatchObject({ stepKey: "institute-review", canDecide: true });
    const reason = "成绩证明缺少转出学校公章，请上传盖章后的扫描件";
    expect((await decide("bjreviewer1", caseId, "RETURN", waiting.application!.version, reason)).errors).toBeUndefined();
    expect(await schoolCases()).toMatchObject([{ id: caseId, status: "RETURNED", application: { lastReason: reason } }]);
    await waitFor("the student's message about the return", async () =>
      (await inbox("bjstudent1")).find((message) => message.body.includes(reason) && message.body.includes("学校将按退回原因重新上传")),
    );

    // The school sends a better scan; the institute records the subjects and approves.
    const stamped = pngOfSize(90_000, 0x44);
    expect((await upload("bjschool1", caseId, "SCORE_CERTIFICATE", "转入学生成绩证明-盖章.png", stamped)).status).toBe(200);
    expect((await submit("bjschool1", caseId, randomUUID())).errors).toBeUndefined();
    const again = (await queue("bjreviewer1")).find((item) => item.id === caseId)!;
    expect((await download("bjreviewer1", again.requiredEvidence[0]!.file!.downloadUrl!)).equals(stamped)).toBe(true);
    expect(
      (
        await saveSubjects("bjreviewer1", caseId, [
          { subjectCode: "CHINESE", grade: "B" },
          { subjectCode: "MATHEMATICS", grade: "C" },
        ])
      ).errors,
    ).toBeUndefined();
    expect((await decide("bjreviewer1", caseId, "APPROVE", again.application!.version)).errors).toBeUndefined();

    // School and student see the result; the student holds the certificate and is told.
    expect(await schoolCases()).toMatchObject([{ id: caseId, status: "APPROVED" }]);
    const { myCertificationCases } = await ask<{ myCertificationCases: CaseView[] }>("bjstudent1", `{ myCertificationCases { ${CASE} } }`);
    const mine = myCertificationCases.find((item) => item.id === caseId)!;
    expect(mine).toMatchObject({ status: "APPROVED", certificate: { kind: "CERTIFICATION_RESULT" } });
    expect(mine.subjects.map(({ subjectCode, passed }) => `${subjectCode}:${passed}`)).toEqual(["CHINESE:true", "MATHEMATICS:true"]);
    await waitFor("the student's message with the result", async () => (await inbox("bjstudent1")).find((message) => message.title.includes("认定通过")));
    // Certified once: the school cannot file again for the student.
    const twice = await startForSchool("bjschool1", student);
    expect(codeOf(twice)).toBe("NOT_ELIGIBLE");
    expect(twice.errors?.[0]?.extensions?.reasonCode).toBe("ALREADY_CERTIFIED");
  });
});
