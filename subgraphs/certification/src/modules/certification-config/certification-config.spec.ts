import { DEMO_PASSWORD, demoUserId } from "@xuekao/demo-data";
import { identitySubgraph } from "@xuekao/identity";
import { recognizeSubject } from "@xuekao/rules";
import { AuditEntry, FakeClock, JWKS_PATH } from "@xuekao/subgraph-kit";
import { signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { certificationSubgraph } from "../../subgraph.js";
import { CertificationSourceRules, CertificationWindow } from "./certification-config.entity.js";
import { CertificationConfigService } from "./certification-config.service.js";
import { DEMO_WINDOW_NAME } from "./certification-config.seeds.js";

const drivers = await testDrivers();

const KIND = "certification.returning-candidate";
const WINDOW_FIELDS = "id provinceCode kind name opensAt closesAt viewableUntil open";
const WINDOWS = `query($provinceCode: String) { certificationWindows(provinceCode: $provinceCode) { ${WINDOW_FIELDS} } }`;
const SAVE_WINDOW = `mutation($input: SaveCertificationWindowInput!) { saveCertificationWindow(input: $input) { ${WINDOW_FIELDS} } }`;
const RULES_FIELDS = "id certifyingProvinceCode sourceProvinceCode grades passGrade fullScores { subjectCode fullScore } artAsMusicAndFineArt updatedAt";
const RULES = `query($certifying: String!, $source: String) { certificationSourceRules(certifyingProvinceCode: $certifying, sourceProvinceCode: $source) { ${RULES_FIELDS} } }`;
const SAVE_RULES = `mutation($input: SaveCertificationSourceRulesInput!) { saveCertificationSourceRules(input: $input) { ${RULES_FIELDS} } }`;

interface Window {
  id: string;
  provinceCode: string;
  kind: string;
  name: string;
  opensAt: string;
  closesAt: string;
  viewableUntil: string;
  open: boolean;
}

/** The clock starts inside the test window below, in the autumn of 2026. */
const START = "2026-10-20T02:00:00Z";

describe.each(drivers)("certification config on %s", (driver) => {
  let subgraph: TestSubgraph;
  let identity: TestSubgraph;
  const clock = new FakeClock(START);
  const as = signedInAs(() => identity.url, DEMO_PASSWORD);
  const config = new CertificationConfigService();
  const em = () => subgraph.service.orm.em.fork();

  beforeAll(async () => {
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true });
    subgraph = await startTestSubgraph(certificationSubgraph, driver, {
      seedDemo: true,
      clock,
      jwksUrl: identity.url.replace(/\/graphql$/, JWKS_PATH),
    });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await identity?.stop();
  });

  const windowInput = (overrides: Record<string, unknown> = {}) => ({
    provinceCode: "15",
    kind: KIND,
    name: "测试认定窗口",
    opensAt: "2026-11-01T00:00:00.000Z",
    closesAt: "2026-11-10T04:00:00.000Z",
    viewableUntil: "2026-11-13T04:00:00.000Z",
    ...overrides,
  });
  const saveWindow = async (username: string, input: Record<string, unknown>) =>
    subgraph.graphql<{ saveCertificationWindow: Window }>(SAVE_WINDOW, { input }, await as(username));

  /** Expects a refusal with `code`, a Chinese message, and nothing stored. */
  const expectRefused = async (result: { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> }, code: string, count: () => Promise<number>, before: number) => {
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe(code);
    expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
    expect(await count()).toBe(before);
  };
  const windowCount = () => em().count(CertificationWindow, {});
  const rulesCount = () => em().count(CertificationSourceRules, {});

  describe("seeded configuration", () => {
    it("has Beijing's 2023 window exactly as the BJEEA notice gives it (Beijing time)", async () => {
      const result = await subgraph.graphql<{ certificationWindows: Window[] }>(WINDOWS, { provinceCode: "11" }, await as("bjcandidate1"));
      expect(result.errors).toBeUndefined();
      expect(result.data!.certificationWindows.find((window) => window.name === "2023年返京成绩认定")).toEqual({
        id: expect.any(String),
        provinceCode: "11",
        kind: KIND,
        name: "2023年返京成绩认定",
        opensAt: "2022-10-26T02:00:00.000Z", // 2022-10-26 10:00 Beijing time
        closesAt: "2022-11-04T04:00:00.000Z", // 2022-11-04 12:00
        viewableUntil: "2022-11-07T04:00:00.000Z", // 2022-11-07 12:00
        open: false,
      });
    });

    it("has the demo window open around the first start, relative to it, once", async () => {
      await certificationSubgraph.seedDemo!(subgraph.service.systemContext());
      const demo = await em().find(CertificationWindow, { name: DEMO_WINDOW_NAME });
      expect(demo).toHaveLength(1);
      expect(demo[0]).toMatchObject({
        provinceCode: "11",
        kind: KIND,
        opensAt: new Date("2026-10-19T02:00:00Z"),
        closesAt: new Date("2026-10-29T02:00:00Z"),
        viewableUntil: new Date("2026-11-03T02:00:00Z"),
      });
    });

    it("has Beijing's and Inner Mongolia's rules for the source provinces, readable by a candidate", async () => {
      const result = await subgraph.graphql<{ certificationSourceRules: Array<{ sourceProvinceCode: string; grades: string[] | null; passGrade: string | null; fullScores: Array<{ subjectCode: string; fullScore: number }>; artAsMusicAndFineArt: boolean }> }>(
        RULES,
        { certifying: "11" },
        await as("bjcandidate1"),
      );
      expect(result.errors).toBeUndefined();
      const bySource = new Map(result.data!.certificationSourceRules.map((rules) => [rules.sourceProvinceCode, rules]));
      expect([...bySource.keys()]).toEqual(["13", "14", "15", "37", "41"]);
      expect(bySource.get("13")).toMatchObject({ grades: ["A", "B", "C", "D"], passGrade: "C", fullScores: [], artAsMusicAndFineArt: false });
      expect(bySource.get("37")).toMatchObject({ grades: ["合格", "不合格"], passGrade: "合格" });
      expect(bySource.get("14")).toMatchObject({ grades: ["优秀", "良好", "合格", "不合格"], passGrade: "合格" });
      const henan = bySource.get("41")!;
      expect(henan).toMatchObject({ grades: null, passGrade: null, artAsMusicAndFineArt: true });
      expect(henan.fullScores).toContainEqual({ subjectCode: "MATHEMATICS", fullScore: 150 });
      expect(henan.fullScores).toContainEqual({ subjectCode: "PHYSICS", fullScore: 100 });
      expect(henan.fullScores).toContainEqual({ subjectCode: "MUSIC", fullScore: 100 });
      expect(bySource.get("15")).toMatchObject({ grades: ["合格", "不合格"], passGrade: "合格" });

      const inner = await subgraph.graphql<{ certificationSourceRules: Array<{ sourceProvinceCode: string }> }>(RULES, { certifying: "15", source: "13" }, await as("social1"));
      expect(inner.data!.certificationSourceRules.map((rules) => rules.sourceProvinceCode)).toEqual(["13"]);
    });

    it("gives the case module the rules the recognition applies", async () => {
      const henan = await config.sourceRules(subgraph.service.systemContext(), "11", "41");
      expect(recognizeSubject(henan!, "MATHEMATICS", { mark: { score: "89.99" } })).toMatchObject({ ok: true, passed: false });
      expect(recognizeSubject(henan!, "MATHEMATICS", { mark: { score: "90" } })).toMatchObject({ ok: true, passed: true });
      expect(await config.sourceRules(subgraph.service.systemContext(), "11", "65")).toBeNull();
    });

    it("refuses anonymity", async () => {
      const result = await subgraph.graphql(WINDOWS, { provinceCode: "11" });
      expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });
  });

  describe("windows", () => {
    let window: Window;

    it("the province institute creates its province's window, audited", async () => {
      const result = await saveWindow("region1", windowInput());
      expect(result.errors).toBeUndefined();
      window = result.data!.saveCertificationWindow;
      expect(window).toMatchObject({ provinceCode: "15", name: "测试认定窗口", opensAt: "2026-11-01T00:00:00.000Z", open: false });
      const audit = await em().findOneOrFail(AuditEntry, { action: "certification-window.created", subjectId: window.id });
      expect(audit).toMatchObject({ actorId: demoUserId("region1"), subjectType: "CertificationWindow" });
      expect(JSON.parse(audit.after!)).toMatchObject({ name: "测试认定窗口", closesAt: "2026-11-10T04:00:00.000Z" });
    });

    it("is open from its opening instant up to, not at, its closing instant", async () => {
      const ctx = () => subgraph.service.systemContext();
      const at = (instant: string, deltaMs = 0) => new Date(new Date(instant).getTime() + deltaMs);
      const opensAt = "2026-11-01T00:00:00.000Z";
      const closesAt = "2026-11-10T04:00:00.000Z";
      expect(await config.openWindow(ctx(), "15", KIND, at(opensAt, -1))).toBeNull();
      expect((await config.openWindow(ctx(), "15", KIND, at(opensAt)))?.id).toBe(window.id);
      expect((await config.openWindow(ctx(), "15", KIND, at(closesAt, -1)))?.id).toBe(window.id);
      expect(await config.openWindow(ctx(), "15", KIND, at(closesAt))).toBeNull();
      expect(await config.latestWindow(ctx(), "15", KIND, at(opensAt, -1))).toBeNull();
      expect((await config.latestWindow(ctx(), "15", KIND, at(closesAt)))?.id).toBe(window.id);

      // The same edges as a person sees them, by the subgraph's clock.
      const openNow = async (instant: Date) => {
        clock.set(instant);
        const result = await subgraph.graphql<{ certificationWindows: Window[] }>(WINDOWS, { provinceCode: "15" }, await as("social1"));
        return result.data!.certificationWindows.find((item) => item.id === window.id)!.open;
      };
      try {
        expect(await openNow(at(opensAt, -1))).toBe(false);
        expect(await openNow(at(opensAt))).toBe(true);
        expect(await openNow(at(closesAt, -1))).toBe(true);
        expect(await openNow(at(closesAt))).toBe(false);
      } finally {
        clock.set(START);
      }
    });

    it("the institute changes it; the change is audited with what it was", async () => {
      const result = await saveWindow("region1", windowInput({ id: window.id, closesAt: "2026-11-11T04:00:00.000Z" }));
      expect(result.errors).toBeUndefined();
      expect(result.data!.saveCertificationWindow).toMatchObject({ id: window.id, closesAt: "2026-11-11T04:00:00.000Z" });
      const audit = await em().findOneOrFail(AuditEntry, { action: "certification-window.changed", subjectId: window.id });
      expect(JSON.parse(audit.before!)).toMatchObject({ closesAt: "2026-11-10T04:00:00.000Z" });
      expect(JSON.parse(audit.after!)).toMatchObject({ closesAt: "2026-11-11T04:00:00.000Z" });
    });

    it.each([
      ["closing at the opening instant", { closesAt: "2026-11-01T00:00:00.000Z" }, "CERTIFICATION_WINDOW_CLOSES_BEFORE_OPENING"],
      ["closing before opening", { closesAt: "2026-10-31T00:00:00.000Z" }, "CERTIFICATION_WINDOW_CLOSES_BEFORE_OPENING"],
      ["results viewable before closing", { viewableUntil: "2026-11-10T03:59:59.999Z" }, "CERTIFICATION_WINDOW_VIEWABLE_BEFORE_CLOSING"],
      ["a kind filed at any time", { kind: "certification.transfer-in" }, "CERTIFICATION_WINDOW_KIND_INVALID"],
      ["a one-character name", { name: "窗" }, "CERTIFICATION_WINDOW_NAME_INVALID"],
      ["an invalid province", { provinceCode: "99" }, "CERTIFICATION_CONFIG_PROVINCE_INVALID"],
      ["a taken name", { name: "测试认定窗口" }, "CERTIFICATION_WINDOW_NAME_TAKEN"],
      ["another province's window id", { id: "00000000-0000-4000-8000-000000000000" }, "CERTIFICATION_WINDOW_NOT_FOUND"],
    ])("refuses %s", async (_name, overrides, code) => {
      const before = await windowCount();
      await expectRefused(await saveWindow("region1", windowInput({ name: "另一个窗口", ...overrides })), code, windowCount, before);
    });

    it("a window ending where its results stop being viewable is accepted", async () => {
      const result = await saveWindow("region1", windowInput({ name: "同时截止", viewableUntil: "2026-11-10T04:00:00.000Z" }));
      expect(result.errors).toBeUndefined();
    });

    it("refuses another province's institute, a reviewer and a candidate", async () => {
      const before = await windowCount();
      await expectRefused(await saveWindow("region1", windowInput({ provinceCode: "11", name: "北京的窗口" })), "FORBIDDEN", windowCount, before);
      await expectRefused(await saveWindow("bjreviewer1", windowInput({ provinceCode: "11", name: "北京的窗口" })), "FORBIDDEN", windowCount, before);
      await expectRefused(await saveWindow("bjcandidate1", windowInput({ provinceCode: "11", name: "北京的窗口" })), "FORBIDDEN", windowCount, before);
      await expectRefused(await subgraph.graphql(SAVE_WINDOW, { input: windowInput() }), "UNAUTHENTICATED", windowCount, before);
    });
  });

  describe("source rules", () => {
    const rulesInput = (overrides: Record<string, unknown> = {}) => ({
      certifyingProvinceCode: "15",
      sourceProvinceCode: "44",
      grades: ["A", "B", "C", "D", "E"],
      passGrade: "D",
      fullScores: [{ subjectCode: "PHYSICS", fullScore: 100 }],
      artAsMusicAndFineArt: false,
      ...overrides,
    });
    const saveRules = async (username: string, input: Record<string, unknown>) =>
      subgraph.graphql<{ saveCertificationSourceRules: { id: string; grades: string[] | null; passGrade: string | null; fullScores: unknown[] } }>(SAVE_RULES, { input }, await as(username));

    it("the institute saves a source province's rules and replaces them later, each save audited", async () => {
      const first = await saveRules("region1", rulesInput());
      expect(first.errors).toBeUndefined();
      const id = first.data!.saveCertificationSourceRules.id;
      expect(first.data!.saveCertificationSourceRules).toMatchObject({ grades: ["A", "B", "C", "D", "E"], passGrade: "D", fullScores: [{ subjectCode: "PHYSICS", fullScore: 100 }] });
      const before = await rulesCount();
      const second = await saveRules("region1", rulesInput({ grades: null, passGrade: null, fullScores: [{ subjectCode: "MATHEMATICS", fullScore: 150 }, { subjectCode: "MUSIC", fullScore: 50.5 }], artAsMusicAndFineArt: true }));
      expect(second.errors).toBeUndefined();
      expect(second.data!.saveCertificationSourceRules).toMatchObject({ id, grades: null, passGrade: null });
      expect(await rulesCount()).toBe(before);
      const audits = await em().find(AuditEntry, { subjectType: "CertificationSourceRules", subjectId: id }, { orderBy: { seq: "asc" } });
      expect(audits.map((audit) => audit.action)).toEqual(["certification-source-rules.created", "certification-source-rules.changed"]);
      expect(JSON.parse(audits[1]!.before!)).toMatchObject({ grades: ["A", "B", "C", "D", "E"] });
      expect(JSON.parse(audits[1]!.after!)).toMatchObject({ grades: null, fullScores: { MATHEMATICS: 150, MUSIC: 50.5 }, artAsMusicAndFineArt: true });
      expect(await config.sourceRules(subgraph.service.systemContext(), "15", "44")).toEqual({
        sourceProvinceCode: "44",
        grades: null,
        passGrade: null,
        fullScores: { MATHEMATICS: 150, MUSIC: 50.5 },
        artAsMusicAndFineArt: true,
      });
    });

    it.each([
      ["no grades in a scale", { grades: [] }, "CERTIFICATION_GRADES_INVALID"],
      ["a repeated grade", { grades: ["A", "B", "A"] }, "CERTIFICATION_GRADES_INVALID"],
      ["a blank grade", { grades: ["A", " "] }, "CERTIFICATION_GRADES_INVALID"],
      ["a pass grade outside the scale", { passGrade: "F" }, "CERTIFICATION_PASS_GRADE_INVALID"],
      ["a scale without its pass grade", { passGrade: null }, "CERTIFICATION_PASS_GRADE_INVALID"],
      ["a pass grade without a scale", { grades: null }, "CERTIFICATION_PASS_GRADE_INVALID"],
      ["a zero full score", { fullScores: [{ subjectCode: "PHYSICS", fullScore: 0 }] }, "CERTIFICATION_FULL_SCORE_INVALID"],
      ["a negative full score", { fullScores: [{ subjectCode: "PHYSICS", fullScore: -100 }] }, "CERTIFICATION_FULL_SCORE_INVALID"],
      ["a full score above 1000", { fullScores: [{ subjectCode: "PHYSICS", fullScore: 1000.5 }] }, "CERTIFICATION_FULL_SCORE_INVALID"],
      ["a full score with three decimals", { fullScores: [{ subjectCode: "PHYSICS", fullScore: 99.125 }] }, "CERTIFICATION_FULL_SCORE_INVALID"],
      ["a subject twice", { fullScores: [{ subjectCode: "PHYSICS", fullScore: 100 }, { subjectCode: "PHYSICS", fullScore: 150 }] }, "CERTIFICATION_FULL_SCORE_INVALID"],
      ["an unknown subject", { fullScores: [{ subjectCode: "ASTROLOGY", fullScore: 100 }] }, "CERTIFICATION_SUBJECT_UNKNOWN"],
      ["neither grades nor full scores", { grades: null, passGrade: null, fullScores: [] }, "CERTIFICATION_RULES_EMPTY"],
      ["the certifying province as source", { sourceProvinceCode: "15" }, "CERTIFICATION_SOURCE_PROVINCE_INVALID"],
      ["an invalid source province", { sourceProvinceCode: "00" }, "CERTIFICATION_SOURCE_PROVINCE_INVALID"],
      ["an invalid certifying province", { certifyingProvinceCode: "1" }, "CERTIFICATION_CONFIG_PROVINCE_INVALID"],
    ])("refuses %s", async (_name, overrides, code) => {
      const before = await rulesCount();
      await expectRefused(await saveRules("region1", rulesInput({ sourceProvinceCode: "45", ...overrides })), code, rulesCount, before);
    });

    it("refuses another province's institute and a candidate", async () => {
      const before = await rulesCount();
      await expectRefused(await saveRules("region1", rulesInput({ certifyingProvinceCode: "11" })), "FORBIDDEN", rulesCount, before);
      await expectRefused(await saveRules("social1", rulesInput()), "FORBIDDEN", rulesCount, before);
    });
  });
});
