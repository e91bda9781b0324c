import { createHash, randomInt } from "node:crypto";
import { AuthErrors } from "@xuekao/subgraph-kit";
import { SmsCodeRequested } from "../../events.js";
import type { IdentityContext } from "../../identity-context.js";
import { mobileLookupOf, normalizeMobile } from "../user/mobile.js";
import { User } from "../user/user.entity.js";
import { SmsChallenge, SmsPurpose } from "./sms-challenge.entity.js";
import { SmsCodeErrors } from "./sms-code.errors.js";

export const CODE_TTL_MS = 5 * 60_000;
export const RESEND_INTERVAL_MS = 60_000;
export const MAX_ATTEMPTS = 5;
export const MAX_CODES_PER_DAY = 10;

const hashCode = (challengeId: string, code: string) => createHash("sha256").update(`${challengeId}:${code}`).digest("hex");

/** The event's purpose names (the notification subgraph picks the template by them). */
const PURPOSES = { [SmsPurpose.REGISTER]: "register", [SmsPurpose.CHANGE_MOBILE]: "change-mobile" } as const;

export interface SmsCodeTicketData {
  mobile: string;
  expiresAt: Date;
  resendAvailableAt: Date;
}

export class SmsCodeService {
  /**
   * Issues a fresh code, at most one a minute and ten a day per mobile. The code leaves as an
   * event (`identity.sms-code-requested`) committed with the challenge: the notification
   * subgraph texts it; identity keeps only its hash. Registration codes are open to anyone (and
   * rate-limited); a code to change a mobile is for a signed-in person, whose organisation then
   * places it in the delivery log.
   */
  async request(ctx: IdentityContext, rawMobile: string, purpose: SmsPurpose): Promise<SmsCodeTicketData> {
    let requester: { userId: string; organizationPath: string[] } | null = null;
    if (purpose === SmsPurpose.CHANGE_MOBILE) {
      if (ctx.caller?.kind !== "user") throw AuthErrors.UNAUTHENTICATED();
      requester = { userId: ctx.caller.subject, organizationPath: ctx.caller.roles[0]?.organizationPath ?? [] };
    }
    const mobile = normalizeMobile(rawMobile);
    const lookup = mobileLookupOf(ctx, mobile);
    if (await ctx.em.count(User, { mobileLookup: lookup })) throw SmsCodeErrors.MOBILE_TAKEN();
    const now = ctx.clock.now();
    const recent = await ctx.em.find(
      SmsChallenge,
      { mobileLookup: lookup, createdAt: { $gt: new Date(now.getTime() - 24 * 3600_000) } },
      { orderBy: { createdAt: "desc" } },
    );
    const latest = recent[0];
    if (latest && now.getTime() - latest.createdAt.getTime() < RESEND_INTERVAL_MS) {
      throw SmsCodeErrors.SMS_RESEND_TOO_SOON(undefined, { retryAt: new Date(latest.createdAt.getTime() + RESEND_INTERVAL_MS).toISOString() });
    }
    if (recent.length >= MAX_CODES_PER_DAY) throw SmsCodeErrors.SMS_RATE_LIMITED();

    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const challenge = ctx.em.create(SmsChallenge, {
      mobile,
      mobileLookup: lookup,
      purpose,
      codeHash: "",
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      attempts: 0,
      consumedAt: null,
      createdAt: now,
    });
    challenge.codeHash = hashCode(challenge.id, code);
    ctx.events.record(
      SmsCodeRequested,
      { mobile, code, purpose: PURPOSES[purpose], validMinutes: CODE_TTL_MS / 60_000, userId: requester?.userId ?? null },
      { organizationPath: requester?.organizationPath ?? [] },
    );
    // One flush: the challenge and its event commit together.
    await ctx.em.flush();
    return { mobile, expiresAt: challenge.expiresAt, resendAvailableAt: new Date(now.getTime() + RESEND_INTERVAL_MS) };
  }

  /**
   * Checks the newest code for this mobile and purpose and marks it used on `ctx.em`: call it
   * before opening the transaction of what the code authorises, which then commits the mark with
   * that change (the transaction's entity manager takes over the request's entities). A wrong try
   * is saved at once, outside any transaction, so that failing the change does not give tries back.
   */
  async consume(ctx: IdentityContext, mobile: string, purpose: SmsPurpose, code: string): Promise<void> {
    const challenge = await ctx.em.findOne(
      SmsChallenge,
      { mobileLookup: mobileLookupOf(ctx, mobile), purpose, consumedAt: null },
      { orderBy: { createdAt: "desc" } },
    );
    if (!challenge) throw SmsCodeErrors.SMS_CODE_INVALID({});
    if (challenge.expiresAt <= ctx.clock.now()) throw SmsCodeErrors.SMS_CODE_EXPIRED();
    if (challenge.attempts >= MAX_ATTEMPTS) throw SmsCodeErrors.SMS_CODE_TOO_MANY_ATTEMPTS();
    if (hashCode(challenge.id, code.trim()) !== challenge.codeHash) {
      challenge.attempts += 1;
      await ctx.em.flush();
      if (challenge.attempts >= MAX_ATTEMPTS) throw SmsCodeErrors.SMS_CODE_TOO_MANY_ATTEMPTS();
      const attemptsLeft = MAX_ATTEMPTS - challenge.attempts;
      throw SmsCodeErrors.SMS_CODE_INVALID({ attemptsLeft }, { attemptsLeft });
    }
    challenge.consumedAt = ctx.clock.now();
  }
}
