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

/**
 * How a category is presented: the HTTP-ish status a client can expect and whether the message may
 * be shown as it is. Exhaustive over `ErrorCategory`: a new category does not compile until it is
 * placed here.
 */
export const ERROR_CATEGORY_PRESENTATION: Record<ErrorCategory, { status: number; label: string }> = {
  BAD_USER_INPUT: { status: 400, label: "输入有误" },
  NOT_FOUND: { status: 404, label: "不存在" },
  FORBIDDEN: { status: 403, label: "无权操作" },
  UNAUTHENTICATED: { status: 401, label: "未登录" },
  CONFLICT: { status: 409, label: "与当前状态冲突" },
};

/** One error a module may raise: its category, Chinese message (fixed, or built from parameters) and the input field it concerns. */
export interface ErrorSpec<Params = never> {
  category: ErrorCategory;
  message: string | ((params: Params) => string);
  /** The input field the error is about, when there is one (forms show the message under it). */
  field?: string;
}

type ParamsOf<Spec> = Spec extends { message: (params: infer P) => string } ? P : undefined;

/** `Errors.CODE(params?, details?)`: a DomainError of that code with its catalogued message. */
export type ErrorFactory<Code extends string, Params> = ([Params] extends [undefined]
  ? (params?: undefined, details?: Record<string, unknown>) => DomainError
  : (params: Params, details?: Record<string, unknown>) => DomainError) & { readonly code: Code; readonly category: ErrorCategory };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each spec keeps its own parameter type
export type ErrorCatalog<Specs extends Record<string, ErrorSpec<any>>> = {
  readonly [Code in keyof Specs & string]: ErrorFactory<Code, ParamsOf<Specs[Code]>>;
} & ListedErrors;

/** Any catalog, as a list of its entries (what a subgraph hands over for the clients' code list). */
export interface ListedErrors {
  readonly [CATALOG]: CatalogEntry[];
}

/** What a catalog declares, for the client's list of codes (`@xuekao/graphql-client`). */
export interface CatalogEntry {
  code: string;
  /** Domain categories, plus what only the platform raises: a service down, an internal failure. */
  category: ErrorCategory | "UNAVAILABLE" | "INTERNAL";
  module: string;
  /** The fixed message, or an example of the parameterised one. */
  message: string;
  field?: string;
}

const CATALOG = Symbol("error catalog");
const ERROR_CODE = /^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/;

/**
 * Declares the errors of one module, in one place: a stable code (upper snake case, never
 * reworded), its category and its Chinese message. Services throw `Errors.CODE(params)` instead of
 * writing codes and messages inline; the catalogs are collected into the client's list of codes,
 * so pages branch on typed values.
 *
 * ```ts
 * export const ExamSessionErrors = defineErrors("exam-session", {
 *   EXAM_SESSION_CODE_TAKEN: { category: "CONFLICT", field: "code", message: (p: { code: string }) => `本省已有代码为 ${p.code} 的考次` },
 * });
 * throw ExamSessionErrors.EXAM_SESSION_CODE_TAKEN({ code });
 * ```
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each spec keeps its own parameter type
export function defineErrors<const Specs extends Record<string, ErrorSpec<any>>>(module: string, specs: Specs): ErrorCatalog<Specs> {
  const catalog: Record<string | symbol, unknown> = {};
  const entries: CatalogEntry[] = [];
  for (const [code, spec] of Object.entries(specs)) {
    if (!ERROR_CODE.test(code)) throw new Error(`Error code "${code}" of ${module} must be UPPER_SNAKE_CASE`);
    const factory = (params?: unknown, details: Record<string, unknown> = {}) => {
      const message = typeof spec.message === "function" ? spec.message(params as never) : spec.message;
      return new DomainError(code, spec.category, message, spec.field ? { field: spec.field, ...details } : details);
    };
    Object.assign(factory, { code, category: spec.category });
    catalog[code] = factory;
    entries.push({
      code,
      category: spec.category,
      module,
      message: typeof spec.message === "function" ? "（消息含参数）" : spec.message,
      ...(spec.field ? { field: spec.field } : {}),
    });
  }
  catalog[CATALOG] = entries;
  return catalog as ErrorCatalog<Specs>;
}

/** The entries of catalogs, for emitting the list of codes. */
export const catalogEntries = (...catalogs: ListedErrors[]): CatalogEntry[] => catalogs.flatMap((catalog) => catalog[CATALOG]);

/** Codes raised outside GraphQL (the file routes, the gateway), listed like a catalog so clients know them too. */
export function listedErrors(module: string, codes: ReadonlyArray<readonly [code: string, category: CatalogEntry["category"], message: string]>): ListedErrors {
  return { [CATALOG]: codes.map(([code, category, message]) => ({ code, category, module, message })) };
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
