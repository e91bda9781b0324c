import { bootOrExit, createLogger, onShutdownSignal } from "@xuekao/subgraph-kit";
import { startBackend } from "./backend.js";

void bootOrExit(async () => {
  const logger = createLogger("backend", process.env.LOG_LEVEL ?? "info");
  const backend = await startBackend(process.env, logger);
  onShutdownSignal(logger, backend.stop);
});
