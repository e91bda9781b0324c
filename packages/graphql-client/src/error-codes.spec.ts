import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs script without types
import { errorCodesSource } from "../scripts/error-codes.mjs";
import { ERROR_CODES, errorCodeOf } from "./error-codes.js";

describe("the platform's error codes", () => {
  it("match the subgraphs' and the gateway's errors.json (run `npm run compose` when stale)", () => {
    expect((errorCodesSource as () => string)()).toBe(readFileSync(new URL("./generated/error-codes.ts", import.meta.url), "utf8"));
  });

  it("include the codes pages branch on, with their categories", () => {
    expect(ERROR_CODES.ACCOUNT_LOCKED.category).toBe("UNAUTHENTICATED");
    expect(ERROR_CODES.CONFLICT.category).toBe("CONFLICT");
    expect(ERROR_CODES.FILE_TOO_LARGE.category).toBe("BAD_USER_INPUT");
    expect(ERROR_CODES.SUBGRAPH_UNAVAILABLE.category).toBe("UNAVAILABLE");
  });

  it("turns an error into a typed code, and an unknown one into undefined", () => {
    expect(errorCodeOf({ extensions: { code: "WINDOW_CLOSED_NOT_A_CODE" } })).toBeUndefined();
    expect(errorCodeOf({ extensions: { code: "FORBIDDEN" } })).toBe("FORBIDDEN");
    expect(errorCodeOf({ extensions: { code: "NETWORK_ERROR" } })).toBe("NETWORK_ERROR");
    expect(errorCodeOf(undefined)).toBeUndefined();
  });
});
