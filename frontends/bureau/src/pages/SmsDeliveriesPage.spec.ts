import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount, type VueWrapper } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus, { ElDatePicker } from "element-plus";
import { gatewayAnswersByOperation, type GatewayBody } from "@xuekao/ui/testing";
import { messages } from "../i18n";
import SmsDeliveriesPage from "./SmsDeliveriesPage.vue";

const sent = {
  id: "d1",
  mobile: "139****1234",
  text: "【学考平台】您的验证码为 ******，5 分钟内有效。",
  status: "SENT",
  attempts: 1,
  nextAttemptAt: "2026-11-22T02:00:00.000Z",
  lastError: null,
  template: "sms-code.register",
  canRetry: false,
  templateDescription: "注册验证码",
  createdAt: "2026-11-22T02:00:00.000Z",
  sentAt: "2026-11-22T02:00:01.000Z",
  recipient: null,
};
const dead = {
  id: "d2",
  mobile: "138****0001",
  text: "【学考平台】张小明，您的成绩认定申请已提交。",
  status: "DEAD",
  canRetry: true,
  attempts: 5,
  nextAttemptAt: "2026-11-21T09:00:00.000Z",
  lastError: "1014 模板未审批",
  template: "certification.submitted",
  templateDescription: "成绩认定申请已提交",
  createdAt: "2026-11-21T08:00:00.000Z",
  sentAt: null,
  recipient: { displayName: "张小明" },
};

const page = (items: unknown[], total = items.length): GatewayBody => ({ data: { smsDeliveries: { total, items } } });

async function mountPage() {
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
  const wrapper = mount(SmsDeliveriesPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

/** The message Element Plus shows under the form item of the input with this id. */
function errorNextTo(wrapper: VueWrapper, id: string): string {
  const input = wrapper.get(`#${id}`).element;
  return input.closest(".el-form-item")?.querySelector(".el-form-item__error")?.textContent?.trim() ?? "";
}

async function search(wrapper: VueWrapper) {
  await wrapper.get('[data-testid="sms-filters"]').trigger("submit");
  await flushPromises();
  // Element Plus shows a form item's error after a short debounce.
  await new Promise((resolve) => setTimeout(resolve, 150));
}

/** Chooses an option of an Element Plus select by its data-testid (the options live in a popper). */
async function choose(wrapper: VueWrapper, selectTestid: string, optionTestid: string) {
  await wrapper.get(`[data-testid="${selectTestid}"]`).trigger("click");
  await flushPromises();
  const option = document.querySelector(`[data-testid="${optionTestid}"]`);
  if (!option) throw new Error(`no option ${optionTestid}`);
  option.dispatchEvent(new MouseEvent("click", { bubbles: true }));
  await flushPromises();
}

/** Sets the day of the date picker with this id, as picking it in its calendar does. */
async function pickDay(wrapper: VueWrapper, id: string, day: string) {
  const picker = wrapper.findAllComponents(ElDatePicker).find((p) => p.props("id") === id);
  if (!picker) throw new Error(`no date picker ${id}`);
  picker.vm.$emit("update:modelValue", day);
  await flushPromises();
}

const rowTexts = (wrapper: VueWrapper) => wrapper.findAll(".el-table__body tr").map((row) => row.text());

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("the SMS delivery log", () => {
  it("lists the newest deliveries with masked mobiles, status, attempts, error and recipient", async () => {
    const requests = gatewayAnswersByOperation({ BureauSmsDeliveries: page([sent, dead], 2) });
    const wrapper = await mountPage();
    expect(requests).toEqual([{ operation: "BureauSmsDeliveries", variables: { filter: {}, limit: 20, offset: 0 } }]);

    const [first, second] = rowTexts(wrapper);
    expect(first).toContain("139****1234");
    expect(first).toContain("注册验证码");
    expect(first).toContain("******");
    expect(first).toContain("已发送");
    // Beijing time: 02:00 UTC is 10:00.
    expect(first).toContain("10:00");
    expect(second).toContain("已放弃");
    expect(second).toContain("1014 模板未审批");
    expect(second).toContain("张小明");
    expect(wrapper.get('[data-testid="sms-total"]').text()).toBe("共 2 条");
    // Only an abandoned message can be sent again.
    expect(wrapper.findAll('[data-testid="sms-retry"]')).toHaveLength(1);
    expect(wrapper.findAll(".el-table__body tr")[1]?.find('[data-testid="sms-retry"]').exists()).toBe(true);
  });

  it("labels every filter", async () => {
    gatewayAnswersByOperation({ BureauSmsDeliveries: page([]) });
    const wrapper = await mountPage();
    for (const id of ["sms-status", "sms-mobile", "sms-from", "sms-to"]) {
      expect(wrapper.find(`label[for="${id}"]`).exists(), id).toBe(true);
    }
    expect(wrapper.find("input#sms-mobile").exists()).toBe(true);
    expect(wrapper.get('[data-testid="sms-deliveries-table"]').text()).toContain("暂无短信投递记录");
  });

  it("sends the filters as the query's variables, the days counted in Beijing time", async () => {
    const requests = gatewayAnswersByOperation({ BureauSmsDeliveries: [page([sent, dead]), page([dead])] });
    const wrapper = await mountPage();
    await choose(wrapper, "sms-status", "sms-status-option-DEAD");
    await wrapper.get('[data-testid="sms-mobile"]').setValue(" 13800000001 ");
    await pickDay(wrapper, "sms-from", "2026-11-01");
    await pickDay(wrapper, "sms-to", "2026-11-21");
    await search(wrapper);

    expect(requests.at(-1)).toEqual({
      operation: "BureauSmsDeliveries",
      variables: {
        filter: { status: "DEAD", mobile: "13800000001", createdAfter: "2026-10-31T16:00:00.000Z", createdBefore: "2026-11-21T16:00:00.000Z" },
        limit: 20,
        offset: 0,
      },
    });
    expect(rowTexts(wrapper)).toHaveLength(1);

    // Reset shows everything again.
    await wrapper.get('[data-testid="sms-reset"]').trigger("click");
    await flushPromises();
    expect(requests.at(-1)?.variables).toEqual({ filter: {}, limit: 20, offset: 0 });
    expect((wrapper.get('[data-testid="sms-mobile"]').element as HTMLInputElement).value).toBe("");
  });

  it("checks the mobile and the days in Chinese before asking the server", async () => {
    const requests = gatewayAnswersByOperation({ BureauSmsDeliveries: page([sent]) });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="sms-mobile"]').setValue("1380000");
    await pickDay(wrapper, "sms-from", "2026-11-21");
    await pickDay(wrapper, "sms-to", "2026-11-01");
    await search(wrapper);
    expect(errorNextTo(wrapper, "sms-mobile")).toBe("请输入正确的 11 位手机号");
    expect(errorNextTo(wrapper, "sms-to")).toBe("截止日期不能早于起始日期");
    expect(requests).toHaveLength(1);

    await wrapper.get('[data-testid="sms-mobile"]').setValue("13800000001");
    await pickDay(wrapper, "sms-to", "2026-11-21");
    await search(wrapper);
    expect(errorNextTo(wrapper, "sms-mobile")).toBe("");
    expect(errorNextTo(wrapper, "sms-to")).toBe("");
    expect(requests).toHaveLength(2);
  });

  it("pages through the log", async () => {
    const many = Array.from({ length: 20 }, (_, i) => ({ ...sent, id: `s${i}` }));
    const requests = gatewayAnswersByOperation({ BureauSmsDeliveries: [page(many, 45), page([sent], 45)] });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="sms-pager"] .btn-next').trigger("click");
    await flushPromises();
    expect(requests.at(-1)?.variables).toEqual({ filter: {}, limit: 20, offset: 20 });

    // A new search starts at the first page again.
    await choose(wrapper, "sms-status", "sms-status-option-SENT");
    await search(wrapper);
    expect(requests.at(-1)?.variables).toEqual({ filter: { status: "SENT" }, limit: 20, offset: 0 });
  });

  it("sends an abandoned message again once confirmed, and shows the row queued", async () => {
    const requests = gatewayAnswersByOperation({
      BureauSmsDeliveries: page([sent, dead]),
      BureauRetrySmsDelivery: { data: { retrySmsDelivery: { id: "d2", status: "PENDING", canRetry: false, attempts: 0, nextAttemptAt: "2026-11-22T03:00:00.000Z", lastError: null, sentAt: null } } },
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="sms-retry"]').trigger("click");
    await flushPromises();
    const dialog = document.querySelector('[data-testid="sms-retry-dialog"]');
    expect(dialog?.textContent).toContain("将重新发送这条发往 138****0001 的“成绩认定申请已提交”短信。");
    expect(requests.map((r) => r.operation)).toEqual(["BureauSmsDeliveries"]);

    document.querySelector<HTMLElement>('[data-testid="sms-retry-confirm"]')?.click();
    await flushPromises();
    expect(requests.at(-1)).toEqual({ operation: "BureauRetrySmsDelivery", variables: { id: "d2" } });
    expect(wrapper.get('[data-testid="sms-retry-done"]').text()).toContain("已重新排入发送队列：发往 138****0001 的“成绩认定申请已提交”短信。");
    const row = rowTexts(wrapper)[1];
    expect(row).toContain("待发送");
    expect(row).not.toContain("1014 模板未审批");
    expect(wrapper.findAll('[data-testid="sms-retry"]')).toHaveLength(0);
  });

  it("offers no resend of an abandoned verification code: the server says it cannot be retried", async () => {
    gatewayAnswersByOperation({ BureauSmsDeliveries: page([{ ...dead, id: "d3", template: "sms-code.register", canRetry: false }]) });
    const wrapper = await mountPage();
    expect(rowTexts(wrapper)[0]).toContain("已放弃");
    expect(wrapper.findAll('[data-testid="sms-retry"]')).toHaveLength(0);
  });

  it("sends nothing when the confirmation is cancelled", async () => {
    const requests = gatewayAnswersByOperation({ BureauSmsDeliveries: page([dead]) });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="sms-retry"]').trigger("click");
    await flushPromises();
    document.querySelector<HTMLElement>('[data-testid="sms-retry-cancel"]')?.click();
    await flushPromises();
    expect(requests.map((r) => r.operation)).toEqual(["BureauSmsDeliveries"]);
  });

  it("shows the server's reason when a message cannot be sent again, and leaves the row as it was", async () => {
    gatewayAnswersByOperation({
      BureauSmsDeliveries: page([dead]),
      BureauRetrySmsDelivery: {
        data: null,
        errors: [{ message: "验证码短信不重新发送：验证码已失效，请考生重新获取", extensions: { code: "SMS_DELIVERY_CODE_EXPIRED" } }],
      },
    });
    const wrapper = await mountPage();
    await wrapper.get('[data-testid="sms-retry"]').trigger("click");
    await flushPromises();
    document.querySelector<HTMLElement>('[data-testid="sms-retry-confirm"]')?.click();
    await flushPromises();
    expect(wrapper.get('[data-testid="sms-retry-error"]').text()).toContain("验证码短信不重新发送：验证码已失效，请考生重新获取");
    expect(wrapper.find('[data-testid="sms-retry-done"]').exists()).toBe(false);
    expect(rowTexts(wrapper)[0]).toContain("已放弃");
  });

  it("shows a refusal with the shared query feedback", async () => {
    gatewayAnswersByOperation({
      BureauSmsDeliveries: { data: { smsDeliveries: null }, errors: [{ message: "您的角色无权执行此操作", path: ["smsDeliveries"], extensions: { code: "FORBIDDEN" } }] },
    });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="query-error"]').text()).toContain("您的角色无权执行此操作");
    expect(wrapper.find('[data-testid="sms-deliveries-table"]').exists()).toBe(false);
  });
});
