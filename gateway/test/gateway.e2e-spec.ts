import { Writable } from "node:stream";
import { certificationSubgraph } from "@xuekao/certification";
import { DEMO_PASSWORD } from "@xuekao/demo-data";
import { identitySubgraph } from "@xuekao/identity";
import { notificationSubgraph } from "@xuekao/notification";
import { registrySubgraph } from "@xuekao/registry";
import { type AnySubgraphDefinition } from "@xuekao/subgraph-kit";
import { postGraphQL, signedInAs, startTestSubgraph, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadGatewayConfig } from "../src/config.js";
import { createGatewayServer, type GatewayServer } from "../src/server.js";

const definitions: AnySubgraphDefinition[] = [identitySubgraph, registrySubgraph, certificationSubgraph, notificationSubgraph];

/** Log lines of every subgraph (with its name), to see what the gateway forwarded to which. */
const subgraphLogLines: Array<Record<string, unknown>> = [];
const capturingLogger = (subgraph: string) =>
  pino(
    { level: "debug" },
    new Writable({
      write(chunk, _encoding, done) {
        subgraphLogLines.push({ ...JSON.parse(String(chunk)), subgraph });
        done();
      },
    }),
  );
const logLinesOf = (subgraph: string) => subgraphLogLines.filter((line) => line.subgraph === subgraph);
/** Whether any subgraph saw the request with this id. */
const reachedASubgraph = (requestId: string) => subgraphLogLines.some((line) => line.requestId === requestId);

describe("gateway over the four subgraphs (libsql)", () => {
  const subgraphs = new Map<string, TestSubgraph>();
  let gateway: GatewayServer;
  let gatewayUrl: string;

  const query = <T>(text: string, variables?: Record<string, unknown>, headers?: Record<string, string>) =>
    postGraphQL<T>(gatewayUrl, text, variables, headers);

  beforeAll(async () => {
    // identity first: the others verify tokens against its JWKS.
    let jwksUrl = "";
    for (const definition of definitions) {
      const subgraph = await startTestSubgraph(definition, "libsql", {
        seedDemo: true,
        jwksUrl,
        logger: capturingLogger(definition.name),
      });
      if (definition.name === "identity") jwksUrl = subgraph.url.replace(/\/graphql$/, "/.well-known/jwks.json");
      subgraphs.set(definition.name, subgraph);
    }
    gateway = await createGatewayServer(gatewayConfig("test"));
    gatewayUrl = `${(await gateway.listen()).url}/graphql`;
  });

  afterAll(async () => {
    await gateway?.close();
    for (const subgraph of subgraphs.values()) await subgraph.stop();
  });

  /** A gateway over the running subgraphs. */
  const gatewayConfig = (nodeEnv: "test" | "production") =>
    loadGatewayConfig({
      NODE_ENV: nodeEnv,
      LOG_LEVEL: "silent",
      GATEWAY_PORT: "0",
      SUBGRAPH_TIMEOUT_MS: "5000",
      IDENTITY_URL: subgraphs.get("identity")!.url,
      REGISTRY_URL: subgraphs.get("registry")!.url,
      CERTIFICATION_URL: subgraphs.get("certification")!.url,
      NOTIFICATION_URL: subgraphs.get("notification")!.url,
      IDENTITY_JWKS_URL: subgraphs.get("identity")!.url.replace(/\/graphql$/, "/.well-known/jwks.json"),
    });

  // The caller's own inbox (notification) beside the records they manage (registry) with names (identity).
  const ROSTER = `query Roster {
    me { username unreadNotificationCount notifications { title } }
    examRecords(limit: 5) {
      recordNumber
      status
      candidate { username displayName unreadNotificationCount }
      school { name code }
    }
  }`;

  type Roster = {
    me: { username: string; unreadNotificationCount: number | null; notifications: Array<{ title: string }> | null } | null;
    examRecords: Array<{
      recordNumber: string;
      candidate: { username: string; displayName: string; unreadNotificationCount: number | null } | null;
      school: { name: string; code: string } | null;
    }>;
  };

  it("answers one query with fields from registry, identity and notification", async () => {
    const result = await query<Roster>(ROSTER, {}, await provinceStaff());
    expect(result.errors).toBeUndefined();
    expect(result.data?.me).toEqual({ username: "region1", unreadNotificationCount: 1, notifications: [{ title: "欢迎使用学考平台" }] });
    expect(result.data?.examRecords).toHaveLength(5);
    const first = result.data!.examRecords[0]!;
    expect(first.recordNumber).toMatch(/^G\d{17}[\dX]$/);
    expect(first.school).toEqual({ name: "呼和浩特市第一中学", code: "1501020001" });
    expect(first.candidate?.username).toMatch(/^candidate\d+$/);
    // A student's inbox is theirs alone: the province institute sees the name, not the messages.
    expect(first.candidate?.unreadNotificationCount).toBeNull();
  });

  it("passes a mutation through to the owning subgraph and shows its effect across subgraphs", async () => {
    const headers = await as("social1");
    const inbox = await query<{ me: { notifications: Array<{ id: string; readAt: string | null }> } }>(
      `{ me { notifications { id readAt } } }`,
      {},
      headers,
    );
    const unread = inbox.data!.me.notifications.find((item) => item.readAt === null)!;
    const marked = await query<{ markNotificationRead: { id: string; readAt: string | null; recipient: { username: string } } }>(
      `mutation($id: ID!) { markNotificationRead(id: $id) { id readAt recipient { username } } }`,
      { id: unread.id },
      headers,
    );
    expect(marked.errors).toBeUndefined();
    expect(marked.data?.markNotificationRead).toMatchObject({ id: unread.id, recipient: { username: "social1" } });
    expect(marked.data?.markNotificationRead.readAt).not.toBeNull();

    const after = await query<{ me: { unreadNotificationCount: number } }>(`{ me { unreadNotificationCount } }`, {}, headers);
    expect(after.data?.me.unreadNotificationCount).toBe(inbox.data!.me.notifications.filter((item) => item.readAt === null).length - 1);
  });

  it("keeps a subgraph's domain error code and Chinese message", async () => {
    const result = await query(
      `mutation { createExamSession(input: { code: "2027-06", name: "窗口颠倒", provinceCode: "15",
        registrationOpensAt: "2027-03-30T00:00:00Z", registrationClosesAt: "2027-03-20T00:00:00Z" }) { id } }`,
      {},
      await provinceStaff(),
    );
    expect(result.errors?.[0]?.extensions?.code).toBe("EXAM_SESSION_WINDOW_INVALID");
    expect(result.errors?.[0]?.message).toBe("报名截止时间须晚于报名开始时间");
  });

  /** Logged in through the gateway itself; the province institute sees every demo record (examRecords is scoped). */
  const as = signedInAs(() => gatewayUrl, DEMO_PASSWORD);
  const provinceStaff = () => as("region1");


  it("logs in through the gateway and answers `me` for the token's holder", async () => {

    const me = await query<{ me: { username: string; roles: Array<{ role: string; organization: { name: string } }> } }>(
      `{ me { username roles { role organization { name } } } }`,
      {},
      await as("school1"),
    );
    expect(me.data?.me).toEqual({ username: "school1", roles: [{ role: "SCHOOL_ADMIN", organization: { name: "呼和浩特市第一中学" } }] });
  });

  it("refuses a bad token with 401 before calling any subgraph", async () => {
    const response = await fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer forged.token.value", "x-request-id": "req-bad-token" },
      body: JSON.stringify({ query: "{ examSessions { id } }" }),
    });
    expect(response.status).toBe(401);
    const body = (await response.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(body.errors[0]?.extensions.code).toBe("UNAUTHENTICATED");
    expect(reachedASubgraph("req-bad-token")).toBe(false);
  });

  it("forwards the request id and the authorization header to subgraphs", async () => {
    const response = await fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "req-gateway-forward-1", ...(await as("county1")) },
      body: JSON.stringify({ query: "{ examSessions { id } }" }),
    });
    expect(response.headers.get("x-request-id")).toBe("req-gateway-forward-1");
    const body = (await response.json()) as { data: { examSessions: unknown[] } };
    expect(body.data.examSessions.length).toBeGreaterThan(0);
    expect(logLinesOf("registry")).toContainEqual(
      expect.objectContaining({ requestId: "req-gateway-forward-1", authenticated: true, msg: "graphql request" }),
    );
  });

  it("refuses requests a browser could send cross-site (CSRF prevention)", async () => {
    const simplePost = await fetch(gatewayUrl, {
      method: "POST",
      headers: { "content-type": "text/plain" },
      body: JSON.stringify({ query: "{ examSessions { id } }" }),
    });
    expect(simplePost.status).toBe(400);
    const simpleGet = await fetch(`${gatewayUrl}?query=${encodeURIComponent("{ examSessions { id } }")}`);
    expect(simpleGet.status).toBe(400);
  });

  it("refuses introspection outside development", async () => {
    const result = await query(`{ __schema { types { name } } }`);
    expect(result.errors?.[0]?.message).toMatch(/introspection/i);
  });

  describe("with NODE_ENV=production: query limits and no field suggestions", () => {
    let production: GatewayServer;
    let productionUrl: string;

    beforeAll(async () => {
      production = await createGatewayServer(gatewayConfig("production"));
      productionUrl = `${(await production.listen()).url}/graphql`;
    });
    afterAll(async () => {
      await production?.close();
    });

    /** POSTs `query` to the production gateway with a request id, answering the status and the body. */
    const send = async (query: string, requestId: string, headers: Record<string, string> = {}) => {
      const response = await fetch(productionUrl, {
        method: "POST",
        headers: { "content-type": "application/json", "x-request-id": requestId, ...headers },
        body: JSON.stringify({ query }),
      });
      const body = (await response.json()) as { data?: unknown; errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
      return { status: response.status, body };
    };
    const aliased = (count: number) => `{ ${Array.from({ length: count }, (_, index) => `a${index}: examSessions { id }`).join(" ")} }`;

    it("refuses 2,000 aliases with 400 QUERY_TOO_COMPLEX before any subgraph is called", async () => {
      const { status, body } = await send(aliased(2_000), "req-aliases-2000", await provinceStaff());
      expect(status).toBe(400);
      expect(body.data).toBeUndefined();
      expect(body.errors).toHaveLength(1);
      // 2,000 aliases are at least 6,000 tokens: the parser stops before the document is even built.
      expect(body.errors?.[0]).toEqual({
        message: "查询文本过长（最多 1000 个词法单元），请精简或拆分查询",
        extensions: { code: "QUERY_TOO_COMPLEX", limit: "tokens", max: 1000 },
      });
      expect(reachedASubgraph("req-aliases-2000")).toBe(false);
    });

    it("refuses one alias over the limit, naming the alias limit", async () => {
      const { status, body } = await send(aliased(16), "req-aliases-16", await provinceStaff());
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        { message: "查询中的别名过多（最多 15 个），请拆分为多个查询", extensions: { code: "QUERY_TOO_COMPLEX", limit: "aliases", max: 15 } },
      ]);
      expect(reachedASubgraph("req-aliases-16")).toBe(false);
    });

    it("refuses an over-deep query (through entity references) before any subgraph is called", async () => {
      const deep = `{ me { notifications { recipient { notifications { recipient { notifications { recipient { notifications { recipient { id } } } } } } } } } }`;
      const { status, body } = await send(deep, "req-too-deep", await provinceStaff());
      expect(status).toBe(400);
      expect(body.errors).toEqual([
        { message: "查询嵌套层级过深（最多 8 层），请减少嵌套", extensions: { code: "QUERY_TOO_COMPLEX", limit: "depth", max: 8 } },
      ]);
      expect(reachedASubgraph("req-too-deep")).toBe(false);
    });

    it("answers a mistyped field without suggesting the right one", async () => {
      const { status, body } = await send(`{ examSessions { nmae } }`, "req-mistyped-production");
      expect(status).toBe(400);
      expect(body.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
      expect(body.errors?.[0]?.message).toBe(`Cannot query field "nmae" on type "ExamSession".`);
      expect(JSON.stringify(body)).not.toMatch(/did you mean/i);
      expect(reachedASubgraph("req-mistyped-production")).toBe(false);
    });

    it("still answers a normal query across subgraphs", async () => {
      const { status, body } = await send(ROSTER, "req-normal-production", await provinceStaff());
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
      expect((body.data as Roster).examRecords).toHaveLength(5);
      expect((body.data as Roster).me?.username).toBe("region1");
      expect(reachedASubgraph("req-normal-production")).toBe(true);
    });
  });

  it("serves the other subgraphs' fields while one is down, and heals when it returns", async () => {
    const notification = subgraphs.get("notification")!;
    const port = Number(new URL(notification.url).port);
    await notification.service.close();

    const degraded = await query<Roster>(ROSTER, {}, await provinceStaff());
    expect(degraded.data?.examRecords).toHaveLength(5);
    expect(degraded.data?.examRecords[0]?.school?.name).toBe("呼和浩特市第一中学");
    expect(degraded.data?.examRecords[0]?.candidate).toMatchObject({ username: expect.stringMatching(/^candidate/) });
    expect(degraded.data?.me).toEqual({ username: "region1", unreadNotificationCount: null, notifications: null });
    expect(degraded.errors?.length).toBeGreaterThan(0);
    for (const error of degraded.errors ?? []) {
      expect(error.extensions).toMatchObject({ code: "SUBGRAPH_UNAVAILABLE", serviceName: "notification" });
      expect(error.message).toContain("消息服务暂时不可用");
    }

    const restarted = await startTestSubgraph(notificationSubgraph, "libsql", {
      target: notification.target,
      port,
      jwksUrl: subgraphs.get("identity")!.url.replace(/\/graphql$/, "/.well-known/jwks.json"),
    });
    subgraphs.set("notification", { ...restarted, stop: async () => { await restarted.stop(); await notification.stop().catch(() => {}); } });
    const healed = await query<Roster>(ROSTER, {}, await provinceStaff());
    expect(healed.errors).toBeUndefined();
    expect(healed.data?.me?.notifications).toEqual([{ title: "欢迎使用学考平台" }]);
  });
});

describe("gateway in development", () => {
  it("allows introspection", async () => {
    const gateway = await createGatewayServer(loadGatewayConfig({ NODE_ENV: "development", LOG_LEVEL: "silent", GATEWAY_PORT: "0" }));
    try {
      const { url } = await gateway.listen();
      const result = await postGraphQL<{ __schema: { queryType: { name: string } } }>(`${url}/graphql`, `{ __schema { queryType { name } } }`);
      expect(result.data?.__schema.queryType.name).toBe("Query");

      // Field suggestions too are kept for development.
      const mistyped = await postGraphQL(`${url}/graphql`, `{ examSessions { nmae } }`);
      expect(mistyped.errors?.[0]?.message).toBe(`Cannot query field "nmae" on type "ExamSession". Did you mean "name"?`);
    } finally {
      await gateway.close();
    }
  });
});
