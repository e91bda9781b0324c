import type { EntityManager } from "@mikro-orm/core";
import type { Logger } from "@xuekao/subgraph-kit";
import { SmsDeliveryError } from "../sms/sms.errors.js";
import type { SmsProvider } from "../sms/sms-provider.js";
import type { TemplateKey } from "../templates/template-catalog.js";
import { SmsDelivery, SmsDeliveryStatus } from "./sms-delivery.entity.js";
import { scrubSecrets } from "./sms-delivery.service.js";

export interface SmsDeliverySettings {
  /** Attempts before a retryable failure becomes a dead letter. */
  maxAttempts: number;
  /** First retry delay; doubled each attempt up to `maxBackoffMs`. */
  baseBackoffMs: number;
  maxBackoffMs: number;
  /** Messages one mobile may receive in a sliding hour; more wait for the window (never dropped). */
  perMobilePerHour: number;
  /** Rows claimed per pass. */
  batchSize: number;
  /** How long a claimed row stays with its worker before another may take it (a crashed worker). */
  claimMs: number;
}

export const DEFAULT_SMS_DELIVERY_SETTINGS: SmsDeliverySettings = {
  maxAttempts: 5,
  baseBackoffMs: 30_000,
  maxBackoffMs: 60 * 60_000,
  perMobilePerHour: 10,
  batchSize: 20,
  claimMs: 60_000,
};

const HOUR_MS = 60 * 60_000;

export interface DeliveryPassResult {
  sent: number;
  retrying: number;
  dead: number;
  heldBack: number;
}

/** The lookup of a mobile (`ctx.personalData.lookup("mobile", …)` of the subgraph's key ring). */
export type MobileLookup = (mobile: string) => string;

/**
 * Sends what is due: claims PENDING rows whose time has come, one conditional UPDATE per row (so
 * two replicas never send the same message), applies the per-mobile limit, sends through the
 * provider and records the outcome. Retryable failures back off exponentially; a permanent
 * refusal or the last attempt makes a dead letter that province staff can see and send again.
 * Time is the job's `now` (the scheduler's clock), never the machine's.
 */
export class SmsDeliveryWorker {
  constructor(
    private readonly provider: SmsProvider,
    private readonly logger: Logger,
    /** Mobiles are encrypted at rest: the hourly limit counts a mobile's rows by this lookup. */
    private readonly mobileLookup: MobileLookup,
    private readonly settings: SmsDeliverySettings = DEFAULT_SMS_DELIVERY_SETTINGS,
  ) {}

  backoffMs(attempts: number): number {
    return Math.min(this.settings.baseBackoffMs * 2 ** Math.max(attempts - 1, 0), this.settings.maxBackoffMs);
  }

  async runPass(em: EntityManager, now: Date): Promise<DeliveryPassResult> {
    const result: DeliveryPassResult = { sent: 0, retrying: 0, dead: 0, heldBack: 0 };
    const due = await em.find(
      SmsDelivery,
      {
        status: SmsDeliveryStatus.PENDING,
        nextAttemptAt: { $lte: now },
        $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }],
      },
      { orderBy: { nextAttemptAt: "asc", createdAt: "asc" }, limit: this.settings.batchSize, fields: ["id"] },
    );
    for (const { id } of due) {
      const claimed = await em.nativeUpdate(
        SmsDelivery,
        { id, status: SmsDeliveryStatus.PENDING, $or: [{ claimedUntil: null }, { claimedUntil: { $lt: now } }] },
        { claimedUntil: new Date(now.getTime() + this.settings.claimMs) },
      );
      if (claimed !== 1) continue; // another worker took it
      const delivery = await em.findOneOrFail(SmsDelivery, { id }, { refresh: true });
      const outcome = await this.deliver(em, delivery, now);
      result[outcome] += 1;
      await em.flush();
    }
    return result;
  }

  private async deliver(em: EntityManager, delivery: SmsDelivery, now: Date): Promise<keyof DeliveryPassResult> {
    const windowStart = new Date(now.getTime() - HOUR_MS);
    // By the number's lookup, computed from the decrypted number (an equality on the encrypted column never matches).
    const recent = await em.find(
      SmsDelivery,
      { mobileLookup: this.mobileLookup(delivery.mobile), status: SmsDeliveryStatus.SENT, sentAt: { $gt: windowStart } },
      { orderBy: { sentAt: "asc" }, fields: ["sentAt"], limit: this.settings.perMobilePerHour },
    );
    if (recent.length >= this.settings.perMobilePerHour) {
      // Held back until the oldest of those leaves the window; not an attempt, not an error of the message.
      delivery.nextAttemptAt = new Date(recent[0]!.sentAt!.getTime() + HOUR_MS);
      delivery.claimedUntil = null;
      delivery.lastError = `RATE_LIMITED: 该手机号一小时内已收到 ${this.settings.perMobilePerHour} 条短信，稍后发送`;
      return "heldBack";
    }

    delivery.attempts += 1;
    try {
      const receipt = await this.provider.send({
        mobile: delivery.mobile,
        template: delivery.template as TemplateKey,
        variables: JSON.parse(delivery.variables) as Record<string, string>,
        text: delivery.text,
      });
      delivery.status = SmsDeliveryStatus.SENT;
      delivery.sentAt = now;
      delivery.providerMessageId = receipt.providerMessageId;
      delivery.lastError = null;
      delivery.claimedUntil = null;
      scrubSecrets(delivery);
      return "sent";
    } catch (error) {
      const failure =
        error instanceof SmsDeliveryError ? error : new SmsDeliveryError(this.provider.name, "UNEXPECTED", true, String(error), { cause: error });
      delivery.lastError = `${failure.providerCode}: ${failure.message}`.slice(0, 1000);
      delivery.claimedUntil = null;
      if (!failure.retryable || delivery.attempts >= this.settings.maxAttempts) {
        delivery.status = SmsDeliveryStatus.DEAD;
        scrubSecrets(delivery);
        this.logger.error({ deliveryId: delivery.id, template: delivery.template, attempts: delivery.attempts, code: failure.providerCode }, "SMS dead-lettered");
        return "dead";
      }
      delivery.nextAttemptAt = new Date(now.getTime() + this.backoffMs(delivery.attempts));
      this.logger.warn({ deliveryId: delivery.id, attempts: delivery.attempts, code: failure.providerCode }, "SMS failed, will retry");
      return "retrying";
    }
  }
}
