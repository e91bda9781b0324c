import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { gatewayAnswersByOperation, type GatewayBody } from "@xuekao/ui/testing";
import { messages } from "../i18n";
import PreRegistrationPage from "./PreRegistrationPage.vue";

const inSchoolCandidate = {
  id: "u29",
  displayName: "王若曦",
  roles: [{ role: "CANDIDATE_IN_SCHOOL", organization: { id: "class-2", kind: "CLASS", parentId: "school" } }],
};

function answers(extra: Record<string, GatewayBody | GatewayBody[]> = {}) {
  return gatewayAnswersByOperation({
    MyPreRegistration: { data: { myPreRegistration: null, me: inSchoolCandidate } },
    CandidateProvinceSchools: { data: { registrySchools: { items: [{ id: "school", code: "1501020001", name: "呼和浩特市第一中学" }] } } },
    ...extra,
  });
}

async function mountPage() {
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
  const wrapper = mount(PreRegistrationPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

/** The message Element Plus shows under the input with this id. */
function errorUnder(id: string): string {
  const item = document.getElementById(id)?.closest(".el-form-item");
  return item?.querySelector(".el-form-item__error")?.textContent?.trim() ?? "";
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("the candidate's pre-registration form", { timeout: 60_000 }, () => {
  it("asks the registry for the schools of the candidate's province, a page at a time", async () => {
    const sent = answers();
    await mountPage();
    expect(sent.map((operation) => operation.operation)).toEqual(["MyPreRegistration", "CandidateProvinceSchools"]);
    expect(sent.at(-1)?.variables).toEqual({ search: null, first: 50 });
  });

  it("checks a field with the shared rules once the candidate leaves it, and again as they type", async () => {
    answers();
    const wrapper = await mountPage();
    const mobile = wrapper.get("#pr-mobile");
    await mobile.setValue("1380000");
    await vi.waitFor(() => expect(errorUnder("pr-mobile")).toBe(""));
    // Leaving the field: Element Plus' input reports it as its blur event.
    const input = wrapper.findAllComponents({ name: "ElInput" }).find((component) => component.find("#pr-mobile").exists())!;
    input.vm.$emit("blur", new FocusEvent("blur"));
    // Element Plus shows a form item's error a tick after the prop changes.
    await vi.waitFor(() => expect(errorUnder("pr-mobile")).toBe("手机号码应为11位，以1开头"));
    await mobile.setValue("13800000029");
    await vi.waitFor(() => expect(errorUnder("pr-mobile")).toBe(""));
  });

  it("sends nothing while the rules find problems, and shows them all", async () => {
    const sent = answers();
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="pre-registration-form"]').trigger("submit");
    await flushPromises();
    expect(sent.some((operation) => operation.operation === "SubmitPreRegistration")).toBe(false);
    expect(wrapper.get('[data-testid="pre-registration-errors"]').text()).toContain("项信息需要修改");
    await vi.waitFor(() => expect(errorUnder("pr-name")).toBe("请填写姓名"));
    await vi.waitFor(() => expect(errorUnder("pr-schoolId")).toBe("请选择学籍所在学校"));
    await vi.waitFor(() => expect(errorUnder("pr-resume-0-from")).toContain("起始年月"));
  });

  it("puts the server's field errors, nested ones included, under their inputs until they are edited", async () => {
    answers({
      SavePreRegistrationDraft: {
        data: null,
        errors: [
          {
            message: "有 2 项信息需要修改，请按提示逐项更正后再提交",
            extensions: { code: "PRE_REGISTRATION_INVALID", fields: { "familyMembers.0.mobile": "手机号码应为11位，以1开头", "guardian.mobile": "监护人手机号码应为11位，以1开头" } },
          },
        ],
      },
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="pre-registration-save"]').trigger("click");
    await flushPromises();
    await vi.waitFor(() => expect(errorUnder("pr-familyMembers-0-mobile")).toBe("手机号码应为11位，以1开头"));
    await vi.waitFor(() => expect(errorUnder("pr-guardian-mobile")).toBe("监护人手机号码应为11位，以1开头"));
    expect(wrapper.get('[data-testid="pre-registration-errors"]').text()).toContain("有 2 项信息需要修改");
    await wrapper.get("#pr-guardian-mobile").setValue("13900000029");
    await vi.waitFor(() => expect(errorUnder("pr-guardian-mobile")).toBe(""));
    await vi.waitFor(() => expect(errorUnder("pr-familyMembers-0-mobile")).toBe("手机号码应为11位，以1开头"));
  });
});
