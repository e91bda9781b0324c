import { errorCodeOf, type GraphQLFormattedError } from "@xuekao/graphql-client";

/**
 * Server errors split into those about one input field (`extensions.field`) and the rest.
 * `fieldMap` renames the server's input names to the form's (e.g. organizationId → classIds);
 * when it is given, an error about a field the form does not show goes with the rest, so that
 * it is still seen.
 */
export function splitErrors(
  errors: readonly GraphQLFormattedError[],
  fieldMap?: Readonly<Record<string, string>>,
): { fields: Record<string, string>; general: string[] } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    const serverField = error.extensions?.field;
    const field = typeof serverField === "string" && serverField ? (fieldMap ? fieldMap[serverField] : serverField) : undefined;
    if (field && !(field in fields)) fields[field] = error.message;
    else general.push(error.message);
  }
  return { fields, general };
}

/** Failures before the gateway answered have technical messages; show ours instead. */
export function isTransportError(error: GraphQLFormattedError): boolean {
  const code = errorCodeOf(error);
  return code === "NETWORK_ERROR" || code === "BAD_RESPONSE";
}

/**
 * What a page says when an action failed: the server's own (Chinese) messages, each once, or
 * `fallback` when no answer came (network, a broken response) or the answer said nothing.
 */
export function failureText(errors: readonly GraphQLFormattedError[], fallback: string): string {
  if (errors.length === 0 || errors.some(isTransportError)) return fallback;
  return [...new Set(errors.map((error) => error.message))].join("；");
}
