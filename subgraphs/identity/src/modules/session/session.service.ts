import { createHash, randomBytes, randomUUID } from "node:crypto";
import { isMobile } from "@xuekao/rules";
import type { AccessTokenClaims, TokenRoleClaim } from "@xuekao/subgraph-kit";
import type { IdentityContext } from "../../identity-context.js";
import { decoyPasswordHash, PASSWORD_MAX_LENGTH, verifyPassword } from "../credential/password.js";
import { placeBindings } from "../role-binding/binding-paths.js";
import { RoleBinding } from "../role-binding/role-binding.entity.js";
import { mobileLookupOf } from "../user/mobile.js";
import { User } from "../user/user.entity.js";
import { RefreshToken } from "./refresh-token.entity.js";
import { accountLocked, SessionErrors } from "./session.errors.js";
import type { AuthPayload } from "./session.types.js";

export interface SessionSettings {
  accessTokenTtlSeconds: number;
  refreshTokenTtlSeconds: number;
  /** Consecutive wrong passwords before the account locks. */
  maxFailedLogins: number;
  lockMinutes: number;
}

const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** Logins and their refresh-token families; keys and settings come from `ctx.services`, time from `ctx.clock`. */
export class SessionService {
  async login(ctx: IdentityContext, identifier: string, password: string): Promise<AuthPayload> {
    const { em } = ctx;
    const name = identifier.trim();
    // No password is longer than the policy allows: refuse before spending a hash on it.
    if (password.length > 4 * PASSWORD_MAX_LENGTH) throw SessionErrors.UNAUTHENTICATED();
    // A mobile is stored encrypted: found by its lookup, never by the column itself.
    const user = await em.findOne(User, isMobile(name) ? { mobileLookup: mobileLookupOf(ctx, name) } : { username: name });
    if (!user?.passwordHash) {
      await verifyPassword(password, await decoyPasswordHash());
      throw SessionErrors.UNAUTHENTICATED();
    }
    const now = ctx.clock.now();
    if (user.lockedUntil && user.lockedUntil > now) throw accountLocked(user.lockedUntil);

    if (!(await verifyPassword(password, user.passwordHash))) {
      const settings = ctx.services.sessionSettings;
      user.failedLoginCount += 1;
      if (user.failedLoginCount >= settings.maxFailedLogins) {
        user.failedLoginCount = 0;
        user.lockedUntil = new Date(now.getTime() + settings.lockMinutes * 60_000);
        await em.flush();
        throw accountLocked(user.lockedUntil);
      }
      await em.flush();
      throw SessionErrors.UNAUTHENTICATED();
    }
    user.failedLoginCount = 0;
    user.lockedUntil = null;
    return this.startSession(ctx, user.id);
  }

  /** Exchanges a refresh token for a new pair; a token used twice revokes its whole family. */
  async refresh(ctx: IdentityContext, presented: string): Promise<AuthPayload> {
    const token = await ctx.em.findOne(RefreshToken, { tokenHash: sha256(presented) });
    const now = ctx.clock.now();
    if (!token || token.revokedAt || token.expiresAt <= now) throw SessionErrors.REFRESH_TOKEN_INVALID();
    if (token.replacedAt) {
      await this.revokeFamily(ctx, token.familyId);
      throw SessionErrors.REFRESH_TOKEN_REUSED();
    }
    token.replacedAt = now;
    return this.issue(ctx, token.userId, token.familyId);
  }

  /** Ends the login the token belongs to (its family); unknown tokens are fine: logout is idempotent. */
  async logout(ctx: IdentityContext, presented: string): Promise<boolean> {
    const token = await ctx.em.findOne(RefreshToken, { tokenHash: sha256(presented) });
    if (token) await this.revokeFamily(ctx, token.familyId);
    return true;
  }

  /** The role bindings with their organisation paths, as the access token carries them. */
  async claimsOf(ctx: IdentityContext, userId: string): Promise<AccessTokenClaims> {
    const bindings = await ctx.em.find(RoleBinding, { userId }, { orderBy: { createdAt: "asc" } });
    const roles: TokenRoleClaim[] = (await placeBindings(ctx.em, bindings)).map((binding) => ({
      role: binding.role,
      org: binding.organizationId,
      path: binding.path,
      ...(binding.provinceCode ? { pc: binding.provinceCode } : {}),
    }));
    return { typ: "user", roles };
  }

  /** A new login for a user who has just proved who they are (password, or registration). */
  startSession(ctx: IdentityContext, userId: string): Promise<AuthPayload> {
    return this.issue(ctx, userId, randomUUID());
  }

  /** Ends every login of the user except `keepSessionId` (after a password change, say). */
  async endOtherSessions(ctx: IdentityContext, userId: string, keepSessionId?: string): Promise<void> {
    await ctx.em.nativeUpdate(
      RefreshToken,
      { userId, revokedAt: null, ...(keepSessionId ? { familyId: { $ne: keepSessionId } } : {}) },
      { revokedAt: ctx.clock.now() },
    );
  }

  private async issue(ctx: IdentityContext, userId: string, familyId: string): Promise<AuthPayload> {
    const { em } = ctx;
    const { keys, sessionSettings: settings } = ctx.services;
    const now = ctx.clock.now();
    const refreshToken = randomBytes(32).toString("base64url");
    em.create(RefreshToken, {
      userId,
      familyId,
      tokenHash: sha256(refreshToken),
      expiresAt: new Date(now.getTime() + settings.refreshTokenTtlSeconds * 1000),
      replacedAt: null,
      revokedAt: null,
      createdAt: now,
    });
    await em.flush();
    const passwordChangeRequired = (await em.findOne(User, { id: userId }, { fields: ["mustChangePassword"] }))?.mustChangePassword ?? false;
    // `pcr` travels in the token so that every subgraph refuses the caller's other requests.
    const claims = { ...(await this.claimsOf(ctx, userId)), sid: familyId, ...(passwordChangeRequired ? { pcr: true } : {}) };
    const accessToken = await keys.sign(userId, claims, settings.accessTokenTtlSeconds, now);
    return {
      accessToken,
      refreshToken,
      expiresAt: new Date(now.getTime() + settings.accessTokenTtlSeconds * 1000),
      passwordChangeRequired,
    };
  }

  private async revokeFamily(ctx: IdentityContext, familyId: string): Promise<void> {
    await ctx.em.nativeUpdate(RefreshToken, { familyId, revokedAt: null }, { revokedAt: ctx.clock.now() });
  }
}
