import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { gatewayAnswersByOperation, type GatewayBody, type SentOperation } from "@xuekao/ui/testing";
import { messages } from "../i18n";
import RosterPage from "./RosterPage.vue";

const SCHOOL = { id: "s1", code: "1501020001", name: "呼和浩特市第一中学", kind: "SCHOOL", parentId: "county" };
const CLASSES = [
  { id: "c1", code: "150102000101", name: "高一（1）班", parentId: "s1" },
  { id: "c2", code: "150102000102", name: "高一（2）班", parentId: "s1" },
  { id: "x9", code: "110108000101", name: "别校的班", parentId: "other" },
];
const adminScope: GatewayBody = { data: { me: { id: "a1", roles: [{ role: "SCHOOL_ADMIN", organization: SCHOOL }] }, organizations: CLASSES } };
const teacherScope: GatewayBody = {
  data: { me: { id: "t1", roles: [{ role: "CLASS_TEACHER", organization: { id: "c1", code: "150102000101", name: "高一（1）班", kind: "CLASS", parentId: "s1" } }] }, organizations: CLASSES },
};
const entries: GatewayBody = {
  data: {
    rosterEntries: {
      items: [{ id: "e1", maskedStudentNumber: "G1501**********1012", name: "王子涵", maskedIdNumber: "1501**********1012", className: "高一（1）班" }],
      nextCursor: null,
    },
  },
};
const importState = (fields: Record<string, unknown>) => ({
  data: {
    rosterImport: { id: "i1", status: "CHECKED", totalRows: 2, processedRows: 2, problemCount: 0, problems: [], createdCount: null, updatedCount: null, failureMessage: null, ...fields },
  },
});

/** The gateway by operation, and the upload link answering a PUT as the file service does. */
function network(answers: Record<string, GatewayBody | GatewayBody[]>): { sent: SentOperation[]; uploads: string[] } {
  const sent = gatewayAnswersByOperation(answers);
  const graphql = globalThis.fetch;
  const uploads: string[] = [];
  vi.stubGlobal(
    "fetch",
    vi.fn(async (url: string, init: RequestInit) => {
      if (init.method !== "PUT") return graphql(url, init);
      uploads.push(url);
      return new Response(JSON.stringify({ file: { id: "f1", size: 10, mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" } }), { status: 200 });
    }),
  );
  return { sent, uploads };
}

async function mountPage() {
  const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
  const wrapper = mount(RosterPage, { global: { plugins: [i18n, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return wrapper;
}

async function chooseFile(wrapper: Awaited<ReturnType<typeof mountPage>>) {
  const input = wrapper.get('[data-testid="roster-file"]');
  const file = new File([new Uint8Array([0x50, 0x4b, 0x03, 0x04])], "名单.xlsx", { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });
  Object.defineProperty(input.element, "files", { value: [file] });
  await input.trigger("change");
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("school roster page", () => {
  it("shows the school's roster masked and offers the import to its admin", async () => {
    const { sent } = network({ SchoolRosterScope: adminScope, SchoolRosterEntries: entries });
    const wrapper = await mountPage();
    expect(sent.filter((s) => s.operation === "SchoolRosterEntries").at(-1)?.variables).toEqual({ schoolId: "s1", classId: null, first: 50, after: null });
    const table = wrapper.get('[data-testid="roster-table"]').text();
    expect(table).toContain("G1501**********1012");
    expect(table).toContain("王子涵");
    expect(table).toContain("高一（1）班");
    expect(wrapper.find('[data-testid="roster-import-panel"]').exists()).toBe(true);
  });

  it("lets a class teacher read their class's roster without the import", async () => {
    const { sent } = network({ SchoolRosterScope: teacherScope, SchoolRosterEntries: entries });
    const wrapper = await mountPage();
    expect(wrapper.find('[data-testid="roster-import-panel"]').exists()).toBe(false);
    expect(sent.filter((s) => s.operation === "SchoolRosterEntries").at(-1)?.variables).toMatchObject({ schoolId: null });
    expect(wrapper.get('[data-testid="roster-table"]').text()).toContain("王子涵");
  });

  it("uploads the file, shows the check's progress, then its report by row and column, and offers no import", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { sent, uploads } = network({
      SchoolRosterScope: adminScope,
      SchoolRosterEntries: entries,
      SchoolStartRosterImport: { data: { startRosterImport: { import: { id: "i1", status: "AWAITING_UPLOAD" }, upload: { uploadUrl: "/files/registry/upload/f1?sig=x" } } } },
      SchoolCheckRosterImport: { data: { checkRosterImport: { id: "i1", status: "CHECKING" } } },
      SchoolRosterImport: [
        importState({ status: "CHECKING", totalRows: 5000, processedRows: 1250 }),
        importState({ problemCount: 1, problems: [{ row: 3, column: "身份证号", message: "身份证号码校验位不正确" }] }),
      ],
    });
    const wrapper = await mountPage();
    await chooseFile(wrapper);
    await wrapper.get('[data-testid="roster-check"]').trigger("click");
    await flushPromises();
    expect(uploads).toEqual(["/files/registry/upload/f1?sig=x"]);
    expect(sent.find((s) => s.operation === "SchoolStartRosterImport")?.variables).toEqual({ schoolId: "s1", fileName: "名单.xlsx" });
    expect(wrapper.get('[data-testid="roster-progress"]').text()).toContain("已处理 1250 / 5000 行");

    vi.advanceTimersByTime(1000);
    await flushPromises();
    expect(wrapper.find('[data-testid="roster-progress"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="roster-problems-summary"]').text()).toContain("发现 1 个问题（共 2 行），未写入任何数据");
    const report = wrapper.get('[data-testid="roster-problems"]').text();
    expect(report).toContain("3");
    expect(report).toContain("身份证号码校验位不正确");
    expect(wrapper.find('[data-testid="roster-commit"]').exists()).toBe(false);
  });

  it("commits a clean file and says how many were added and updated", async () => {
    const { sent } = network({
      SchoolRosterScope: adminScope,
      SchoolRosterEntries: entries,
      SchoolStartRosterImport: { data: { startRosterImport: { import: { id: "i1", status: "AWAITING_UPLOAD" }, upload: { uploadUrl: "/files/registry/upload/f1?sig=x" } } } },
      SchoolCheckRosterImport: { data: { checkRosterImport: { id: "i1", status: "CHECKING" } } },
      SchoolCommitRosterImport: { data: { commitRosterImport: { id: "i1", status: "COMMITTING" } } },
      SchoolRosterImport: [importState({}), importState({ status: "COMMITTED", createdCount: 1, updatedCount: 1 })],
    });
    const wrapper = await mountPage();
    await chooseFile(wrapper);
    await wrapper.get('[data-testid="roster-check"]').trigger("click");
    await flushPromises();
    expect(wrapper.get('[data-testid="roster-ready"]').text()).toContain("检查通过：共 2 行");
    await wrapper.get('[data-testid="roster-commit"]').trigger("click");
    await flushPromises();
    expect(sent.find((s) => s.operation === "SchoolCommitRosterImport")?.variables).toEqual({ importId: "i1" });
    expect(wrapper.get('[data-testid="roster-committed"]').text()).toContain("导入完成：新增 1 名，更新 1 名");
  });

  it("shows the server's refusal when the file cannot be imported", async () => {
    network({
      SchoolRosterScope: adminScope,
      SchoolRosterEntries: entries,
      SchoolStartRosterImport: { data: null, errors: [{ message: "无权访问该数据：超出您的管理范围", extensions: { code: "FORBIDDEN" } }] },
    });
    const wrapper = await mountPage();
    await chooseFile(wrapper);
    await wrapper.get('[data-testid="roster-check"]').trigger("click");
    await flushPromises();
    expect(wrapper.get('[data-testid="roster-import-error"]').text()).toContain("无权访问该数据：超出您的管理范围");
  });
});
