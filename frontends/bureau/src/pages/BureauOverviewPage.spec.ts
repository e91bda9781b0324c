import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { messages } from "../i18n";
import BureauOverviewPage from "./BureauOverviewPage.vue";

/** The network boundary: what the gateway answers to POST /graphql. */
function gatewayAnswers(body: unknown) {
  vi.stubGlobal("fetch", vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } })));
}

async function mountPage() {
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
  const wrapper = mount(BureauOverviewPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const organizations = [
  { id: "o1", code: "110000", name: "北京教育考试院", kind: "PROVINCE", parentId: null },
  { id: "o2", code: "110108", name: "海淀区招生考试中心", kind: "COUNTY", parentId: "o1" },
];
const certificationCases = [{ id: "c1", originProvinceCode: "150000", status: "PENDING_REVIEW", submittedAt: "2026-04-02T02:30:00Z", candidate: { displayName: "巴特尔" } }];

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("bureau overview page", () => {
  it("shows the organisation tree and the certification cases", async () => {
    gatewayAnswers({ data: { myJurisdiction: organizations, certificationCases } });
    const wrapper = await mountPage();

    const orgs = wrapper.get('[data-testid="organizations-table"]');
    expect(orgs.text()).toContain("北京教育考试院");
    expect(orgs.text()).toContain("海淀区招生考试中心");
    expect(orgs.text()).toContain("省级");
    const cases = wrapper.get('[data-testid="cases-table"]');
    expect(cases.text()).toContain("巴特尔");
    expect(cases.text()).toContain("内蒙古自治区");
    expect(cases.text()).toContain("待审核");
  });

  it("shows the registration progress: the totals, a row per school and one for the county's social candidates", async () => {
    const counts = (underReview: number, returned: number, awaitingCollection: number, registered: number) => ({ underReview, returned, awaitingCollection, registered });
    const registrationProgress = {
      totals: counts(6, 1, 2, 20),
      rows: [
        { organization: { id: "c" }, name: "新城区教育招生考试中心", code: "150102", countyName: "新城区教育招生考试中心", social: true, counts: counts(1, 0, 0, 0) },
        { organization: { id: "s" }, name: "呼和浩特市第一中学", code: "1501020001", countyName: "新城区教育招生考试中心", social: false, counts: counts(5, 1, 2, 20) },
      ],
    };
    gatewayAnswers({ data: { myJurisdiction: organizations, certificationCases, registrationProgress } });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="progress-total-underReview"]').text()).toBe("6");
    expect(wrapper.get('[data-testid="progress-total-registered"]').text()).toBe("20");
    expect(wrapper.findAll('[data-testid="progress-row-name"]').map((cell) => cell.text())).toEqual(["社会考生", "呼和浩特市第一中学"]);
    expect(wrapper.get('[data-testid="progress-table"]').text()).toContain("待采集");
  });

  it("keeps the organisations when the certification part failed", async () => {
    gatewayAnswers({ data: { myJurisdiction: organizations, certificationCases: null }, errors: [{ message: "certification 服务超时", path: ["certificationCases"] }] });
    const wrapper = await mountPage();

    expect(wrapper.get('[data-testid="query-partial"]').text()).toContain("认定申请");
    expect(wrapper.get('[data-testid="organizations-table"]').text()).toContain("北京教育考试院");
    expect(wrapper.find('[data-testid="cases-table"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="cases-panel"]').text()).toContain("暂不可用");
  });

  it("shows the empty state when there is nothing yet", async () => {
    gatewayAnswers({ data: { myJurisdiction: [], certificationCases: [] } });
    const wrapper = await mountPage();
    expect(wrapper.find('[data-testid="query-empty"]').exists()).toBe(true);
  });

  it("shows the error when the gateway answers with errors only", async () => {
    gatewayAnswers({ data: null, errors: [{ message: "无权访问该辖区数据", extensions: { code: "FORBIDDEN" } }] });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="query-error"]').text()).toContain("无权访问该辖区数据");
  });
});
