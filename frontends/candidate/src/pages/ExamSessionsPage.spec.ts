import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { messages } from "../i18n";
import ExamSessionsPage from "./ExamSessionsPage.vue";

/** The network boundary: what the gateway answers to POST /graphql. */
function gatewayAnswers(body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

async function mountPage() {
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
  const wrapper = mount(ExamSessionsPage, { global: { plugins: [i18n, ElementPlus] } });
  await flushPromises();
  return wrapper;
}

afterEach(() => vi.unstubAllGlobals());

describe("candidate exam sessions page", () => {
  it("lists the sessions the gateway returns, with times in Beijing time", async () => {
    const fetch = gatewayAnswers({
      data: {
        examSessions: [
          { id: "s1", code: "2026-06-BJ", name: "2026年6月学业水平合格性考试", registrationOpensAt: "2026-03-01T01:00:00Z", registrationClosesAt: "2026-03-15T09:00:00Z" },
        ],
      },
    });
    const wrapper = await mountPage();

    const [url, init] = fetch.mock.calls[0] as unknown as [string, RequestInit];
    expect(url).toBe("/graphql");
    expect(String(init.body)).toContain("examSessions");
    const sessions = wrapper.findAll('[data-testid="exam-session"]');
    expect(sessions).toHaveLength(1);
    expect(sessions[0]?.get('[data-testid="exam-session-name"]').text()).toBe("2026年6月学业水平合格性考试");
    expect(sessions[0]?.text()).toContain("17:00");
    expect(wrapper.find('[data-testid="query-error"]').exists()).toBe(false);
  });

  it("says so when no session has been published", async () => {
    gatewayAnswers({ data: { examSessions: [] } });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="query-empty"]').text()).toContain("暂无已发布的考次");
  });

  it("shows the gateway's error message when nothing came back", async () => {
    gatewayAnswers({ data: null, errors: [{ message: "考次服务暂不可用", extensions: { code: "SUBGRAPH_UNAVAILABLE" } }] });
    const wrapper = await mountPage();
    const error = wrapper.get('[data-testid="query-error"]');
    expect(error.text()).toContain("数据加载失败");
    expect(error.text()).toContain("考次服务暂不可用");
    expect(wrapper.find('[data-testid="exam-session"]').exists()).toBe(false);
  });
});
