import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { messages } from "../i18n";
import SubjectRegistrationPage from "./SubjectRegistrationPage.vue";

const OPEN = {
  id: "s-open",
  code: "2027-01",
  name: "2027年1月内蒙古自治区普通高中学业水平合格性考试",
  registrationClosesAt: "2026-12-05T00:00:00Z",
  registrationOpen: true,
  subjects: [
    { code: "CHINESE", name: "语文" },
    { code: "PHYSICS", name: "物理" },
    { code: "HISTORY", name: "历史" },
  ],
};
const CLOSED = { ...OPEN, id: "s-closed", name: "已截止的考次", registrationOpen: false };

/** The gateway's answers, one per request in order (the last one repeats). */
function gatewayAnswers(...bodies: unknown[]) {
  const fetch = vi.fn(async () => new Response(JSON.stringify(bodies.length > 1 ? bodies.shift() : bodies[0]), { status: 200, headers: { "content-type": "application/json" } }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

const page = (entries: Array<{ id: string; sessionId: string; subjectCode: string; result: string | null }>) => ({
  data: { examSessions: [OPEN, CLOSED], subjectEntries: { items: entries } },
});

async function mountPage() {
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
  const wrapper = mount(SubjectRegistrationPage, { global: { plugins: [i18n, ElementPlus] } });
  await flushPromises();
  return wrapper;
}

afterEach(() => vi.unstubAllGlobals());

describe("candidate subject registration page", () => {
  it("shows only the sessions the server says are open, with passed and entered subjects marked", async () => {
    gatewayAnswers(
      page([
        { id: "e1", sessionId: "s-past", subjectCode: "CHINESE", result: "PASS" },
        { id: "e2", sessionId: "s-open", subjectCode: "PHYSICS", result: null },
      ]),
    );
    const wrapper = await mountPage();
    expect(wrapper.findAll('[data-testid="subject-session"]')).toHaveLength(1);
    expect(wrapper.text()).not.toContain("已截止的考次");
    expect(wrapper.get('[data-testid="subject-CHINESE"]').text()).toContain("已合格");
    expect(wrapper.get('[data-testid="subject-PHYSICS"]').find('[data-testid="subject-withdraw"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="subject-HISTORY"]').find('[data-testid="subject-choose"]').exists()).toBe(true);
  });

  it("asks to tick a subject first, then enters the ticked ones and shows the server's refusal in its words", async () => {
    const fetch = gatewayAnswers(
      page([]),
      { data: null, errors: [{ message: "本考次选课报名已截止", extensions: { code: "WINDOW_CLOSED" } }] },
    );
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="subject-submit"]').trigger("click");
    await flushPromises();
    expect(wrapper.get('[data-testid="subject-feedback"]').text()).toContain("请先勾选要报考的科目");
    expect(fetch).toHaveBeenCalledTimes(1);

    await wrapper.get('[data-testid="subject-HISTORY"] input[type="checkbox"]').setValue(true);
    await wrapper.get('[data-testid="subject-submit"]').trigger("click");
    await flushPromises();
    const [, init] = fetch.mock.calls[1] as unknown as [string, RequestInit];
    expect(JSON.parse(String(init.body)).variables).toEqual({ input: { sessionId: "s-open", subjectCodes: ["HISTORY"] } });
    expect(wrapper.get('[data-testid="subject-feedback"]').text()).toContain("本考次选课报名已截止");
  });
});
