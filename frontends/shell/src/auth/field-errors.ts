import type { GraphQLFormattedError } from "@xuekao/graphql-client";

/** Server errors split into those about one input field (`extensions.field`) and the rest. */
export function splitErrors(errors: readonly GraphQLFormattedError[]): { fields: Record<string, string>; general: string[] } {
  const fields: Record<string, string> = {};
  const general: string[] = [];
  for (const error of errors) {
    const field = error.extensions?.field;
    if (typeof field === "string" && field && !(field in fields)) fields[field] = error.message;
    else general.push(error.message);
  }
  return { fields, general };
}

/** Failures before the gateway answered have technical messages; show ours instead. */
export function isTransportError(error: GraphQLFormattedError): boolean {
  const code = error.extensions?.code;
  return code === "NETWORK_ERROR" || code === "BAD_RESPONSE";
}
