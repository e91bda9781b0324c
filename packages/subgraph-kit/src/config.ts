import { z } from "zod";

/**
 * Configuration is read once at boot from the environment and validated as a whole. A bad or
 * missing value stops the process with a message naming the variable, instead of failing later
 * on the first request that needs it.
 */
export class ConfigError extends Error {
  constructor(public readonly issues: string[]) {
    super(`Invalid configuration:\n${issues.map((issue) => `  - ${issue}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

export const nodeEnv = z.enum(["development", "test", "production"]).default("development");
export const logLevel = z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info");
export const port = (defaultPort: number) => z.coerce.number().int().min(0).max(65535).default(defaultPort);
export const optionalUrl = z
  .string()
  .trim()
  .optional()
  .transform((value) => (value === "" ? undefined : value))
  .pipe(z.string().url().optional());

export function loadConfig<Shape extends z.ZodRawShape>(
  shape: Shape,
  env: Record<string, string | undefined> = process.env,
): z.infer<z.ZodObject<Shape>> {
  // `VAR=` (or blanks) means "not set": fall back to the default instead of coercing "" to 0.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const result = z.object(shape).safeParse(present);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join(".") || "(environment)"}: ${issue.message}`),
    );
  }
  return result.data;
}

/** Runs `boot`, turning a ConfigError into a one-line-per-variable message and exit code 78 (EX_CONFIG). */
export async function bootOrExit(boot: () => Promise<unknown>): Promise<void> {
  try {
    await boot();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    process.stderr.write(`Startup failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  }
}
