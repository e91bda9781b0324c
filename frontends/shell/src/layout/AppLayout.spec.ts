import { afterEach, describe, expect, it, vi } from "vitest";
import { defineComponent, h } from "vue";
import { flushPromises, mount } from "@vue/test-utils";
import { createPinia } from "pinia";
import { createMemoryHistory, RouterView } from "vue-router";
import ElementPlus from "element-plus";
import { setSessionHandler } from "@xuekao/ui";
import { createShellI18n } from "../i18n";
import { createShellRouter } from "../router";
import { runtimeConfigFrom } from "../../runtime-config";
import { useAuthStore } from "../stores/auth";
import { useRemotesStore } from "../stores/remotes";
import type { RemoteLoader } from "../remotes/contract";
import type { CurrentUser } from "../stores/auth";

const Page = (testid: string) => defineComponent({ render: () => h("p", { "data-testid": testid }) });

/** A school remote with a page for all its roles and one for school admins only. */
const loader: RemoteLoader = {
  loadRoutes: vi.fn().mockResolvedValue({
    default: [
      { path: "", name: "school-records", component: Page("records"), meta: { navKey: "school.nav.records" } },
      { path: "staff", name: "school-staff", component: Page("staff"), meta: { navKey: "school.nav.staff", roles: ["SCHOOL_ADMIN"] } },
    ],
    messages: { "zh-CN": { school: { nav: { records: "考籍管理", staff: "班级与教职工" } } } },
  }),
  loadSummary: vi.fn(),
  reset: vi.fn(),
};

async function mountAs(role: "SCHOOL_ADMIN" | "CLASS_TEACHER", path: string) {
  const config = runtimeConfigFrom({});
  const pinia = createPinia();
  const i18n = createShellI18n();
  const router = createShellRouter(config.remotes, createMemoryHistory());
  useRemotesStore(pinia).configure({ remotes: config.remotes, loader, router, messages: i18n.global });
  useAuthStore(pinia).user = { id: "u1", username: "someone", displayName: "某人", roles: [{ role, organization: null }] } as CurrentUser;
  await router.push(path);
  const wrapper = mount(RouterView, { global: { plugins: [pinia, i18n, router, ElementPlus] } });
  await flushPromises();
  return { wrapper, router };
}

afterEach(() => {
  setSessionHandler(null);
});

describe("a console's own menu", () => {
  it("lists the console's pages the user's roles may open, the current one marked", async () => {
    const { wrapper } = await mountAs("SCHOOL_ADMIN", "/school/staff");
    const nav = wrapper.get('[data-testid="console-nav"]');
    expect(nav.attributes("aria-label")).toBe("“学校管理”的功能");
    expect(nav.findAll("a").map((a) => a.text())).toEqual(["考籍管理", "班级与教职工"]);
    expect(wrapper.get('[data-testid="console-nav-school-staff"]').attributes("aria-current")).toBe("page");
    expect(wrapper.get('[data-testid="console-nav-school-records"]').attributes("aria-current")).toBeUndefined();
  });

  it("is left out when the user's roles open a single page of the console", async () => {
    const { wrapper } = await mountAs("CLASS_TEACHER", "/school");
    expect(wrapper.find('[data-testid="records"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="console-nav"]').exists()).toBe(false);
  });
});
