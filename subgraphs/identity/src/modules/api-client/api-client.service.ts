import type { IdentityContext } from "../../identity-context.js";
import { decoyPasswordHash, verifyPassword } from "../credential/password.js";
import { ApiClient } from "./api-client.entity.js";
import { ApiClientErrors } from "./api-client.errors.js";

/** Client tokens live as long as user access tokens; a system simply asks again. */
export const CLIENT_TOKEN_TTL_SECONDS = 15 * 60;

export class ApiClientService {
  /**
   * Client credentials → an access token carrying the granted scopes and no organisation. Not a
   * decision (nothing changes): no audit entry; what the client then reads is audited where it reads.
   */
  async issueToken(ctx: IdentityContext, clientId: string, secret: string): Promise<{ accessToken: string; expiresAt: Date; scopes: string[] }> {
    const client = await ctx.em.findOne(ApiClient, { clientId: clientId.trim() });
    if (!client || client.disabledAt) {
      await verifyPassword(secret, await decoyPasswordHash());
      throw ApiClientErrors.UNAUTHENTICATED();
    }
    if (!(await verifyPassword(secret, client.secretHash))) throw ApiClientErrors.UNAUTHENTICATED();
    const scopes = client.scopes.split(/\s+/).filter(Boolean);
    const now = ctx.clock.now();
    const accessToken = await ctx.services.keys.sign(client.clientId, { typ: "client", roles: [], scopes }, CLIENT_TOKEN_TTL_SECONDS, now);
    return { accessToken, expiresAt: new Date(now.getTime() + CLIENT_TOKEN_TTL_SECONDS * 1000), scopes };
  }
}
