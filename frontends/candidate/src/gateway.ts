import { createGraphQLClient } from "@xuekao/graphql-client";

/**
 * Same-origin GraphQL endpoint: inside the shell the shell's server proxies /graphql to the
 * gateway, and standalone this remote's own vite server does.
 */
export const gateway = createGraphQLClient({
  url: "/graphql",
  getHeaders: (): Record<string, string> => {
    const token = globalThis.sessionStorage?.getItem("xuekao.accessToken");
    return token ? { authorization: `Bearer ${token}` } : {};
  },
});
