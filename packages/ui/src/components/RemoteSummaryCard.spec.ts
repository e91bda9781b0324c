import { describe, expect, it } from "vitest";
import { mount } from "@vue/test-utils";
import ElementPlus from "element-plus";
import RemoteSummaryCard from "./RemoteSummaryCard.vue";

type Props = InstanceType<typeof RemoteSummaryCard>["$props"];

function mountCard(props: Partial<Props>) {
  return mount(RemoteSummaryCard, {
    props: { testid: "school-summary", loading: false, hasData: true, errors: [], rows: [], ...props },
    global: { plugins: [ElementPlus] },
  });
}

describe("RemoteSummaryCard", () => {
  it("lists the rows, with the test id on the list and where a row asks for one", () => {
    const wrapper = mountCard({
      rows: [
        { label: "考籍记录", value: 12, testid: "school-summary-count" },
        { label: "未读通知", value: "—" },
      ],
    });
    const list = wrapper.get('dl[data-testid="school-summary"]');
    expect(list.findAll("dt").map((dt) => dt.text())).toEqual(["考籍记录", "未读通知"]);
    expect(list.get('[data-testid="school-summary-count"]').text()).toBe("12");
    expect(list.findAll("dd")[1]?.attributes("data-testid")).toBeUndefined();
    expect(list.findAll("dd")[1]?.text()).toBe("—");
  });

  it("shows a skeleton while loading", () => {
    const wrapper = mountCard({ loading: true });
    expect(wrapper.find(".el-skeleton").exists()).toBe(true);
    expect(wrapper.find('[data-testid="school-summary"]').exists()).toBe(false);
  });

  it("shows the first error when nothing came back, and the rows when something did", () => {
    const errors = [{ message: "无权访问该辖区数据" }, { message: "其他" }];
    const failed = mountCard({ hasData: false, errors });
    expect(failed.get(".el-alert").text()).toBe("无权访问该辖区数据");
    expect(failed.find('[data-testid="school-summary"]').exists()).toBe(false);
    expect(mountCard({ hasData: true, errors }).find('[data-testid="school-summary"]').exists()).toBe(true);
  });
});
