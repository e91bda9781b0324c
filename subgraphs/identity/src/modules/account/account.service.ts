import { recordContactChanged } from "../user/contact-event.js";
import type { EntityManager } from "@mikro-orm/core";
import { DomainError, flushUnique, type Caller } from "@xuekao/subgraph-kit";
import { checkPasswordStrength, hashPassword, verifyPassword } from "../credential/password.js";
import type { SessionService } from "../session/session.service.js";
import { SessionErrors } from "../session/session.errors.js";
import { SmsPurpose } from "../sms-code/sms-challenge.entity.js";
import { SmsCodeErrors } from "../sms-code/sms-code.errors.js";
import { SmsCodeService } from "../sms-code/sms-code.service.js";
import { User } from "../user/user.entity.js";

const currentPasswordWrong = () =>
  new DomainError("CURRENT_PASSWORD_WRONG", "BAD_USER_INPUT", "当前密码不正确", { field: "currentPassword" });

/** What a signed-in person changes about their own account: password and mobile (docs/domain.md "Password and mobile"). */
export class AccountService {
  constructor(
    private readonly em: EntityManager,
    private readonly sessions: SessionService,
    private readonly smsCodes: SmsCodeService,
  ) {}

  private async self(caller: Caller | null): Promise<User> {
    const user = caller?.kind === "user" ? await this.em.findOne(User, { id: caller.subject }) : null;
    if (!user) throw SessionErrors.notSignedIn();
    return user;
  }

  /** Keeps this device signed in and ends every other login, which may know the old password. */
  async changePassword(caller: Caller | null, currentPassword: string, newPassword: string): Promise<boolean> {
    const user = await this.self(caller);
    if (!user.passwordHash || !(await verifyPassword(currentPassword, user.passwordHash))) throw currentPasswordWrong();
    checkPasswordStrength(newPassword, user.username);
    user.passwordHash = await hashPassword(newPassword);
    user.mustChangePassword = false;
    await this.em.flush();
    await this.sessions.endOtherSessions(user.id, caller?.sessionId);
    return true;
  }

  /** The code went to the new number, which proves the person holds it. */
  async changeMobile(caller: Caller | null, rawMobile: string, smsCode: string): Promise<User> {
    const user = await this.self(caller);
    const mobile = SmsCodeService.normalizeMobile(rawMobile, "newMobile");
    if (await this.em.count(User, { mobile, id: { $ne: user.id } })) throw SmsCodeErrors.mobileTaken("newMobile");
    await this.smsCodes.consume(mobile, SmsPurpose.CHANGE_MOBILE, smsCode);
    user.mobile = mobile;
    await recordContactChanged(this.em, user);
    await flushUnique(this.em, () => SmsCodeErrors.mobileTaken("newMobile"));
    return user;
  }
}
