import { createHash, randomInt } from "node:crypto";
import type { EntityManager } from "@mikro-orm/core";
import { isMobile } from "@xuekao/rules";
import { User } from "../user/user.entity.js";
import { SmsChallenge, SmsPurpose } from "./sms-challenge.entity.js";
import { SmsCodeErrors } from "./sms-code.errors.js";
import { recordEvent } from "@xuekao/events";
import { SmsCodeRequested } from "../../events.js";

export const CODE_TTL_MS = 5 * 60_000;
export const RESEND_INTERVAL_MS = 60_000;
export const MAX_ATTEMPTS = 5;
export const MAX_CODES_PER_DAY = 10;

const hashCode = (challengeId: string, code: string) => createHash("sha256").update(`${challengeId}:${code}`).digest("hex");

/** The event's purpose names (the notification subgraph picks the template by them). */
const PURPOSES = { [SmsPurpose.REGISTER]: "register", [SmsPurpose.CHANGE_MOBILE]: "change-mobile" } as const;

/** Who asked, when someone signed in did (a change of mobile); registrations have nobody yet. */
export interface SmsCodeRequester {
  userId: string;
  organizationPath: string[];
}

export interface SmsCodeTicketData {
  mobile: string;
  expiresAt: Date;
  resendAvailableAt: Date;
}

export class SmsCodeService {
  constructor(
    private readonly em: EntityManager,
    private readonly now: () => Date = () => new Date(),
  ) {}

  static normalizeMobile(raw: string, field = "mobile"): string {
    const mobile = raw.replace(/[\s-]/g, "");
    if (!isMobile(mobile)) throw SmsCodeErrors.mobileInvalid(field);
    return mobile;
  }

  /**
   * Issues a fresh code, at most one a minute and ten a day per mobile. The code leaves as an
   * event (`identity.sms-code-requested`) committed with the challenge: the notification
   * subgraph texts it; identity keeps only its hash.
   */
  async request(rawMobile: string, purpose: SmsPurpose, requester: SmsCodeRequester | null = null): Promise<SmsCodeTicketData> {
    const mobile = SmsCodeService.normalizeMobile(rawMobile);
    if (await this.em.count(User, { mobile })) throw SmsCodeErrors.mobileTaken();
    const now = this.now();
    const recent = await this.em.find(
      SmsChallenge,
      { mobile, createdAt: { $gt: new Date(now.getTime() - 24 * 3600_000) } },
      { orderBy: { createdAt: "desc" } },
    );
    const latest = recent[0];
    if (latest && now.getTime() - latest.createdAt.getTime() < RESEND_INTERVAL_MS) {
      throw SmsCodeErrors.resendTooSoon(new Date(latest.createdAt.getTime() + RESEND_INTERVAL_MS));
    }
    if (recent.length >= MAX_CODES_PER_DAY) throw SmsCodeErrors.rateLimited();

    const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
    const challenge = this.em.create(SmsChallenge, {
      mobile,
      purpose,
      codeHash: "",
      expiresAt: new Date(now.getTime() + CODE_TTL_MS),
      attempts: 0,
      consumedAt: null,
      createdAt: now,
    });
    challenge.codeHash = hashCode(challenge.id, code);
    recordEvent(
      this.em,
      SmsCodeRequested.create(
        { mobile, code, purpose: PURPOSES[purpose], validMinutes: CODE_TTL_MS / 60_000, userId: requester?.userId ?? null },
        { producer: "identity", organizationPath: requester?.organizationPath ?? [] },
      ),
    );
    await this.em.flush();
    return { mobile, expiresAt: challenge.expiresAt, resendAvailableAt: new Date(now.getTime() + RESEND_INTERVAL_MS) };
  }

  /**
   * Checks the newest code for this mobile and purpose and marks it used; the caller's flush
   * saves that together with whatever the code authorises. A wrong try is saved at once.
   */
  async consume(mobile: string, purpose: SmsPurpose, code: string): Promise<void> {
    const challenge = await this.em.findOne(SmsChallenge, { mobile, purpose, consumedAt: null }, { orderBy: { createdAt: "desc" } });
    if (!challenge) throw SmsCodeErrors.codeInvalid();
    if (challenge.expiresAt <= this.now()) throw SmsCodeErrors.codeExpired();
    if (challenge.attempts >= MAX_ATTEMPTS) throw SmsCodeErrors.tooManyAttempts();
    if (hashCode(challenge.id, code.trim()) !== challenge.codeHash) {
      challenge.attempts += 1;
      await this.em.flush();
      if (challenge.attempts >= MAX_ATTEMPTS) throw SmsCodeErrors.tooManyAttempts();
      throw SmsCodeErrors.codeInvalid(MAX_ATTEMPTS - challenge.attempts);
    }
    challenge.consumedAt = this.now();
  }
}
