import type { Bus } from "./bus.js";
import { InProcessBus } from "./in-process-bus.js";
import { JetStreamBus, type JetStreamBusOptions } from "./jetstream-bus.js";
import type { EventLogger } from "./logger.js";

export interface CreateBusOptions extends Omit<JetStreamBusOptions, "servers" | "logger"> {
  /** `NATS_URL`: set → JetStream (comma-separated URLs allowed); unset or empty → the in-process bus. */
  natsUrl?: string | undefined;
  logger: EventLogger;
}

/** The bus the environment asks for: JetStream in production, in-process when embedded. */
export async function createBus(options: CreateBusOptions): Promise<Bus> {
  const { natsUrl, logger, ...jetStreamOptions } = options;
  const servers = (natsUrl ?? "")
    .split(",")
    .map((url) => url.trim())
    .filter(Boolean);
  if (servers.length === 0) return new InProcessBus({ logger });
  return JetStreamBus.connect({ ...jetStreamOptions, servers, logger });
}
