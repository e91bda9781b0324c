import { flushUnique, isUuid, Role, textLength } from "@xuekao/subgraph-kit";
import type { IdentityContext } from "../../identity-context.js";
import { checkPasswordStrength, hashPassword } from "../credential/password.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { pathIds } from "../organization/organization.service.js";
import { RoleBinding } from "../role-binding/role-binding.entity.js";
import { SessionService } from "../session/session.service.js";
import type { AuthPayload } from "../session/session.types.js";
import { SmsPurpose } from "../sms-code/sms-challenge.entity.js";
import { SmsCodeErrors } from "../sms-code/sms-code.errors.js";
import { SmsCodeService } from "../sms-code/sms-code.service.js";
import { recordContactChanged } from "../user/contact-event.js";
import { mobileLookupOf, normalizeMobile } from "../user/mobile.js";
import { User } from "../user/user.entity.js";
import { RegistrationErrors, USERNAME_PATTERN } from "./registration.errors.js";
import { CandidateType, type RegisterCandidateInput } from "./registration.inputs.js";

/**
 * Candidate self-registration (docs/domain.md "Social candidates": candidates register with the
 * district of household registration and a mobile bound by SMS code). The account is bound to
 * the county until the registry places an in-school candidate on a school's roster.
 */
export class RegistrationService {
  private readonly sessions = new SessionService();
  private readonly smsCodes = new SmsCodeService();

  /**
   * The account, its binding to the county, its contact event and its audit entry
   * (`account.registered`, at the county) commit together; then the person is signed in.
   */
  async register(ctx: IdentityContext, input: RegisterCandidateInput): Promise<AuthPayload> {
    const username = input.username.trim();
    const displayName = input.displayName.trim();
    if (!USERNAME_PATTERN.test(username)) throw RegistrationErrors.USERNAME_INVALID();
    if (textLength(displayName) < 2 || textLength(displayName) > 30) throw RegistrationErrors.DISPLAY_NAME_INVALID();
    checkPasswordStrength(input.password, username);
    const mobile = normalizeMobile(input.mobile);
    const lookup = mobileLookupOf(ctx, mobile);
    const county = isUuid(input.householdCountyId) ? await ctx.em.findOne(Organization, { id: input.householdCountyId }) : null;
    if (county?.kind !== OrganizationKind.COUNTY) throw RegistrationErrors.COUNTY_INVALID();
    if (await ctx.em.count(User, { username })) throw RegistrationErrors.USERNAME_TAKEN();
    if (await ctx.em.count(User, { mobileLookup: lookup })) throw SmsCodeErrors.MOBILE_TAKEN();

    // Last, so a mistake in another field does not use up the code; before the transaction, so
    // that a wrong code counts as a try.
    await this.smsCodes.consume(ctx, mobile, SmsPurpose.REGISTER, input.smsCode);
    const passwordHash = await hashPassword(input.password);
    const role = input.candidateType === CandidateType.IN_SCHOOL ? Role.CANDIDATE_IN_SCHOOL : Role.CANDIDATE_SOCIAL;

    const user = await ctx.transaction(async (tx) => {
      const now = tx.clock.now();
      const created = tx.em.create(User, {
        username,
        displayName,
        passwordHash,
        mobile,
        mobileLookup: lookup,
        mustChangePassword: false,
        failedLoginCount: 0,
        lockedUntil: null,
        createdAt: now,
      });
      const binding = tx.em.create(RoleBinding, { userId: created.id, role, organizationId: county.id, createdAt: now });
      await recordContactChanged(tx, created, [binding]);
      await tx.audit.record({
        action: "account.registered",
        subject: { type: "User", id: created.id },
        organizationPath: pathIds(county),
        after: { username, displayName, mobile, role, organizationId: county.id },
      });
      // Two registrations racing for one name or number: the unique indexes decide.
      await flushUnique(tx.em, () => RegistrationErrors.USERNAME_TAKEN());
      return created;
    });
    return this.sessions.startSession(ctx, user.id);
  }
}
