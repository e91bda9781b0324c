import { join } from "node:path";
import { JWKS_PATH, loadConfig, type SubgraphContext, type SubgraphSetup, type SubgraphDefinition } from "@xuekao/subgraph-kit";
import { z } from "zod";
import { SessionService, type SessionSettings } from "./modules/session/session.service.js";
import { SmsCodeService } from "./modules/sms-code/sms-code.service.js";
import { loadSigningKeys, type SigningKeys } from "./modules/signing-key/signing-keys.js";

/** identity's long-lived services, built once at boot (see `setupIdentity`). */
export interface IdentityServices {
  keys: SigningKeys;
  sessionSettings: SessionSettings;
}

export const identityServices = (ctx: SubgraphContext) => ctx.services as unknown as IdentityServices;

/** The request's services over its own entity manager, for resolvers. */
export const sessions = (ctx: SubgraphContext) => {
  const { keys, sessionSettings } = identityServices(ctx);
  return new SessionService(ctx.em, keys, sessionSettings);
};
export const smsCodes = (ctx: SubgraphContext) => new SmsCodeService(ctx.em);

const seconds = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/**
 * Reads the token settings (ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS,
 * LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES) and the signing keys, serves the JWKS, and lets
 * identity verify its own tokens in-process.
 */
export const setupIdentity: NonNullable<SubgraphDefinition["setup"]> = async ({ env, config }): Promise<SubgraphSetup> => {
  const settings = loadConfig(
    {
      ACCESS_TOKEN_TTL_SECONDS: seconds(15 * 60),
      REFRESH_TOKEN_TTL_SECONDS: seconds(14 * 24 * 3600),
      LOGIN_MAX_FAILURES: z.coerce.number().int().min(1).max(20).default(5),
      LOGIN_LOCK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
    },
    env,
  );
  const keys = await loadSigningKeys({
    env,
    production: config.nodeEnv === "production",
    developmentKeyFile:
      config.nodeEnv === "development" && config.database.driver === "libsql" && config.database.location !== ":memory:"
        ? join(config.database.location, "..", "identity-signing-key.json")
        : undefined,
  });
  const services: IdentityServices = {
    keys,
    sessionSettings: {
      accessTokenTtlSeconds: settings.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlSeconds: settings.REFRESH_TOKEN_TTL_SECONDS,
      maxFailedLogins: settings.LOGIN_MAX_FAILURES,
      lockMinutes: settings.LOGIN_LOCK_MINUTES,
    },
  };
  const jwksBody = JSON.stringify(keys.jwks);
  return {
    services: services as unknown as Record<string, unknown>,
    tokenKeys: keys.keySet,
    routes: {
      [JWKS_PATH]: (_request, response) => {
        response.setHeader("content-type", "application/jwk-set+json");
        response.setHeader("cache-control", "public, max-age=300");
        response.end(jwksBody);
      },
    },
  };
};
