import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { print, type GraphQLFormattedError } from "graphql";

export interface GraphQLResult<TData> {
  /** Whatever the gateway could resolve; with errors this may be partial or null. */
  data: TData | null;
  /** GraphQL errors, and transport failures turned into the same shape. Empty when all went well. */
  errors: GraphQLFormattedError[];
}

export interface GraphQLClientOptions {
  url: string;
  /** Called per request, so a renewed access token is picked up without rebuilding the client. */
  getHeaders?: () => Record<string, string> | Promise<Record<string, string>>;
  fetch?: typeof globalThis.fetch;
}

export interface GraphQLClient {
  request<TData, TVariables extends Record<string, unknown>>(
    document: TypedDocumentNode<TData, TVariables>,
    variables?: TVariables,
  ): Promise<GraphQLResult<TData>>;
}

/** Stable codes for failures that happen before the gateway produced a GraphQL answer. */
export const TRANSPORT_ERROR = "NETWORK_ERROR";
export const BAD_RESPONSE = "BAD_RESPONSE";

const printed = new WeakMap<object, string>();
function printOnce(document: TypedDocumentNode<unknown, never>): string {
  let text = printed.get(document);
  if (!text) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

function newRequestId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
}

function transportError(message: string, code: string, extra: Record<string, unknown> = {}): GraphQLFormattedError {
  return { message, extensions: { code, ...extra } };
}

export function createGraphQLClient(options: GraphQLClientOptions): GraphQLClient {
  return {
    async request(document, variables) {
      const fetchImpl = options.fetch ?? globalThis.fetch;
      const requestId = newRequestId();
      let response: Response;
      try {
        response = await fetchImpl(options.url, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            accept: "application/graphql-response+json, application/json",
            "x-request-id": requestId,
            // The gateway runs Apollo's CSRF prevention; this header marks the request as non-simple.
            "apollo-require-preflight": "true",
            ...(await options.getHeaders?.()),
          },
          body: JSON.stringify({ query: printOnce(document as TypedDocumentNode<unknown, never>), variables }),
        });
      } catch (cause) {
        return { data: null, errors: [transportError(String((cause as Error)?.message ?? cause), TRANSPORT_ERROR, { requestId })] };
      }

      let body: unknown;
      try {
        body = await response.json();
      } catch {
        return {
          data: null,
          errors: [transportError(`HTTP ${response.status} ${response.statusText}`.trim(), BAD_RESPONSE, { requestId, status: response.status })],
        };
      }
      const { data = null, errors = [] } = (body ?? {}) as { data?: unknown; errors?: GraphQLFormattedError[] };
      if (data === null && errors.length === 0 && !response.ok) {
        return { data: null, errors: [transportError(`HTTP ${response.status}`, BAD_RESPONSE, { requestId, status: response.status })] };
      }
      return { data: data as never, errors };
    },
  };
}

/** Top-level fields named in the errors' paths: what the page could not show. */
export function missingFields(errors: readonly GraphQLFormattedError[]): string[] {
  const paths = errors.flatMap((error) => (error.path?.length ? [error.path.filter((p) => typeof p === "string").join(".")] : []));
  return [...new Set(paths)];
}
