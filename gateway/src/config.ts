import { loadConfig, logLevel, nodeEnv, port } from "@xuekao/subgraph-kit";
import { z } from "zod";
import { DEFAULT_QUERY_LIMITS, type QueryLimits } from "./limits.js";

/** The subgraphs the gateway routes to, in the order composition lists them. */
export const SUBGRAPHS = [
  { name: "identity", defaultPort: 4001 },
  { name: "registry", defaultPort: 4002 },
  { name: "certification", defaultPort: 4003 },
  { name: "notification", defaultPort: 4004 },
] as const;

export type SubgraphName = (typeof SUBGRAPHS)[number]["name"];

/** How messages to users name each subgraph ("身份与组织服务暂时不可用…"). */
export const SUBGRAPH_LABELS: Record<SubgraphName, string> = {
  identity: "身份与组织服务",
  registry: "考籍服务",
  certification: "成绩认定服务",
  notification: "消息服务",
};

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
  /** What one GraphQL operation may ask (aliases, depth, directives, cost, tokens); see limits.ts. */
  queryLimits: QueryLimits;
}

const url = (fallback: string) => z.string().url().default(fallback);
const limit = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/**
 * Reads GATEWAY_PORT, HOST, NODE_ENV, LOG_LEVEL, <SUBGRAPH>_URL, SUBGRAPH_TIMEOUT_MS, IDENTITY_JWKS_URL
 * and the GRAPHQL_MAX_* query limits.
 */
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
      GRAPHQL_MAX_ALIASES: limit(DEFAULT_QUERY_LIMITS.maxAliases, 1_000),
      GRAPHQL_MAX_DEPTH: limit(DEFAULT_QUERY_LIMITS.maxDepth, 100),
      GRAPHQL_MAX_DIRECTIVES: limit(DEFAULT_QUERY_LIMITS.maxDirectives, 1_000),
      GRAPHQL_MAX_COST: limit(DEFAULT_QUERY_LIMITS.maxCost, 10_000_000),
      GRAPHQL_MAX_TOKENS: limit(DEFAULT_QUERY_LIMITS.maxTokens, 1_000_000),
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
    queryLimits: {
      maxAliases: raw.GRAPHQL_MAX_ALIASES,
      maxDepth: raw.GRAPHQL_MAX_DEPTH,
      maxDirectives: raw.GRAPHQL_MAX_DIRECTIVES,
      maxCost: raw.GRAPHQL_MAX_COST,
      maxTokens: raw.GRAPHQL_MAX_TOKENS,
    },
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
