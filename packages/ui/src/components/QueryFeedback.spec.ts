import { describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import QueryFeedback from "./QueryFeedback.vue";

type Props = InstanceType<typeof QueryFeedback>["$props"];

function mountFeedback(props: Partial<Props> = {}, locale = "zh-CN") {
  const i18n = createI18n({ legacy: false, locale, messages: {} });
  return mount(QueryFeedback, {
    props: { loading: false, hasData: true, empty: false, errors: [], missing: [], ...props },
    slots: { default: '<p data-testid="content">页面内容</p>' },
    global: { plugins: [i18n, ElementPlus] },
  });
}

describe("QueryFeedback", () => {
  it("shows a busy skeleton, and not the content, while the first answer is awaited", () => {
    const wrapper = mountFeedback({ loading: true, hasData: false });
    const loading = wrapper.get('[data-testid="query-loading"]');
    expect(loading.attributes("aria-busy")).toBe("true");
    expect(loading.text()).toContain("正在加载数据…");
    expect(wrapper.find('[data-testid="content"]').exists()).toBe(false);
  });

  it("keeps the content on screen while refetching", () => {
    const wrapper = mountFeedback({ loading: true, hasData: true });
    expect(wrapper.find('[data-testid="query-loading"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="content"]').text()).toBe("页面内容");
  });

  it("shows the gateway's messages, once each, with a retry button when nothing came back", async () => {
    const errors = [{ message: "考次服务暂不可用" }, { message: "考次服务暂不可用" }, { message: "无权访问" }];
    const wrapper = mountFeedback({ hasData: false, errors });
    const error = wrapper.get('[data-testid="query-error"]');
    expect(error.attributes("role")).toBe("alert");
    expect(error.text()).toContain("数据加载失败");
    expect(error.text()).toContain("考次服务暂不可用；无权访问");
    await wrapper.get('[data-testid="query-retry"]').trigger("click");
    expect(wrapper.emitted("retry")).toHaveLength(1);
    expect(wrapper.find('[data-testid="content"]').exists()).toBe(false);
  });

  it("says the server cannot be reached on a network error", () => {
    const wrapper = mountFeedback({ hasData: false, errors: [{ message: "Failed to fetch", extensions: { code: "NETWORK_ERROR" } }] });
    const error = wrapper.get('[data-testid="query-error"]');
    expect(error.text()).toContain("无法连接服务器，请检查网络后重试。");
    expect(error.text()).not.toContain("Failed to fetch");
  });

  it("renders partial data and names what is missing by its readable label", () => {
    const wrapper = mountFeedback({
      errors: [{ message: "identity 服务暂不可用" }],
      missing: ["examRecords.candidate", "examRecords.candidate", "examRecords.school"],
      fieldLabels: { "examRecords.candidate": "考生姓名" },
    });
    const partial = wrapper.get('[data-testid="query-partial"]');
    expect(partial.attributes("role")).toBe("status");
    expect(partial.text()).toContain("部分信息暂时无法显示：考生姓名、examRecords.school。其余数据已正常加载。");
    expect(partial.text()).toContain("identity 服务暂不可用");
    expect(wrapper.find('[data-testid="content"]').exists()).toBe(true);
  });

  it("shows the empty state with the page's text, or a default one", () => {
    expect(mountFeedback({ empty: true, emptyText: "暂无考籍记录" }).get('[data-testid="query-empty"]').text()).toContain("暂无考籍记录");
    const wrapper = mountFeedback({ empty: true });
    expect(wrapper.get('[data-testid="query-empty"]').text()).toContain("暂无数据");
    expect(wrapper.find('[data-testid="content"]').exists()).toBe(false);
  });

  it("speaks English when the shell does", () => {
    const wrapper = mountFeedback({ hasData: false, errors: [{ message: "x", extensions: { code: "NETWORK_ERROR" } }] }, "en");
    expect(wrapper.get('[data-testid="query-error"]').text()).toContain("The server cannot be reached");
    expect(wrapper.get('[data-testid="query-retry"]').text()).toBe("Retry");
  });
});
