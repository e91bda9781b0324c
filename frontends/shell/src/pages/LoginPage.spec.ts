import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount } from "@vue/test-utils";
import { createPinia } from "pinia";
import { createMemoryHistory } from "vue-router";
import ElementPlus from "element-plus";
import { setSessionHandler } from "@xuekao/ui";
import { createShellI18n } from "../i18n";
import { createShellRouter } from "../router";
import LoginPage from "./LoginPage.vue";

function gatewayAnswers(body: unknown) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

async function mountLogin() {
  const router = createShellRouter([], createMemoryHistory());
  await router.push("/login");
  return mount(LoginPage, { global: { plugins: [createPinia(), createShellI18n(), router, ElementPlus] }, attachTo: document.body });
}

afterEach(() => {
  vi.unstubAllGlobals();
  setSessionHandler(null);
  document.body.innerHTML = "";
});

describe("login page", () => {
  it("labels its fields and submits with Enter", async () => {
    const fetch = gatewayAnswers({ errors: [{ message: "用户名或密码错误", extensions: { code: "UNAUTHENTICATED" } }] });
    const wrapper = await mountLogin();
    expect(wrapper.get('label[for="login-username"]').text()).toBe("用户名或手机号");
    expect(wrapper.find("#login-username").exists()).toBe(true);
    await wrapper.get('[data-testid="login-username"]').setValue("teacher1");
    await wrapper.get('[data-testid="login-password"]').setValue("wrong");
    await wrapper.get("form").trigger("submit");
    await flushPromises();
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(wrapper.get('[data-testid="login-error"]').text()).toContain("用户名或密码错误");
  });

  it("shows the server's message and the unlock time (Beijing time) for a locked account", async () => {
    gatewayAnswers({
      errors: [{ message: "账号已锁定，请于 2026-11-22 16:05 后再试", extensions: { code: "ACCOUNT_LOCKED", unlockAt: "2026-11-22T08:05:00.000Z" } }],
    });
    const wrapper = await mountLogin();
    await wrapper.get('[data-testid="login-username"]').setValue("teacher1");
    await wrapper.get('[data-testid="login-password"]').setValue("wrong");
    await wrapper.get("form").trigger("submit");
    await flushPromises();
    expect(wrapper.get('[data-testid="login-error"]').text()).toContain("账号已锁定");
    expect(wrapper.get('[data-testid="login-unlock-at"]').text()).toContain("16:05");
  });
});
