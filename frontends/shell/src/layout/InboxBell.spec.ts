import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount, type VueWrapper } from "@vue/test-utils";
import { createPinia } from "pinia";
import ElementPlus from "element-plus";
import { setSessionHandler } from "@xuekao/ui";
import { gatewayAnswersByOperation, type GatewayBody } from "@xuekao/ui/testing";
import { createShellI18n } from "../i18n";
import InboxBell from "./InboxBell.vue";

const welcome = { id: "n2", title: "欢迎使用学考平台", body: "您的账号已开通。\n如有问题请联系所在学校。", readAt: null, createdAt: "2026-11-22T02:00:00.000Z" };
const submitted = { id: "n1", title: "成绩认定申请已提交", body: "您的申请已提交，请等待审核。", readAt: "2026-11-21T03:00:00.000Z", createdAt: "2026-11-21T02:30:00.000Z" };

const count = (n: number | null): GatewayBody => ({ data: { me: { id: "u1", unreadNotificationCount: n } } });
const inbox = (notifications: unknown[] | null): GatewayBody => ({
  data: { me: { id: "u1", unreadNotificationCount: notifications?.filter((n) => (n as { readAt: string | null }).readAt === null).length ?? null, notifications } },
});

// Unmounted after each test: a bell left mounted would keep polling into the next test.
const mounted: VueWrapper[] = [];

async function mountBell() {
  const wrapper = mount(InboxBell, { global: { plugins: [createPinia(), createShellI18n(), ElementPlus] }, attachTo: document.body });
  mounted.push(wrapper);
  await flushPromises();
  return wrapper;
}

const bell = (wrapper: VueWrapper) => wrapper.get('[data-testid="inbox-bell"]');
const badgeText = () => document.querySelector('[data-testid="inbox-badge"]')?.textContent?.trim() ?? null;
const drawer = () => document.querySelector('[data-testid="inbox-drawer"]');
const items = () => [...document.querySelectorAll<HTMLElement>('[data-testid="inbox-item"]')];

async function openInbox(wrapper: VueWrapper) {
  await bell(wrapper).trigger("click");
  await flushPromises();
}

async function click(element: Element | null | undefined) {
  if (!element) throw new Error("nothing to click");
  (element as HTMLElement).click();
  await flushPromises();
}

afterEach(() => {
  for (const wrapper of mounted.splice(0)) wrapper.unmount();
  vi.useRealTimers();
  vi.unstubAllGlobals();
  setSessionHandler(null);
  document.body.innerHTML = "";
});

describe("the inbox bell", () => {
  it("shows the unread count on the badge and in the button's name", async () => {
    const sent = gatewayAnswersByOperation({ ShellInboxCount: count(3) });
    const wrapper = await mountBell();
    expect(sent.map((s) => s.operation)).toEqual(["ShellInboxCount"]);
    expect(badgeText()).toBe("3");
    expect(bell(wrapper).attributes("aria-label")).toBe("站内消息，3 条未读");
    expect(bell(wrapper).attributes("aria-haspopup")).toBe("dialog");
    expect(bell(wrapper).attributes("aria-expanded")).toBe("false");
  });

  it("shows no badge when nothing is unread, nor when the inbox service cannot say", async () => {
    gatewayAnswersByOperation({ ShellInboxCount: [count(0), count(null)] });
    const wrapper = await mountBell();
    expect(badgeText()).toBeNull();
    expect(bell(wrapper).attributes("aria-label")).toBe("站内消息，没有未读消息");

    const again = await mountBell();
    expect(badgeText()).toBeNull();
    expect(bell(again).attributes("aria-label")).toBe("站内消息");
  });

  it("asks again every minute while the tab is visible, and not while it is hidden", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    const sent = gatewayAnswersByOperation({ ShellInboxCount: [count(1), count(2)] });
    await mountBell();
    expect(badgeText()).toBe("1");

    await vi.advanceTimersByTimeAsync(60_000);
    await flushPromises();
    expect(sent.filter((s) => s.operation === "ShellInboxCount")).toHaveLength(2);
    expect(badgeText()).toBe("2");

    const visibility = vi.spyOn(document, "visibilityState", "get").mockReturnValue("hidden");
    await vi.advanceTimersByTimeAsync(120_000);
    expect(sent.filter((s) => s.operation === "ShellInboxCount")).toHaveLength(2);
    // Back on the tab after a while: asked at once.
    visibility.mockReturnValue("visible");
    document.dispatchEvent(new Event("visibilitychange"));
    await flushPromises();
    expect(sent.filter((s) => s.operation === "ShellInboxCount")).toHaveLength(3);
  });

  it("opens a drawer listing the messages newest first, the unread ones marked", async () => {
    const sent = gatewayAnswersByOperation({ ShellInboxCount: count(1), ShellInbox: inbox([welcome, submitted]) });
    const wrapper = await mountBell();
    await openInbox(wrapper);

    expect(sent.map((s) => s.operation)).toEqual(["ShellInboxCount", "ShellInbox"]);
    expect(drawer()?.getAttribute("role")).toBe("dialog");
    expect(drawer()?.getAttribute("aria-label")).toBe("站内消息");
    expect(bell(wrapper).attributes("aria-expanded")).toBe("true");
    expect(items().map((item) => item.querySelector('[data-testid="inbox-item-title"]')?.textContent)).toEqual(["欢迎使用学考平台", "成绩认定申请已提交"]);
    expect(items().map((item) => item.dataset.unread)).toEqual(["true", "false"]);
    expect(items()[0]?.textContent).toContain("未读");
    // Beijing time, whatever the machine's zone: 02:00 UTC is 10:00 in Beijing.
    expect(items()[0]?.querySelector("time")?.textContent).toContain("10:00");
    expect(document.querySelector('[data-testid="inbox-summary"]')?.textContent).toBe("1 条未读");
  });

  it("marks a message read when it is opened, and the badge follows", async () => {
    const sent = gatewayAnswersByOperation({
      ShellInboxCount: count(1),
      ShellInbox: inbox([welcome, submitted]),
      ShellMarkNotificationRead: { data: { markNotificationRead: { id: "n2", readAt: "2026-11-22T03:00:00.000Z" } } },
    });
    const wrapper = await mountBell();
    await openInbox(wrapper);
    const toggle = items()[0]?.querySelector('[data-testid="inbox-item-toggle"]');
    const body = items()[0]?.querySelector<HTMLElement>('[data-testid="inbox-item-body"]');
    expect(toggle?.getAttribute("aria-expanded")).toBe("false");
    expect(body?.style.display).toBe("none");

    await click(toggle);
    expect(sent.filter((s) => s.operation === "ShellMarkNotificationRead").map((s) => s.variables)).toEqual([{ id: "n2" }]);
    expect(toggle?.getAttribute("aria-expanded")).toBe("true");
    expect(body?.style.display).toBe("");
    expect(body?.textContent).toContain("您的账号已开通。");
    expect(items()[0]?.dataset.unread).toBe("false");
    expect(badgeText()).toBeNull();
    expect(bell(wrapper).attributes("aria-label")).toBe("站内消息，没有未读消息");

    // Opening a message already read sends nothing.
    await click(items()[1]?.querySelector('[data-testid="inbox-item-toggle"]'));
    expect(sent.filter((s) => s.operation === "ShellMarkNotificationRead")).toHaveLength(1);
  });

  it("marks every unread message read at once", async () => {
    const other = { ...welcome, id: "n3", title: "考籍信息已更新" };
    const sent = gatewayAnswersByOperation({
      ShellInboxCount: count(2),
      ShellInbox: inbox([other, welcome, submitted]),
      ShellMarkNotificationRead: [
        { data: { markNotificationRead: { id: "n3", readAt: "2026-11-22T03:00:00.000Z" } } },
        { data: { markNotificationRead: { id: "n2", readAt: "2026-11-22T03:00:00.000Z" } } },
      ],
    });
    const wrapper = await mountBell();
    expect(badgeText()).toBe("2");
    await openInbox(wrapper);
    await click(document.querySelector('[data-testid="inbox-mark-all"]'));
    expect(sent.filter((s) => s.operation === "ShellMarkNotificationRead").map((s) => s.variables)).toEqual([{ id: "n3" }, { id: "n2" }]);
    expect(items().map((item) => item.dataset.unread)).toEqual(["false", "false", "false"]);
    expect(badgeText()).toBeNull();
    expect(document.querySelector('[data-testid="inbox-mark-all"]')).toBeNull();
  });

  it("says so when there are no messages", async () => {
    gatewayAnswersByOperation({ ShellInboxCount: count(0), ShellInbox: inbox([]) });
    const wrapper = await mountBell();
    await openInbox(wrapper);
    expect(document.querySelector('[data-testid="query-empty"]')?.textContent).toContain("暂无消息");
    expect(items()).toHaveLength(0);
  });

  it("shows why the messages cannot be loaded, and loads them again on retry", async () => {
    gatewayAnswersByOperation({
      ShellInboxCount: count(1),
      ShellInbox: [{ data: { me: { id: "u1", unreadNotificationCount: null, notifications: null } }, errors: [{ message: "消息服务暂不可用", path: ["me", "notifications"] }] }, inbox([welcome])],
    });
    const wrapper = await mountBell();
    await openInbox(wrapper);
    expect(document.querySelector('[data-testid="query-error"]')?.textContent).toContain("消息服务暂不可用");
    // The badge keeps what it knew rather than guessing.
    expect(badgeText()).toBe("1");

    await click(document.querySelector('[data-testid="query-retry"]'));
    expect(document.querySelector('[data-testid="query-error"]')).toBeNull();
    expect(items()).toHaveLength(1);
  });

  it("shows the server's message when marking read fails, and the message stays unread", async () => {
    gatewayAnswersByOperation({
      ShellInboxCount: count(1),
      ShellInbox: inbox([welcome]),
      ShellMarkNotificationRead: { data: null, errors: [{ message: "消息不存在", extensions: { code: "NOTIFICATION_NOT_FOUND" } }] },
    });
    const wrapper = await mountBell();
    await openInbox(wrapper);
    await click(items()[0]?.querySelector('[data-testid="inbox-item-toggle"]'));
    expect(document.querySelector('[data-testid="inbox-mark-error"]')?.textContent).toContain("消息不存在");
    expect(items()[0]?.dataset.unread).toBe("true");
    expect(badgeText()).toBe("1");
  });
});
