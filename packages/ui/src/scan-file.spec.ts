import { describe, expect, it } from "vitest";
import { formatBytes, scanFileProblem, scanProblemText, sniffType } from "./scan-file";

const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0];
const PDF_HEAD = [...new TextEncoder().encode("%PDF-1.7\n")];
const LIMITS = { maxBytes: 1_048_576, allowedTypes: ["image/jpeg", "image/png"] };

/** A file of `size` bytes starting with `head`, named and typed as the browser would claim. */
const fileOf = (head: number[], size: number, name = "scan.png", type = "image/png") => {
  const bytes = new Uint8Array(size);
  bytes.set(head.slice(0, size));
  return new File([bytes], name, { type });
};

describe("the scan checked by its bytes before it is sent", () => {
  it("knows JPG, PNG and the usual impostors by their first bytes", () => {
    expect(sniffType(new Uint8Array(PNG_HEAD))).toBe("image/png");
    expect(sniffType(new Uint8Array(JPEG_HEAD))).toBe("image/jpeg");
    expect(sniffType(new Uint8Array(PDF_HEAD))).toBe("application/pdf");
    expect(sniffType(new Uint8Array([0x47, 0x49, 0x46, 0x38, 0x39, 0x61]))).toBe("image/gif");
    expect(sniffType(new Uint8Array([0x52, 0x49, 0x46, 0x46, 0, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]))).toBe("image/webp");
    expect(sniffType(new Uint8Array([0x89, 0x50]))).toBeNull();
    expect(sniffType(new Uint8Array())).toBeNull();
  });

  it("takes a PNG or JPG of exactly the limit", async () => {
    expect(await scanFileProblem(fileOf(PNG_HEAD, LIMITS.maxBytes), LIMITS)).toBeNull();
    expect(await scanFileProblem(fileOf(JPEG_HEAD, 2048, "photo.jpg", "image/jpeg"), LIMITS)).toBeNull();
  });

  it("refuses one byte more than the limit, and a 2 MB file", async () => {
    expect(await scanFileProblem(fileOf(PNG_HEAD, LIMITS.maxBytes + 1), LIMITS)).toEqual({ kind: "size", maxBytes: LIMITS.maxBytes, size: LIMITS.maxBytes + 1 });
    const twoMegabytes = await scanFileProblem(fileOf(JPEG_HEAD, 2 * 1024 * 1024, "big.jpg", "image/jpeg"), LIMITS);
    expect(scanProblemText(twoMegabytes!)).toBe("文件过大（2 MB），不能超过 1 MB，请压缩后重新选择");
  });

  it("judges a PDF named .jpg (and claimed image/jpeg by the browser) as the PDF it is", async () => {
    const problem = await scanFileProblem(fileOf(PDF_HEAD, 5000, "成绩证明.jpg", "image/jpeg"), LIMITS);
    expect(problem).toEqual({ kind: "type", detected: "application/pdf", allowedTypes: LIMITS.allowedTypes });
    expect(scanProblemText(problem!)).toBe("仅支持 JPG、PNG 格式的图片，所选文件实际为 PDF 格式");
    expect(scanProblemText(problem!, "en")).toContain("really PDF");
  });

  it("refuses an empty file and one whose bytes are no image, whatever its name", async () => {
    expect(await scanFileProblem(new File([], "empty.png", { type: "image/png" }), LIMITS)).toEqual({ kind: "empty" });
    const text = await scanFileProblem(fileOf([0x68, 0x65, 0x6c, 0x6c, 0x6f], 5, "notes.png"), LIMITS);
    expect(scanProblemText(text!)).toBe("仅支持 JPG、PNG 格式的图片，所选文件不是图片");
    // Only PNG allowed by this ticket: a real JPG is refused.
    expect((await scanFileProblem(fileOf(JPEG_HEAD, 10, "a.jpg", "image/jpeg"), { maxBytes: 100, allowedTypes: ["image/png"] }))?.kind).toBe("type");
  });

  it("writes sizes the way people read them", () => {
    expect(formatBytes(1_048_576)).toBe("1 MB");
    expect(formatBytes(512_000)).toBe("500 KB");
    expect(formatBytes(800)).toBe("800 B");
  });
});
