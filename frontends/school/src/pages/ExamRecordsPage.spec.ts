import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { messages } from "../i18n";
import ExamRecordsPage from "./ExamRecordsPage.vue";

/** The network boundary: what the gateway answers to POST /graphql. */
function gatewayAnswers(body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

async function mountPage() {
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
  const wrapper = mount(ExamRecordsPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const record = (id: string, candidate: unknown) => ({ id, recordNumber: `1101082026${id}`, status: "REGISTERED", candidate, school: { name: "北京市第一零一中学" } });

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("school exam records page", () => {
  it("shows records with fields from registry and identity", async () => {
    const fetch = gatewayAnswers({ data: { examRecords: [record("01", { id: "u1", displayName: "张小明" })] } });
    const wrapper = await mountPage();

    const [, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body)).variables).toEqual({ limit: 50 });
    const table = wrapper.get('[data-testid="exam-records-table"]');
    expect(table.text()).toContain("110108202601");
    expect(table.text()).toContain("张小明");
    expect(table.text()).toContain("北京市第一零一中学");
    expect(table.text()).toContain("已注册");
  });

  it("renders partial data and says what is missing", async () => {
    gatewayAnswers({
      data: { examRecords: [record("01", null)] },
      errors: [{ message: "identity 服务暂不可用", path: ["examRecords", 0, "candidate"] }],
    });
    const wrapper = await mountPage();

    expect(wrapper.get('[data-testid="query-partial"]').text()).toContain("部分信息暂时无法显示");
    expect(wrapper.get('[data-testid="query-partial"]').text()).toContain("考生姓名");
    const table = wrapper.get('[data-testid="exam-records-table"]');
    expect(table.text()).toContain("110108202601");
    expect(table.text()).toContain("暂不可用");
  });

  it("shows the empty state", async () => {
    gatewayAnswers({ data: { examRecords: [] } });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="query-empty"]').text()).toContain("暂无考籍记录");
  });
});
