import { bootOrExit, createLogger, onShutdownSignal } from "@xuekao/subgraph-kit";
import { loadGatewayConfig } from "./config.js";
import { createGatewayServer } from "./server.js";

void bootOrExit(async () => {
  const config = loadGatewayConfig();
  const logger = createLogger("gateway", config.logLevel);
  const gateway = await createGatewayServer(config, { logger });
  const { url } = await gateway.listen();
  logger.info({ url: `${url}/graphql`, subgraphs: config.subgraphUrls }, "gateway ready");
  onShutdownSignal(logger, gateway.close);
});
