import jsQRModule from "jsqr";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { renderCertificatePdf, verificationQrPng } from "./pdf.js";
import { sampleCertificateFields } from "./test-fields.js";

// jsqr is CommonJS with an ES default export: Node hands over the module object.
const jsQR = ((jsQRModule as unknown as { default?: typeof jsQRModule.default }).default ?? jsQRModule) as unknown as typeof jsQRModule.default;
const verifyUrl = "https://xuekao.example.cn/verify/7K3QD-XM2PA";

describe("certificate PDF", () => {
  it("is a small PDF with the Chinese font embedded as a subset", async () => {
    const pdf = await renderCertificatePdf(sampleCertificateFields(), { verifyUrl, code: "7K3QD-XM2PA" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    const bytes = pdf.toString("latin1");
    expect(bytes).toContain("/FontFile2");
    // A subset font is named with a six-letter tag before the font's own name.
    expect(bytes).toMatch(/\/BaseFont \/[A-Z]{6}\+NotoSansSC/);
    expect(pdf.length).toBeLessThan(300 * 1024);
  });

  it("the QR code it embeds decodes to the verify link", async () => {
    const png = PNG.sync.read(await verificationQrPng(verifyUrl));
    expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(verifyUrl);
  });

  it("renders a score certificate without an origin province and many subjects", async () => {
    const subjects = Array.from({ length: 14 }, (_, index) => ({ code: `S${index}`, name: `科目${index}`, result: "合格" as const, detail: "88 分" }));
    const pdf = await renderCertificatePdf(sampleCertificateFields({ kind: "SCORE_CERTIFICATE", title: "普通高中学业水平合格性考试成绩证明", originProvinceName: null, subjects }), { verifyUrl, code: "7K3QD-XM2PA" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  });
});
