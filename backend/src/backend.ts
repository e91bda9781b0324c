/**
 * The embedded backend: every subgraph in one Node process, each on its own port with its own
 * database, sharing one event bus. On the embedded default (no NATS_URL) that bus is the
 * in-process one — the only way an in-process bus can carry events between subgraphs. With
 * NATS_URL the same code uses JetStream, and the subgraphs may equally run as separate processes
 * (each subgraph's own `main.js`), which is how production scales them.
 */
import { certificationSubgraph } from "@xuekao/certification";
import { createBus, type Bus } from "@xuekao/events";
import { identitySubgraph } from "@xuekao/identity";
import { notificationSubgraph } from "@xuekao/notification";
import { registrySubgraph } from "@xuekao/registry";
import { createLogger, createSubgraphService, loadSubgraphConfig, type Logger, type SubgraphService } from "@xuekao/subgraph-kit";

/** identity first: the others verify tokens against its keys (lazily, but it should be up). */
export const SUBGRAPHS = [identitySubgraph, registrySubgraph, certificationSubgraph, notificationSubgraph];

export interface Backend {
  services: SubgraphService[];
  urls: Record<string, string>;
  bus: Bus;
  stop(): Promise<void>;
}

export async function startBackend(env: Record<string, string | undefined> = process.env, logger?: Logger): Promise<Backend> {
  const configs = SUBGRAPHS.map((definition) => ({ definition, config: loadSubgraphConfig(definition, env) }));
  const log = logger ?? createLogger("backend", configs[0]!.config.logLevel);
  const { natsUrl, natsStream, natsSubjectPrefix } = configs[0]!.config;
  const bus = await createBus({ natsUrl, logger: log, streamName: natsStream, subjectPrefix: natsSubjectPrefix });
  const services: SubgraphService[] = [];
  const urls: Record<string, string> = {};
  try {
    for (const { definition, config } of configs) {
      const service = await createSubgraphService(definition, config, createLogger(definition.name, config.logLevel), env, {
        bus,
        relayPollIntervalMs: 500,
      });
      services.push(service);
      urls[definition.name] = `${(await service.listen()).url}/graphql`;
    }
  } catch (error) {
    for (const service of services.reverse()) await service.close().catch(() => undefined);
    await bus.close();
    throw error;
  }
  log.info({ urls, bus: configs[0]!.config.natsUrl ? "nats" : "in-process" }, "backend ready");
  return {
    services,
    urls,
    bus,
    stop: async () => {
      // Last started, first stopped; the bus after every consumer has finished.
      for (const service of [...services].reverse()) await service.close();
      await bus.close();
    },
  };
}
