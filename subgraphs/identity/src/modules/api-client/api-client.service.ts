import type { EntityManager } from "@mikro-orm/core";
import { DomainError } from "@xuekao/subgraph-kit";
import { decoyPasswordHash, verifyPassword } from "../credential/password.js";
import type { SigningKeys } from "../signing-key/signing-keys.js";
import { ApiClient } from "./api-client.entity.js";

/** Client tokens live as long as user access tokens; a system simply asks again. */
export const CLIENT_TOKEN_TTL_SECONDS = 15 * 60;

const invalidClient = () => new DomainError("UNAUTHENTICATED", "UNAUTHENTICATED", "客户端编号或密钥错误");

export class ApiClientService {
  constructor(
    private readonly em: EntityManager,
    private readonly keys: SigningKeys,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Client credentials → an access token carrying the granted scopes and no organisation. */
  async issueToken(clientId: string, secret: string): Promise<{ accessToken: string; expiresAt: Date; scopes: string[] }> {
    const client = await this.em.findOne(ApiClient, { clientId: clientId.trim() });
    if (!client || client.disabledAt) {
      await verifyPassword(secret, await decoyPasswordHash());
      throw invalidClient();
    }
    if (!(await verifyPassword(secret, client.secretHash))) throw invalidClient();
    const scopes = client.scopes.split(/\s+/).filter(Boolean);
    const now = this.now();
    const accessToken = await this.keys.sign(client.clientId, { typ: "client", roles: [], scopes }, CLIENT_TOKEN_TTL_SECONDS, now);
    return { accessToken, expiresAt: new Date(now.getTime() + CLIENT_TOKEN_TTL_SECONDS * 1000), scopes };
  }
}
