import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { gatewayAnswersByOperation } from "@xuekao/ui/testing";
import { messages } from "../i18n";
import CertificationSettingsPage from "./CertificationSettingsPage.vue";

// Inner Mongolia's institute (region1): Beijing's own institute account comes with the case stream.
const me = { data: { me: { id: "region1", roles: [{ role: "PROVINCE_INSTITUTE", organization: { id: "im", code: "15", name: "内蒙古自治区教育考试院", kind: "PROVINCE" } }] } } };
const settings = {
  data: {
    certificationWindows: [
      {
        id: "w1",
        kind: "certification.returning-candidate",
        name: "2023年返京成绩认定",
        opensAt: "2022-10-26T02:00:00.000Z",
        closesAt: "2022-11-04T04:00:00.000Z",
        viewableUntil: "2022-11-07T04:00:00.000Z",
        open: false,
      },
    ],
    certificationSourceRules: [
      { id: "r13", sourceProvinceCode: "13", grades: ["A", "B", "C", "D"], passGrade: "C", fullScores: [], artAsMusicAndFineArt: false, updatedAt: "2026-11-30T00:00:00Z" },
      {
        id: "r41",
        sourceProvinceCode: "41",
        grades: null,
        passGrade: null,
        fullScores: [
          { subjectCode: "MATHEMATICS", fullScore: 150 },
          { subjectCode: "MUSIC", fullScore: 100 },
        ],
        artAsMusicAndFineArt: true,
        updatedAt: "2026-11-30T00:00:00Z",
      },
    ],
  },
};

async function mountPage() {
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
  const wrapper = mount(CertificationSettingsPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  await flushPromises();
  return wrapper;
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("bureau certification settings page", { timeout: 20_000 }, () => {
  it("lists the windows in Beijing time and the rules of each source province", async () => {
    const sent = gatewayAnswersByOperation({ InstituteProvince: me, CertificationSettings: settings });
    const wrapper = await mountPage();
    const card = wrapper.get('[data-testid="certification-window"]').text();
    expect(card).toContain("2023年返京成绩认定");
    // 02:00 UTC is 10:00 in Beijing; 04:00 UTC is 12:00.
    expect(card).toContain("10:00");
    expect(card).toContain("12:00");
    expect(card).toContain("未在受理时间");
    const rules = wrapper.get('[data-testid="source-rules"]').text();
    expect(rules).toContain("河北省");
    expect(rules).toContain("A / B / C / D（C 及以上合格）");
    expect(rules).toContain("河南省");
    expect(rules).toContain("只给分数");
    expect(rules).toContain("数学 150、音乐 100");
    expect(sent.filter((item) => item.operation === "CertificationSettings").at(-1)?.variables).toEqual({ provinceCode: "15" });
    // Every select says what it chooses.
    for (const select of wrapper.findAll(".el-select")) expect(select.find("[aria-label]").exists() || select.attributes("aria-label")).toBeTruthy();
  });

  it("edits a window in Beijing time and sends instants", async () => {
    const sent = gatewayAnswersByOperation({
      InstituteProvince: me,
      CertificationSettings: settings,
      SaveCertificationWindow: { data: { saveCertificationWindow: { id: "w1", name: "2023年返京成绩认定" } } },
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="edit-window-w1"]').trigger("click");
    expect((wrapper.get("#window-name").element as HTMLInputElement).value).toBe("2023年返京成绩认定");
    await wrapper.get('[data-testid="window-form"]').trigger("submit");
    await flushPromises();
    const save = sent.find((item) => item.operation === "SaveCertificationWindow");
    expect(save?.variables).toEqual({
      input: {
        id: "w1",
        provinceCode: "15",
        kind: "certification.returning-candidate",
        name: "2023年返京成绩认定",
        opensAt: "2022-10-26T02:00:00.000Z",
        closesAt: "2022-11-04T04:00:00.000Z",
        viewableUntil: "2022-11-07T04:00:00.000Z",
      },
    });
    expect(wrapper.get('[data-testid="window-done"]').text()).toContain("已保存办理时间：2023年返京成绩认定");
  });

  it("asks for the times before sending a new window", async () => {
    const sent = gatewayAnswersByOperation({ InstituteProvince: me, CertificationSettings: settings });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="window-form"]').trigger("submit");
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(wrapper.text()).toContain("请填写时间");
    expect(sent.map((item) => item.operation)).not.toContain("SaveCertificationWindow");
  });

  it("edits a source province's rules: grades as tags, full scores per subject, the art switch", async () => {
    const sent = gatewayAnswersByOperation({
      InstituteProvince: me,
      CertificationSettings: settings,
      SaveCertificationSourceRules: { data: { saveCertificationSourceRules: { id: "r13", sourceProvinceCode: "13" } } },
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="edit-rules-13"]').trigger("click");
    expect(wrapper.get('[data-testid="rules-grades"]').text()).toContain("ABCD");
    await wrapper.get("#rules-new-grade").setValue("E");
    await wrapper.get('[data-testid="rules-add-grade"]').trigger("click");
    await wrapper.get('[data-testid="full-score-PHYSICS"]').setValue("100");
    await wrapper.get('[data-testid="rules-art-split"]').trigger("click");
    await wrapper.get('[data-testid="rules-form"]').trigger("submit");
    await flushPromises();
    expect(sent.find((item) => item.operation === "SaveCertificationSourceRules")?.variables).toEqual({
      input: {
        certifyingProvinceCode: "15",
        sourceProvinceCode: "13",
        grades: ["A", "B", "C", "D", "E"],
        passGrade: "C",
        fullScores: [{ subjectCode: "PHYSICS", fullScore: 100 }],
        artAsMusicAndFineArt: true,
      },
    });
    expect(wrapper.get('[data-testid="rules-done"]').text()).toContain("已保存河北省的认定规则");
  });

  it("shows the server's refusal under the field it names", async () => {
    gatewayAnswersByOperation({
      InstituteProvince: me,
      CertificationSettings: settings,
      SaveCertificationSourceRules: {
        data: null,
        errors: [{ message: "PHYSICS 的满分须为大于 0、不超过 1000 的数（至多两位小数），且每科只填一次", extensions: { code: "CERTIFICATION_FULL_SCORE_INVALID", field: "fullScores" } }],
      },
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="edit-rules-41"]').trigger("click");
    await wrapper.get('[data-testid="full-score-PHYSICS"]').setValue("2000");
    await wrapper.get('[data-testid="rules-form"]').trigger("submit");
    await flushPromises();
    expect(wrapper.get('[data-testid="rules-full-scores"]').text()).toContain("PHYSICS 的满分须为大于 0、不超过 1000 的数");
  });
});
