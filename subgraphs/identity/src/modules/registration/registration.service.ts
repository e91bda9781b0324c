import type { EntityManager } from "@mikro-orm/core";
import { flushUnique, isUuid, Role, textLength } from "@xuekao/subgraph-kit";
import { checkPasswordStrength, hashPassword } from "../credential/password.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { recordContactChanged } from "../user/contact-event.js";
import { RoleBinding } from "../role-binding/role-binding.entity.js";
import type { SessionService } from "../session/session.service.js";
import type { AuthPayload } from "../session/session.types.js";
import { SmsPurpose } from "../sms-code/sms-challenge.entity.js";
import { SmsCodeErrors } from "../sms-code/sms-code.errors.js";
import { SmsCodeService } from "../sms-code/sms-code.service.js";
import { User } from "../user/user.entity.js";
import { RegistrationErrors, USERNAME_PATTERN } from "./registration.errors.js";
import { CandidateType, type RegisterCandidateInput } from "./registration.inputs.js";


/**
 * Candidate self-registration (docs/domain.md "Social candidates": candidates register with the
 * district of household registration and a mobile bound by SMS code). The account is bound to
 * the county until the registry places an in-school candidate on a school's roster.
 */
export class RegistrationService {
  constructor(
    private readonly em: EntityManager,
    private readonly smsCodes: SmsCodeService,
    private readonly sessions: SessionService,
  ) {}

  async register(input: RegisterCandidateInput): Promise<AuthPayload> {
    const username = input.username.trim();
    const displayName = input.displayName.trim();
    if (!USERNAME_PATTERN.test(username)) throw RegistrationErrors.usernameInvalid();
    if (textLength(displayName) < 2 || textLength(displayName) > 30) throw RegistrationErrors.displayNameInvalid();
    checkPasswordStrength(input.password, username);
    const mobile = SmsCodeService.normalizeMobile(input.mobile);
    const county = isUuid(input.householdCountyId) ? await this.em.findOne(Organization, { id: input.householdCountyId }) : null;
    if (county?.kind !== OrganizationKind.COUNTY) throw RegistrationErrors.countyInvalid();
    if (await this.em.count(User, { username })) throw RegistrationErrors.usernameTaken();
    if (await this.em.count(User, { mobile })) throw SmsCodeErrors.mobileTaken();

    // Last, so a mistake in another field does not use up the code.
    await this.smsCodes.consume(mobile, SmsPurpose.REGISTER, input.smsCode);

    const user = this.em.create(User, {
      username,
      displayName,
      passwordHash: await hashPassword(input.password),
      mobile,
      mustChangePassword: false,
      failedLoginCount: 0,
      lockedUntil: null,
      createdAt: new Date(),
    });
    const binding = this.em.create(RoleBinding, {
      userId: user.id,
      role: input.candidateType === CandidateType.IN_SCHOOL ? Role.CANDIDATE_IN_SCHOOL : Role.CANDIDATE_SOCIAL,
      organizationId: county.id,
      createdAt: new Date(),
    });
    await recordContactChanged(this.em, user, [binding]);
    // Two registrations racing for one name or number: the unique index decides.
    await flushUnique(this.em, () => RegistrationErrors.usernameTaken());
    return this.sessions.startSession(user.id);
  }
}
