// The processes of the platform and how to start each from a built tree; shared by `npm start`
// (scripts/start.mjs). The four subgraphs run in one process, the embedded backend, because
// that is what lets them share the in-process event bus (no NATS needed). Ports are the
// README's defaults, each overridable by env.
import { join } from "node:path";

export const PORTS = {
  gateway: Number(process.env.GATEWAY_PORT || 4000),
  identity: Number(process.env.IDENTITY_PORT || 4001),
  registry: Number(process.env.REGISTRY_PORT || 4002),
  certification: Number(process.env.CERTIFICATION_PORT || 4003),
  notification: Number(process.env.NOTIFICATION_PORT || 4004),
  shell: Number(process.env.SHELL_PORT || 5173),
  candidate: Number(process.env.CANDIDATE_PORT || 5174),
  school: Number(process.env.SCHOOL_PORT || 5175),
  bureau: Number(process.env.BUREAU_PORT || 5176),
};

export const SUBGRAPHS = ["identity", "registry", "certification", "notification"];
export const REMOTES = ["candidate", "school", "bureau"];

/** Environment every process gets: all ports, so each one finds the others. */
export function platformEnv(root) {
  const env = { ...process.env };
  for (const [name, port] of Object.entries(PORTS)) env[`${name.toUpperCase()}_PORT`] = String(port);
  env.NODE_ENV ??= "development";
  env.LOG_LEVEL ??= "info";
  env.DATA_DIR ??= join(root, ".data");
  // Development SMS driver: verification codes also land here (README "Demo data").
  env.SMS_LOG_FILE ??= join(env.DATA_DIR, "sms.log");
  env.GATEWAY_URL ??= `http://127.0.0.1:${PORTS.gateway}`;
  for (const remote of REMOTES) env[`${remote.toUpperCase()}_REMOTE_URL`] ??= `http://localhost:${PORTS[remote]}/remoteEntry.js`;
  return env;
}

export function serviceCommands(root) {
  const vite = (folder) => ({ cwd: join(root, "frontends", folder), command: process.execPath, args: [join(root, "frontends", folder, "node_modules/vite/bin/vite.js"), "preview"] });
  return [
    {
      name: "backend",
      cwd: join(root, "backend"),
      command: process.execPath,
      args: ["dist/main.js"],
      // Development demo data (README "Demo accounts"); seeding is idempotent.
      env: { SEED_DEMO: "1" },
      ready: SUBGRAPHS.map((name) => `http://127.0.0.1:${PORTS[name]}/readyz`),
    },
    { name: "gateway", cwd: join(root, "gateway"), command: process.execPath, args: ["dist/main.js"], ready: `http://127.0.0.1:${PORTS.gateway}/readyz` },
    ...REMOTES.map((name) => ({ name, ...vite(name), ready: `http://localhost:${PORTS[name]}/remoteEntry.js` })),
    { name: "shell", ...vite("shell"), ready: `http://localhost:${PORTS.shell}/` },
  ];
}
