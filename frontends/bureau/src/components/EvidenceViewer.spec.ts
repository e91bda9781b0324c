import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount } from "@vue/test-utils";
import { createI18n } from "vue-i18n";
import ElementPlus from "element-plus";
import { messages } from "../i18n";
import EvidenceViewer from "./EvidenceViewer.vue";

afterEach(() => {
  vi.unstubAllGlobals();
  document.body.innerHTML = "";
});

describe("evidence viewer", () => {
  it("fetches each file with the reviewer's link and zooms and rotates by buttons and keys", async () => {
    const fetch = vi.fn(async () => new Response(new Blob([new Uint8Array([0x89, 0x50])], { type: "image/png" }), { status: 200 }));
    vi.stubGlobal("fetch", fetch);
    globalThis.URL.createObjectURL = vi.fn(() => "blob:scan");
    globalThis.URL.revokeObjectURL = vi.fn();
    const i18n = createI18n({ legacy: false, locale: "zh-CN", messages });
    const wrapper = mount(EvidenceViewer, {
      props: {
        files: [
          { label: "成绩证明", file: { id: "f1", fileName: "scan.png", mimeType: "image/png", downloadUrl: "/files/certification/download/f1?sig=a" } },
          { label: "身份证明", file: null },
        ],
      },
      global: { plugins: [i18n, ElementPlus] },
      attachTo: document.body,
    });
    await flushPromises();
    expect(fetch).toHaveBeenCalledWith("/files/certification/download/f1?sig=a", expect.anything());
    const image = wrapper.get('[data-testid="evidence-image"]');
    expect(image.attributes("alt")).toBe("成绩证明：scan.png");
    expect(wrapper.get('[data-testid="viewer-zoom-in"]').attributes("aria-label")).toBe("放大");

    await wrapper.get('[data-testid="viewer-zoom-in"]').trigger("click");
    await wrapper.get('[data-testid="viewer-rotate-right"]').trigger("click");
    expect(wrapper.get('[data-testid="evidence-image"]').attributes("style")).toContain("scale(1.25) rotate(90deg)");
    expect(wrapper.get('[data-testid="viewer-state"]').text()).toBe("缩放 125%，旋转 90 度");

    const frame = wrapper.get('[data-testid="viewer-frame"]');
    expect(frame.attributes("tabindex")).toBe("0");
    await frame.trigger("keydown", { key: "-" });
    await frame.trigger("keydown", { key: "-" });
    await frame.trigger("keydown", { key: "l" });
    await frame.trigger("keydown", { key: "l" });
    expect(wrapper.get('[data-testid="viewer-state"]').text()).toBe("缩放 75%，旋转 270 度");
    await frame.trigger("keydown", { key: "0" });
    expect(wrapper.get('[data-testid="evidence-image"]').attributes("style")).toContain("scale(1) rotate(0deg)");

    await wrapper.get('[data-testid="viewer-tab-1"]').trigger("click");
    await flushPromises();
    expect(wrapper.text()).toContain("该项材料尚未上传");
  });
});
