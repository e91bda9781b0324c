/**
 * The slice of a pino logger this package writes to, so a subgraph passes its own logger
 * (or a child of it) and the relay's lines carry the request-independent service fields.
 */
export interface EventLogger {
  debug(fields: object, message?: string): void;
  info(fields: object, message?: string): void;
  warn(fields: object, message?: string): void;
  error(fields: object, message?: string): void;
}
