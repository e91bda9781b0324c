import { AuthErrors, flushUnique, type Caller } from "@xuekao/subgraph-kit";
import type { IdentityContext } from "../../identity-context.js";
import { checkPasswordStrength, hashPassword, verifyPassword } from "../credential/password.js";
import { placeOfPerson } from "../role-binding/binding-paths.js";
import { SessionService } from "../session/session.service.js";
import { SmsPurpose } from "../sms-code/sms-challenge.entity.js";
import { SmsCodeErrors } from "../sms-code/sms-code.errors.js";
import { SmsCodeService } from "../sms-code/sms-code.service.js";
import { recordContactChanged } from "../user/contact-event.js";
import { mobileLookupOf, normalizeMobile } from "../user/mobile.js";
import { User } from "../user/user.entity.js";
import { AccountErrors } from "./account.errors.js";

const mobileTaken = () => SmsCodeErrors.MOBILE_TAKEN(undefined, { field: "newMobile" });

/** What a signed-in person changes about their own account: password and mobile (docs/domain.md "Password and mobile"). */
export class AccountService {
  private readonly sessions = new SessionService();
  private readonly smsCodes = new SmsCodeService();

  /** The caller's own account; a third-party system has none. */
  private async self(ctx: IdentityContext): Promise<{ caller: Caller; user: User }> {
    const caller = ctx.caller;
    const user = caller?.kind === "user" ? await ctx.em.findOne(User, { id: caller.subject }) : null;
    if (!caller || !user) throw AuthErrors.UNAUTHENTICATED();
    return { caller, user };
  }

  /**
   * Keeps this device signed in and ends every other login, which may know the old password.
   * Audited (`account.password-changed`, no values) in the same transaction.
   */
  async changePassword(ctx: IdentityContext, currentPassword: string, newPassword: string): Promise<boolean> {
    const { caller, user } = await this.self(ctx);
    if (!user.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) throw AccountErrors.CURRENT_PASSWORD_WRONG();
    checkPasswordStrength(newPassword, user.username);
    // Hashed before the transaction opens: scrypt takes a while, the transaction need not.
    const passwordHash = await hashPassword(newPassword);
    const organizationPath = await placeOfPerson(ctx.em, user.id);
    await ctx.transaction(async (tx) => {
      user.passwordHash = passwordHash;
      user.mustChangePassword = false;
      await this.sessions.endOtherSessions(tx, user.id, caller.sessionId);
      await tx.audit.record({ action: "account.password-changed", subject: { type: "User", id: user.id }, organizationPath });
    });
    return true;
  }

  /**
   * The code went to the new number, which proves the person holds it. The number is stored
   * encrypted with its lookup; the audit entry (`account.mobile-changed`) keeps both numbers
   * masked, and commits with the change and the contact event.
   */
  async changeMobile(ctx: IdentityContext, rawMobile: string, smsCode: string): Promise<User> {
    const { user } = await this.self(ctx);
    const mobile = normalizeMobile(rawMobile, "newMobile");
    const lookup = mobileLookupOf(ctx, mobile);
    if (await ctx.em.count(User, { mobileLookup: lookup, id: { $ne: user.id } })) throw mobileTaken();
    // Before the transaction: a wrong code counts as a try even though nothing changes.
    await this.smsCodes.consume(ctx, mobile, SmsPurpose.CHANGE_MOBILE, smsCode);
    const previous = user.mobile;
    return ctx.transaction(async (tx) => {
      user.mobile = mobile;
      user.mobileLookup = lookup;
      const placed = await recordContactChanged(tx, user);
      await tx.audit.record({
        action: "account.mobile-changed",
        subject: { type: "User", id: user.id },
        organizationPath: placed[0]?.path ?? [],
        before: { mobile: previous },
        after: { mobile },
      });
      await flushUnique(tx.em, mobileTaken);
      return user;
    });
  }
}
