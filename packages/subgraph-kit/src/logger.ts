import { pino, type Logger } from "pino";

export type { Logger };

/** JSON logs on stdout; each request gets a child logger carrying its request id. */
export function createLogger(service: string, level: string = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({ name: service, level, base: { service }, timestamp: pino.stdTimeFunctions.isoTime });
}
