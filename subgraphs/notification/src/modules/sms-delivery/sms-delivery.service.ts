import type { FilterQuery } from "@mikro-orm/core";
import { normalizeMobile } from "@xuekao/rules";
import { accessRule, AuthErrors, authorize, isUuid, PATH_SEPARATOR, type RequestContext, Role, scopeFilter, scopeWhere, signedInContext } from "@xuekao/subgraph-kit";
import { renderTemplate } from "../templates/render-template.js";
import { SmsDelivery, SmsDeliveryStatus } from "./sms-delivery.entity.js";
import { filterInvalid, SmsDeliveryErrors } from "./sms-delivery.errors.js";
import type { SmsDeliveryFilter, SmsDeliveryPage } from "./sms-delivery.inputs.js";

export const MAX_DELIVERIES_PAGE = 100;

/** The delivery log is the province institute's (issue: "per-message delivery status visible to province staff"). */
export const READ_DELIVERIES = accessRule("READ_DELIVERIES", { roles: [Role.PROVINCE_INSTITUTE] });
export const RETRY_DELIVERIES = accessRule("RETRY_DELIVERIES", { roles: [Role.PROVINCE_INSTITUTE] });

export interface NewSmsDelivery {
  template: string;
  variables: Record<string, string>;
  mobile: string;
  recipientId?: string | null;
  organizationPath: string[];
  eventId?: string | null;
}

/** Templates whose variables hold a secret (a verification code): scrubbed after sending, never resent. */
export const isVerificationCode = (template: string) => template.startsWith("sms-code.");

const SCRUBBED = "******";

/** Whether province staff may send it again: given up on, and not a code (a resent code would be expired). */
export const canRetry = (delivery: SmsDelivery) => delivery.status === SmsDeliveryStatus.DEAD && !isVerificationCode(delivery.template);

/** The message's text with its verification code (if any) hidden: what the log may show, at any status. */
export function maskedText(delivery: SmsDelivery): string {
  if (!isVerificationCode(delivery.template)) return delivery.text;
  const { code } = JSON.parse(delivery.variables) as { code?: string };
  return code && code !== SCRUBBED ? delivery.text.split(code).join(SCRUBBED) : delivery.text;
}

/**
 * Forgets a sent (or dead) verification code: the row keeps what the log needs (who, when,
 * which template, how it went) but not the code itself.
 */
export function scrubSecrets(delivery: SmsDelivery): void {
  if (!isVerificationCode(delivery.template)) return;
  delivery.text = maskedText(delivery);
  delivery.variables = JSON.stringify({ ...(JSON.parse(delivery.variables) as Record<string, string>), code: SCRUBBED });
}

export class SmsDeliveryService {
  /**
   * Queues a text message, rendered now so that a bad variable fails the event's handling (and
   * is seen) instead of a blank message going out later. Persisted, not flushed: it commits with
   * the caller's transaction (the consumed event's dedupe mark). Due at once, by the context's clock.
   */
  enqueue(ctx: RequestContext, input: NewSmsDelivery): SmsDelivery {
    const rendered = renderTemplate(input.template, input.variables);
    const mobile = normalizeMobile(input.mobile);
    if (!mobile) throw SmsDeliveryErrors.SMS_MOBILE_INVALID();
    const now = ctx.clock.now();
    return ctx.em.create(SmsDelivery, {
      eventId: input.eventId ?? null,
      template: rendered.key,
      variables: JSON.stringify(rendered.variables),
      text: rendered.smsText,
      mobile,
      mobileLookup: ctx.personalData.lookup("mobile", mobile),
      recipientId: input.recipientId ?? null,
      organizationPath: input.organizationPath.join(PATH_SEPARATOR),
      status: SmsDeliveryStatus.PENDING,
      attempts: 0,
      nextAttemptAt: now,
      claimedUntil: null,
      lastError: null,
      providerMessageId: null,
      createdAt: now,
      sentAt: null,
    });
  }

  /** Newest first, inside the caller's province (or whatever their bindings reach), filtered. */
  async list(ctx: RequestContext, filter: SmsDeliveryFilter = {}, limit = 20, offset = 0): Promise<SmsDeliveryPage> {
    const { caller } = signedInContext(ctx);
    const scope = scopeFilter(caller, READ_DELIVERIES);
    // A log, not a list of one's own things: the wrong role is told so rather than shown nothing
    // (the declared rule refuses it first; this holds for any caller that gets here).
    if (!scope) throw AuthErrors.FORBIDDEN("ROLE");
    // A registration code goes to a number before any account or organisation exists: such rows
    // belong to no province, and every province institute may see them (masked) to help a
    // candidate whose code did not arrive.
    const conditions: FilterQuery<SmsDelivery>[] = [
      { $or: [scopeWhere(scope, { path: "organizationPath" }), { organizationPath: "" }] } as FilterQuery<SmsDelivery>,
    ];
    if (filter.status) conditions.push({ status: filter.status });
    if (filter.template) conditions.push({ template: filter.template.trim() });
    if (filter.mobile) {
      const mobile = normalizeMobile(filter.mobile);
      if (!mobile) throw filterInvalid("mobile");
      // The column is encrypted: a mobile is found by its lookup, never by its value.
      conditions.push({ mobileLookup: ctx.personalData.lookup("mobile", mobile) });
    }
    if (filter.createdAfter && filter.createdBefore && filter.createdBefore <= filter.createdAfter) throw filterInvalid("range");
    if (filter.createdAfter) conditions.push({ createdAt: { $gte: filter.createdAfter } });
    if (filter.createdBefore) conditions.push({ createdAt: { $lt: filter.createdBefore } });
    const [items, total] = await ctx.em.findAndCount(
      SmsDelivery,
      { $and: conditions },
      {
        orderBy: { createdAt: "desc", id: "asc" },
        limit: Math.min(Math.max(limit, 1), MAX_DELIVERIES_PAGE),
        offset: Math.max(offset, 0),
      },
    );
    return { items, total };
  }

  /**
   * Sends a dead message again from scratch (a person fixed the cause, e.g. the template was
   * approved): a decision of the province institute, audited in the same transaction.
   */
  async retry(ctx: RequestContext, id: string): Promise<SmsDelivery> {
    const { caller } = signedInContext(ctx);
    return ctx.transaction(async (tx) => {
      const delivery = isUuid(id) ? await tx.em.findOne(SmsDelivery, { id }) : null;
      if (!delivery) throw SmsDeliveryErrors.SMS_DELIVERY_NOT_FOUND(undefined, { id });
      const organizationPath = delivery.organizationPath.split(PATH_SEPARATOR).filter(Boolean);
      authorize(caller, RETRY_DELIVERIES, { organizationPath });
      if (delivery.status !== SmsDeliveryStatus.DEAD) throw SmsDeliveryErrors.SMS_DELIVERY_NOT_RETRYABLE(undefined, { id });
      if (isVerificationCode(delivery.template)) throw SmsDeliveryErrors.SMS_DELIVERY_CODE_EXPIRED(undefined, { id });
      const before = { status: delivery.status, attempts: delivery.attempts, lastError: delivery.lastError };
      delivery.status = SmsDeliveryStatus.PENDING;
      delivery.attempts = 0;
      delivery.nextAttemptAt = tx.clock.now();
      delivery.claimedUntil = null;
      delivery.lastError = null;
      await tx.audit.record({
        action: "sms-delivery.retried",
        subject: { type: "SmsDelivery", id: delivery.id },
        organizationPath,
        before,
        after: { status: delivery.status, attempts: delivery.attempts, template: delivery.template },
      });
      await tx.em.flush();
      return delivery;
    });
  }
}
