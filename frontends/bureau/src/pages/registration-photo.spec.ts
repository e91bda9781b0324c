import { describe, expect, it } from "vitest";
import { PHOTO_MAX_BYTES, formatBytes, photoProblem } from "./registration-photo";

describe("the collected photo, checked before it is sent", () => {
  it("takes JPG and PNG up to 2 MB", () => {
    expect(photoProblem({ type: "image/png", size: PHOTO_MAX_BYTES })).toBeNull();
    expect(photoProblem({ type: "image/jpeg", size: 1 })).toBeNull();
  });

  it("refuses other types, empty files and one byte more than the limit", () => {
    expect(photoProblem({ type: "image/gif", size: 10 })).toEqual({ kind: "type" });
    expect(photoProblem({ type: "", size: 10 })).toEqual({ kind: "type" });
    expect(photoProblem({ type: "image/png", size: 0 })).toEqual({ kind: "empty" });
    expect(photoProblem({ type: "image/png", size: PHOTO_MAX_BYTES + 1 })).toEqual({ kind: "size", maxBytes: PHOTO_MAX_BYTES });
  });

  it("follows the limits of the server's ticket when given", () => {
    expect(photoProblem({ type: "image/png", size: 600 }, { maxBytes: 500, allowedTypes: ["image/png"] })).toEqual({ kind: "size", maxBytes: 500 });
    expect(formatBytes(PHOTO_MAX_BYTES)).toBe("2 MB");
    expect(formatBytes(512_000)).toBe("500 KB");
  });
});
