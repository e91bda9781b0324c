/**
 * The embedded backend: every subgraph in one Node process, each on its own port with its own
 * database, sharing one event bus. On the embedded default (no NATS_URL) that bus is the
 * in-process one — the only way an in-process bus can carry events between subgraphs. With
 * NATS_URL the same code uses JetStream, and the subgraphs may equally run as separate processes
 * (each subgraph's own `main.js`), which is how production scales them.
 */
import { certificationSubgraph } from "@xuekao/certification";
import { BusUnavailableError, createBus, type Bus } from "@xuekao/events";
import { identitySubgraph } from "@xuekao/identity";
import { notificationSubgraph } from "@xuekao/notification";
import { registrySubgraph } from "@xuekao/registry";
import { createLogger, createSubgraphService, loadSubgraphConfig, type AnySubgraphDefinition, type Logger, type SubgraphService } from "@xuekao/subgraph-kit";

/** identity first: the others verify tokens against its keys (lazily, but it should be up). */
// Each typed by its own services (notification's SMS worker…): one list of any services.
export const SUBGRAPHS: AnySubgraphDefinition[] = [identitySubgraph, registrySubgraph, certificationSubgraph, notificationSubgraph];

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
  // The in-process bus keeps nothing for a consumer that has not subscribed yet, and the
  // subgraphs start one after another: identity's relay (or certification's SLA job) could
  // publish before notification subscribes, and the event would count as delivered. So nothing
  // is published until every subgraph is up; the events wait in their outboxes meanwhile.
  let open!: () => void;
  let refuse!: (error: Error) => void;
  const allSubscribed = new Promise<void>((resolve, reject) => {
    open = resolve;
    refuse = reject;
  });
  allSubscribed.catch(() => undefined); // observed by publish; no unhandled rejection when nothing published
  const gatedBus: Bus = {
    publish: async (event) => {
      await allSubscribed;
      return bus.publish(event);
    },
    subscribe: (...args) => bus.subscribe(...args),
    close: () => bus.close(),
  };
  const services: SubgraphService[] = [];
  const urls: Record<string, string> = {};
  try {
    for (const { definition, config } of configs) {
      const service = await createSubgraphService(definition, config, createLogger(definition.name, config.logLevel), env, {
        bus: gatedBus,
        relayPollIntervalMs: 500,
      });
      services.push(service);
      urls[definition.name] = `${(await service.listen()).url}/graphql`;
    }
  } catch (error) {
    // Whatever waits to be published stays in its outbox (the relay records the failure).
    refuse(new BusUnavailableError("the backend did not start; events stay in the outbox"));
    for (const service of services.reverse()) await service.close().catch(() => undefined);
    await bus.close();
    throw error;
  }
  open();
  log.info({ urls, bus: natsUrl ? "nats" : "in-process" }, "backend ready");
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
