import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount, type VueWrapper } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { gatewayAnswersByOperation, type GatewayBody } from "@xuekao/ui/testing";
import { messages } from "../i18n";
import CertificationReviewPage from "./CertificationReviewPage.vue";

const HOUR = 3_600_000;
const iso = (offsetHours: number) => new Date(Date.now() + offsetHours * HOUR).toISOString();
/** A case that entered its 72-hour step `enteredHoursAgo` hours ago, with the step's warning at `warnAtHours`. */
const queueItem = (id: string, name: string, enteredHoursAgo: number, warnAtHours = 48) => ({
  id,
  kind: "certification.returning-candidate",
  status: "PENDING_REVIEW",
  originProvinceCode: "13",
  submittedAt: iso(-enteredHoursAgo),
  candidate: { displayName: name },
  evidence: [{ id: `f-${id}` }],
  application: { id: `a-${id}`, kindName: "返京考生成绩认定", stepName: "北京教育考试院审核认定", dueAt: iso(72 - enteredHoursAgo), warnAt: iso(warnAtHours - enteredHoursAgo), round: 1, version: 3, canDecide: true },
});
const QUEUE: GatewayBody = { data: { certificationReviewQueue: { items: [queueItem("c1", "逾期考生", 80), queueItem("c2", "预警考生", 50), queueItem("c3", "新考生", 2)], nextCursor: null } } };

const CASE = {
  id: "c2",
  kind: "certification.returning-candidate",
  status: "PENDING_REVIEW",
  originProvinceCode: "44",
  certifyingProvinceCode: "11",
  submittedAt: iso(-50),
  candidate: { displayName: "预警考生" },
  requiredEvidence: [{ slot: "SCORE_CERTIFICATE", name: "原省份成绩证明扫描件", file: { id: "f1", fileName: "scan.png", mimeType: "image/png", uploadedAt: iso(-51), downloadUrl: null } }],
  subjects: [],
  application: {
    id: "a-c2",
    kindName: "返京考生成绩认定",
    stepName: "北京教育考试院审核认定",
    dueAt: iso(22),
    round: 1,
    version: 3,
    canDecide: true,
    allowedDecisions: ["APPROVE", "RETURN", "REJECT"],
    lastReason: null,
    history: [{ id: "h1", round: 1, action: "SUBMIT", stepName: null, reason: null, occurredAt: iso(-50) }],
  },
};
const RULES: GatewayBody = {
  data: {
    certificationSourceRules: [
      {
        id: "r44",
        sourceProvinceCode: "44",
        grades: ["A", "B", "C", "D", "E"],
        passGrade: "D",
        artAsMusicAndFineArt: true,
        fullScores: [{ subjectCode: "MATHEMATICS", fullScore: 150 }],
      },
    ],
  },
};

async function mountPage() {
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
  const wrapper = mount(CertificationReviewPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}
/** Chooses an option of one of the entry table's selects. */
async function choose(wrapper: VueWrapper, testid: string, value: string) {
  await wrapper.get(`select[data-testid="${testid}"]`).setValue(value);
  await flushPromises();
}
async function openCase(wrapper: VueWrapper) {
  await wrapper.findAll('[data-testid="review-open"]')[1]!.trigger("click");
  await flushPromises();
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("certification review page", () => {
  it("lists the queue as the server orders it, marking overdue cases and those past the warning point", async () => {
    gatewayAnswersByOperation({ CertificationReviewQueue: QUEUE });
    const wrapper = await mountPage();
    const rows = wrapper.findAll(".el-table__body tr");
    expect(rows.map((row) => row.get('[data-testid="review-candidate"]').text())).toEqual(["逾期考生", "预警考生", "新考生"]);
    expect(rows[0]!.find('[data-testid="review-marker-overdue"]').text()).toBe("已超时");
    expect(rows[1]!.find('[data-testid="review-marker-warning"]').text()).toBe("即将到期");
    expect(rows[2]!.find('[data-testid^="review-marker"]').exists()).toBe(false);
  });

  it("marks the warning at the point the province configured for the step, not at a fixed share of the limit", async () => {
    // 30 h into a 72 h step: past a 24 h warning point, short of a 48 h one.
    const items = [queueItem("e1", "早提醒考生", 30, 24), queueItem("e2", "常规考生", 30, 48)];
    gatewayAnswersByOperation({ CertificationReviewQueue: { data: { certificationReviewQueue: { items, nextCursor: null } } } });
    const rows = (await mountPage()).findAll(".el-table__body tr");
    expect(rows[0]!.find('[data-testid="review-marker-warning"]').exists()).toBe(true);
    expect(rows[1]!.find('[data-testid^="review-marker"]').exists()).toBe(false);
  });

  it("shows the engine's verdict live for a grade, a score with its full score and art's two parts, and saves them", async () => {
    const sent = gatewayAnswersByOperation({
      CertificationReviewQueue: QUEUE,
      CertificationReviewCase: { data: { certificationCase: CASE } },
      CertificationReviewSourceRules: RULES,
      SaveCertificationSubjects: { data: { saveCertificationSubjects: { id: "c2", subjects: [], application: { id: "a-c2", version: 4 } } } },
    });
    const wrapper = await mountPage();
    await openCase(wrapper);
    expect(sent.find((request) => request.operation === "CertificationReviewSourceRules")?.variables).toEqual({ sourceProvinceCode: "44", certifyingProvinceCode: "11" });
    expect(wrapper.findAll('[data-testid^="subject-row-"]')).toHaveLength(13);
    expect(wrapper.get('[data-testid="review-rules"]').text()).toContain("艺术分音乐、美术两部分");

    await choose(wrapper, "grade-CHINESE", "E");
    expect(wrapper.get('[data-testid="verdict-CHINESE"]').text()).toContain("不合格");
    expect(wrapper.get('[data-testid="verdict-CHINESE"]').text()).toContain("E 低于合格等级 D，不合格");

    expect(wrapper.get('[data-testid="full-score-MATHEMATICS"]').text()).toBe("满分 150");
    await wrapper.get('input[data-testid="score-MATHEMATICS"]').setValue("96");
    expect(wrapper.get('[data-testid="verdict-MATHEMATICS"]').text()).toContain("96 分达到满分 150 的 60%（90 分），合格");

    // Art from this province: both parts, both must pass.
    expect(wrapper.find('[data-testid="art-part-MUSIC"]').exists()).toBe(true);
    await choose(wrapper, "grade-MUSIC", "B");
    expect(wrapper.get('[data-testid="verdict-ARTS"]').text()).toContain("缺少美术的成绩");
    await choose(wrapper, "grade-FINE_ART", "C");
    expect(wrapper.get('[data-testid="verdict-ARTS"]').text()).toContain("音乐、美术均合格，艺术合格");

    // A selective-exam mark is refused here (and by the server).
    await choose(wrapper, "exam-kind-CHINESE", "SELECTIVE");
    expect(wrapper.get('[data-testid="verdict-CHINESE"]').text()).toContain("选择性考试成绩不予认定");
    await wrapper.get('[data-testid="review-subjects-save"]').trigger("click");
    await flushPromises();
    expect(wrapper.get('[data-testid="review-subjects-error"]').text()).toContain("语文");
    expect(sent.some((request) => request.operation === "SaveCertificationSubjects")).toBe(false);

    await choose(wrapper, "exam-kind-CHINESE", "QUALIFICATION");
    await wrapper.get('[data-testid="review-subjects-save"]').trigger("click");
    await flushPromises();
    expect(sent.find((request) => request.operation === "SaveCertificationSubjects")?.variables).toEqual({
      caseId: "c2",
      subjects: [
        { subjectCode: "CHINESE", examKind: "QUALIFICATION", grade: "E", score: null, parts: null },
        { subjectCode: "MATHEMATICS", examKind: "QUALIFICATION", grade: null, score: "96", parts: null },
        {
          subjectCode: "ARTS",
          examKind: "QUALIFICATION",
          grade: null,
          score: null,
          parts: [
            { subjectCode: "MUSIC", grade: "B", score: null },
            { subjectCode: "FINE_ART", grade: "C", score: null },
          ],
        },
      ],
    });
  });

  it("returns a case with a reason, the version seen and one request key, and says so on a conflict", async () => {
    const sent = gatewayAnswersByOperation({
      CertificationReviewQueue: QUEUE,
      CertificationReviewCase: { data: { certificationCase: CASE } },
      CertificationReviewSourceRules: RULES,
      DecideCertificationCase: [
        { errors: [{ message: "申请已被他人处理，请刷新后查看", extensions: { code: "CONFLICT" } }] },
        { data: { decideCertificationCase: { id: "c2", status: "RETURNED", application: { status: "RETURNED", stepName: "北京教育考试院审核认定", version: 5 } } } },
      ],
    });
    const wrapper = await mountPage();
    await openCase(wrapper);
    await wrapper.get('[data-testid="review-decision-RETURN"] input').setValue(true);
    await flushPromises();
    await wrapper.get('[data-testid="review-confirm"]').trigger("click");
    await flushPromises();
    expect(wrapper.find('[data-testid="review-case"] .el-form-item.is-error').exists()).toBe(true);
    expect(sent.some((request) => request.operation === "DecideCertificationCase")).toBe(false);

    await wrapper.get('[data-testid="review-reason-suggestion"]').trigger("click");
    await wrapper.get('[data-testid="review-confirm"]').trigger("click");
    await flushPromises();
    const first = sent.find((request) => request.operation === "DecideCertificationCase")!;
    expect(first.variables).toEqual({
      input: { caseId: "c2", decision: "RETURN", reason: "请上传更清晰的扫描件", expectedVersion: 3, idempotencyKey: expect.any(String) },
    });
    expect(wrapper.get('[data-testid="review-decide-error"]').text()).toContain("该申请已被他人处理或已更新，已重新载入：申请已被他人处理，请刷新后查看");
    // The case was read again after the conflict.
    expect(sent.filter((request) => request.operation === "CertificationReviewCase")).toHaveLength(2);

    await wrapper.get('[data-testid="review-confirm"]').trigger("click");
    await flushPromises();
    expect(wrapper.get('[data-testid="review-done"]').text()).toContain("已将 预警考生 的申请退回修改");
    expect(wrapper.find('[data-testid="review-case"]').exists()).toBe(false);
  });

  it("does not let an approval through while subject entries are unsaved", async () => {
    const sent = gatewayAnswersByOperation({
      CertificationReviewQueue: QUEUE,
      CertificationReviewCase: { data: { certificationCase: CASE } },
      CertificationReviewSourceRules: RULES,
    });
    const wrapper = await mountPage();
    await openCase(wrapper);
    await choose(wrapper, "grade-PHYSICS", "A");
    await wrapper.get('[data-testid="review-decision-APPROVE"] input').setValue(true);
    await flushPromises();
    await wrapper.get('[data-testid="review-confirm"]').trigger("click");
    await flushPromises();
    expect(wrapper.get('[data-testid="review-decide-error"]').text()).toBe("请先保存各科认定结果，再作出通过的决定");
    expect(sent.some((request) => request.operation === "DecideCertificationCase")).toBe(false);
  });
});
