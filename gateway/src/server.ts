import { readFileSync } from "node:fs";
import type { IncomingMessage } from "node:http";
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer, type BaseContext } from "@apollo/server";
import {
  callerFromAuthorization,
  closeServer,
  createGraphQLHttpServer,
  createLogger,
  createTokenVerifier,
  INTERNAL_ERROR_MESSAGE,
  listen,
  remoteKeySet,
  type Listening,
  type Logger,
} from "@xuekao/subgraph-kit";
import { GraphQLError, type GraphQLFormattedError } from "graphql";
import { Agent, fetch as undiciFetch } from "undici";
import { SUPERGRAPH_FILE } from "./composition.js";
import { SUBGRAPH_LABELS, type GatewayConfig, type SubgraphName } from "./config.js";
import { createFileProxy, FILES_PREFIX } from "./files.js";
import { formatQueryLimitError, queryLimitParseOptions, queryLimitRules, withoutSuggestions } from "./limits.js";

type Fetcher = NonNullable<NonNullable<ConstructorParameters<typeof RemoteGraphQLDataSource>[0]>["fetcher"]>;

export interface GatewayContext extends BaseContext {
  requestId: string;
  authorization?: string | undefined;
}

/**
 * One subgraph as the gateway calls it. It passes on the headers every subgraph needs (identity
 * is verified again there), and turns a transport failure (refused, reset, timed out) into one
 * clear error naming the subgraph. The rest of the response is still served, and the next
 * request tries again, so a restarted subgraph heals without restarting the gateway.
 */
class SubgraphDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: SubgraphName,
    options: ConstructorParameters<typeof RemoteGraphQLDataSource<GatewayContext>>[0],
  ) {
    super(options);
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    const ctx = context as Partial<GatewayContext>;
    if (ctx.requestId) request.http?.headers.set("x-request-id", ctx.requestId);
    if (ctx.authorization) request.http?.headers.set("authorization", ctx.authorization);
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    try {
      return await super.process(options);
    } catch (error) {
      // Errors answered by the subgraph are GraphQLErrors already; anything else never reached it.
      if (error instanceof GraphQLError) throw error;
      throw new GraphQLError(`${SUBGRAPH_LABELS[this.serviceName]}暂时不可用，相关内容未能加载，请稍后重试`, {
        extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: this.serviceName },
        originalError: error as Error,
      });
    }
  }
}

export function formatGatewayError(logger: Logger, options: { fieldSuggestions?: boolean } = {}) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // An operation over a query limit: one stable QUERY_TOO_COMPLEX error (see limits.ts).
    const refused = formatQueryLimitError(formatted, error);
    if (refused) return refused;
    if (!options.fieldSuggestions) formatted = { ...formatted, message: withoutSuggestions(formatted.message) };
    const code = formatted.extensions?.code;
    if (code === "SUBGRAPH_UNAVAILABLE") {
      logger.warn({ err: (error as GraphQLError).originalError, serviceName: formatted.extensions?.serviceName }, "subgraph unavailable");
      return formatted;
    }
    // Errors the subgraphs and Apollo already shaped (domain codes, validation) pass through,
    // without the subgraph's raw HTTP response, which names internal addresses.
    if (typeof code === "string" && code !== "INTERNAL_SERVER_ERROR") {
      const { response: _response, ...extensions } = formatted.extensions ?? {};
      return { ...formatted, extensions };
    }
    logger.error({ err: error }, "unexpected gateway error");
    return { message: INTERNAL_ERROR_MESSAGE, path: formatted.path, extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}

export interface GatewayServer {
  logger: Logger;
  listen(port?: number, host?: string): Promise<Listening>;
  close(): Promise<void>;
}

/**
 * The stateless gateway: loads the committed supergraph, routes GraphQL to subgraphs over
 * keep-alive HTTP, and streams `/files/<subgraph>/…` to the subgraph's own `/files/…`.
 */
export async function createGatewayServer(
  config: GatewayConfig,
  options: { logger?: Logger; supergraphSdl?: string } = {},
): Promise<GatewayServer> {
  const logger = options.logger ?? createLogger("gateway", config.logLevel);
  const supergraphSdl = options.supergraphSdl ?? readFileSync(SUPERGRAPH_FILE, "utf8");

  // One keep-alive pool for all subgraph calls: the largest single gain measured (docs/architecture.md "The shape").
  const agent = new Agent({ keepAliveTimeout: 30_000, connections: 128, connectTimeout: 5_000 });
  const fetcher = ((input: string, init?: Record<string, unknown>) =>
    undiciFetch(input, {
      ...init,
      dispatcher: agent,
      signal: AbortSignal.timeout(config.subgraphTimeoutMs),
    } as never)) as unknown as Fetcher;

  const gateway = new ApolloGateway({
    supergraphSdl,
    logger,
    buildService: ({ name }) =>
      new SubgraphDataSource(name as SubgraphName, { url: config.subgraphUrls[name as SubgraphName], fetcher }),
  });

  const development = config.nodeEnv === "development";
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    csrfPrevention: true,
    // Refused before execution, so no subgraph is called: HTTP 400, extensions.code QUERY_TOO_COMPLEX.
    validationRules: queryLimitRules(config.queryLimits),
    parseOptions: queryLimitParseOptions(config.queryLimits),
    // Signals are handled once, by onShutdownSignal: Apollo's own handler would re-raise SIGTERM
    // after stopping and end the process by signal before the database is closed.
    stopOnTerminationSignals: false,
    introspection: development,
    includeStacktraceInErrorResponses: false,
    // "Did you mean …?" names schema fields: only development, like introspection, keeps it.
    formatError: formatGatewayError(logger, { fieldSuggestions: development }),
    logger,
  });
  await apollo.start();

  // File transfers get their own pool: a few long uploads must not hold GraphQL's connections.
  const filesAgent = new Agent({ keepAliveTimeout: 30_000, connections: 64, connectTimeout: 5_000 });

  // The gateway refuses a bad token with 401 before fanning out; each subgraph verifies it again.
  const verifyToken = createTokenVerifier(remoteKeySet(config.jwksUrl));
  const server = createGraphQLHttpServer<GatewayContext>({
    apollo,
    logger,
    context: async (request: IncomingMessage, requestId: string) => {
      await callerFromAuthorization(request.headers.authorization, verifyToken);
      return { requestId, authorization: request.headers.authorization };
    },
    // /files/<subgraph>/… is streamed to the subgraph's /files/… (files.ts).
    routes: {
      [`${FILES_PREFIX}*`]: createFileProxy({
        subgraphUrls: config.subgraphUrls,
        dispatcher: filesAgent,
        logger,
        timeoutMs: config.subgraphTimeoutMs,
      }),
    },
  });

  return {
    logger,
    listen: (listenPort = config.port, host = config.host) => listen(server, listenPort, host),
    close: async () => {
      await closeServer(server);
      await apollo.stop();
      await Promise.all([agent.close(), filesAgent.close()]);
    },
  };
}
