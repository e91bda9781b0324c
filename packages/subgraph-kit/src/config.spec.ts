import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { bootOrExit, ConfigError, loadConfig, logLevel, nodeEnv, optionalUrl, port } from "./config.js";
import { findRepoRoot, loadSubgraphConfig } from "./subgraph.js";

const shape = { NODE_ENV: nodeEnv, LOG_LEVEL: logLevel, PORT: port(4000), GATEWAY_URL: optionalUrl };

/** The ConfigError `work` throws (fails the test when it throws nothing or something else). */
function configErrorOf(work: () => unknown): ConfigError {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error("expected a ConfigError, nothing was thrown");
}

describe("loadConfig", () => {
  it("returns typed defaults for an empty environment", () => {
    const config = loadConfig(shape, {});
    expect(config).toEqual({ NODE_ENV: "development", LOG_LEVEL: "info", PORT: 4000, GATEWAY_URL: undefined });
    // Typed: PORT is a number, not the string the environment holds.
    const portNumber: number = config.PORT;
    expect(portNumber + 1).toBe(4001);
  });

  it("coerces and validates the values that are set", () => {
    expect(
      loadConfig(shape, { NODE_ENV: "production", LOG_LEVEL: "warn", PORT: "8080", GATEWAY_URL: "  http://127.0.0.1:4000/graphql " }),
    ).toEqual({ NODE_ENV: "production", LOG_LEVEL: "warn", PORT: 8080, GATEWAY_URL: "http://127.0.0.1:4000/graphql" });
    expect(loadConfig(shape, { GATEWAY_URL: "" }).GATEWAY_URL).toBeUndefined();
    expect(loadConfig(shape, { PORT: "0" }).PORT).toBe(0);
    expect(loadConfig(shape, { PORT: "65535" }).PORT).toBe(65535);
  });

  it.each(["http", "80.5", "-1", "65536", "1e9"])("refuses PORT=%s with a ConfigError naming PORT", (value) => {
    const error = configErrorOf(() => loadConfig(shape, { PORT: value }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatch(/^PORT: /);
    expect(error.message).toContain("PORT");
    expect(error.message).toMatch(/^Invalid configuration:\n {2}- PORT: /);
  });

  it("reports every bad variable at once, one line each", () => {
    const error = configErrorOf(() => loadConfig(shape, { NODE_ENV: "staging", LOG_LEVEL: "loud", PORT: "x", GATEWAY_URL: "not a url" }));
    expect(error.issues.map((issue) => issue.split(":")[0]).sort()).toEqual(["GATEWAY_URL", "LOG_LEVEL", "NODE_ENV", "PORT"]);
    expect(error.message.split("\n")).toHaveLength(5);
    expect(error.name).toBe("ConfigError");
  });

  it("names the variable of a custom shape too", () => {
    const error = configErrorOf(() => loadConfig({ JWT_SECRET: z.string().min(32) }, {}));
    expect(error.issues[0]).toMatch(/^JWT_SECRET: /);
  });
});

describe("bootOrExit", () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it("prints a ConfigError and exits with 78 (EX_CONFIG)", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    await bootOrExit(async () => {
      throw new ConfigError(["PORT: Invalid input"]);
    });
    expect(exit).toHaveBeenCalledWith(78);
    expect(stderr.mock.calls.map((call) => String(call[0])).join("")).toContain("  - PORT: Invalid input");
  });

  it("exits with 1 on any other startup failure, and not at all on success", async () => {
    const exit = vi.spyOn(process, "exit").mockImplementation((() => undefined) as never);
    const stderr = vi.spyOn(process.stderr, "write").mockImplementation(() => true);
    await bootOrExit(async () => {
      throw new Error("database refused the connection");
    });
    expect(exit).toHaveBeenCalledWith(1);
    expect(stderr.mock.calls.map((call) => String(call[0])).join("")).toContain("Startup failed: Error: database refused the connection");

    exit.mockClear();
    await bootOrExit(async () => "ready");
    expect(exit).not.toHaveBeenCalled();
  });
});

describe("loadSubgraphConfig", () => {
  const registry = { name: "registry", defaultPort: 4002 };

  it("defaults to the subgraph's port and an embedded libsql file under <repo>/.data", () => {
    const config = loadSubgraphConfig(registry, {});
    expect(config).toEqual({
      nodeEnv: "development",
      logLevel: "info",
      host: "127.0.0.1",
      port: 4002,
      database: { driver: "libsql", location: `${join(findRepoRoot(), ".data")}/registry.db` },
      dataDir: join(findRepoRoot(), ".data"),
      seedDemo: false,
      jwksUrl: "http://127.0.0.1:4001/.well-known/jwks.json",
      natsUrl: undefined,
      natsStream: "XUEKAO_EVENTS",
      natsSubjectPrefix: "xuekao.events",
    });
    expect(existsSync(join(findRepoRoot(), "pnpm-workspace.yaml"))).toBe(true);
  });

  it("finds identity's JWKS at IDENTITY_JWKS_URL, or on loopback at IDENTITY_PORT", () => {
    expect(loadSubgraphConfig(registry, { IDENTITY_PORT: "5001" }).jwksUrl).toBe("http://127.0.0.1:5001/.well-known/jwks.json");
    expect(loadSubgraphConfig(registry, { IDENTITY_JWKS_URL: "https://id.example.cn/.well-known/jwks.json" }).jwksUrl).toBe(
      "https://id.example.cn/.well-known/jwks.json",
    );
    expect(() => loadSubgraphConfig(registry, { IDENTITY_JWKS_URL: "not a url" })).toThrow(/IDENTITY_JWKS_URL/);
  });

  it("reads <NAME>_PORT, HOST, DATA_DIR and LOG_LEVEL", () => {
    const config = loadSubgraphConfig(registry, { REGISTRY_PORT: "5002", PORT: "9999", HOST: "0.0.0.0", DATA_DIR: "/srv/xk", LOG_LEVEL: "debug" });
    expect(config).toMatchObject({ port: 5002, host: "0.0.0.0", logLevel: "debug", dataDir: "/srv/xk", database: { driver: "libsql", location: "/srv/xk/registry.db" } });
  });

  it("reads NATS_URL (blank is unset), NATS_STREAM and NATS_SUBJECT_PREFIX, refusing names NATS would not take", () => {
    expect(loadSubgraphConfig(registry, { NATS_URL: " nats://10.0.0.5:4222 ", NATS_STREAM: "XK_PROD", NATS_SUBJECT_PREFIX: "xk.prod" })).toMatchObject({
      natsUrl: "nats://10.0.0.5:4222",
      natsStream: "XK_PROD",
      natsSubjectPrefix: "xk.prod",
    });
    expect(loadSubgraphConfig(registry, { NATS_URL: "  " }).natsUrl).toBeUndefined();
    expect(configErrorOf(() => loadSubgraphConfig(registry, { NATS_STREAM: "xk.events" })).issues[0]).toMatch(/^NATS_STREAM: /);
    expect(configErrorOf(() => loadSubgraphConfig(registry, { NATS_SUBJECT_PREFIX: "xk.>" })).issues[0]).toMatch(/^NATS_SUBJECT_PREFIX: /);
  });

  it("does not read another subgraph's port", () => {
    expect(loadSubgraphConfig(registry, { IDENTITY_PORT: "5001" }).port).toBe(4002);
  });

  it.each(["abc", "70000", "-5", "4.5"])("refuses REGISTRY_PORT=%s naming the variable", (value) => {
    const error = configErrorOf(() => loadSubgraphConfig(registry, { REGISTRY_PORT: value }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatch(/^REGISTRY_PORT: /);
  });

  // Port 0 means "any free port": the gateway could then never find the subgraph. Empty is either
  // unset (the default, as DATABASE_URL and SEED_DEMO read it) or refused (as HOST is); never 0.
  it.each(["", "  "])("does not read REGISTRY_PORT=%j as port 0", (value) => {
    let config: ReturnType<typeof loadSubgraphConfig>;
    try {
      config = loadSubgraphConfig(registry, { REGISTRY_PORT: value });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      expect((error as ConfigError).issues[0]).toMatch(/^REGISTRY_PORT: /);
      return;
    }
    expect(config.port).toBe(4002);
  });

  it("uses <NAME>_DATABASE_URL as it is, before DATABASE_URL", () => {
    expect(
      loadSubgraphConfig(registry, {
        REGISTRY_DATABASE_URL: "postgres://u:p@db.internal:5433/registry_prod",
        DATABASE_URL: "postgres://h:5432/xk",
      }).database,
    ).toEqual({ driver: "postgresql", location: "postgres://u:p@db.internal:5433/registry_prod" });
    expect(loadSubgraphConfig(registry, { REGISTRY_DATABASE_URL: "file:/tmp/r.db" }).database).toEqual({
      driver: "libsql",
      location: "/tmp/r.db",
    });
  });

  it("gives each subgraph its own database xk_<name> on a shared DATABASE_URL server", () => {
    const env = { DATABASE_URL: "postgres://h:5432/xk" };
    expect(loadSubgraphConfig(registry, env).database).toEqual({ driver: "postgresql", location: "postgres://h:5432/xk_registry" });
    expect(loadSubgraphConfig({ name: "notification", defaultPort: 4004 }, env).database).toEqual({
      driver: "postgresql",
      location: "postgres://h:5432/xk_notification",
    });
  });

  it("treats empty database URLs as unset", () => {
    expect(loadSubgraphConfig(registry, { REGISTRY_DATABASE_URL: "", DATABASE_URL: "", DATA_DIR: "/d" }).database).toEqual({
      driver: "libsql",
      location: "/d/registry.db",
    });
  });

  it.each([
    ["REGISTRY_DATABASE_URL", "mysql://h:3306/xk"],
    ["DATABASE_URL", "h:5432/xk"],
  ])("refuses a bad %s naming the variable", (variable, value) => {
    const error = configErrorOf(() => loadSubgraphConfig(registry, { [variable]: value }));
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]).toMatch(new RegExp(`^${variable}: Unsupported database URL`));
    expect(error.message).toContain(value);
  });

  it.each([
    ["1", true],
    ["true", true],
    ["0", false],
    ["false", false],
    ["", false],
  ])("reads SEED_DEMO=%s as %s", (value, expected) => {
    expect(loadSubgraphConfig(registry, { SEED_DEMO: value }).seedDemo).toBe(expected);
  });

  it("refuses an unknown SEED_DEMO value naming the variable", () => {
    expect(configErrorOf(() => loadSubgraphConfig(registry, { SEED_DEMO: "yes" })).issues[0]).toMatch(/^SEED_DEMO: /);
  });

  it.each(["1", "true"])("refuses SEED_DEMO=%s when NODE_ENV=production", (value) => {
    const error = configErrorOf(() => loadSubgraphConfig(registry, { SEED_DEMO: value, NODE_ENV: "production" }));
    expect(error.issues).toEqual([expect.stringMatching(/^SEED_DEMO: .*NODE_ENV=production/)]);
    expect(loadSubgraphConfig(registry, { SEED_DEMO: "0", NODE_ENV: "production" })).toMatchObject({ nodeEnv: "production", seedDemo: false });
    expect(loadSubgraphConfig(registry, { SEED_DEMO: value, NODE_ENV: "test" }).seedDemo).toBe(true);
  });

  it("refuses an unknown NODE_ENV naming the variable", () => {
    expect(configErrorOf(() => loadSubgraphConfig(registry, { NODE_ENV: "prod" })).issues[0]).toMatch(/^NODE_ENV: /);
  });
});
