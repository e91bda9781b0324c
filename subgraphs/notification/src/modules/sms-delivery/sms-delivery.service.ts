import type { EntityManager, FilterQuery } from "@mikro-orm/core";
import { normalizeMobile } from "@xuekao/rules";
import { type AccessRule, AUTH_ERROR_CODES, AUTH_ERROR_MESSAGES, authorize, type Caller, DomainError, isUuid, PATH_SEPARATOR, requireCaller, Role, scopeFilter, scopeWhere } from "@xuekao/subgraph-kit";
import { renderTemplate } from "../templates/render-template.js";
import { SmsDelivery, SmsDeliveryStatus } from "./sms-delivery.entity.js";
import { SmsDeliveryErrors } from "./sms-delivery.errors.js";
import type { SmsDeliveryFilter, SmsDeliveryPage } from "./sms-delivery.inputs.js";

export const MAX_DELIVERIES_PAGE = 100;

/** The delivery log is the province institute's (issue: "per-message delivery status visible to province staff"). */
export const READ_DELIVERIES: AccessRule = { roles: [Role.PROVINCE_INSTITUTE] };
export const RETRY_DELIVERIES: AccessRule = { roles: [Role.PROVINCE_INSTITUTE] };

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
  constructor(private readonly em: EntityManager) {}

  /**
   * Queues a text message, rendered now so that a bad variable fails the event's handling (and
   * is seen) instead of a blank message going out later. Persisted, not flushed: it commits with
   * the caller's transaction (the consumed event's dedupe mark).
   */
  enqueue(input: NewSmsDelivery, now = new Date()): SmsDelivery {
    const rendered = renderTemplate(input.template, input.variables);
    const mobile = normalizeMobile(input.mobile);
    if (!mobile) throw new DomainError("SMS_MOBILE_INVALID", "BAD_USER_INPUT", "手机号无效，无法发送短信", { field: "mobile" });
    return this.em.create(SmsDelivery, {
      eventId: input.eventId ?? null,
      template: rendered.key,
      variables: JSON.stringify(rendered.variables),
      text: rendered.smsText,
      mobile,
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
  async list(caller: Caller | null, filter: SmsDeliveryFilter = {}, limit = 20, offset = 0): Promise<SmsDeliveryPage> {
    requireCaller(caller);
    const scope = scopeFilter(caller, READ_DELIVERIES);
    // A log, not a list of one's own things: the wrong role is told so rather than shown nothing.
    if (!scope) throw new DomainError(AUTH_ERROR_CODES.FORBIDDEN, "FORBIDDEN", AUTH_ERROR_MESSAGES.ROLE);
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
      if (!mobile) throw SmsDeliveryErrors.mobileInvalid();
      conditions.push({ mobile });
    }
    if (filter.createdAfter && filter.createdBefore && filter.createdBefore <= filter.createdAfter) throw SmsDeliveryErrors.rangeInvalid();
    if (filter.createdAfter) conditions.push({ createdAt: { $gte: filter.createdAfter } });
    if (filter.createdBefore) conditions.push({ createdAt: { $lt: filter.createdBefore } });
    const [items, total] = await this.em.findAndCount(
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

  /** Sends a dead message again from scratch (a person fixed the cause, e.g. the template was approved). */
  async retry(caller: Caller | null, id: string, now = new Date()): Promise<SmsDelivery> {
    requireCaller(caller);
    const delivery = isUuid(id) ? await this.em.findOne(SmsDelivery, { id }) : null;
    if (!delivery) throw SmsDeliveryErrors.notFound(id);
    authorize(caller, RETRY_DELIVERIES, { organizationPath: delivery.organizationPath.split(PATH_SEPARATOR).filter(Boolean) });
    if (delivery.status !== SmsDeliveryStatus.DEAD) throw SmsDeliveryErrors.notDead(id);
    if (isVerificationCode(delivery.template)) throw SmsDeliveryErrors.codeExpired(id);
    delivery.status = SmsDeliveryStatus.PENDING;
    delivery.attempts = 0;
    delivery.nextAttemptAt = now;
    delivery.claimedUntil = null;
    delivery.lastError = null;
    await this.em.flush();
    return delivery;
  }
}
