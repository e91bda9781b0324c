import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount, type VueWrapper } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { gatewayAnswersByOperation, type GatewayBody } from "@xuekao/ui/testing";
import { messages } from "../i18n";
import OrganizationAdminPage from "./OrganizationAdminPage.vue";

const im = { id: "im", code: "15", name: "内蒙古自治区教育考试院", kind: "PROVINCE", parentId: null };
const hohhot = { id: "hohhot", code: "1501", name: "呼和浩特市教育招生考试中心", kind: "LEAGUE", parentId: "im" };
const xincheng = { id: "xincheng", code: "150102", name: "新城区教育招生考试中心", kind: "COUNTY", parentId: "hohhot" };
const school = { id: "school", code: "1501020001", name: "呼和浩特市第一中学", kind: "SCHOOL", parentId: "xincheng" };
const bj = { id: "bj", code: "11", name: "北京教育考试院", kind: "PROVINCE", parentId: null };
const haidian = { id: "haidian", code: "110108", name: "海淀区招生考试中心", kind: "COUNTY", parentId: "bj" };

function adminData(organizations = [im, hohhot, xincheng, school, bj, haidian]): GatewayBody {
  return { data: { me: { id: "region1", roles: [{ role: "PROVINCE_INSTITUTE", organization: { id: "im", name: im.name, kind: "PROVINCE" } }] }, organizations } };
}

async function mountPage() {
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
  const wrapper = mount(OrganizationAdminPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

function errorNextTo(wrapper: VueWrapper, testid: string): string {
  const input = wrapper.get(`[data-testid="${testid}"]`).element;
  return input.closest(".el-form-item")?.querySelector(".el-form-item__error")?.textContent?.trim() ?? "";
}

async function submit(wrapper: VueWrapper, form: string) {
  await wrapper.get(`[data-testid="${form}"]`).trigger("submit");
  await flushPromises();
  // Element Plus shows a form item's error after a short debounce.
  await new Promise((resolve) => setTimeout(resolve, 150));
}

/** Chooses an option of an Element Plus select by its data-testid (the options live in a popper). */
async function choose(wrapper: VueWrapper, optionTestid: string) {
  const option = document.querySelector(`[data-testid="${optionTestid}"]`);
  if (!option) throw new Error(`no option ${optionTestid}`);
  option.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  await flushPromises();
  await wrapper.vm.$nextTick();
}

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("organisations and accounts page", () => {
  it("shows the caller's province as a tree, without other provinces", async () => {
    gatewayAnswersByOperation({ BureauOrganizationAdmin: adminData() });
    const wrapper = await mountPage();
    const names = wrapper.findAll('[data-testid="province-tree-name"]').map((n) => n.text());
    expect(names).toEqual([im.name, hohhot.name, xincheng.name, school.name]);
    expect(wrapper.get('[data-testid="province-tree-panel"]').text()).toContain("共 4 个机构");
  });

  it("tells someone who is not a province institute that the page is not theirs", async () => {
    gatewayAnswersByOperation({
      BureauOrganizationAdmin: { data: { me: { id: "county1", roles: [{ role: "COUNTY_AGENCY", organization: { id: "xincheng", name: xincheng.name, kind: "COUNTY" } }] }, organizations: [] } },
    });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="admin-no-province"]').text()).toContain("不是省级教育考试院");
    expect(wrapper.find('[data-testid="organization-form"]').exists()).toBe(false);
  });

  it("labels every input", async () => {
    gatewayAnswersByOperation({ BureauOrganizationAdmin: adminData() });
    const wrapper = await mountPage();
    for (const id of ["organization-code", "organization-name", "allocate-username", "allocate-display-name", "allocate-password"]) {
      expect(wrapper.find(`label[for="${id}"]`).exists(), id).toBe(true);
      expect(wrapper.find(`input#${id}`).exists(), id).toBe(true);
    }
    expect(wrapper.find('label[for="organization-parent"]').exists()).toBe(true);
  });
});

describe("set up an organisation", () => {
  it("offers as parents only the kinds that may stand above, and picks the only one", async () => {
    gatewayAnswersByOperation({ BureauOrganizationAdmin: adminData() });
    const wrapper = await mountPage();
    // A county: under a league or the province.
    await wrapper.get('[data-testid="organization-parent"]').trigger("click");
    await flushPromises();
    const countyParents = [...document.querySelectorAll('[data-testid^="organization-parent-option-"]')].map((o) => o.getAttribute("data-testid"));
    expect(countyParents).toEqual(["organization-parent-option-15", "organization-parent-option-1501"]);

    await wrapper.get('[data-testid="organization-kind-SCHOOL"] input').setValue(true);
    await flushPromises();
    // A school: under a county; the province has one, so it is chosen.
    expect(wrapper.get('[data-testid="organization-form"]').text()).toContain("新城区教育招生考试中心（150102）");
  });

  it("checks parent, code and name in Chinese before sending anything", async () => {
    const sent = gatewayAnswersByOperation({ BureauOrganizationAdmin: adminData() });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="organization-code"]').setValue("15-01");
    await submit(wrapper, "organization-form");
    expect(errorNextTo(wrapper, "organization-parent")).toBe("请选择上级机构");
    expect(errorNextTo(wrapper, "organization-code")).toBe("机构代码须为 2 至 32 位数字");
    expect(errorNextTo(wrapper, "organization-name-input")).toBe("机构名称须为 2 至 100 个字符");
    expect(sent.map((s) => s.operation)).toEqual(["BureauOrganizationAdmin"]);
  });

  it("creates a county under the chosen league, says so and reloads the tree", async () => {
    const saihan = { id: "saihan", code: "150105", name: "赛罕区教育招生考试中心", kind: "COUNTY", parentId: "hohhot" };
    const sent = gatewayAnswersByOperation({
      BureauOrganizationAdmin: [adminData(), adminData([im, hohhot, xincheng, saihan, school])],
      BureauCreateOrganization: { data: { createOrganization: saihan } },
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="organization-parent"]').trigger("click");
    await flushPromises();
    await choose(wrapper, "organization-parent-option-1501");
    await wrapper.get('[data-testid="organization-code"]').setValue("150105");
    await wrapper.get('[data-testid="organization-name-input"]').setValue("赛罕区教育招生考试中心");
    await submit(wrapper, "organization-form");

    expect(sent.find((s) => s.operation === "BureauCreateOrganization")?.variables).toEqual({
      input: { kind: "COUNTY", parentId: "hohhot", code: "150105", name: "赛罕区教育招生考试中心" },
    });
    expect(wrapper.get('[data-testid="organization-done"]').text()).toContain("已设立旗县区招生考试机构：赛罕区教育招生考试中心（150105）");
    expect(wrapper.findAll('[data-testid="province-tree-name"]').map((n) => n.text())).toContain("赛罕区教育招生考试中心");
  });

  it("shows the server's messages by the field they are about, the rest at the top", async () => {
    gatewayAnswersByOperation({
      BureauOrganizationAdmin: adminData(),
      BureauCreateOrganization: [
        { data: null, errors: [{ message: "组织代码 150102 已被使用", extensions: { code: "ORGANIZATION_CODE_TAKEN", field: "code" } }] },
        { data: null, errors: [{ message: "该类组织的上级须为：LEAGUE、PROVINCE", extensions: { code: "ORGANIZATION_PARENT_KIND_INVALID", field: "parentId" } }] },
        { data: null, errors: [{ message: "无权访问该数据：超出您的管理范围", extensions: { code: "FORBIDDEN" } }] },
      ],
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="organization-parent"]').trigger("click");
    await flushPromises();
    await choose(wrapper, "organization-parent-option-1501");
    await wrapper.get('[data-testid="organization-code"]').setValue("150102");
    await wrapper.get('[data-testid="organization-name-input"]').setValue("新城区");

    await submit(wrapper, "organization-form");
    expect(errorNextTo(wrapper, "organization-code")).toBe("组织代码 150102 已被使用");
    await submit(wrapper, "organization-form");
    expect(errorNextTo(wrapper, "organization-parent")).toContain("该类组织的上级须为");
    await submit(wrapper, "organization-form");
    expect(wrapper.get('[data-testid="organization-error"]').text()).toContain("超出您的管理范围");
  });
});

describe("allocate an account", () => {
  it("offers the organisations of the role's kind and sends the account for the chosen one", async () => {
    const sent = gatewayAnswersByOperation({
      BureauOrganizationAdmin: adminData(),
      BureauCreateStaffAccount: { data: { createStaffAccount: { id: "u9", username: "xincheng2", displayName: "韩招办" } } },
    });
    const wrapper = await mountPage();
    // A county agency account: the province has one county, so it is chosen.
    expect(wrapper.get('[data-testid="allocate-form"]').text()).toContain("新城区教育招生考试中心（150102）");
    await wrapper.get('[data-testid="allocate-username"]').setValue("xincheng2");
    await wrapper.get('[data-testid="allocate-display-name"]').setValue("韩招办");
    await wrapper.get('[data-testid="allocate-password"]').setValue("Grass#2026");
    await submit(wrapper, "allocate-form");

    expect(sent.find((s) => s.operation === "BureauCreateStaffAccount")?.variables).toEqual({
      input: { username: "xincheng2", displayName: "韩招办", password: "Grass#2026", role: "COUNTY_AGENCY", organizationId: "xincheng" },
    });
    expect(wrapper.get('[data-testid="allocate-done"]').text()).toContain("已为新城区教育招生考试中心分配旗县区招生考试机构账号 xincheng2（韩招办）。");
    expect((wrapper.get('[data-testid="allocate-password"]').element as HTMLInputElement).value).toBe("");
  });

  it("allocates a certification reviewer at the province itself", async () => {
    const sent = gatewayAnswersByOperation({
      BureauOrganizationAdmin: adminData(),
      BureauCreateStaffAccount: { data: { createStaffAccount: { id: "u8", username: "reviewer2", displayName: "钱审核" } } },
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="allocate-role-CERTIFICATION_REVIEWER"] input').setValue(true);
    await flushPromises();
    await wrapper.get('[data-testid="allocate-username"]').setValue("reviewer2");
    await wrapper.get('[data-testid="allocate-display-name"]').setValue("钱审核");
    await wrapper.get('[data-testid="allocate-password"]').setValue("Grass#2026");
    await submit(wrapper, "allocate-form");
    expect(sent.find((s) => s.operation === "BureauCreateStaffAccount")?.variables).toMatchObject({ input: { role: "CERTIFICATION_REVIEWER", organizationId: "im" } });
  });

  it("checks the account before sending anything and shows the server's field errors", async () => {
    const sent = gatewayAnswersByOperation({
      BureauOrganizationAdmin: adminData(),
      BureauCreateStaffAccount: { data: null, errors: [{ message: "该用户名已被注册", extensions: { code: "USERNAME_TAKEN", field: "username" } }] },
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="allocate-role-LEAGUE_AGENCY"] input').setValue(true);
    await flushPromises();
    await wrapper.get('[data-testid="allocate-username"]').setValue("league");
    await wrapper.get('[data-testid="allocate-password"]').setValue("short");
    await submit(wrapper, "allocate-form");
    expect(errorNextTo(wrapper, "allocate-display-name")).toBe("必填");
    expect(errorNextTo(wrapper, "allocate-password")).toBe("密码不符合下列规则");
    expect(sent.map((s) => s.operation)).toEqual(["BureauOrganizationAdmin"]);

    await wrapper.get('[data-testid="allocate-username"]').setValue("league1");
    await wrapper.get('[data-testid="allocate-display-name"]').setValue("郑市招办");
    await wrapper.get('[data-testid="allocate-password"]').setValue("Grass#2026");
    await submit(wrapper, "allocate-form");
    expect(errorNextTo(wrapper, "allocate-username")).toBe("该用户名已被注册");
    expect(errorNextTo(wrapper, "allocate-password")).toBe("");
  });

  it("says when the province has no organisation for the role yet", async () => {
    gatewayAnswersByOperation({ BureauOrganizationAdmin: adminData([im, hohhot]) });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="allocate-no-organization"]').text()).toBe("本省还没有区县，请先设立。");
  });
});
