import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { gatewayAnswersByOperation, type GatewayBody } from "@xuekao/ui/testing";
import { messages } from "../i18n";
import ExamRecordsPage from "./ExamRecordsPage.vue";

const teacherScope: GatewayBody = {
  data: {
    me: {
      id: "t1",
      roles: [
        { role: "CLASS_TEACHER", organization: { id: "c1", code: "150102000101", name: "高一（1）班", kind: "CLASS" } },
        { role: "CLASS_TEACHER", organization: { id: "c3", code: "150102000103", name: "高一（3）班", kind: "CLASS" } },
      ],
    },
  },
};

/** The network boundary: what the gateway answers for the records, and for whose they are. */
function gatewayAnswers(records: GatewayBody, scope: GatewayBody = teacherScope) {
  return gatewayAnswersByOperation({ SchoolExamRecords: records, SchoolScope: scope });
}

async function mountPage() {
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
  const wrapper = mount(ExamRecordsPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

const record = (id: string, candidate: unknown) => ({ id, recordNumber: `1101082026${id}`, status: "REGISTERED", candidate, school: { name: "北京市第一零一中学" } });

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("school exam records page", () => {
  it("shows records with fields from registry and identity", async () => {
    const sent = gatewayAnswers({ data: { examRecordPage: { items: [record("01", { id: "u1", displayName: "张小明" })], nextCursor: null } } });
    const wrapper = await mountPage();

    expect(sent.find((s) => s.operation === "SchoolExamRecords")?.variables).toEqual({ first: 50, after: null });
    const table = wrapper.get('[data-testid="exam-records-table"]');
    expect(table.text()).toContain("110108202601");
    expect(table.text()).toContain("张小明");
    expect(table.text()).toContain("北京市第一零一中学");
    expect(table.text()).toContain("已注册");
  });

  it("says whose records they are: a teacher's classes", async () => {
    gatewayAnswers({ data: { examRecordPage: { items: [], nextCursor: null } } });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="records-scope"]').text()).toBe("管理范围：高一（1）班（班主任）、高一（3）班（班主任）");
  });

  it("still shows the records when it cannot say whose they are", async () => {
    gatewayAnswers({ data: { examRecordPage: { items: [record("01", { id: "u1", displayName: "张小明" })], nextCursor: null } } }, { data: null, errors: [{ message: "identity 服务暂不可用" }] });
    const wrapper = await mountPage();
    expect(wrapper.find('[data-testid="records-scope"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="exam-records-table"]').text()).toContain("张小明");
  });

  it("renders partial data and says what is missing", async () => {
    gatewayAnswers({
      data: { examRecordPage: { items: [record("01", null)], nextCursor: null } },
      errors: [{ message: "identity 服务暂不可用", path: ["examRecordPage", "items", 0, "candidate"] }],
    });
    const wrapper = await mountPage();

    expect(wrapper.get('[data-testid="query-partial"]').text()).toContain("部分信息暂时无法显示");
    expect(wrapper.get('[data-testid="query-partial"]').text()).toContain("考生姓名");
    const table = wrapper.get('[data-testid="exam-records-table"]');
    expect(table.text()).toContain("110108202601");
    expect(table.text()).toContain("暂不可用");
  });

  it("shows the empty state", async () => {
    gatewayAnswers({ data: { examRecordPage: { items: [], nextCursor: null } } });
    const wrapper = await mountPage();
    expect(wrapper.get('[data-testid="query-empty"]').text()).toContain("暂无考籍记录");
  });
});
