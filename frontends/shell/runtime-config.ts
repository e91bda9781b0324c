// Runtime configuration of the shell, served as /config.json by the shell's own dev and preview
// servers. It is read from the environment on every request, so pointing a remote at a new URL
// needs a restart at most, never a rebuild of the shell.
import type { Plugin, PreviewServer, ViteDevServer } from "vite";

export const REMOTE_NAMES = ["candidate", "school", "bureau"] as const;
export type RemoteName = (typeof REMOTE_NAMES)[number];

export interface RemoteConfig {
  name: RemoteName;
  /** Route prefix in the shell, e.g. "/candidate". */
  prefix: string;
  /** URL of the remote's remoteEntry.js. */
  entry: string;
}

export interface ShellRuntimeConfig {
  /** Same-origin path the browser sends GraphQL to; the shell's server proxies it to the gateway. */
  graphqlPath: string;
  remotes: RemoteConfig[];
}

const DEFAULT_REMOTE_PORTS: Record<RemoteName, number> = { candidate: 5174, school: 5175, bureau: 5176 };

export function runtimeConfigFrom(env: NodeJS.ProcessEnv): ShellRuntimeConfig {
  return {
    graphqlPath: "/graphql",
    remotes: REMOTE_NAMES.map((name) => ({
      name,
      prefix: `/${name}`,
      entry: env[`${name.toUpperCase()}_REMOTE_URL`] || `http://localhost:${DEFAULT_REMOTE_PORTS[name]}/remoteEntry.js`,
    })),
  };
}

export function runtimeConfigPlugin(env: NodeJS.ProcessEnv = process.env): Plugin {
  const serve = (server: ViteDevServer | PreviewServer) => {
    server.middlewares.use("/config.json", (_req, res) => {
      res.setHeader("content-type", "application/json; charset=utf-8");
      res.setHeader("cache-control", "no-store");
      res.end(JSON.stringify(runtimeConfigFrom(env)));
    });
  };
  return { name: "xuekao-runtime-config", configureServer: serve, configurePreviewServer: serve };
}
