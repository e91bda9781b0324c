import { describe, expect, it } from "vitest";
import { flushPromises, mount } from "@vue/test-utils";
import { h } from "vue";
import { createI18n } from "vue-i18n";
import { createMemoryHistory, createRouter } from "vue-router";
import StandaloneApp from "./StandaloneApp.vue";

describe("StandaloneApp", () => {
  it("frames the remote's routes under its translated title", async () => {
    const i18n = createI18n({ legacy: false, locale: "zh-CN", messages: { "zh-CN": { school: { title: "学校管理" } } } });
    const router = createRouter({ history: createMemoryHistory(), routes: [{ path: "/", children: [{ path: "", component: { render: () => h("p", { "data-testid": "page" }, "考籍") } }] }] });
    await router.push("/");
    const wrapper = mount(StandaloneApp, { props: { titleKey: "school.title" }, global: { plugins: [i18n, router] } });
    await flushPromises();
    expect(wrapper.get("header").text()).toBe("学校管理");
    expect(wrapper.get("main").get('[data-testid="page"]').text()).toBe("考籍");
  });
});
