import type { TemplateKey } from "../templates/template-catalog.js";

export type SmsProviderName = "log" | "tencent";

export interface SmsMessage {
  /** Mainland mobile number, 11 digits as identity stores it (a +86 / 0086 prefix is tolerated). */
  mobile: string;
  template: TemplateKey;
  /** The template's variables by name; template-based providers send these, not `text`. */
  variables: Record<string, string>;
  /** The rendered SMS text without the 【签名】 (see `renderTemplate`). */
  text: string;
}

export interface SmsReceipt {
  /** The provider's id for the message (Tencent's SerialNo), kept with the delivery record. */
  providerMessageId: string;
}

/**
 * Sends one text message. A failure is always an `SmsDeliveryError` whose `retryable` tells the
 * delivery engine whether to try again with backoff or dead-letter at once. Rate limits per
 * mobile are the delivery engine's business, not the provider's.
 */
export interface SmsProvider {
  readonly name: SmsProviderName;
  send(message: SmsMessage): Promise<SmsReceipt>;
}
