import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { gatewayAnswersByOperation } from "@xuekao/ui/testing";
import { messages } from "../i18n";
import ExamSessionsAdminPage from "./ExamSessionsAdminPage.vue";

const me = { data: { me: { id: "region1", roles: [{ role: "PROVINCE_INSTITUTE", organization: { id: "im", code: "15", name: "内蒙古自治区教育考试院", kind: "PROVINCE" } }] } } };
const sessions = {
  data: {
    examSessions: [
      {
        id: "s1",
        code: "2027-01",
        name: "2027年1月内蒙古自治区普通高中学业水平合格性考试",
        provinceCode: "15",
        registrationOpensAt: "2026-11-15T00:00:00Z",
        registrationClosesAt: "2026-12-05T10:00:00Z",
        scoresPublishedAt: null,
        registrationOpen: true,
        subjects: [
          { code: "CHINESE", name: "语文" },
          { code: "ARTS", name: "艺术（音乐、美术）" },
        ],
      },
    ],
    examSubjects: [
      { code: "CHINESE", name: "语文", runBy: "PROVINCE" },
      { code: "ARTS", name: "艺术（音乐、美术）", runBy: "LEAGUE" },
    ],
  },
};

async function mountPage() {
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
  const wrapper = mount(ExamSessionsAdminPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  await flushPromises();
  return wrapper;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

// Element Plus date pickers make the first mount slow on a busy machine.
describe("bureau sessions page", { timeout: 20_000 }, () => {
  it("lists the province's sessions with their window in Beijing time and their subjects, and the catalogue to choose from", async () => {
    const sent = gatewayAnswersByOperation({ InstituteProvince: me, BureauExamSessions: sessions });
    const wrapper = await mountPage();
    const card = wrapper.get('[data-testid="admin-session"]').text();
    expect(card).toContain("2027-01");
    expect(card).toContain("18:00");
    expect(card).toContain("语文、艺术（音乐、美术）");
    expect(card).toContain("未设置");
    // Asked again once the institute's province is known (the first ask, before it, gets an empty catalogue).
    expect(sent.filter((item) => item.operation === "BureauExamSessions").at(-1)?.variables).toEqual({ provinceCode: "15" });
    expect(wrapper.get('[data-testid="session-subjects"]').text()).toContain("艺术（音乐、美术）（盟市组考）");
  });

  it("asks for the times and at least one subject before sending anything", async () => {
    const sent = gatewayAnswersByOperation({ InstituteProvince: me, BureauExamSessions: sessions });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="session-form"]').trigger("submit");
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(wrapper.text()).toContain("请填写时间");
    expect(wrapper.text()).toContain("请至少选择一个开考科目");
    expect(sent.map((item) => item.operation)).not.toContain("BureauCreateExamSession");
  });
});
