import { describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import { createPinia } from "pinia";
import { createMemoryHistory } from "vue-router";
import ElementPlus from "element-plus";
import { createShellI18n } from "../i18n";
import { createShellRouter } from "../router";
import { runtimeConfigFrom } from "../../runtime-config";
import { useAuthStore, type CurrentUser } from "../stores/auth";
import AccountMenu from "./AccountMenu.vue";

function mountSignedIn(displayName: string) {
  const pinia = createPinia();
  const auth = useAuthStore(pinia);
  auth.tokens = { accessToken: "a", refreshToken: "r", expiresAt: "2999-01-01T00:00:00Z" } as typeof auth.tokens;
  auth.user = { id: "u1", username: "someone", displayName, roles: [] } as unknown as CurrentUser;
  const router = createShellRouter(runtimeConfigFrom({}).remotes, createMemoryHistory());
  return mount(AccountMenu, { global: { plugins: [pinia, createShellI18n(), router, ElementPlus] } });
}

describe("the account button", () => {
  it("is named by its own text, which holds the name it shows (label in name)", () => {
    const button = mountSignedIn("王子涵").get('[data-testid="account-menu"]');
    // No aria-label that could drift from what is visible: the text is the name.
    expect(button.attributes("aria-label")).toBeUndefined();
    expect(button.text()).toBe("账号：王子涵");
    expect(button.get('[data-testid="account-name"]').text()).toBe("王子涵");
    // The avatar's letter is CSS content with an empty alternative text, not text in the button.
    expect(button.attributes("data-initial")).toBe("王");
  });

  it("takes a whole character for the avatar, even outside the BMP", () => {
    expect(mountSignedIn("𠀀明").get('[data-testid="account-menu"]').attributes("data-initial")).toBe("𠀀");
  });
});
