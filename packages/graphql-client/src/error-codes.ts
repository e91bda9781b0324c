import type { GraphQLFormattedError } from "graphql";
import { ERROR_CODES, type ErrorCode } from "./generated/error-codes.js";
import { BAD_RESPONSE, TRANSPORT_ERROR } from "./client.js";

export { ERROR_CODES, type ErrorCode };

/** What the client itself reports when no answer arrived (see client.ts). */
export type ClientErrorCode = typeof TRANSPORT_ERROR | typeof BAD_RESPONSE;

const known = new Set<string>(Object.keys(ERROR_CODES));

/**
 * The error's code as a typed value, for pages to branch on (`errorCodeOf(error) === "ACCOUNT_LOCKED"`
 * is checked by the compiler against every code the platform can answer with); undefined for a
 * code nobody declared (treat it as a generic failure).
 */
export function errorCodeOf(error: Pick<GraphQLFormattedError, "extensions"> | null | undefined): ErrorCode | ClientErrorCode | undefined {
  const code = error?.extensions?.code;
  if (typeof code !== "string") return undefined;
  if (code === TRANSPORT_ERROR || code === BAD_RESPONSE) return code;
  return known.has(code) ? (code as ErrorCode) : undefined;
}
