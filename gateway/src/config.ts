import { loadConfig, logLevel, nodeEnv, port } from "@xuekao/subgraph-kit";
import { z } from "zod";

/** The subgraphs the gateway routes to, in the order composition lists them. */
export const SUBGRAPHS = [
  { name: "identity", defaultPort: 4001 },
  { name: "registry", defaultPort: 4002 },
  { name: "certification", defaultPort: 4003 },
  { name: "notification", defaultPort: 4004 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]["name"];

export interface GatewayConfig {
  nodeEnv: "development" | "test" | "production";
  logLevel: string;
  host: string;
  port: number;
  /** Where each subgraph's GraphQL endpoint is; overrides the URL written in the supergraph. */
  subgraphUrls: Record<SubgraphName, string>;
  subgraphTimeoutMs: number;
  /** identity's public keys, to refuse a bad token before any subgraph is called. */
  jwksUrl: string;
}

const url = (fallback: string) => z.string().url().default(fallback);

/** Reads GATEWAY_PORT, HOST, NODE_ENV, LOG_LEVEL, <SUBGRAPH>_URL and SUBGRAPH_TIMEOUT_MS. */
export function loadGatewayConfig(env: Record<string, string | undefined> = process.env): GatewayConfig {
  const raw = loadConfig(
    {
      NODE_ENV: nodeEnv,
      LOG_LEVEL: logLevel,
      HOST: z.string().min(1).default("127.0.0.1"),
      GATEWAY_PORT: port(4000),
      SUBGRAPH_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(15_000),
      IDENTITY_URL: url(defaultSubgraphUrl("identity", env)),
      REGISTRY_URL: url(defaultSubgraphUrl("registry", env)),
      CERTIFICATION_URL: url(defaultSubgraphUrl("certification", env)),
      NOTIFICATION_URL: url(defaultSubgraphUrl("notification", env)),
      IDENTITY_JWKS_URL: url(`http://127.0.0.1:${env.IDENTITY_PORT || 4001}/.well-known/jwks.json`),
    },
    env,
  );
  return {
    nodeEnv: raw.NODE_ENV,
    logLevel: raw.LOG_LEVEL,
    host: raw.HOST,
    port: raw.GATEWAY_PORT,
    subgraphTimeoutMs: raw.SUBGRAPH_TIMEOUT_MS,
    jwksUrl: raw.IDENTITY_JWKS_URL,
    subgraphUrls: {
      identity: raw.IDENTITY_URL,
      registry: raw.REGISTRY_URL,
      certification: raw.CERTIFICATION_URL,
      notification: raw.NOTIFICATION_URL,
    },
  };
}

/** Default: the subgraph on loopback at `<NAME>_PORT` (the same variable the subgraph itself reads). */
function defaultSubgraphUrl(name: SubgraphName, env: Record<string, string | undefined>): string {
  const subgraph = SUBGRAPHS.find((item) => item.name === name)!;
  const subgraphPort = env[`${name.toUpperCase()}_PORT`] ?? String(subgraph.defaultPort);
  return `http://127.0.0.1:${subgraphPort}/graphql`;
}
