import type { Logger } from "@xuekao/subgraph-kit";
import { LogSmsProvider } from "./log-sms-provider.js";
import type { SmsConfig } from "./sms.config.js";
import type { SmsProvider } from "./sms-provider.js";
import { TencentSmsProvider, type TencentSmsClient } from "./tencent-sms-provider.js";

export interface CreateSmsProviderOptions {
  /** For tests of the wiring: a fake SDK client for the Tencent provider. */
  tencentClient?: TencentSmsClient;
  /** The subgraph's clock, which stamps the development driver's log lines. */
  now?: () => Date;
}

/**
 * The provider SMS_PROVIDER names (see `loadSmsConfig`). The development driver is allowed in
 * production, for a pilot without an SMS contract, but never silently: nobody receives a text.
 */
export function createSmsProvider(config: SmsConfig, logger: Logger, options: CreateSmsProviderOptions = {}): SmsProvider {
  if (config.provider === "tencent") return new TencentSmsProvider(config.tencent, options.tencentClient);
  if (config.production) {
    logger.warn(
      { smsProvider: "log" },
      "SMS_PROVIDER=log in production: text messages are NOT sent, only written to the log (with mobile numbers and verification codes)",
    );
  }
  return new LogSmsProvider(logger, { file: config.logFile, signName: config.signName, ...(options.now ? { now: options.now } : {}) });
}
