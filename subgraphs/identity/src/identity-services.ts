import { join } from "node:path";
import { JWKS_PATH, loadConfig, type SubgraphBoot, type SubgraphSetup } from "@xuekao/subgraph-kit";
import { z } from "zod";
import type { IdentityServices } from "./identity-context.js";
import { loadSigningKeys } from "./modules/signing-key/signing-keys.js";

const seconds = (fallback: number) => z.coerce.number().int().min(1).default(fallback);

/**
 * Reads the token settings (ACCESS_TOKEN_TTL_SECONDS, REFRESH_TOKEN_TTL_SECONDS,
 * LOGIN_MAX_FAILURES, LOGIN_LOCK_MINUTES) and the signing keys, serves the JWKS, and lets
 * identity verify its own tokens in-process.
 */
export async function setupIdentity({ env, config }: SubgraphBoot): Promise<SubgraphSetup<IdentityServices>> {
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
    services,
    tokenKeys: keys.keySet,
    routes: {
      [JWKS_PATH]: (_request, response) => {
        response.setHeader("content-type", "application/jwk-set+json");
        response.setHeader("cache-control", "public, max-age=300");
        response.end(jwksBody);
      },
    },
  };
}
