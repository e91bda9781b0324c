import { registerRemotes, loadRemote } from "@module-federation/runtime";
import type { RemoteConfig } from "../../runtime-config";
import type { RemoteLoader, RemoteRoutesModule } from "./contract";

/** Federation container name of a remote; matches `name` in the remote's vite config. */
export const containerName = (remote: string) => `xuekao_${remote}`;

const LOAD_TIMEOUT_MS = 20_000;

function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer after ${LOAD_TIMEOUT_MS / 1000} s`)), LOAD_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Registers the remotes from the runtime config with the federation instance the host plugin
 * created (the one that owns the shared singletons), so no remote URL is baked into the build.
 */
export function createFederationLoader(remotes: RemoteConfig[]): RemoteLoader {
  const toRemote = (remote: RemoteConfig) => ({ name: containerName(remote.name), alias: remote.name, entry: remote.entry, type: "module" as const });
  registerRemotes(remotes.map(toRemote));

  async function load<T>(name: string, exposed: string): Promise<T> {
    const id = `${containerName(name)}/${exposed}`;
    const module = await withTimeout(loadRemote<T>(id), id);
    if (!module) throw new Error(`${id} was not found`);
    return module;
  }

  return {
    loadRoutes: (name) => load<RemoteRoutesModule>(name, "routes"),
    loadSummary: (name) => load<unknown>(name, "Summary"),
    reset(name) {
      const remote = remotes.find((r) => r.name === name);
      // `force` drops the cached (failed) container so the entry script is requested again.
      if (remote) registerRemotes([toRemote(remote)], { force: true });
    },
  };
}
