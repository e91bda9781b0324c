import { appendFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import type { Logger } from "@xuekao/subgraph-kit";

/**
 * Where text messages go. The notification subgraph takes SMS over when events land (issue 4);
 * until then identity sends verification codes itself through this interface.
 */
export interface SmsSender {
  send(mobile: string, text: string): Promise<void>;
}

/**
 * Development driver: writes each message to the log and appends `<time>\t<mobile>\t<text>` to
 * SMS_LOG_FILE, where a developer (or a browser test) reads the code. Never used in production.
 */
export class LogSmsSender implements SmsSender {
  constructor(
    private readonly logger: Logger,
    private readonly file?: string,
  ) {
    if (file) mkdirSync(dirname(file), { recursive: true });
  }

  async send(mobile: string, text: string): Promise<void> {
    this.logger.info({ mobile, text }, "SMS (development driver: not sent)");
    if (this.file) appendFileSync(this.file, `${new Date().toISOString()}\t${mobile}\t${text}\n`);
  }
}
