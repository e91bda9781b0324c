import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount, type VueWrapper } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { gatewayAnswersByOperation, type GatewayBody } from "@xuekao/ui/testing";
import { messages } from "../i18n";
import CertificationPage from "./CertificationPage.vue";

const WINDOW = {
  id: "w1",
  name: "2026年返京成绩认定",
  opensAt: "2026-06-01T00:00:00Z",
  closesAt: "2026-06-30T16:00:00Z",
  viewableUntil: "2026-09-30T16:00:00Z",
  open: true,
};
const SLOT = { slot: "SCORE_CERTIFICATE", name: "原省份成绩证明扫描件", maxBytes: 1_048_576, allowedTypes: ["image/jpeg", "image/png"], file: null };
const CASE = {
  id: "case-1",
  kind: "certification.returning-candidate",
  status: "DRAFT",
  originProvinceCode: "13",
  certifyingProvinceCode: "11",
  createdAt: "2026-06-02T02:00:00Z",
  submittedAt: null,
  closedAt: null,
  resultViewableUntil: null,
  requiredEvidence: [SLOT],
  subjects: [],
  certificate: null,
  application: null,
};

const eligibility = (overrides: Record<string, unknown> = {}) => ({ eligible: true, kind: "certification.returning-candidate", reasonCode: null, reason: null, window: WINDOW, ...overrides });
const answer = (cases: unknown[] | null, overrides: Record<string, unknown> = {}, errors?: GatewayBody["errors"]): GatewayBody => ({
  data: { certificationEligibility: eligibility(overrides), myCertificationCases: cases },
  ...(errors ? { errors } : {}),
});

async function mountPage() {
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
  const wrapper = mount(CertificationPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

/** Picks `file` in the slot's file input, as the browser's dialog would. */
async function choose(wrapper: VueWrapper, file: File) {
  const input = wrapper.get('[data-testid="evidence-file-input"]');
  Object.defineProperty(input.element, "files", { value: [file], configurable: true });
  await input.trigger("change");
  await flushPromises();
}
const fileOf = (head: number[], size: number, name: string, type: string) => {
  const bytes = new Uint8Array(size);
  bytes.set(head);
  return new File([bytes], name, { type });
};
const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0];
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("candidate certification page", () => {
  it("shows why the candidate may not apply, with the window in Beijing time, and offers no start", async () => {
    gatewayAnswersByOperation({
      CandidateCertification: answer([], { eligible: false, reasonCode: "SAT_EXAM_HERE", reason: "您已在本市参加过合格性考试，不能申请成绩认定" }),
    });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="cert-eligibility-refused"]').text()).toContain("您已在本市参加过合格性考试，不能申请成绩认定");
    expect(wrapper.get('[data-testid="cert-start-button"]').attributes()).toHaveProperty("disabled");
    // 2026-06-30T16:00Z is midnight of 1 July in Beijing.
    expect(wrapper.get('[data-testid="cert-window"]').text()).toContain("停止受理2026年7月1日 00:00");
    expect(wrapper.get('[data-testid="cert-window-state"]').text()).toBe("正在受理");
  });

  it("says the service has closed when the server answers the cases so", async () => {
    gatewayAnswersByOperation({
      CandidateCertification: answer(null, { eligible: false, reason: "不在办理时间内" }, [
        { message: "成绩认定结果查看已截止，服务已关闭", path: ["myCertificationCases"], extensions: { code: "CERTIFICATION_SERVICE_CLOSED" } },
      ]),
    });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="cert-service-closed"]').text()).toContain("成绩认定结果查看已截止，服务已关闭");
    expect(wrapper.find('[data-testid="cert-start"]').exists()).toBe(false);
    expect(wrapper.text()).not.toContain("部分信息暂时无法显示");
  });

  it("starts a case for the chosen origin province", async () => {
    const sent = gatewayAnswersByOperation({
      // The first answer, the answer for the chosen origin, and after the start.
      CandidateCertification: [answer([]), answer([]), answer([CASE])],
      CandidateStartCertificationCase: { data: { startCertificationCase: { id: "case-1", status: "DRAFT" } } },
    });
    const wrapper = await mountPage();
    await wrapper.get("form").trigger("submit");
    await flushPromises();
    // Element Plus shows the item's error after its transition; the item is marked at once.
    expect(wrapper.find('[data-testid="cert-start"] .el-form-item.is-error').exists()).toBe(true);
    expect(sent.map((request) => request.operation)).toEqual(["CandidateCertification"]);

    (wrapper.findComponent({ name: "ElSelect" }).vm as unknown as { $emit: (event: string, value: string) => void }).$emit("update:modelValue", "13");
    await flushPromises();
    // Eligibility is asked again for the chosen province.
    expect(sent[1]).toEqual({ operation: "CandidateCertification", variables: { originProvinceCode: "13" } });
    await wrapper.get("form").trigger("submit");
    await flushPromises();
    expect(sent.find((request) => request.operation === "CandidateStartCertificationCase")?.variables).toEqual({ originProvinceCode: "13" });
    expect(wrapper.get('[data-testid="cert-status"]').text()).toBe("待提交");
    expect(wrapper.get('[data-testid="cert-origin"]').text()).toBe("河北省");
  });

  it("corrects a draft's province: the same one is refused before sending, another is sent and shown", async () => {
    const sent = gatewayAnswersByOperation({
      CandidateCertification: [answer([CASE]), answer([{ ...CASE, originProvinceCode: "41" }])],
      CandidateStartCertificationCase: { data: { startCertificationCase: { id: "case-1", status: "DRAFT" } } },
    });
    const wrapper = await mountPage();
    const pick = (code: string) =>
      (
        wrapper.findAllComponents({ name: "ElSelect" }).find((select) => select.attributes("data-testid") === "cert-origin-change-select")!.vm as unknown as {
          $emit: (event: string, value: string) => void;
        }
      ).$emit("update:modelValue", code);
    pick("13");
    await flushPromises();
    await wrapper.get(".origin-change").trigger("submit");
    await flushPromises();
    expect(wrapper.find(".origin-change .el-form-item.is-error").exists()).toBe(true);
    expect(sent.some((request) => request.operation === "CandidateStartCertificationCase")).toBe(false);

    pick("41");
    await flushPromises();
    await wrapper.get(".origin-change").trigger("submit");
    await flushPromises();
    expect(sent.find((request) => request.operation === "CandidateStartCertificationCase")?.variables).toEqual({ originProvinceCode: "41" });
    expect(wrapper.get('[data-testid="cert-origin"]').text()).toBe("河南省");
    expect(wrapper.get('[data-testid="cert-origin-changed"]').text()).toBe("已将成绩来源省份改为河南省");
  });

  it("offers no change of province once the case was submitted", async () => {
    gatewayAnswersByOperation({ CandidateCertification: answer([{ ...CASE, status: "RETURNED", submittedAt: "2026-06-02T03:00:00Z" }]) });
    const wrapper = await mountPage();
    expect(wrapper.find('[data-testid="cert-origin-change"]').exists()).toBe(false);
  });

  it("refuses a 2 MB scan and a PDF named .jpg before anything is sent, then uploads a PNG and submits with one request key", async () => {
    const uploaded = { ...CASE, requiredEvidence: [{ ...SLOT, file: { id: "f1", fileName: "成绩证明.png", uploadedAt: "2026-06-02T03:00:00Z", mimeType: "image/png", downloadUrl: null } }] };
    const sent = gatewayAnswersByOperation({
      CandidateCertification: [answer([CASE]), answer([uploaded])],
      CandidateRequestCertificationEvidenceUpload: {
        data: { requestCertificationEvidenceUpload: { fileId: "f1", uploadUrl: "/files/certification/upload/f1?sig=x", maxBytes: 1_048_576, allowedTypes: ["image/jpeg", "image/png"] } },
      },
      CandidateSubmitCertificationCase: [
        { errors: [{ message: "fetch failed", extensions: { code: "NETWORK_ERROR" } }] },
        { data: { submitCertificationCase: { id: "case-1", status: "PENDING_REVIEW" } } },
      ],
    });
    const wrapper = await mountPage();

    await choose(wrapper, fileOf(JPEG_HEAD, 2 * 1024 * 1024, "成绩证明.jpg", "image/jpeg"));
    expect(wrapper.get('[data-testid="evidence-error"]').text()).toBe("文件过大（2 MB），不能超过 1 MB，请压缩后重新选择");
    await choose(wrapper, fileOf([...new TextEncoder().encode("%PDF-1.7")], 4000, "成绩证明.jpg", "image/jpeg"));
    expect(wrapper.get('[data-testid="evidence-error"]').text()).toBe("仅支持 JPG、PNG 格式的图片，所选文件实际为 PDF 格式");
    expect(sent.map((request) => request.operation)).toEqual(["CandidateCertification"]);

    // Submitting with the slot empty is stopped here, naming the slot.
    await wrapper.get('[data-testid="cert-submit"]').trigger("click");
    await flushPromises();
    expect(wrapper.get('[data-testid="cert-submit-error"]').text()).toContain("请先上传：原省份成绩证明扫描件");

    // The upload link answers the platform's file shape (the stub answers every request; this one is a PUT).
    const put = vi.fn();
    const graphql = globalThis.fetch as unknown as (url: string, init: RequestInit) => Promise<Response>;
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => {
      if (init.method === "PUT") {
        put(url, init.body);
        return new Response(JSON.stringify({ file: { id: "f1", size: 2048, mimeType: "image/png" } }), { status: 200 });
      }
      return graphql(url, init);
    });
    globalThis.URL.createObjectURL = vi.fn(() => "blob:preview");
    globalThis.URL.revokeObjectURL = vi.fn();
    await choose(wrapper, fileOf(PNG_HEAD, 2048, "成绩证明.png", "image/png"));
    expect(sent.find((request) => request.operation === "CandidateRequestCertificationEvidenceUpload")?.variables).toEqual({
      caseId: "case-1",
      slot: "SCORE_CERTIFICATE",
      fileName: "成绩证明.png",
    });
    expect(put).toHaveBeenCalledWith("/files/certification/upload/f1?sig=x", expect.any(File));
    expect(wrapper.get('[data-testid="evidence-preview"]').attributes("alt")).toContain("原省份成绩证明扫描件");
    expect(wrapper.get('[data-testid="evidence-current"]').text()).toContain("成绩证明.png");

    // The first submission gets no answer; the retry is the same submission (same key).
    await wrapper.get('[data-testid="cert-submit"]').trigger("click");
    await flushPromises();
    expect(wrapper.get('[data-testid="cert-submit-error"]').text()).toBe("操作未完成，请检查网络后重试");
    await wrapper.get('[data-testid="cert-submit"]').trigger("click");
    await flushPromises();
    const submissions = sent.filter((request) => request.operation === "CandidateSubmitCertificationCase");
    expect(submissions).toHaveLength(2);
    expect(submissions[0]!.variables.idempotencyKey).toBeTruthy();
    expect(submissions[1]!.variables.idempotencyKey).toBe(submissions[0]!.variables.idempotencyKey);
    expect(wrapper.get('[data-testid="cert-submitted"]').text()).toContain("已提交");
  });

  it("shows the server's refusal of a scan in its words", async () => {
    gatewayAnswersByOperation({
      CandidateCertification: answer([{ ...CASE, status: "RETURNED", application: { id: "a1", kindName: "返京考生成绩认定", status: "RETURNED", stepName: "北京教育考试院审核认定", round: 1, lastReason: "请上传更清晰的扫描件", history: [] } }]),
      CandidateRequestCertificationEvidenceUpload: { errors: [{ message: "申请已提交审核，不能更换材料", extensions: { code: "CERTIFICATION_CASE_LOCKED" } }] },
    });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="cert-returned-reason"]').text()).toContain("请上传更清晰的扫描件");
    await choose(wrapper, fileOf(PNG_HEAD, 100, "scan.png", "image/png"));
    expect(wrapper.get('[data-testid="evidence-error"]').text()).toBe("申请已提交审核，不能更换材料");
  });

  it("shows the result per subject, art's two parts, the history and the certificate's verification code", async () => {
    const approved = {
      ...CASE,
      status: "APPROVED",
      submittedAt: "2026-06-02T04:00:00Z",
      closedAt: "2026-06-03T04:00:00Z",
      resultViewableUntil: WINDOW.viewableUntil,
      requiredEvidence: [],
      subjects: [
        { subjectCode: "MATHEMATICS", subjectName: "数学", grade: null, score: "96", fullScore: 150, passed: true, explanation: "96 分达到满分 150 的 60%（90 分），合格", parts: [] },
        {
          subjectCode: "ARTS",
          subjectName: "艺术",
          grade: null,
          score: null,
          fullScore: null,
          passed: true,
          explanation: "音乐、美术均合格，艺术合格",
          parts: [
            { subjectCode: "MUSIC", subjectName: "音乐", grade: "B", score: null, fullScore: null, passed: true, explanation: "B 不低于合格等级 C，合格" },
            { subjectCode: "FINE_ART", subjectName: "美术", grade: "C", score: null, fullScore: null, passed: true, explanation: "C 不低于合格等级 C，合格" },
          ],
        },
      ],
      certificate: { code: "7K3QD-XM2PA", issuedAt: "2026-06-03T04:00:00Z", revokedAt: null, downloadUrl: "/files/certification/download/c1?sig=y" },
      application: {
        id: "a1",
        kindName: "返京考生成绩认定",
        status: "APPROVED",
        stepName: "北京教育考试院审核认定",
        round: 1,
        lastReason: null,
        history: [
          { id: "h1", round: 1, action: "SUBMIT", stepName: null, reason: null, occurredAt: "2026-06-02T04:00:00Z" },
          { id: "h2", round: 1, action: "APPROVE", stepName: "北京教育考试院审核认定", reason: null, occurredAt: "2026-06-03T04:00:00Z" },
        ],
      },
    };
    gatewayAnswersByOperation({ CandidateCertification: answer([approved], { eligible: false, reasonCode: "ALREADY_CERTIFIED", reason: "已认定" }) });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="cert-result"]').text()).toBe("认定通过");
    expect(wrapper.get('[data-testid="cert-subject-MATHEMATICS"]').text()).toContain("96 分（满分 150）");
    const art = wrapper.get('[data-testid="cert-subject-ARTS"]').text();
    expect(art).toContain("音乐：等级 B（合格）");
    expect(art).toContain("美术：等级 C（合格）");
    expect(wrapper.get('[data-testid="cert-verification-code"]').text()).toBe("7K3QD-XM2PA");
    expect(wrapper.get('[data-testid="cert-verify-link"]').attributes("href")).toBe("/verify/7K3QD-XM2PA");
    expect(wrapper.find('[data-testid="cert-download"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="cert-history"]').text()).toContain("审核通过（北京教育考试院审核认定）");
    // An approved candidate is not offered another case.
    expect(wrapper.find('[data-testid="cert-start"]').exists()).toBe(false);
  });
});
