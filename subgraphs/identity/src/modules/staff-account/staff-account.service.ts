import { accessRule, authorize, CANDIDATE_ROLES, flushUnique, isUuid, Role, textLength } from "@xuekao/subgraph-kit";
import type { IdentityContext } from "../../identity-context.js";
import { checkPasswordStrength, hashPassword } from "../credential/password.js";
import { Organization, OrganizationKind } from "../organization/organization.entity.js";
import { pathIds } from "../organization/organization.service.js";
import { RegistrationErrors, USERNAME_PATTERN } from "../registration/registration.errors.js";
import { RoleBinding } from "../role-binding/role-binding.entity.js";
import { recordContactChanged } from "../user/contact-event.js";
import { User } from "../user/user.entity.js";
import { UserService } from "../user/user.service.js";
import { StaffAccountErrors } from "./staff-account.errors.js";

/**
 * Who sets up staff accounts and binds roles at all (the declared rule of `createStaffAccount`
 * and `bindRole`): the province institute and school admins. Which role, and where, is `GRANTS`.
 */
export const MANAGE_STAFF_ACCOUNTS = accessRule("MANAGE_STAFF_ACCOUNTS", { roles: [Role.PROVINCE_INSTITUTE, Role.SCHOOL_ADMIN] });

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

export class StaffAccountService {
  private readonly users = new UserService();

  /** Checks the caller may grant `role` at `organizationId`; returns the organisation. */
  private async grantable(ctx: IdentityContext, role: Role, organizationId: string): Promise<Organization> {
    const grant = GRANTS[role];
    if (!grant) throw StaffAccountErrors.ROLE_NOT_GRANTABLE();
    const organization = isUuid(organizationId) ? await ctx.em.findOne(Organization, { id: organizationId }) : null;
    if (!organization) throw StaffAccountErrors.ORGANIZATION_NOT_FOUND();
    authorize(ctx.caller, { roles: [grant.grantedBy] }, { organizationPath: pathIds(organization) });
    if (organization.kind !== grant.kind) throw StaffAccountErrors.ROLE_ORGANIZATION_MISMATCH({ kindLabel: KIND_LABELS[grant.kind] });
    return organization;
  }

  /**
   * A new account holding one role, with an initial password the person must change at first
   * login. Audited (`staff-account.created`, at the role's organisation; never the password).
   */
  async create(
    ctx: IdentityContext,
    input: { username: string; displayName: string; password: string; role: Role; organizationId: string },
  ): Promise<User> {
    const organization = await this.grantable(ctx, input.role, input.organizationId);
    const username = input.username.trim();
    const displayName = input.displayName.trim();
    if (!USERNAME_PATTERN.test(username)) throw RegistrationErrors.USERNAME_INVALID();
    if (textLength(displayName) < 2 || textLength(displayName) > 30) throw RegistrationErrors.DISPLAY_NAME_INVALID();
    checkPasswordStrength(input.password, username);
    if (await ctx.em.count(User, { username })) throw RegistrationErrors.USERNAME_TAKEN();
    const passwordHash = await hashPassword(input.password);

    return ctx.transaction(async (tx) => {
      const now = tx.clock.now();
      const user = tx.em.create(User, {
        username,
        displayName,
        passwordHash,
        // Someone else chose it: the person sets their own at first login.
        mustChangePassword: true,
        mobile: null,
        mobileLookup: null,
        failedLoginCount: 0,
        lockedUntil: null,
        createdAt: now,
      });
      const binding = tx.em.create(RoleBinding, { userId: user.id, role: input.role, organizationId: organization.id, createdAt: now });
      await recordContactChanged(tx, user, [binding]);
      await tx.audit.record({
        action: "staff-account.created",
        subject: { type: "User", id: user.id },
        organizationPath: pathIds(organization),
        after: { username, displayName, role: input.role, organizationId: organization.id },
      });
      await flushUnique(tx.em, () => RegistrationErrors.USERNAME_TAKEN());
      return user;
    });
  }

  /**
   * Adds a role to an existing account, e.g. a class teacher taking a second class. Audited
   * (`role.bound`, on the person, at the organisation of the new binding).
   */
  async bind(ctx: IdentityContext, input: { userId: string; role: Role; organizationId: string }): Promise<RoleBinding> {
    const organization = await this.grantable(ctx, input.role, input.organizationId);
    const user = isUuid(input.userId) ? await ctx.em.findOne(User, { id: input.userId }) : null;
    // Only someone the caller already manages (same answer as a missing user for anyone else: no
    // probing of other schools' accounts), and never a candidate: staff hold staff accounts.
    if (!user || !(await this.users.findVisible(ctx, user.id))) throw StaffAccountErrors.USER_NOT_FOUND();
    if (await ctx.em.count(RoleBinding, { userId: user.id, role: { $in: CANDIDATE_ROLES } })) throw StaffAccountErrors.ROLE_NOT_FOR_CANDIDATE();
    if (await ctx.em.count(RoleBinding, { userId: user.id, role: input.role, organizationId: organization.id })) {
      throw StaffAccountErrors.ROLE_ALREADY_BOUND();
    }
    return ctx.transaction(async (tx) => {
      const binding = tx.em.create(RoleBinding, { userId: user.id, role: input.role, organizationId: organization.id, createdAt: tx.clock.now() });
      await recordContactChanged(tx, user, [binding]);
      await tx.audit.record({
        action: "role.bound",
        subject: { type: "User", id: user.id },
        organizationPath: pathIds(organization),
        after: { bindingId: binding.id, role: input.role, organizationId: organization.id },
      });
      await flushUnique(tx.em, () => StaffAccountErrors.ROLE_ALREADY_BOUND());
      return binding;
    });
  }
}
