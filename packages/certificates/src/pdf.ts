import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { formatBeijingTime } from "@xuekao/rules";
import PDFDocument from "pdfkit";
import QRCode from "qrcode";
import type { CertificateFields } from "./fields.js";

// A fresh machine has no CJK system fonts: Noto Sans SC (OFL) comes from an npm package, and
// pdfkit embeds only the glyphs used, so a certificate stays small although the font is 10 MB.
const require = createRequire(import.meta.url);
export const REGULAR_FONT_PATH = require.resolve("@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf");
export const BOLD_FONT_PATH = require.resolve("@expo-google-fonts/noto-sans-sc/700Bold/NotoSansSC_700Bold.ttf");
let fonts: { regular: Buffer; bold: Buffer } | undefined;
const loadFonts = () => (fonts ??= { regular: readFileSync(REGULAR_FONT_PATH), bold: readFileSync(BOLD_FONT_PATH) });

/** The QR code of the verify link as a PNG (what the PDF embeds). */
export function verificationQrPng(verifyUrl: string): Promise<Buffer> {
  return QRCode.toBuffer(verifyUrl, { type: "png", errorCorrectionLevel: "M", margin: 2, scale: 6 });
}

const KIND_NOTE: Record<CertificateFields["kind"], string> = {
  CERTIFICATION_RESULT: "认定结果",
  SCORE_CERTIFICATE: "成绩证明",
};

/**
 * The certificate as a PDF (A4): every field as signed, the subjects as a table, and a QR code of
 * `verifyUrl` with the verification code beside it, so anyone holding the paper can check it.
 */
export async function renderCertificatePdf(fields: CertificateFields, options: { verifyUrl: string; code: string }): Promise<Buffer> {
  const { regular, bold } = loadFonts();
  const qr = await verificationQrPng(options.verifyUrl);
  const doc = new PDFDocument({
    size: "A4",
    margin: 56,
    info: { Title: fields.title, Author: fields.issuerName, Subject: `${KIND_NOTE[fields.kind]} ${options.code}` },
  });
  doc.registerFont("regular", regular);
  doc.registerFont("bold", bold);
  const chunks: Buffer[] = [];
  doc.on("data", (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
  });

  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;

  doc.font("bold").fontSize(18).text(fields.title, left, 64, { width, align: "center" });
  doc.moveDown(0.4).font("regular").fontSize(11).fillColor("#444").text(fields.issuerName, { width, align: "center" }).fillColor("#000");
  doc.moveDown(1.2);

  const rows: Array<[string, string]> = [
    ["姓名", fields.holderName],
    ["身份证号", fields.idNumberMasked],
    ["学籍号", fields.recordNumber ?? "—"],
  ];
  if (fields.kind === "CERTIFICATION_RESULT" || fields.originProvinceName) rows.push(["成绩来源省份", fields.originProvinceName ?? "—"]);
  rows.push(["签发机构", fields.issuerName], ["签发时间（北京时间）", formatBeijingTime(fields.issuedAt)]);
  doc.fontSize(11);
  for (const [label, value] of rows) {
    const y = doc.y;
    doc.font("bold").text(label, left, y, { width: 130 });
    doc.font("regular").text(value, left + 140, y, { width: width - 140 });
    doc.moveDown(0.35);
  }

  // Subjects: name | result | detail.
  doc.moveDown(0.8);
  const columns = [left, left + 150, left + 230];
  const columnWidths = [145, 75, width - 230];
  const header = doc.y;
  doc.font("bold").text("科目", columns[0]!, header, { width: columnWidths[0] });
  doc.text("结果", columns[1]!, header, { width: columnWidths[1] });
  doc.text("说明", columns[2]!, header, { width: columnWidths[2] });
  doc.moveTo(left, doc.y + 2).lineTo(left + width, doc.y + 2).lineWidth(0.5).stroke();
  doc.moveDown(0.4);
  doc.font("regular");
  for (const subject of fields.subjects) {
    const y = doc.y;
    doc.text(subject.name, columns[0]!, y, { width: columnWidths[0] });
    const afterName = doc.y;
    doc.fillColor(subject.result === "合格" ? "#1a7f37" : "#b42318").text(subject.result, columns[1]!, y, { width: columnWidths[1] }).fillColor("#000");
    doc.text(subject.detail ?? "", columns[2]!, y, { width: columnWidths[2] });
    doc.y = Math.max(doc.y, afterName);
    doc.moveDown(0.25);
  }
  if (fields.subjects.length === 0) doc.text("（无科目）", left, doc.y);

  // The QR code and the code, kept together at the foot of the page (a new page if the table ran long).
  const qrSize = 110;
  if (doc.y + qrSize + 40 > doc.page.height - doc.page.margins.bottom) doc.addPage();
  const footY = doc.page.height - doc.page.margins.bottom - qrSize;
  doc.image(qr, left, footY, { width: qrSize, height: qrSize });
  doc.font("bold").fontSize(11).text("验证码", left + qrSize + 16, footY + 18);
  doc.font("bold").fontSize(20).text(options.code, left + qrSize + 16, footY + 36, { characterSpacing: 1 });
  doc
    .font("regular")
    .fontSize(9)
    .fillColor("#444")
    .text(`扫描二维码或访问 ${options.verifyUrl} 核验本证书的内容、签名与撤销状态。`, left + qrSize + 16, footY + 66, { width: width - qrSize - 16 });
  doc.end();
  return finished;
}
