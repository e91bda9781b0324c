import { createInstance, getInstance, type ModuleFederation } from "@module-federation/runtime";
import * as vue from "vue";
import * as vueRouter from "vue-router";
import * as pinia from "pinia";
import * as vueI18n from "vue-i18n";
import * as elementPlus from "element-plus";
import type { SharedSingleton } from "@xuekao/ui/vite";
import type { RemoteConfig } from "../../runtime-config";
import type { RemoteLoader, RemoteRoutesModule } from "./contract";

/** Matches `name` in the shell's vite config. */
export const HOST_NAME = "xuekao_shell";

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
  const host = hostInstance();
  const toRemote = (remote: RemoteConfig) => ({ name: containerName(remote.name), alias: remote.name, entry: remote.entry, type: "module" as const });
  host.registerRemotes(remotes.map(toRemote));

  async function load<T>(name: string, exposed: string): Promise<T> {
    const id = `${containerName(name)}/${exposed}`;
    const module = await withTimeout(host.loadRemote<T>(id), id);
    if (!module) throw new Error(`${id} was not found`);
    return module;
  }

  return {
    loadRoutes: (name) => load<RemoteRoutesModule>(name, "routes"),
    loadSummary: (name) => load<unknown>(name, "Summary"),
    reset(name) {
      const remote = remotes.find((r) => r.name === name);
      // `force` drops the cached (failed) container so the entry script is requested again.
      if (remote) host.registerRemotes([toRemote(remote)], { force: true });
    },
  };
}

// Checked against the singleton list of the federation config, so the dev fallback shares the same set.
const SHARED_MODULES = { vue, "vue-router": vueRouter, pinia, "vue-i18n": vueI18n, "element-plus": elementPlus } as const satisfies Record<SharedSingleton, object>;

/**
 * The instance @module-federation/vite initialised for this host (production build), found by
 * name in the global federation registry. The plugin does not initialise a host without static
 * remotes under `vite` dev, so there the shell creates the instance itself and provides the very
 * modules it runs on as the shared singletons: remotes still get the shell's Vue, router, Pinia,
 * i18n and Element Plus.
 */
function hostInstance(): ModuleFederation {
  const existing = getInstance((candidate) => candidate.name === HOST_NAME);
  if (existing) return existing;
  const shared = Object.fromEntries(
    Object.entries(SHARED_MODULES).map(([name, module]) => [
      name,
      { version: __SHARED_VERSIONS__[name] ?? "0.0.0", lib: () => module, shareConfig: { singleton: true, requiredVersion: false as const } },
    ]),
  );
  return createInstance({ name: HOST_NAME, remotes: [], shared });
}
