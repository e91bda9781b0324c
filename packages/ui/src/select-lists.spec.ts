import { afterEach, describe, expect, it } from "vitest";
import { flushPromises, mount } from "@vue/test-utils";
import ElementPlus, { ElOption, ElSelect } from "element-plus";
import { h } from "vue";
import { makeSelectListsFocusable } from "./select-lists";

afterEach(() => {
  document.body.innerHTML = "";
});

describe("select lists", () => {
  it("makes an Element Plus select's option list focusable once it is rendered, and leaves a set tabindex alone", async () => {
    const stop = makeSelectListsFocusable();
    const options = Array.from({ length: 34 }, (_, index) => h(ElOption, { key: index, value: String(index), label: `省份${index}` }));
    const wrapper = mount({ render: () => h(ElSelect, { modelValue: "", ariaLabel: "省份" }, () => options) }, { global: { plugins: [ElementPlus] }, attachTo: document.body });
    await wrapper.get(".el-select__wrapper").trigger("click");
    await flushPromises();
    const list = document.querySelector(".el-select-dropdown__wrap");
    expect(list).not.toBeNull();
    expect(list!.getAttribute("tabindex")).toBe("0");

    const own = document.createElement("div");
    own.innerHTML = '<div class="el-select-dropdown__wrap" tabindex="-1"></div>';
    document.body.append(own);
    await flushPromises();
    expect(own.firstElementChild!.getAttribute("tabindex")).toBe("-1");
    stop();
    wrapper.unmount();
  });
});
