import { describe, expect, it, vi } from "vitest";
import { defineComponent, h } from "vue";
import { flushPromises, mount } from "@vue/test-utils";
import { createPinia } from "pinia";
import { createMemoryHistory, RouterView } from "vue-router";
import ElementPlus from "element-plus";
import { createShellI18n } from "../i18n";
import { createShellRouter } from "../router";
import { runtimeConfigFrom } from "../../runtime-config";
import { useRemotesStore } from "../stores/remotes";
import type { RemoteLoader } from "./contract";

const RemotePage = defineComponent({ render: () => h("p", { "data-testid": "school-page" }, "考籍列表") });

async function mountShellAt(path: string, loader: RemoteLoader) {
  const config = runtimeConfigFrom({});
  const pinia = createPinia();
  const i18n = createShellI18n();
  const router = createShellRouter(config.remotes, createMemoryHistory());
  useRemotesStore(pinia).configure({ remotes: config.remotes, loader, router, messages: i18n.global });
  await router.push(path);
  const wrapper = mount(RouterView, { global: { plugins: [pinia, i18n, router, ElementPlus] } });
  await flushPromises();
  return { wrapper, router };
}

describe("loading a remote into the shell", () => {
  it("shows a Chinese error naming the remote, with a retry button, when the remote cannot load", async () => {
    const loader: RemoteLoader = {
      loadRoutes: vi.fn().mockRejectedValue(new Error("Failed to fetch dynamically imported module: http://127.0.0.1:9/remoteEntry.js")),
      loadSummary: vi.fn(),
      reset: vi.fn(),
    };
    const { wrapper } = await mountShellAt("/school", loader);

    const error = wrapper.get('[data-testid="remote-error"]');
    expect(error.attributes("role")).toBe("alert");
    expect(error.text()).toContain("“学校管理”模块暂时无法加载");
    // The page's one heading, since the remote's own page (and its h1) is missing.
    expect(error.get("h1").text()).toContain("“学校管理”模块暂时无法加载");
    expect(error.text()).toContain("其他功能不受影响");
    expect(error.find('[data-testid="remote-retry"]').exists()).toBe(true);
    // The shell's own layout keeps working around the failed module.
    expect(wrapper.find('[data-testid="shell-nav"]').exists()).toBe(true);
  });

  it("loads the remote again on retry and then shows its page, with its messages merged", async () => {
    const loadRoutes = vi
      .fn<RemoteLoader["loadRoutes"]>()
      .mockRejectedValueOnce(new Error("boom"))
      .mockResolvedValue({ default: [{ path: "", name: "school-records", component: RemotePage }], messages: { "zh-CN": { school: { title: "学校" } } } });
    const loader: RemoteLoader = { loadRoutes, loadSummary: vi.fn(), reset: vi.fn() };
    const { wrapper, router } = await mountShellAt("/school", loader);

    await wrapper.get('[data-testid="remote-retry"]').trigger("click");
    await flushPromises();

    expect(loader.reset).toHaveBeenCalledWith("school");
    expect(router.currentRoute.value.name).toBe("school-records");
    expect(wrapper.get('[data-testid="school-page"]').text()).toBe("考籍列表");
  });

  it("shows not-found for a URL the loaded remote does not have", async () => {
    const loader: RemoteLoader = {
      loadRoutes: vi.fn().mockResolvedValue({ default: [{ path: "", name: "school-records", component: RemotePage }] }),
      loadSummary: vi.fn(),
      reset: vi.fn(),
    };
    const { wrapper } = await mountShellAt("/school/no-such-page", loader);
    expect(wrapper.find('[data-testid="not-found"]').exists()).toBe(true);
  });
});
