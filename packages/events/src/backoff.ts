export interface BackoffOptions {
  /** Delay after the first failure. */
  baseMs: number;
  /** Ceiling, so a long outage is retried at a steady pace rather than once a day. */
  maxMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1_000, maxMs: 5 * 60_000 };

/** Exponential backoff: `baseMs` after failure 1, doubling per further failure, capped at `maxMs`. */
export function backoffDelay(failures: number, options: BackoffOptions): number {
  const exponent = Math.max(0, failures - 1);
  // 2 ** exponent overflows to Infinity long after maxMs is reached; Math.min keeps it finite.
  return Math.min(options.maxMs, options.baseMs * 2 ** exponent);
}

export function resolveBackoff(options: Partial<BackoffOptions> | undefined, defaults: BackoffOptions = DEFAULT_BACKOFF): BackoffOptions {
  const resolved = { baseMs: options?.baseMs ?? defaults.baseMs, maxMs: options?.maxMs ?? defaults.maxMs };
  if (!(resolved.baseMs > 0) || !(resolved.maxMs >= resolved.baseMs)) {
    throw new Error(`Invalid backoff ${JSON.stringify(resolved)}: need 0 < baseMs <= maxMs`);
  }
  return resolved;
}
