import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount, type VueWrapper } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { gatewayAnswersByOperation, type GatewayBody } from "@xuekao/ui/testing";
import { messages } from "../i18n";
import StaffAccountsPage from "./StaffAccountsPage.vue";

const school = { id: "s1", code: "1501020001", name: "呼和浩特市第一中学", kind: "SCHOOL" };
const class1 = { id: "c1", code: "150102000101", name: "高一（1）班", parentId: "s1" };
const class2 = { id: "c2", code: "150102000102", name: "高一（2）班", parentId: "s1" };
const otherSchoolsClass = { id: "x1", code: "110108000101", name: "别校的班", parentId: "s9" };

function overview(extra: { classes?: unknown[]; users?: unknown[] } = {}): GatewayBody {
  return {
    data: {
      me: { id: "admin", roles: [{ role: "SCHOOL_ADMIN", organization: school }] },
      organizations: extra.classes ?? [class1, class2, otherSchoolsClass],
      users: extra.users ?? [
        { id: "admin", username: "school1", displayName: "周校务", roles: [{ role: "SCHOOL_ADMIN", organization: { id: "s1", name: school.name } }] },
        { id: "t1", username: "teacher1", displayName: "孙老师", roles: null },
      ],
    },
  };
}

const fieldError = (message: string, field: string, code = "BAD_USER_INPUT"): GatewayBody => ({ data: null, errors: [{ message, extensions: { code, field } }] });

async function mountPage() {
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
  const wrapper = mount(StaffAccountsPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

/** The message Element Plus shows under the form item that holds `testid`. */
function errorNextTo(wrapper: VueWrapper, testid: string): string {
  const input = wrapper.get(`[data-testid="${testid}"]`).element;
  return input.closest(".el-form-item")?.querySelector(".el-form-item__error")?.textContent?.trim() ?? "";
}

async function fillAccount(wrapper: VueWrapper, values: { username: string; displayName: string; password: string }) {
  await wrapper.get('[data-testid="staff-account-username"]').setValue(values.username);
  await wrapper.get('[data-testid="staff-account-display-name"]').setValue(values.displayName);
  await wrapper.get('[data-testid="staff-account-password"]').setValue(values.password);
}

async function submit(wrapper: VueWrapper, form: string) {
  await wrapper.get(`[data-testid="${form}"]`).trigger("submit");
  await flushPromises();
  // Element Plus shows a form item's error after a short debounce.
  await new Promise((resolve) => setTimeout(resolve, 150));
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("classes and staff page", () => {
  it("shows the admin's school, only its classes, and the accounts in the school", async () => {
    const sent = gatewayAnswersByOperation({ SchoolStaffOverview: overview() });
    const wrapper = await mountPage();

    expect(sent[0]?.variables).toEqual({ limit: 200 });
    expect(wrapper.get('[data-testid="staff-school-name"]').text()).toBe("学校：呼和浩特市第一中学（1501020001）");
    const classes = wrapper.get('[data-testid="classes-table"]').text();
    expect(classes).toContain("高一（1）班");
    expect(classes).toContain("150102000102");
    expect(classes).not.toContain("别校的班");
    const accounts = wrapper.get('[data-testid="accounts-table"]').text();
    expect(accounts).toContain("孙老师");
    expect(accounts).toContain("teacher1");
    // Identity shows only one's own roles: a column that is empty for everyone else is left out.
    expect(accounts).not.toContain("角色与班级");
  });

  it("shows the roles and classes of accounts when identity sends them", async () => {
    gatewayAnswersByOperation({
      SchoolStaffOverview: overview({
        users: [{ id: "t1", username: "teacher1", displayName: "孙老师", roles: [{ role: "CLASS_TEACHER", organization: { id: "c1", name: "高一（1）班" } }] }],
      }),
    });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="accounts-table"]').text()).toContain("班主任 · 高一（1）班");
  });

  it("filters the accounts by name or username", async () => {
    gatewayAnswersByOperation({ SchoolStaffOverview: overview() });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="accounts-filter"]').setValue("孙");
    const accounts = wrapper.get('[data-testid="accounts-table"]').text();
    expect(accounts).toContain("teacher1");
    expect(accounts).not.toContain("school1");
  });

  it("labels every input of its forms", async () => {
    gatewayAnswersByOperation({ SchoolStaffOverview: overview() });
    const wrapper = await mountPage();
    for (const id of ["class-code", "class-name", "staff-account-username", "staff-account-display-name", "staff-account-password"]) {
      expect(wrapper.find(`label[for="${id}"]`).exists(), id).toBe(true);
      expect(wrapper.find(`input#${id}`).exists(), id).toBe(true);
    }
    expect(wrapper.get('[data-testid="staff-account-password"]').attributes("aria-describedby")).toContain("staff-account-password-rules");
  });

  it("tells someone who is not a school admin that the page is not theirs", async () => {
    gatewayAnswersByOperation({ SchoolStaffOverview: { data: { me: { id: "t1", roles: [{ role: "CLASS_TEACHER", organization: class1 }] }, organizations: [], users: [] } } });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="staff-no-school"]').text()).toContain("不是学校管理员");
    expect(wrapper.find('[data-testid="class-form"]').exists()).toBe(false);
  });
});

describe("new class form", () => {
  it("checks code and name in Chinese before sending anything", async () => {
    const sent = gatewayAnswersByOperation({ SchoolStaffOverview: overview() });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="class-code"]').setValue("3A");
    await wrapper.get('[data-testid="class-name"]').setValue("班");
    await submit(wrapper, "class-form");

    expect(errorNextTo(wrapper, "class-code")).toBe("班级代码须为 2 至 32 位数字");
    expect(errorNextTo(wrapper, "class-name")).toBe("班级名称须为 2 至 100 个字符");
    expect(sent.map((s) => s.operation)).toEqual(["SchoolStaffOverview"]);
  });

  it("shows the server's message next to the field it is about", async () => {
    gatewayAnswersByOperation({
      SchoolStaffOverview: overview(),
      SchoolCreateClass: fieldError("组织代码 150102000101 已被使用", "code", "ORGANIZATION_CODE_TAKEN"),
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="class-code"]').setValue("150102000101");
    await wrapper.get('[data-testid="class-name"]').setValue("高一（1）班");
    await submit(wrapper, "class-form");

    expect(errorNextTo(wrapper, "class-code")).toBe("组织代码 150102000101 已被使用");
    expect(wrapper.find('[data-testid="class-done"]').exists()).toBe(false);
  });

  it("shows a refusal that is about no field at the top of the form", async () => {
    gatewayAnswersByOperation({
      SchoolStaffOverview: overview(),
      SchoolCreateClass: { data: null, errors: [{ message: "无权访问该数据：超出您的管理范围", extensions: { code: "FORBIDDEN" } }] },
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="class-code"]').setValue("150102000103");
    await wrapper.get('[data-testid="class-name"]').setValue("高一（3）班");
    await submit(wrapper, "class-form");
    expect(wrapper.get('[data-testid="class-error"]').text()).toContain("超出您的管理范围");
  });

  it("creates the class in the admin's school, says so, clears the form and reloads the lists", async () => {
    const created = { id: "c3", code: "150102000103", name: "高一（3）班", parentId: "s1" };
    const sent = gatewayAnswersByOperation({
      SchoolStaffOverview: [overview(), overview({ classes: [class1, class2, created] })],
      SchoolCreateClass: { data: { createOrganization: created } },
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="class-code"]').setValue(" 150102000103 ");
    await wrapper.get('[data-testid="class-name"]').setValue("高一（3）班");
    await submit(wrapper, "class-form");

    expect(sent.find((s) => s.operation === "SchoolCreateClass")?.variables).toEqual({
      input: { code: "150102000103", name: "高一（3）班", kind: "CLASS", parentId: "s1" },
    });
    expect(wrapper.get('[data-testid="class-done"]').text()).toContain("已新建班级：高一（3）班（150102000103）");
    expect((wrapper.get('[data-testid="class-code"]').element as HTMLInputElement).value).toBe("");
    expect(sent.filter((s) => s.operation === "SchoolStaffOverview")).toHaveLength(2);
    expect(wrapper.get('[data-testid="classes-table"]').text()).toContain("高一（3）班");
    expect(wrapper.find('[data-testid="staff-account-class-150102000103"]').exists()).toBe(true);
  });
});

describe("new staff account form", () => {
  it("checks the account and the classes before sending anything, with the password rules shown", async () => {
    const sent = gatewayAnswersByOperation({ SchoolStaffOverview: overview() });
    const wrapper = await mountPage();
    await fillAccount(wrapper, { username: "3li", displayName: "李", password: "lilaoshi" });
    await submit(wrapper, "staff-account-form");

    expect(errorNextTo(wrapper, "staff-account-username")).toBe("用户名须以字母开头，由 4 至 32 位字母、数字或下划线组成");
    expect(errorNextTo(wrapper, "staff-account-display-name")).toBe("姓名须为 2 至 30 个字符");
    expect(errorNextTo(wrapper, "staff-account-password")).toBe("密码不符合下列规则");
    expect(errorNextTo(wrapper, "staff-account-class-150102000101")).toBe("请至少选择一个班级");
    expect(wrapper.findAll('[data-testid="password-rules"] li[data-ok="false"]')).toHaveLength(1);
    expect(sent.map((s) => s.operation)).toEqual(["SchoolStaffOverview"]);
  });

  it("creates a class teacher with the first class and binds the further classes one by one", async () => {
    const sent = gatewayAnswersByOperation({
      SchoolStaffOverview: overview(),
      SchoolCreateStaffAccount: { data: { createStaffAccount: { id: "t3", username: "teacher3", displayName: "李老师" } } },
      SchoolBindRole: { data: { bindRole: { role: "CLASS_TEACHER" } } },
    });
    const wrapper = await mountPage();
    // Ticked in reverse order: the account still starts with the first class listed.
    await wrapper.get('[data-testid="staff-account-class-150102000102"] input').setValue(true);
    await wrapper.get('[data-testid="staff-account-class-150102000101"] input').setValue(true);
    await fillAccount(wrapper, { username: "teacher3", displayName: "李老师", password: "Spring#2026x" });
    await submit(wrapper, "staff-account-form");

    const mutations = sent.filter((s) => s.operation !== "SchoolStaffOverview");
    expect(mutations).toEqual([
      {
        operation: "SchoolCreateStaffAccount",
        variables: { input: { username: "teacher3", displayName: "李老师", password: "Spring#2026x", role: "CLASS_TEACHER", organizationId: "c1" } },
      },
      { operation: "SchoolBindRole", variables: { input: { userId: "t3", role: "CLASS_TEACHER", organizationId: "c2" } } },
    ]);
    expect(wrapper.get('[data-testid="staff-account-done"]').text()).toContain("已开设班主任账号 teacher3（李老师），所带班级：高一（1）班、高一（2）班。");
    expect((wrapper.get('[data-testid="staff-account-username"]').element as HTMLInputElement).value).toBe("");
    expect(sent.filter((s) => s.operation === "SchoolStaffOverview")).toHaveLength(2);
  });

  it("says which classes could not be bound, and binds them on retry", async () => {
    const sent = gatewayAnswersByOperation({
      SchoolStaffOverview: overview(),
      SchoolCreateStaffAccount: { data: { createStaffAccount: { id: "t3", username: "teacher3", displayName: "李老师" } } },
      SchoolBindRole: [{ data: null, errors: [{ message: "identity 服务暂不可用", extensions: { code: "INTERNAL_SERVER_ERROR" } }] }, { data: { bindRole: { role: "CLASS_TEACHER" } } }],
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="staff-account-class-150102000101"] input').setValue(true);
    await wrapper.get('[data-testid="staff-account-class-150102000102"] input').setValue(true);
    await fillAccount(wrapper, { username: "teacher3", displayName: "李老师", password: "Spring#2026x" });
    await submit(wrapper, "staff-account-form");

    const partial = wrapper.get('[data-testid="staff-account-partial"]');
    expect(partial.text()).toContain("账号 teacher3（李老师）已开设，但以下班级未能绑定：高一（2）班。");
    expect(partial.text()).toContain("identity 服务暂不可用");
    await wrapper.get('[data-testid="staff-account-retry"]').trigger("click");
    await flushPromises();

    expect(sent.filter((s) => s.operation === "SchoolBindRole").map((s) => s.variables)).toEqual([
      { input: { userId: "t3", role: "CLASS_TEACHER", organizationId: "c2" } },
      { input: { userId: "t3", role: "CLASS_TEACHER", organizationId: "c2" } },
    ]);
    expect(wrapper.find('[data-testid="staff-account-partial"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="staff-account-done"]').text()).toContain("所带班级：高一（1）班、高一（2）班。");
  });

  it("shows the server's messages next to username and classes, and a general refusal at the top", async () => {
    gatewayAnswersByOperation({
      SchoolStaffOverview: overview(),
      SchoolCreateStaffAccount: [
        fieldError("该用户名已被注册", "username", "USERNAME_TAKEN"),
        fieldError("该角色须设在班级", "organizationId", "ROLE_ORGANIZATION_MISMATCH"),
        { data: null, errors: [{ message: "您的角色无权执行此操作", extensions: { code: "FORBIDDEN" } }] },
      ],
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="staff-account-class-150102000101"] input').setValue(true);
    await fillAccount(wrapper, { username: "teacher1", displayName: "孙老师", password: "Spring#2026x" });

    await submit(wrapper, "staff-account-form");
    expect(errorNextTo(wrapper, "staff-account-username")).toBe("该用户名已被注册");
    await submit(wrapper, "staff-account-form");
    expect(errorNextTo(wrapper, "staff-account-username")).toBe("");
    expect(errorNextTo(wrapper, "staff-account-class-150102000101")).toBe("该角色须设在班级");
    await submit(wrapper, "staff-account-form");
    expect(wrapper.get('[data-testid="staff-account-error"]').text()).toContain("您的角色无权执行此操作");
    expect(wrapper.find('[data-testid="staff-account-done"]').exists()).toBe(false);
  });

  it("shows our own message when the gateway cannot be reached", async () => {
    gatewayAnswersByOperation({
      SchoolStaffOverview: overview(),
      SchoolCreateStaffAccount: { data: null, errors: [{ message: "HTTP 502 Bad Gateway", extensions: { code: "BAD_RESPONSE" } }] },
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="staff-account-class-150102000101"] input').setValue(true);
    await fillAccount(wrapper, { username: "teacher3", displayName: "李老师", password: "Spring#2026x" });
    await submit(wrapper, "staff-account-form");
    expect(wrapper.get('[data-testid="staff-account-error"]').text()).toBe("提交失败，请稍后重试");
  });

  it("creates designated staff in the school itself, without classes", async () => {
    const sent = gatewayAnswersByOperation({
      SchoolStaffOverview: overview(),
      SchoolCreateStaffAccount: { data: { createStaffAccount: { id: "st1", username: "staff1", displayName: "钱干事" } } },
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="staff-account-kind-staff"] input').setValue(true);
    expect(wrapper.find('[data-testid="staff-account-classes"]').exists()).toBe(false);
    await fillAccount(wrapper, { username: "staff1", displayName: "钱干事", password: "Spring#2026x" });
    await submit(wrapper, "staff-account-form");

    expect(sent.find((s) => s.operation === "SchoolCreateStaffAccount")?.variables).toEqual({
      input: { username: "staff1", displayName: "钱干事", password: "Spring#2026x", role: "SCHOOL_STAFF", organizationId: "s1" },
    });
    expect(sent.some((s) => s.operation === "SchoolBindRole")).toBe(false);
    expect(wrapper.get('[data-testid="staff-account-done"]').text()).toContain("已开设指定工作人员账号 staff1（钱干事）。");
  });
});
