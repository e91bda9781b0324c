import type { EventLogger } from "../src/logger.js";

export interface RecordedLine {
  level: "debug" | "info" | "warn" | "error";
  fields: Record<string, unknown>;
  message: string | undefined;
}

/** A logger that keeps what it is told, so tests can assert on warnings and dead letters. */
export function recordingLogger(): EventLogger & { lines: RecordedLine[] } {
  const lines: RecordedLine[] = [];
  const write = (level: RecordedLine["level"]) => (fields: object, message?: string) => {
    lines.push({ level, fields: fields as Record<string, unknown>, message });
  };
  return { lines, debug: write("debug"), info: write("info"), warn: write("warn"), error: write("error") };
}
