import type { SmsProviderName } from "./sms-provider.js";

/**
 * A message the provider did not accept. Not a DomainError: nobody in front of a screen caused
 * it, the delivery engine handles it. `retryable` is the whole decision the engine needs:
 * throttling, timeouts, network and server errors pass with time (retry with backoff); an
 * invalid number, an unapproved template or signature, a blocked number or a bad credential
 * does not (dead-letter now, a person must act).
 */
export class SmsDeliveryError extends Error {
  constructor(
    readonly provider: SmsProviderName,
    /** The provider's own code (e.g. `LimitExceeded.PhoneNumberDailyLimit`) or one of ours in upper snake case. */
    readonly providerCode: string,
    readonly retryable: boolean,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "SmsDeliveryError";
  }
}
