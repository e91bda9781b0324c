import { createHash, randomBytes, randomUUID } from "node:crypto";
import type { EntityManager } from "@mikro-orm/core";
import { isMobile } from "@xuekao/rules";
import type { AccessTokenClaims, TokenRoleClaim } from "@xuekao/subgraph-kit";
import { decoyPasswordHash, PASSWORD_MAX_LENGTH, verifyPassword } from "../credential/password.js";
import { placeBindings } from "../role-binding/binding-paths.js";
import { RoleBinding } from "../role-binding/role-binding.entity.js";
import type { SigningKeys } from "../signing-key/signing-keys.js";
import { User } from "../user/user.entity.js";
import { RefreshToken } from "./refresh-token.entity.js";
import { SessionErrors } from "./session.errors.js";
import type { AuthPayload } from "./session.types.js";

export interface SessionSettings {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Consecutive wrong passwords before the account locks. */
  maxFailedLogins: number;
  lockMinutes: number;
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

export class SessionService {
  constructor(
    private readonly em: EntityManager,
    private readonly keys: SigningKeys,
    private readonly settings: SessionSettings,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async login(identifier: string, password: string): Promise<AuthPayload> {
    const name = identifier.trim();
    // No password is longer than the policy allows: refuse before spending a hash on it.
    if (password.length > 4 * PASSWORD_MAX_LENGTH) throw SessionErrors.invalidCredentials();
    const user = await this.em.findOne(User, isMobile(name) ? { mobile: name } : { username: name });
    if (!user?.passwordHash) {
      await verifyPassword(password, await decoyPasswordHash());
      throw SessionErrors.invalidCredentials();
    }
    const now = this.now();
    if (user.lockedUntil && user.lockedUntil > now) throw SessionErrors.accountLocked(user.lockedUntil);

    if (!(await verifyPassword(password, user.passwordHash))) {
      user.failedLoginCount += 1;
      if (user.failedLoginCount >= this.settings.maxFailedLogins) {
        user.failedLoginCount = 0;
        user.lockedUntil = new Date(now.getTime() + this.settings.lockMinutes * 60_000);
        await this.em.flush();
        throw SessionErrors.accountLocked(user.lockedUntil);
      }
      await this.em.flush();
      throw SessionErrors.invalidCredentials();
    }
    user.failedLoginCount = 0;
    user.lockedUntil = null;
    return this.startSession(user.id);
  }

  /** Exchanges a refresh token for a new pair; a token used twice revokes its whole family. */
  async refresh(presented: string): Promise<AuthPayload> {
    const token = await this.em.findOne(RefreshToken, { tokenHash: sha256(presented) });
    const now = this.now();
    if (!token || token.revokedAt || token.expiresAt <= now) throw SessionErrors.refreshInvalid();
    if (token.replacedAt) {
      await this.revokeFamily(token.familyId, now);
      throw SessionErrors.refreshReused();
    }
    token.replacedAt = now;
    return this.issue(token.userId, token.familyId);
  }

  /** Ends the login the token belongs to (its family); unknown tokens are fine: logout is idempotent. */
  async logout(presented: string): Promise<boolean> {
    const token = await this.em.findOne(RefreshToken, { tokenHash: sha256(presented) });
    if (token) await this.revokeFamily(token.familyId, this.now());
    return true;
  }

  /** The role bindings with their organisation paths, as the access token carries them. */
  async claimsOf(userId: string): Promise<AccessTokenClaims> {
    const bindings = await this.em.find(RoleBinding, { userId }, { orderBy: { createdAt: "asc" } });
    const roles: TokenRoleClaim[] = (await placeBindings(this.em, bindings)).map((binding) => ({
      role: binding.role,
      org: binding.organizationId,
      path: binding.path,
      ...(binding.provinceCode ? { pc: binding.provinceCode } : {}),
    }));
    return { typ: "user", roles };
  }

  /** A new login for a user who has just proved who they are (password, or registration). */
  startSession(userId: string): Promise<AuthPayload> {
    return this.issue(userId, randomUUID());
  }

  /** Ends every login of the user except `keepSessionId` (after a password change, say). */
  async endOtherSessions(userId: string, keepSessionId?: string): Promise<void> {
    await this.em.nativeUpdate(
      RefreshToken,
      { userId, revokedAt: null, ...(keepSessionId ? { familyId: { $ne: keepSessionId } } : {}) },
      { revokedAt: this.now() },
    );
  }

  private async issue(userId: string, familyId: string): Promise<AuthPayload> {
    const now = this.now();
    const refreshToken = randomBytes(32).toString("base64url");
    this.em.create(RefreshToken, {
      userId,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(now.getTime() + this.settings.refreshTokenTtlSeconds * 1000),
      replacedAt: null,
      revokedAt: null,
      createdAt: now,
    });
    await this.em.flush();
    const passwordChangeRequired = (await this.em.findOne(User, { id: userId }, { fields: ["mustChangePassword"] }))?.mustChangePassword ?? false;
    // `pcr` travels in the token so that every subgraph refuses the caller's other requests.
    const claims = { ...(await this.claimsOf(userId)), sid: familyId, ...(passwordChangeRequired ? { pcr: true } : {}) };
    const accessToken = await this.keys.sign(userId, claims, this.settings.accessTokenTtlSeconds, now);
    return {
      accessToken,
      refreshToken,
      expiresAt: new Date(now.getTime() + this.settings.accessTokenTtlSeconds * 1000),
      passwordChangeRequired,
    };
  }

  private async revokeFamily(familyId: string, now: Date): Promise<void> {
    await this.em.nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: now });
  }
}
