import { describe, expect, it } from "vitest";
import { defineComponent, h, reactive, ref } from "vue";
import { flushPromises, mount } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus, { ElForm } from "element-plus";
import AccountFields from "./AccountFields.vue";

/** The fields inside a form, as a page uses them. */
function mountFields(errors: Record<string, string> = {}, locale = "zh-CN") {
  const fields = ref<InstanceType<typeof AccountFields> | null>(null);
  const values = reactive({ username: "", displayName: "", password: "" });
  const Host = defineComponent({
    setup: () => () =>
      h(ElForm, { labelPosition: "top" }, () =>
        h(AccountFields, {
          ref: fields,
          idPrefix: "teacher",
          errors,
          username: values.username,
          "onUpdate:username": (value: string) => (values.username = value),
          displayName: values.displayName,
          "onUpdate:displayName": (value: string) => (values.displayName = value),
          password: values.password,
          "onUpdate:password": (value: string) => (values.password = value),
        }),
      ),
  });
  const wrapper = mount(Host, { global: { plugins: [createI18n({ legacy: false, locale, messages: {} }), ElementPlus] } });
  return { wrapper, fields, values };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 150));
const errorOf = (wrapper: ReturnType<typeof mountFields>["wrapper"], testid: string) =>
  wrapper.get(`[data-testid="${testid}"]`).element.closest(".el-form-item")?.querySelector(".el-form-item__error")?.textContent?.trim() ?? "";

describe("AccountFields", () => {
  it("labels the three inputs and ties the password rules to the password", async () => {
    const { wrapper } = mountFields();
    await flushPromises();
    expect(wrapper.get('label[for="teacher-username"]').text()).toBe("用户名");
    expect(wrapper.get('label[for="teacher-display-name"]').text()).toBe("姓名");
    expect(wrapper.get('label[for="teacher-password"]').text()).toBe("初始密码");
    expect(wrapper.get("#teacher-password").attributes("aria-describedby")).toContain("teacher-password-rules");
    expect(wrapper.get("#teacher-password-rules").attributes("data-testid")).toBe("password-rules");
  });

  it("checks the fields as the server will, in Chinese", async () => {
    const { wrapper, fields } = mountFields();
    await wrapper.get('[data-testid="teacher-username"]').setValue("1abc");
    await wrapper.get('[data-testid="teacher-password"]').setValue("1abcDEF!");
    expect(fields.value?.validate()).toBe(false);
    await settle();
    expect(errorOf(wrapper, "teacher-username")).toBe("用户名须以字母开头，由 4 至 32 位字母、数字或下划线组成");
    expect(errorOf(wrapper, "teacher-display-name")).toBe("必填");
    expect(errorOf(wrapper, "teacher-password")).toBe("密码不符合下列规则");

    await wrapper.get('[data-testid="teacher-username"]').setValue("teacher3");
    await wrapper.get('[data-testid="teacher-display-name"]').setValue("李老师");
    expect(fields.value?.validate()).toBe(true);
    await settle();
    expect(errorOf(wrapper, "teacher-username")).toBe("");
  });

  it("shows the server's messages by their fields", async () => {
    const { wrapper } = mountFields({ username: "该用户名已被注册" });
    await settle();
    expect(errorOf(wrapper, "teacher-username")).toBe("该用户名已被注册");
  });

  it("speaks English when the platform does", () => {
    const { wrapper } = mountFields({}, "en");
    expect(wrapper.get('label[for="teacher-password"]').text()).toBe("Initial password");
  });
});
