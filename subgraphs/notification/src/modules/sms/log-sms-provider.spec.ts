import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Logger } from "@xuekao/subgraph-kit";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { renderTemplate } from "../templates/render-template.js";
import { LogSmsProvider } from "./log-sms-provider.js";
import { SmsDeliveryError } from "./sms.errors.js";
import type { SmsMessage } from "./sms-provider.js";

const fakeLogger = () => ({ info: vi.fn(), warn: vi.fn() }) as unknown as Logger & { info: ReturnType<typeof vi.fn> };

function codeMessage(mobile: string, code: string): SmsMessage {
  const variables = { code, validMinutes: "5" };
  return { mobile, template: "sms-code.register", variables, text: renderTemplate("sms-code.register", variables).smsText };
}

describe("LogSmsProvider", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "xuekao-sms-log-"));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it("appends one line per message in identity's shape, which the e2e suites parse", async () => {
    const file = join(dir, "nested", "sms.log");
    const logger = fakeLogger();
    const provider = new LogSmsProvider(logger, { file, now: () => new Date("2026-11-30T10:00:00Z") });

    const receipt = await provider.send(codeMessage("13800000001", "382941"));
    await provider.send(codeMessage("13900000002", "058213"));

    expect(receipt.providerMessageId).toMatch(/^log-[0-9a-f-]{36}$/);
    const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe("2026-11-30T10:00:00.000Z\t13800000001\t【学考平台】您的注册验证码为 382941，5 分钟内有效，请勿泄露给他人。如非本人操作，请忽略本短信。");
    // Exactly how e2e/test/browser/auth.e2e-spec.ts (smsCodeFor) and identity's e2e read it.
    const mine = lines.filter((line) => line.split("\t")[1] === "13900000002");
    expect(/\b(\d{6})\b/.exec(mine.at(-1)?.split("\t")[2] ?? "")?.[1]).toBe("058213");
    expect(/验证码为 (\d{6})/.exec(mine.at(-1)?.split("\t")[2] ?? "")?.[1]).toBe("058213");
    expect(logger.info).toHaveBeenCalledWith(expect.objectContaining({ mobile: "13800000001", text: expect.stringContaining("382941") }), expect.any(String));
  });

  it("keeps a message with line breaks or tabs on one line", async () => {
    const file = join(dir, "sms.log");
    await new LogSmsProvider(fakeLogger(), { file, signName: "内蒙古招考" }).send({
      ...codeMessage("13800000001", "111111"),
      text: "第一行\n第二行\t第三段",
    });
    const [line, ...rest] = readFileSync(file, "utf8").split("\n").filter(Boolean);
    expect(rest).toEqual([]);
    expect(line!.split("\t")).toHaveLength(3);
    expect(line!.split("\t")[2]).toBe("【内蒙古招考】第一行 第二行 第三段");
  });

  it("only logs when no file is configured", async () => {
    const logger = fakeLogger();
    await expect(new LogSmsProvider(logger).send(codeMessage("13800000001", "222222"))).resolves.toMatchObject({ providerMessageId: expect.any(String) });
    expect(logger.info).toHaveBeenCalledTimes(1);
  });

  it("fails only on a file error, as a retryable delivery error", async () => {
    // The path is a directory: appending to it fails.
    const provider = new LogSmsProvider(fakeLogger(), { file: dir });
    const failure = await provider.send(codeMessage("13800000001", "333333")).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(SmsDeliveryError);
    expect(failure).toMatchObject({ provider: "log", providerCode: "LOG_FILE_WRITE_FAILED", retryable: true });
  });
});
