import { createGraphQLClient, type GraphQLFormattedError, type GraphQLResult, type TypedDocumentNode } from "@xuekao/graphql-client";
import { ACCESS_TOKEN_KEY, sessionHandler } from "./session";

export interface GatewayRequestOptions {
  /** Send no access token and never renew the session: login, refreshSession, logout, registration. */
  anonymous?: boolean;
}

export interface GatewayClient {
  request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
    options?: GatewayRequestOptions,
  ): Promise<GraphQLResult<TData>>;
}

/** The gateway answers an expired or forged access token with this code (HTTP 401). */
export const UNAUTHENTICATED = "UNAUTHENTICATED";

export function isUnauthenticated(errors: readonly GraphQLFormattedError[]): boolean {
  return errors.some((error) => error.extensions?.code === UNAUTHENTICATED);
}

const currentAccessToken = () => globalThis.sessionStorage?.getItem(ACCESS_TOKEN_KEY) ?? null;

/**
 * Same-origin GraphQL endpoint: inside the shell the shell's server proxies /graphql to the
 * gateway, and standalone the remote's own vite server does.
 *
 * The one place that adds `Authorization`. When the gateway refuses the token, the session's
 * owner renews it once and the request is sent again; if that fails the session has ended.
 */
export function createGatewayClient(url = "/graphql"): GatewayClient {
  const withToken = createGraphQLClient({
    url,
    getHeaders: (): Record<string, string> => {
      const token = currentAccessToken();
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });
  const anonymous = createGraphQLClient({ url });

  return {
    async request(document, variables, options) {
      if (options?.anonymous) return anonymous.request(document, variables);
      const sentToken = currentAccessToken();
      const result = await withToken.request(document, variables);
      const handler = sessionHandler();
      if (!sentToken || !handler || !isUnauthenticated(result.errors)) return result;

      // Another request may already have renewed the token while this one was in flight.
      const renewed = currentAccessToken() !== sentToken || (await handler.renew());
      if (!renewed) {
        handler.expired();
        return result;
      }
      const retried = await withToken.request(document, variables);
      if (isUnauthenticated(retried.errors)) handler.expired();
      return retried;
    },
  };
}

/** The client every remote's pages use (each remote bundles its own instance; they share the session). */
export const gateway = createGatewayClient();
