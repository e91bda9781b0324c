import { nextTick } from "vue";
import { afterEach, describe, expect, it, vi } from "vitest";
import { flushPromises, mount } from "@vue/test-utils";
import { createPinia } from "pinia";
import { createMemoryHistory } from "vue-router";
import ElementPlus from "element-plus";
import { createShellI18n } from "../i18n";
import { authorize, createShellRouter } from "../router";
import VerifyCertificatePage from "./VerifyCertificatePage.vue";

const fields = {
  code: "7K3QD-XM2PA",
  kind: "CERTIFICATION_RESULT",
  title: "外省普通高中学业水平合格性考试成绩认定结果",
  issuerName: "北京教育考试院",
  provinceCode: "11",
  holderName: "张小明",
  idNumberMasked: "1304**********1234",
  recordNumber: "G110101200801011234",
  originProvinceName: "河北省",
  issuedAt: "2026-03-20T02:00:00.000Z",
  subjects: [
    { code: "MATHEMATICS", name: "数学", result: "合格", detail: "B 不低于合格等级 C，合格" },
    { code: "PHYSICS", name: "物理", result: "不合格", detail: "D 低于合格等级 C，不合格" },
  ],
};
const verification = (overrides: Record<string, unknown> = {}) => ({
  data: { verifyCertificate: { code: "7K3QD-XM2PA", found: true, signatureValid: true, revoked: false, revokedAt: null, revocationReason: null, fields, ...overrides } },
});

function gatewayAnswers(body: unknown) {
  const fetch = vi.fn(async (_url: string, _init?: RequestInit) => new Response(JSON.stringify(body), { status: 200, headers: { "content-type": "application/json" } }));
  vi.stubGlobal("fetch", fetch);
  return fetch;
}

async function mountAt(path: string) {
  const router = createShellRouter([], createMemoryHistory());
  await router.push(path);
  const wrapper = mount(VerifyCertificatePage, { global: { plugins: [createPinia(), createShellI18n(), router, ElementPlus] }, attachTo: document.body });
  await flushPromises();
  return { wrapper, router };
}

afterEach(() => {
  vi.unstubAllGlobals();
  sessionStorage.clear();
  document.body.innerHTML = "";
});

describe("certificate verification page", () => {
  it("is public: the guard lets anyone open /verify and /verify/<code>", async () => {
    const router = createShellRouter([], createMemoryHistory());
    const session = { isAuthenticated: false, consoles: [], roleNames: [], passwordChangeRequired: false, ensureUser: async () => {} };
    for (const path of ["/verify", "/verify/7K3QD-XM2PA"]) {
      await router.push(path);
      expect(await authorize(router.currentRoute.value, session, [])).toBe(true);
    }
  });

  it("verifies the code in the address without a token, and shows every field and the valid signature", async () => {
    sessionStorage.setItem("xuekao.accessToken", "someone-signed-in");
    const fetch = gatewayAnswers(verification());
    const { wrapper } = await mountAt("/verify/7K3QD-XM2PA");
    expect(JSON.parse(String(fetch.mock.calls[0]![1]!.body)).variables).toEqual({ code: "7K3QD-XM2PA" });
    expect(new Headers(fetch.mock.calls[0]![1]!.headers).get("authorization")).toBeNull();
    expect(wrapper.get('[data-testid="verify-signature-valid"]').text()).toContain("签名有效");
    expect(wrapper.find('[data-testid="verify-revoked"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="verify-field-holderName"]').text()).toBe("张小明");
    expect(wrapper.get('[data-testid="verify-field-idNumberMasked"]').text()).toBe("1304**********1234");
    expect(wrapper.get('[data-testid="verify-field-originProvinceName"]').text()).toBe("河北省");
    expect(wrapper.get('[data-testid="verify-field-issuedAt"]').text()).toContain("10:00");
    const subjects = wrapper.get('[data-testid="verify-subjects"]').text();
    expect(subjects).toContain("物理");
    expect(subjects).toContain("不合格");
    expect(subjects).toContain("D 低于合格等级 C，不合格");
  });

  it("says plainly when the signature fails, when the certificate was revoked, and when nothing has the code", async () => {
    gatewayAnswers(verification({ signatureValid: false }));
    expect((await mountAt("/verify/7K3QD-XM2PA")).wrapper.get('[data-testid="verify-signature-invalid"]').text()).toContain("签名无效，证书可能被篡改");
    document.body.innerHTML = "";
    gatewayAnswers(verification({ revoked: true, revokedAt: "2026-03-21T03:00:00.000Z", revocationReason: "认定材料系伪造" }));
    const revoked = (await mountAt("/verify/7K3QD-XM2PA")).wrapper.get('[data-testid="verify-revoked"]').text();
    expect(revoked).toContain("已撤销");
    expect(revoked).toContain("认定材料系伪造");
    expect(revoked).toContain("11:00");
    document.body.innerHTML = "";
    gatewayAnswers(verification({ found: false, signatureValid: false, fields: null }));
    expect((await mountAt("/verify/00000-00000")).wrapper.get('[data-testid="verify-not-found"]').text()).toContain("未找到该验证码");
  });

  it("has a labelled code field; submitting goes to the code's address, and a malformed code shows the server's reason under it", async () => {
    gatewayAnswers({ data: null, errors: [{ message: "验证码有误（校验位不符），请逐位核对证书上的验证码", extensions: { code: "CERTIFICATE_CODE_INVALID", field: "code" } }] });
    const { wrapper, router } = await mountAt("/verify");
    expect(wrapper.get('label[for="verify-code"]').text()).toBe("验证码");
    await wrapper.get("form").trigger("submit");
    await flushPromises();
    await nextTick();
    expect(wrapper.get(".el-form-item").classes()).toContain("is-error");
    expect(wrapper.get('[data-testid="verify-code-error"]').text()).toBe("请输入证书上的验证码");
    await wrapper.get('[data-testid="verify-code"]').setValue("7k3qd xm2pb");
    await wrapper.get("form").trigger("submit");
    await flushPromises();
    await nextTick();
    expect(router.currentRoute.value.fullPath).toBe("/verify/7k3qd%20xm2pb");
    expect(wrapper.get('[data-testid="verify-code-error"]').text()).toContain("校验位不符");
    expect(wrapper.get("#verify-code").attributes("aria-describedby")).toBe("verify-code-error");
  });
});
