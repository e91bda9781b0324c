import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { jetstreamManager } from "@nats-io/jetstream";
import { connect } from "@nats-io/transport-node";
import { DEMO_PASSWORD } from "@xuekao/demo-data";
import { postGraphQL as gatewayQuery, natsReachable, signedInAs } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPlatform, type Platform } from "../src/platform.js";

/**
 * Production's shape: every subgraph its own process, events over NATS JetStream. The notification
 * subgraph is stopped while identity keeps issuing codes; when it comes back every text goes out,
 * each exactly once.
 */
const natsUp = await natsReachable();
const NATS_URL = process.env.NATS_URL || "nats://127.0.0.1:4222";

describe.runIf(natsUp)("events across processes over NATS JetStream", () => {
  let platform: Platform;
  // A stream of this run's own, so that no other platform (a developer's, a parallel run) shares its consumers.
  const suffix = randomBytes(4).toString("hex");
  const stream = `XUEKAO_E2E_${suffix.toUpperCase()}`;

  const texts = (mobile: string) =>
    existsSync(platform.smsLogFile)
      ? readFileSync(platform.smsLogFile, "utf8")
          .split("\n")
          .filter((line) => line.split("\t")[1] === mobile)
      : [];
  const waitForText = async (mobile: string, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (texts(mobile).length === 0) {
      if (Date.now() > deadline) throw new Error(`no SMS to ${mobile}:\n${platform.logs("notification")}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  };
  const requestCode = (mobile: string) =>
    gatewayQuery<{ requestSmsCode: { mobile: string } }>(platform.gatewayUrl, `mutation($input: RequestSmsCodeInput!) { requestSmsCode(input: $input) { mobile } }`, {
      input: { mobile, purpose: "REGISTER" },
    });

  beforeAll(async () => {
    platform = await startPlatform({
      topology: "separate",
      env: { NATS_URL, NATS_STREAM: stream, NATS_SUBJECT_PREFIX: `xuekao.e2e-${suffix}` },
    });
  });
  afterAll(async () => {
    await platform?.stop();
    const nc = await connect({ servers: NATS_URL });
    await (await jetstreamManager(nc)).streams.delete(stream).catch(() => false);
    await nc.close();
  });

  it("texts a registration code from identity's process through notification's", async () => {
    expect((await requestCode("13600000001")).errors).toBeUndefined();
    await waitForText("13600000001");
    expect(texts("13600000001")[0]).toMatch(/您的注册验证码为 \d{6}/);
  });

  it("loses nothing and sends nothing twice while the notification subgraph is down", async () => {
    await platform.stopService("notification");
    const mobiles = ["13600000002", "13600000003", "13600000004"];
    for (const mobile of mobiles) expect((await requestCode(mobile)).errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 500));
    for (const mobile of mobiles) expect(texts(mobile)).toEqual([]);

    await platform.startService("notification");
    for (const mobile of mobiles) await waitForText(mobile);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // time for any duplicate to show up
    for (const mobile of [...mobiles, "13600000001"]) expect(texts(mobile), mobile).toHaveLength(1);
  });
});

/**
 * The embedded default (`npm start`): one process, the in-process bus. The subgraphs start one
 * after another, and the scheduled jobs run at once — the demo's certification cases are past
 * the review SLA — yet no event may reach the bus before its consumer is listening.
 */
describe("events in the embedded backend at start", () => {
  let platform: Platform;
  beforeAll(async () => {
    platform = await startPlatform();
  });
  afterAll(async () => {
    await platform?.stop();
  });

  it("delivers what the jobs produce at start: the escalation reaches the county and the institute, the warning the reviewer", async () => {
    const as = signedInAs(() => platform.gatewayUrl, DEMO_PASSWORD);
    const titles = async (username: string) =>
      (
        await gatewayQuery<{ me: { notifications: Array<{ title: string }> } }>(platform.gatewayUrl, `{ me { notifications { title } } }`, {}, await as(username))
      ).data?.me.notifications.map((item) => item.title) ?? [];
    const deadline = Date.now() + 20_000;
    // The time limits come from the seeded chains: Inner Mongolia's county step (72 h), Beijing's reviewer step (warning at 48 h).
    while (!(await titles("region1")).some((title) => title.startsWith("审核超时督办：区外成绩转入认定事项"))) {
      if (Date.now() > deadline) throw new Error(`no escalation in region1's inbox:\n${platform.logs("backend")}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect(await titles("bjreviewer1")).toContain("待审核事项即将超时");
    expect((await titles("county1")).some((title) => title.startsWith("审核超时督办：区外成绩转入认定事项"))).toBe(true);
    expect(await titles("league1")).not.toContain("待审核事项即将超时");
    expect(await titles("candidate1")).not.toContain("待审核事项即将超时");
  });
});
