import "reflect-metadata";
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { connect as connectTcp, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Entity, MikroORM, PrimaryKey, Property, type Opt, type Options } from "@mikro-orm/core";
import { knex } from "@mikro-orm/knex";
import { LibSqlDriver } from "@mikro-orm/libsql";
import { PostgreSqlDriver } from "@mikro-orm/postgresql";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { OutboxEvent } from "../src/outbox-event.entity.js";
import { ProcessedEvent } from "../src/processed-event.entity.js";

export { recordingLogger, type RecordedLine } from "./recording-logger.js";

// Helpers of this package's integration tests. They mirror @xuekao/subgraph-kit/testing
// (scratch databases, PostgreSQL when reachable) without depending on the kit, which is
// expected to depend on this package.

export type TestDriver = "libsql" | "postgresql";

export const PG_URL = process.env.PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
export const NATS_URL = process.env.NATS_URL ?? "nats://127.0.0.1:4222";

/** What a consumer did because of an event; counting these rows shows whether an effect happened once. */
@Entity({ tableName: "test_effect" })
export class TestEffect {
  @PrimaryKey({ type: "uuid" })
  id: string = randomUUID();

  @Property({ type: "string", length: 100 })
  consumer!: string;

  @Property({ type: "uuid" })
  eventId!: string;

  @Property({ type: "string", length: 200 })
  note: Opt<string> = "";
}

async function reachable(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connectTcp({ host, port });
    socket.setTimeout(2_000);
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("timeout", () => {
      socket.destroy();
      resolve(false);
    });
    socket.once("error", () => resolve(false));
  });
}

/** libsql always; PostgreSQL when it answers at PG_URL (REQUIRE_PG=1 makes its absence a failure). */
export async function testDrivers(): Promise<TestDriver[]> {
  const url = new URL(PG_URL);
  const up = await reachable(url.hostname, Number(url.port || 5432));
  if (!up && process.env.REQUIRE_PG === "1") throw new Error(`REQUIRE_PG=1 but PostgreSQL does not answer at ${url.host}`);
  return up ? ["libsql", "postgresql"] : ["libsql"];
}

/** NATS is tested when it answers at NATS_URL; REQUIRE_NATS=1 makes its absence a failure. */
export async function natsReachable(): Promise<boolean> {
  const url = new URL(NATS_URL);
  const up = await reachable(url.hostname, Number(url.port || 4222));
  if (!up && process.env.REQUIRE_NATS === "1") {
    throw new Error(`REQUIRE_NATS=1 but NATS does not answer at ${url.host} (see docs/architecture.md "Services the tests need" for starting it)`);
  }
  return up;
}

export interface TestDatabase {
  orm: MikroORM;
  /** A second, independent ORM on the same database: another replica. */
  openReplica(): Promise<MikroORM>;
  drop(): Promise<void>;
}

/** A throw-away database of `driver` with the event tables and `test_effect`. */
export async function openTestDatabase(driver: TestDriver, label: string): Promise<TestDatabase> {
  const suffix = `${process.pid}_${randomBytes(4).toString("hex")}`;
  const entities = [OutboxEvent, ProcessedEvent, TestEffect];
  let options: Options;
  let cleanUp: () => Promise<void>;
  if (driver === "libsql") {
    const dir = mkdtempSync(join(tmpdir(), `xuekao-events-${label}-`));
    options = { driver: LibSqlDriver, dbName: join(dir, "events.db") };
    cleanUp = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const url = new URL(PG_URL);
    const name = `xuekao_events_${label.replace(/\W/g, "_")}_${suffix}`;
    url.pathname = `/${name}`;
    options = { driver: PostgreSqlDriver, clientUrl: url.toString(), dbName: name, pool: { min: 0, max: 10 } };
    cleanUp = async () => {
      const admin = knex({ client: "pg", connection: PG_URL });
      try {
        await admin.raw(`drop database if exists "${name}" with (force)`);
      } finally {
        await admin.destroy();
      }
    };
  }
  const open = () => MikroORM.init({ ...options, entities, allowGlobalContext: false, debug: false });
  const orm = await open();
  await orm.schema.ensureDatabase();
  await orm.schema.createSchema();
  const opened: MikroORM[] = [orm];
  return {
    orm,
    openReplica: async () => {
      const replica = await open();
      opened.push(replica);
      return replica;
    },
    drop: async () => {
      await Promise.all(opened.map((each) => each.close(true)));
      await cleanUp();
    },
  };
}

export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A stream name and subject prefix no other test uses. */
export function uniqueStream(): { streamName: string; subjectPrefix: string } {
  const tag = randomBytes(4).toString("hex");
  return { streamName: `XUEKAO_TEST_${tag.toUpperCase()}`, subjectPrefix: `xuekao-test.${tag}` };
}

export async function deleteStream(servers: string, streamName: string): Promise<void> {
  const nc = await connect({ servers });
  try {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(streamName).catch(() => false);
  } finally {
    await nc.close();
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/**
 * A private nats-server this test can stop and start again (same port, same storage), to
 * take the bus away from a relay for real. Stopped only through its own process handle.
 */
export class DisposableNatsServer {
  private process: ChildProcess | null = null;
  readonly storeDir = mkdtempSync(join(tmpdir(), "xuekao-nats-"));

  private constructor(readonly port: number) {}

  static async start(): Promise<DisposableNatsServer> {
    const server = new DisposableNatsServer(await freePort());
    await server.resume();
    return server;
  }

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  async resume(): Promise<void> {
    const binary = process.env.NATS_SERVER_BIN ?? "/usr/sbin/nats-server";
    this.process = spawn(binary, ["-a", "127.0.0.1", "-p", String(this.port), "-js", "-sd", this.storeDir], { stdio: "ignore" });
    await waitFor(() => reachable("127.0.0.1", this.port), 10_000, `nats-server on port ${this.port}`);
  }

  async halt(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    this.process = null;
  }

  async dispose(): Promise<void> {
    await this.halt();
    rmSync(this.storeDir, { recursive: true, force: true });
  }
}
