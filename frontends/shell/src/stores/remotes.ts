import { defineStore } from "pinia";
import { markRaw, reactive, shallowReactive, shallowRef, type Component } from "vue";
import type { RouteRecordRaw, Router } from "vue-router";
import type { RemoteConfig } from "../../runtime-config";
import type { RemoteLoader, RemoteRoutesModule } from "../remotes/contract";
import type { Locale } from "../i18n";

export type RemoteStatus = "idle" | "loading" | "ready" | "failed";

interface RemoteState {
  status: RemoteStatus;
  error: string | null;
}

interface MessageSink {
  mergeLocaleMessage(locale: Locale, messages: Record<string, unknown>): void;
}

export const LAYOUT_ROUTE = "layout";

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}

/** Which remotes exist, and whether each one's code has been loaded into the shell. */
export const useRemotesStore = defineStore("remotes", () => {
  const remotes = shallowRef<RemoteConfig[]>([]);
  const states = reactive<Record<string, RemoteState>>({});
  let loader: RemoteLoader | null = null;
  let router: Router | null = null;
  let messages: MessageSink | null = null;
  const pending = new Map<string, Promise<boolean>>();
  /** Each loaded remote's routes as it declared them (the router keeps no such list). */
  const installedRoutes = shallowReactive<Record<string, readonly RouteRecordRaw[]>>({});

  function configure(options: { remotes: RemoteConfig[]; loader: RemoteLoader; router: Router; messages: MessageSink }) {
    remotes.value = options.remotes;
    loader = options.loader;
    router = options.router;
    messages = options.messages;
    for (const remote of options.remotes) states[remote.name] = { status: "idle", error: null };
  }

  function stateOf(name: string): RemoteState {
    return states[name] ?? { status: "idle", error: null };
  }

  function install(remote: RemoteConfig, module: RemoteRoutesModule) {
    for (const [locale, localeMessages] of Object.entries(module.messages ?? {})) {
      if (localeMessages) messages?.mergeLocaleMessage(locale as Locale, localeMessages);
    }
    // The console meta keeps the remote's own pages behind the same role check as its catch-all.
    router?.addRoute(LAYOUT_ROUTE, { path: remote.prefix.replace(/^\//, ""), meta: { console: remote.name }, children: module.default });
    installedRoutes[remote.name] = markRaw([...module.default]);
  }

  /** The routes of a loaded remote, relative to its prefix, in its own order; none before it loads. */
  function routesOf(name: string): readonly RouteRecordRaw[] {
    return installedRoutes[name] ?? [];
  }

  /** Loads the remote's routes and messages once; resolves false (and records why) on failure. */
  function ensureLoaded(name: string): Promise<boolean> {
    const remote = remotes.value.find((r) => r.name === name);
    const state = states[name];
    if (!remote || !state || !loader) return Promise.resolve(false);
    if (state.status === "ready") return Promise.resolve(true);
    const running = pending.get(name);
    if (running) return running;

    state.status = "loading";
    state.error = null;
    const attempt = loader
      .loadRoutes(name)
      .then((module) => {
        install(remote, module);
        state.status = "ready";
        return true;
      })
      .catch((error: unknown) => {
        state.status = "failed";
        state.error = describe(error);
        console.error(`[shell] remote "${name}" failed to load`, error);
        return false;
      })
      .finally(() => pending.delete(name));
    pending.set(name, attempt);
    return attempt;
  }

  function retry(name: string): Promise<boolean> {
    const state = states[name];
    if (state?.status === "failed") {
      loader?.reset(name);
      state.status = "idle";
    }
    return ensureLoaded(name);
  }

  async function loadSummary(name: string): Promise<Component> {
    if (!(await ensureLoaded(name)) || !loader) throw new Error(stateOf(name).error ?? `remote ${name} is not available`);
    const module = (await loader.loadSummary(name)) as { default?: Component } | Component;
    const component = (module as { default?: Component }).default ?? (module as Component);
    return markRaw(component);
  }

  return { remotes, states, configure, stateOf, routesOf, ensureLoaded, retry, loadSummary };
});
