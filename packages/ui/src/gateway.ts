import { createGraphQLClient, type GraphQLClient } from "@xuekao/graphql-client";

/** Where the shell keeps the signed-in user's access token for the whole tab. */
export const ACCESS_TOKEN_KEY = "xuekao.accessToken";

/**
 * Same-origin GraphQL endpoint: inside the shell the shell's server proxies /graphql to the
 * gateway, and standalone the remote's own vite server does.
 */
export function createGatewayClient(url = "/graphql"): GraphQLClient {
  return createGraphQLClient({
    url,
    getHeaders: (): Record<string, string> => {
      const token = globalThis.sessionStorage?.getItem(ACCESS_TOKEN_KEY);
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });
}

/** The client every remote's pages use (each remote bundles its own instance). */
export const gateway = createGatewayClient();
