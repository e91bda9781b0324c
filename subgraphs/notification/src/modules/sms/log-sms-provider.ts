import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import { dirname } from "node:path";
import type { Logger } from "@xuekao/subgraph-kit";
import { DEFAULT_SIGN_NAME } from "./sms.config.js";
import { SmsDeliveryError } from "./sms.errors.js";
import type { SmsMessage, SmsProvider, SmsReceipt } from "./sms-provider.js";

export interface LogSmsProviderOptions {
  /** Appended to when set (SMS_LOG_FILE); otherwise messages only go to the log. */
  file?: string | undefined;
  signName?: string;
  now?: () => Date;
}

// Tabs separate the fields and newlines separate messages, so neither may occur inside one.
const oneLine = (text: string) => text.replace(/[\t\r\n]+/g, " ");

/**
 * Development driver: nothing leaves the machine. Each message goes to the log and, when a
 * file is configured, is appended as one line `<ISO time>\t<mobile>\t【签名】<text>`, exactly
 * the line identity's development sender writes: the browser suites (e2e `smsCodeFor`) and
 * identity's e2e read the code from that file by splitting on tabs, so the shape is a contract.
 * The signature is printed so the line reads as the phone would show it.
 */
export class LogSmsProvider implements SmsProvider {
  readonly name = "log";
  private readonly signName: string;
  private readonly now: () => Date;

  constructor(
    private readonly logger: Logger,
    private readonly options: LogSmsProviderOptions = {},
  ) {
    this.signName = options.signName ?? DEFAULT_SIGN_NAME;
    this.now = options.now ?? (() => new Date());
    // At boot: an unwritable directory stops the process instead of losing every code.
    if (options.file) mkdirSync(dirname(options.file), { recursive: true });
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    const providerMessageId = `log-${randomUUID()}`;
    const text = `【${this.signName}】${oneLine(message.text)}`;
    this.logger.info({ mobile: message.mobile, template: message.template, text, providerMessageId }, "SMS (development driver: not sent)");
    if (this.options.file) {
      try {
        await appendFile(this.options.file, `${this.now().toISOString()}\t${oneLine(message.mobile)}\t${text}\n`, "utf8");
      } catch (error) {
        // A full disk or a moved directory may well recover; let the engine retry.
        throw new SmsDeliveryError("log", "LOG_FILE_WRITE_FAILED", true, `could not append to SMS log file ${this.options.file}`, { cause: error });
      }
    }
    return { providerMessageId };
  }
}
