import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount, type VueWrapper } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { gatewayAnswersByOperation } from "@xuekao/ui/testing";
import { messages } from "../i18n";
import SchoolCertificationPage from "./SchoolCertificationPage.vue";

const SLOT = { slot: "SCORE_CERTIFICATE", name: "原省份成绩证明扫描件（学校核验）", maxBytes: 1_048_576, allowedTypes: ["image/jpeg", "image/png"], file: null };
const DRAFT = {
  id: "case-9",
  status: "DRAFT",
  originProvinceCode: "13",
  createdAt: "2026-06-02T02:00:00Z",
  submittedAt: null,
  candidate: { id: "u7", displayName: "李转入" },
  requiredEvidence: [SLOT],
  application: null,
};
const PENDING = { ...DRAFT, id: "case-8", status: "PENDING_REVIEW", submittedAt: "2026-06-01T02:00:00Z", candidate: { id: "u8", displayName: "王同学" }, application: { id: "a8", status: "IN_PROGRESS", stepName: "北京教育考试院审核认定", lastReason: null } };
const STUDENTS = {
  data: {
    examRecordPage: {
      items: [
        { id: "r1", recordNumber: "110108202601", candidate: { id: "u7", displayName: "李转入" } },
        { id: "r2", recordNumber: "110108202602", candidate: { id: "u9", displayName: "赵同学" } },
      ],
      nextCursor: null,
    },
  },
};
const page = (items: unknown[], nextCursor: string | null = null) => ({ data: { schoolCertificationCases: { items, nextCursor } } });

async function mountPage() {
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
  const wrapper = mount(SchoolCertificationPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}
const pick = async (wrapper: VueWrapper, testid: string, value: string) => {
  const select = wrapper.findAllComponents({ name: "ElSelect" }).find((component) => component.attributes("data-testid") === testid || component.find(`[data-testid="${testid}"]`).exists());
  (select!.vm as unknown as { $emit: (event: string, value: string) => void }).$emit("update:modelValue", value);
  await flushPromises();
};

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("school certification page", () => {
  it("lists the school's cases a page at a time and starts a case for a student of its records", async () => {
    const sent = gatewayAnswersByOperation({
      SchoolCertificationCases: [page([PENDING], "c1"), page([DRAFT]), page([DRAFT, PENDING])],
      SchoolCertificationStudents: STUDENTS,
      SchoolStartCertificationCase: { data: { startSchoolCertificationCase: { id: "case-9", status: "DRAFT" } } },
    });
    const wrapper = await mountPage();
    expect(sent.find((request) => request.operation === "SchoolCertificationCases")?.variables).toEqual({ first: 20, after: null });
    expect(sent.find((request) => request.operation === "SchoolCertificationStudents")?.variables).toEqual({ first: 200, after: null });
    expect(wrapper.get('[data-testid="school-cert-table"]').text()).toContain("王同学");
    expect(wrapper.get('[data-testid="school-cert-table"]').text()).toContain("审核中");

    await wrapper.get('[data-testid="school-cert-more"]').trigger("click");
    await flushPromises();
    expect(sent.filter((request) => request.operation === "SchoolCertificationCases").at(-1)?.variables).toEqual({ first: 20, after: "c1" });
    expect(wrapper.findAll('[data-testid="school-cert-candidate"]').map((cell) => cell.text())).toEqual(["王同学", "李转入"]);

    await wrapper.get("form").trigger("submit");
    await flushPromises();
    expect(sent.some((request) => request.operation === "SchoolStartCertificationCase")).toBe(false);

    await pick(wrapper, "school-cert-student", "u7");
    await pick(wrapper, "school-cert-origin", "13");
    await wrapper.get("form").trigger("submit");
    await flushPromises();
    expect(sent.find((request) => request.operation === "SchoolStartCertificationCase")?.variables).toEqual({ candidateId: "u7", originProvinceCode: "13" });
    expect(wrapper.get('[data-testid="school-cert-notice"]').text()).toContain("已新建申请");
    // The new case opens for its scan.
    expect(wrapper.get('[data-testid="school-cert-case"]').text()).toContain("李转入 的认定申请");
  });

  it("refuses a PDF named .jpg and a 2 MB scan before asking for an upload link", async () => {
    const sent = gatewayAnswersByOperation({ SchoolCertificationCases: page([DRAFT]), SchoolCertificationStudents: STUDENTS });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="school-cert-open"]').trigger("click");
    await flushPromises();
    const input = wrapper.get('[data-testid="evidence-file-input"]');
    const choose = async (file: File) => {
      Object.defineProperty(input.element, "files", { value: [file], configurable: true });
      await input.trigger("change");
      await flushPromises();
    };
    const pdf = new Uint8Array(3000);
    pdf.set(new TextEncoder().encode("%PDF-1.4"));
    await choose(new File([pdf], "成绩证明.jpg", { type: "image/jpeg" }));
    expect(wrapper.get('[data-testid="evidence-error"]').text()).toBe("仅支持 JPG、PNG 格式的图片，所选文件实际为 PDF 格式");
    const big = new Uint8Array(2 * 1024 * 1024);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    await choose(new File([big], "scan.png", { type: "image/png" }));
    expect(wrapper.get('[data-testid="evidence-error"]').text()).toContain("不能超过 1 MB");
    expect(sent.some((request) => request.operation === "SchoolRequestCertificationEvidenceUpload")).toBe(false);

    await wrapper.get('[data-testid="school-cert-submit"]').trigger("click");
    await flushPromises();
    expect(wrapper.get('[data-testid="school-cert-submit-error"]').text()).toContain("请先上传：原省份成绩证明扫描件（学校核验）");
  });

  it("submits an uploaded case and shows the server's refusal in its words", async () => {
    const uploaded = { ...DRAFT, requiredEvidence: [{ ...SLOT, file: { id: "f1", fileName: "scan.png", uploadedAt: "2026-06-02T03:00:00Z", mimeType: "image/png", downloadUrl: null } }] };
    const sent = gatewayAnswersByOperation({
      SchoolCertificationCases: page([uploaded]),
      SchoolCertificationStudents: STUDENTS,
      SchoolSubmitCertificationCase: { errors: [{ message: "不在本年度成绩认定办理时间内", extensions: { code: "WINDOW_CLOSED" } }] },
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="school-cert-open"]').trigger("click");
    await flushPromises();
    await wrapper.get('[data-testid="school-cert-submit"]').trigger("click");
    await flushPromises();
    expect(sent.find((request) => request.operation === "SchoolSubmitCertificationCase")?.variables).toMatchObject({ caseId: "case-9", idempotencyKey: expect.any(String) });
    expect(wrapper.get('[data-testid="school-cert-submit-error"]').text()).toBe("不在本年度成绩认定办理时间内");
  });

  it("submits right after an upload, before the reloaded list shows the file", async () => {
    const sent = gatewayAnswersByOperation({
      // The list still answers without the file: the reload after the upload has not caught up.
      SchoolCertificationCases: page([DRAFT]),
      SchoolCertificationStudents: STUDENTS,
      SchoolRequestCertificationEvidenceUpload: {
        data: { requestCertificationEvidenceUpload: { fileId: "f1", uploadUrl: "/files/certification/upload/f1?sig=x", maxBytes: 1_048_576, allowedTypes: ["image/jpeg", "image/png"] } },
      },
      SchoolSubmitCertificationCase: { data: { submitCertificationCase: { id: "case-9", status: "PENDING_REVIEW" } } },
    });
    const graphql = globalThis.fetch as unknown as (url: string, init: RequestInit) => Promise<Response>;
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) =>
      init.method === "PUT" ? new Response(JSON.stringify({ file: { id: "f1", size: 2048, mimeType: "image/png" } }), { status: 200 }) : graphql(url, init),
    );
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="school-cert-open"]').trigger("click");
    await flushPromises();
    const input = wrapper.get('[data-testid="evidence-file-input"]');
    const png = new Uint8Array(2048);
    png.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    Object.defineProperty(input.element, "files", { value: [new File([png], "scan.png", { type: "image/png" })], configurable: true });
    await input.trigger("change");
    await flushPromises();
    await wrapper.get('[data-testid="evidence-sent"]');

    await wrapper.get('[data-testid="school-cert-submit"]').trigger("click");
    await flushPromises();
    expect(wrapper.find('[data-testid="school-cert-submit-error"]').exists()).toBe(false);
    expect(sent.some((request) => request.operation === "SchoolSubmitCertificationCase")).toBe(true);
  });
});
