import { recordContactChanged } from "../user/contact-event.js";
import type { EntityManager } from "@mikro-orm/core";
import { authorize, CANDIDATE_ROLES, DomainError, flushUnique, isUuid, Role, textLength, type Caller } from "@xuekao/subgraph-kit";
import { checkPasswordStrength, hashPassword } from "../credential/password.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { RegistrationErrors, USERNAME_PATTERN } from "../registration/registration.errors.js";
import { RoleBinding } from "../role-binding/role-binding.entity.js";
import { SessionErrors } from "../session/session.errors.js";
import { User } from "../user/user.entity.js";
import { UserService } from "../user/user.service.js";

/**
 * Who sets up whose account (docs/domain.md "Organisations and who sees what"): the province institute allocates the accounts of
 * agencies, schools and its own staff; a school admin creates class-teacher accounts (bound to
 * one or more classes) and designated staff. Each grant names the kind of organisation the
 * new role must sit at, and the creator must hold the granting role over that organisation.
 */
const GRANTS: Partial<Record<Role, { kind: OrganizationKind; grantedBy: Role }>> = {
  [Role.PROVINCE_INSTITUTE]: { kind: OrganizationKind.PROVINCE, grantedBy: Role.PROVINCE_INSTITUTE },
  [Role.CERTIFICATION_REVIEWER]: { kind: OrganizationKind.PROVINCE, grantedBy: Role.PROVINCE_INSTITUTE },
  [Role.LEAGUE_AGENCY]: { kind: OrganizationKind.LEAGUE, grantedBy: Role.PROVINCE_INSTITUTE },
  [Role.COUNTY_AGENCY]: { kind: OrganizationKind.COUNTY, grantedBy: Role.PROVINCE_INSTITUTE },
  [Role.SCHOOL_ADMIN]: { kind: OrganizationKind.SCHOOL, grantedBy: Role.PROVINCE_INSTITUTE },
  [Role.SCHOOL_STAFF]: { kind: OrganizationKind.SCHOOL, grantedBy: Role.SCHOOL_ADMIN },
  [Role.CLASS_TEACHER]: { kind: OrganizationKind.CLASS, grantedBy: Role.SCHOOL_ADMIN },
};

const KIND_LABELS: Record<OrganizationKind, string> = {
  [OrganizationKind.PROVINCE]: "省级考试院",
  [OrganizationKind.LEAGUE]: "盟市",
  [OrganizationKind.COUNTY]: "旗县区",
  [OrganizationKind.SCHOOL]: "学校",
  [OrganizationKind.CLASS]: "班级",
};

export const StaffAccountErrors = {
  roleNotGrantable: () =>
    new DomainError("ROLE_NOT_GRANTABLE", "BAD_USER_INPUT", "考生和第三方系统的账号不能由工作人员创建", { field: "role" }),
  organizationMismatch: (kind: OrganizationKind) =>
    new DomainError("ROLE_ORGANIZATION_MISMATCH", "BAD_USER_INPUT", `该角色须设在${KIND_LABELS[kind]}`, { field: "organizationId" }),
  organizationNotFound: () => new DomainError("ORGANIZATION_NOT_FOUND", "BAD_USER_INPUT", "组织不存在", { field: "organizationId" }),
  userNotFound: () => new DomainError("USER_NOT_FOUND", "BAD_USER_INPUT", "用户不存在", { field: "userId" }),
  alreadyBound: () => new DomainError("ROLE_ALREADY_BOUND", "CONFLICT", "该用户在此组织已有该角色"),
  candidateAccount: () =>
    new DomainError("ROLE_NOT_FOR_CANDIDATE", "BAD_USER_INPUT", "考生账号不能被授予工作人员角色，请为工作人员另建账号", { field: "userId" }),
};

export class StaffAccountService {
  constructor(private readonly em: EntityManager) {}

  /** Checks the caller may grant `role` at `organizationId`; returns the organisation. */
  private async grantable(caller: Caller | null, role: Role, organizationId: string): Promise<Organization> {
    if (!caller) throw SessionErrors.notSignedIn();
    const grant = GRANTS[role];
    if (!grant) throw StaffAccountErrors.roleNotGrantable();
    const organization = isUuid(organizationId) ? await this.em.findOne(Organization, { id: organizationId }) : null;
    if (!organization) throw StaffAccountErrors.organizationNotFound();
    authorize(caller, { roles: [grant.grantedBy] }, { organizationPath: organization.path.split("/") });
    if (organization.kind !== grant.kind) throw StaffAccountErrors.organizationMismatch(grant.kind);
    return organization;
  }

  async create(
    caller: Caller | null,
    input: { username: string; displayName: string; password: string; role: Role; organizationId: string },
  ): Promise<User> {
    const organization = await this.grantable(caller, input.role, input.organizationId);
    const username = input.username.trim();
    const displayName = input.displayName.trim();
    if (!USERNAME_PATTERN.test(username)) throw RegistrationErrors.usernameInvalid();
    if (textLength(displayName) < 2 || textLength(displayName) > 30) throw RegistrationErrors.displayNameInvalid();
    checkPasswordStrength(input.password, username);
    if (await this.em.count(User, { username })) throw RegistrationErrors.usernameTaken();

    const user = this.em.create(User, {
      username,
      displayName,
      passwordHash: await hashPassword(input.password),
      // Someone else chose it: the person sets their own at first login.
      mustChangePassword: true,
      mobile: null,
      failedLoginCount: 0,
      lockedUntil: null,
      createdAt: new Date(),
    });
    const binding = this.em.create(RoleBinding, { userId: user.id, role: input.role, organizationId: organization.id, createdAt: new Date() });
    await recordContactChanged(this.em, user, [binding]);
    await flushUnique(this.em, () => RegistrationErrors.usernameTaken());
    return user;
  }

  /** Adds a role to an existing account, e.g. a class teacher taking a second class. */
  async bind(caller: Caller | null, input: { userId: string; role: Role; organizationId: string }): Promise<RoleBinding> {
    const organization = await this.grantable(caller, input.role, input.organizationId);
    const user = isUuid(input.userId) ? await this.em.findOne(User, { id: input.userId }) : null;
    // Only someone the caller already manages (same answer as a missing user for anyone else: no
    // probing of other schools' accounts), and never a candidate: staff hold staff accounts.
    if (!user || !(await new UserService(this.em).findVisible(caller, user.id))) throw StaffAccountErrors.userNotFound();
    if (await this.em.count(RoleBinding, { userId: user.id, role: { $in: CANDIDATE_ROLES } })) throw StaffAccountErrors.candidateAccount();
    if (await this.em.count(RoleBinding, { userId: user.id, role: input.role, organizationId: organization.id })) {
      throw StaffAccountErrors.alreadyBound();
    }
    const binding = this.em.create(RoleBinding, { userId: user.id, role: input.role, organizationId: organization.id, createdAt: new Date() });
    await recordContactChanged(this.em, user, [binding]);
    await flushUnique(this.em, () => StaffAccountErrors.alreadyBound());
    return binding;
  }
}
