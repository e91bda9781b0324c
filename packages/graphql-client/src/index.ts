export { createGraphQLClient, missingFields, TRANSPORT_ERROR, BAD_RESPONSE } from "./client.js";
export type { GraphQLClient, GraphQLClientOptions, GraphQLResult } from "./client.js";
export { graphql } from "./generated/index.js";
export type * from "./generated/graphql.js";
export type { GraphQLFormattedError } from "graphql";
export type { TypedDocumentNode } from "@graphql-typed-document-node/core";
export { ERROR_CODES, errorCodeOf } from "./error-codes.js";
export type { ClientErrorCode, ErrorCode } from "./error-codes.js";
