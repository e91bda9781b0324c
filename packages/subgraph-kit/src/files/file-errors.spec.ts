import { describe, expect, it } from "vitest";
import { describeAllowedTypes, fileErrors, formatByteLimit } from "./file-errors.js";
import { contentDisposition, parseRange } from "./file-routes.js";

describe("file error messages", () => {
  it("states limits in MB or KB, never more than the real limit", () => {
    expect(formatByteLimit(1_048_576)).toBe("1 MB");
    expect(formatByteLimit(1_048_577)).toBe("1 MB");
    expect(formatByteLimit(1_572_864)).toBe("1.5 MB");
    expect(formatByteLimit(2 * 1_048_576 - 1)).toBe("1.9 MB");
    expect(formatByteLimit(10 * 1_048_576)).toBe("10 MB");
    expect(formatByteLimit(512_000)).toBe("500 KB");
    expect(formatByteLimit(1024)).toBe("1 KB");
    expect(formatByteLimit(100)).toBe("100 字节");
    expect(fileErrors.tooLarge(1_048_576)).toMatchObject({ code: "FILE_TOO_LARGE", status: 413, message: "文件过大，不能超过 1 MB", details: { maxBytes: 1_048_576 } });
  });

  it("names the accepted types", () => {
    expect(describeAllowedTypes(["image/jpeg", "image/png"])).toBe("仅支持 JPG、PNG 格式的图片");
    expect(describeAllowedTypes(["image/jpeg", "image/png", "application/pdf"])).toBe("仅支持 JPG、PNG、PDF 格式的文件");
    expect(describeAllowedTypes(["application/pdf"])).toBe("仅支持 PDF 格式的文件");
    expect(describeAllowedTypes(["image/x-icon", "application/vnd.rar"])).toBe("仅支持 ICON、RAR 格式的文件");
    expect(describeAllowedTypes([])).toBe("不支持该文件类型");
  });
});

describe("contentDisposition", () => {
  it("keeps an ASCII name as it is", () => {
    expect(contentDisposition("certificate.pdf")).toBe(`attachment; filename="certificate.pdf"; filename*=UTF-8''certificate.pdf`);
    expect(contentDisposition("a b(1).png", "inline")).toBe(`inline; filename="a b(1).png"; filename*=UTF-8''a%20b%281%29.png`);
  });

  it("encodes a Chinese name by RFC 5987, with an ASCII fallback", () => {
    const header = contentDisposition("北京市成绩证明（张三）.pdf");
    expect(header).toBe(
      `attachment; filename="file.pdf"; filename*=UTF-8''${encodeURIComponent("北京市成绩证明（张三）.pdf")}`,
    );
    expect(decodeURIComponent(header.split("UTF-8''")[1]!)).toBe("北京市成绩证明（张三）.pdf");
  });

  it("cannot be used to inject headers or paths", () => {
    const header = contentDisposition('../evil"\r\nset-cookie: x=1.png');
    expect(header).not.toMatch(/[\r\n]/);
    expect(header).toMatch(/^attachment; filename="\.\._evil___set-cookie: x=1\.png"; filename\*=UTF-8''/);
    expect(contentDisposition("")).toBe(`attachment; filename="file"; filename*=UTF-8''file`);
  });
});

describe("parseRange", () => {
  it("resolves the three forms against the size", () => {
    expect(parseRange("bytes=0-99", 1000)).toEqual({ start: 0, end: 99 });
    expect(parseRange("bytes=900-", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=-100", 1000)).toEqual({ start: 900, end: 999 });
    expect(parseRange("bytes=-5000", 1000)).toEqual({ start: 0, end: 999 });
    expect(parseRange("bytes=990-5000", 1000)).toEqual({ start: 990, end: 999 });
  });

  it("says unsatisfiable past the end, and ignores what it does not understand", () => {
    expect(parseRange("bytes=1000-", 1000)).toBe("unsatisfiable");
    expect(parseRange("bytes=-0", 1000)).toBe("unsatisfiable");
    for (const header of [undefined, "", "bytes=0-1,5-6", "items=0-1", "bytes=5-1", "bytes=-", "bytes=a-b"]) {
      expect(parseRange(header, 1000), String(header)).toBeNull();
    }
  });
});
