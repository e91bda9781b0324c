import { GraphQLError, type GraphQLFormattedError } from "graphql";
import type { Logger } from "pino";

/**
 * Every error a client must handle carries a stable `extensions.code` and a Chinese message.
 * Modules declare their own codes (in `<feature>.errors.ts`) with one of these categories;
 * the category decides how the error is presented, the code is what clients branch on.
 */
export type ErrorCategory = "BAD_USER_INPUT" | "NOT_FOUND" | "FORBIDDEN" | "UNAUTHENTICATED" | "CONFLICT";

export class DomainError extends Error {
  constructor(
    /** Stable, upper snake case, e.g. `EXAM_SESSION_WINDOW_INVALID`. Never reworded. */
    public readonly code: string,
    public readonly category: ErrorCategory,
    /** Chinese, for the person in front of the screen. */
    message: string,
    public readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const INTERNAL_ERROR_MESSAGE = "服务器内部错误，请稍后重试；如仍有问题，请联系管理员。";

/** Codes the GraphQL layer itself produces for malformed requests; safe to show as they are. */
const REQUEST_ERROR_CODES = new Set([
  "GRAPHQL_PARSE_FAILED",
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "BAD_REQUEST",
  "PERSISTED_QUERY_NOT_FOUND",
  "PERSISTED_QUERY_NOT_SUPPORTED",
  "OPERATION_RESOLUTION_FAILURE",
]);

/**
 * The one place errors are shaped for clients: domain errors keep their code and message,
 * request errors pass through, anything else is logged with its stack and masked.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    // Resolver errors arrive wrapped (the thrown error is `originalError`); errors raised before
    // execution (context, validation) arrive as the GraphQLError itself.
    const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
    if (original instanceof DomainError) {
      return {
        ...formatted,
        message: original.message,
        extensions: { ...original.details, code: original.code, category: original.category },
      };
    }
    const code = formatted.extensions?.code;
    if (typeof code === "string" && REQUEST_ERROR_CODES.has(code)) return formatted;
    if (original instanceof GraphQLError && !original.originalError) return formatted;
    logger.error({ err: original, path: formatted.path }, "unexpected error");
    return {
      message: INTERNAL_ERROR_MESSAGE,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code: "INTERNAL_SERVER_ERROR" },
    };
  };
}
