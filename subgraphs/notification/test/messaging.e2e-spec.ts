import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { CertificationCaseSubmitted, ReviewSlaEscalated, ReviewSlaWarning } from "@xuekao/certification/events";
import { RegistrationWindowClosing } from "@xuekao/registry/events";
import { DEMO_PASSWORD, demoOrganizationPath, demoUserId, demoUsers } from "@xuekao/demo-data";
import { createBus, InProcessBus, type Bus } from "@xuekao/events";
import { identitySubgraph } from "@xuekao/identity";
import { SmsCodeRequested, UserContactChanged } from "@xuekao/identity/events";
import { createLogger, JWKS_PATH } from "@xuekao/subgraph-kit";
import { natsReachable, signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SmsDeliveryError } from "../src/modules/sms/sms.errors.js";
import type { SmsMessage, SmsProvider } from "../src/modules/sms/sms-provider.js";
import { SmsDelivery, SmsDeliveryStatus } from "../src/modules/sms-delivery/sms-delivery.entity.js";
import { SmsDeliveryService } from "../src/modules/sms-delivery/sms-delivery.service.js";
import { DEFAULT_SMS_DELIVERY_SETTINGS, SmsDeliveryWorker } from "../src/modules/sms-delivery/sms-delivery.worker.js";
import { notificationSubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();
const natsUp = await natsReachable();
const silent = createLogger("test", "silent");

const pathOf = (username: string) => demoOrganizationPath(demoUsers.find((user) => user.username === username)!.organizationId).split("/");
const IM_PATH = pathOf("candidate21");
const BJ_PATH = pathOf("bjcandidate1");

/** Polls until `find` returns something (the relay, consumer and SMS job run asynchronously). */
async function eventually<T>(find: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await find();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** The lines the development SMS driver wrote for a mobile: `<time>\t<mobile>\t<text>` → text. */
const textsTo = (file: string, mobile: string) =>
  existsSync(file)
    ? readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line.split("\t")[1] === mobile)
        .map((line) => line.split("\t")[2]!)
    : [];

const codeEvent = (mobile: string, code: string, organizationPath = IM_PATH) =>
  SmsCodeRequested.create({ mobile, code, purpose: "register", validMinutes: 5, userId: null }, { producer: "identity", organizationPath });
const contactEvent = (username: string, mobile: string | null, now?: Date) =>
  UserContactChanged.create(
    {
      userId: demoUserId(username),
      displayName: username,
      mobile,
      roles: [{ role: "CANDIDATE_IN_SCHOOL", organizationPath: pathOf(username), provinceCode: "15" }],
    },
    { producer: "identity", organizationPath: pathOf(username), ...(now ? { now } : {}) },
  );

describe.each(drivers)("notification: events to messages on %s", (driver) => {
  let identity: TestSubgraph;
  let notification: TestSubgraph;
  const bus = new InProcessBus({ logger: silent });
  const dir = mkdtempSync(join(tmpdir(), "xuekao-sms-"));
  const smsLog = join(dir, "sms.log");
  const as = signedInAs(() => identity.url, DEMO_PASSWORD);
  const em = () => notification.service.orm.em.fork();

  beforeAll(async () => {
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true });
    notification = await startTestSubgraph(notificationSubgraph, driver, {
      seedDemo: true,
      bus,
      jwksUrl: identity.url.replace(/\/graphql$/, JWKS_PATH),
      env: { SMS_LOG_FILE: smsLog, SMS_WORKER_INTERVAL_MS: "50" },
      startJobs: true, // the SMS sender is a scheduled job
    });
  });
  afterAll(async () => {
    await notification?.stop();
    await identity?.stop();
    await bus.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("texts a verification code once however often the event arrives, then forgets the code", async () => {
    const event = codeEvent("13700000001", "246810");
    await bus.publish(event);
    await bus.publish(event); // a redelivery: deduplicated by event id
    const texts = await eventually(() => (textsTo(smsLog, "13700000001").length ? textsTo(smsLog, "13700000001") : undefined), "the SMS");
    expect(texts).toEqual(["【学考平台】您的注册验证码为 246810，5 分钟内有效，请勿泄露给他人。如非本人操作，请忽略本短信。"]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(textsTo(smsLog, "13700000001")).toHaveLength(1);

    const [row, ...others] = await em().find(SmsDelivery, { mobile: "13700000001" });
    expect(others).toEqual([]);
    expect(row).toMatchObject({ status: SmsDeliveryStatus.SENT, attempts: 1, eventId: event.id, organizationPath: IM_PATH.join("/") });
    expect(row!.text).not.toContain("246810");
    expect(row!.variables).not.toContain("246810");
  });

  it("refuses an event whose payload is wrong, storing nothing", async () => {
    const bad = { ...codeEvent("13700000002", "135790"), payload: { mobile: "13700000002", code: "12", purpose: "register", validMinutes: 5, userId: null } };
    await expect(bus.publish(bad)).rejects.toThrow();
    expect(await em().count(SmsDelivery, { mobile: "13700000002" })).toBe(0);
  });

  it("keeps the newest contact and tells a candidate of their submitted case by inbox and SMS", async () => {
    const older = contactEvent("candidate21", "13700000099", new Date(Date.now() - 60_000));
    await bus.publish(contactEvent("candidate21", "13700000021"));
    await bus.publish(older); // arrives late: must not bring the old number back
    const submitted = CertificationCaseSubmitted.create(
      {
        caseId: randomUUID(),
        candidateId: demoUserId("candidate21"),
        originProvinceCode: "13",
        certifyingProvinceCode: "15",
        submittedAt: "2026-11-22T02:05:00.000Z",
      },
      { producer: "certification", organizationPath: IM_PATH },
    );
    await bus.publish(submitted);

    const texts = await eventually(() => (textsTo(smsLog, "13700000021").length ? textsTo(smsLog, "13700000021") : undefined), "the SMS");
    expect(texts).toEqual(["【学考平台】您的成绩认定申请已于2026年11月22日 10:05提交，请耐心等待审核，审核结果将以短信通知。"]);
    expect(textsTo(smsLog, "13700000099")).toEqual([]);

    const inbox = await notification.graphql<{ me: unknown; _entities: Array<{ notifications: Array<{ title: string; body: string }> }> }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { notifications { title body } } } }`,
      { representations: [{ __typename: "User", id: demoUserId("candidate21") }] },
      await as("candidate21"),
    );
    expect(inbox.data?._entities[0]?.notifications[0]).toEqual({
      title: "成绩认定申请已提交",
      body: expect.stringContaining("已于2026年11月22日 10:05提交"),
    });
  });

  /** Titles in a person's inbox, newest first, as they see it. */
  const inboxTitles = async (username: string) => {
    const result = await notification.graphql<{ _entities: Array<{ notifications: Array<{ title: string }> }> }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { notifications { title } } } }`,
      { representations: [{ __typename: "User", id: demoUserId(username) }] },
      await as(username),
    );
    return result.data!._entities[0]!.notifications.map((item) => item.title);
  };

  it("warns the province's reviewers of cases waiting 48 h, and escalates to the institute at 72 h", async () => {
    await bus.publish(
      ReviewSlaWarning.create(
        { certifyingProvinceCode: "11", caseCount: 2, elapsedHours: 48, deadline: "2026-11-23T02:30:00.000Z" },
        { producer: "certification", organizationPath: [BJ_PATH[0]!] },
      ),
    );
    expect(await inboxTitles("bjreviewer1")).toContain("待审核事项即将超时");
    expect(await inboxTitles("region1")).not.toContain("待审核事项即将超时"); // Inner Mongolia's institute

    const caseId = randomUUID();
    await bus.publish(
      ReviewSlaEscalated.create(
        { caseId, certifyingProvinceCode: "15", elapsedHours: 72, reviewerOrganization: "内蒙古自治区教育考试院" },
        { producer: "certification", organizationPath: [IM_PATH[0]!] },
      ),
    );
    expect(await inboxTitles("region1")).toContain(`审核超时督办：成绩认定事项 ${caseId}`);
    expect(await inboxTitles("bjreviewer1")).not.toContain(`审核超时督办：成绩认定事项 ${caseId}`);
  });

  it("reminds every candidate of the province that a registration window closes soon, nobody else", async () => {
    await bus.publish(
      RegistrationWindowClosing.create(
        { sessionId: randomUUID(), sessionName: "2027年1月内蒙古自治区普通高中学业水平合格性考试", provinceCode: "15", closesAt: "2026-11-30T10:00:00.000Z" },
        { producer: "registry", organizationPath: [] },
      ),
    );
    const title = "2027年1月内蒙古自治区普通高中学业水平合格性考试报名即将截止";
    for (const username of ["candidate22", "social1"]) expect(await inboxTitles(username), username).toContain(title);
    for (const username of ["bjcandidate1", "teacher1"]) expect(await inboxTitles(username), username).not.toContain(title);
  });

  describe("the delivery log (province institute)", () => {
    const LOG = `query($filter: SmsDeliveryFilter, $limit: Int) {
      smsDeliveries(filter: $filter, limit: $limit) { total items { id mobile text status canRetry attempts template templateDescription lastError } }
    }`;
    const RETRY = `mutation($id: ID!) { retrySmsDelivery(id: $id) { id status attempts lastError } }`;
    type Page = { smsDeliveries: { total: number; items: Array<{ id: string; mobile: string; text: string; status: string; canRetry: boolean; attempts: number; template: string }> } };

    /** A dead message as the worker leaves it after giving up. */
    const deadLetter = async (template: string, variables: Record<string, string>, organizationPath: string[]) => {
      const fork = em();
      const delivery = new SmsDeliveryService(fork).enqueue({ template, variables, mobile: "13700000031", organizationPath });
      delivery.status = SmsDeliveryStatus.DEAD;
      delivery.attempts = 5;
      delivery.lastError = "InvalidParameterValue.TemplateParameterFormatError: 模板参数格式错误";
      await fork.flush();
      return delivery.id;
    };

    it("shows the province's messages newest first, masked, filtered", async () => {
      await bus.publish(codeEvent("13700000041", "975310"));
      await bus.publish(codeEvent("13700000042", "864200", BJ_PATH));
      await bus.publish(codeEvent("13700000043", "753100", [])); // a registration code: no province yet
      await eventually(
        async () => ((await em().count(SmsDelivery, { mobile: { $in: ["13700000042", "13700000043"] }, status: SmsDeliveryStatus.SENT })) === 2 ? true : undefined),
        "all sent",
      );

      const all = await notification.graphql<Page>(LOG, { limit: 100 }, await as("region1"));
      expect(all.errors).toBeUndefined();
      const mobiles = all.data!.smsDeliveries.items.map((item) => item.mobile);
      expect(mobiles).toContain("137****0041");
      expect(mobiles).not.toContain("137****0042"); // Beijing's
      expect(mobiles).toContain("137****0043"); // no province: every institute may help with it
      const one = all.data!.smsDeliveries.items.find((item) => item.mobile === "137****0041")!;
      expect(one).toMatchObject({ status: "SENT", canRetry: false, attempts: 1, template: "sms-code.register" });
      expect(one.text).toContain("******");
      expect(one.text).not.toContain("975310");

      const filtered = await notification.graphql<Page>(LOG, { filter: { mobile: "137 0000 0041", status: "SENT" } }, await as("region1"));
      expect(filtered.data?.smsDeliveries).toMatchObject({ total: 1, items: [{ mobile: "137****0041" }] });
      const none = await notification.graphql<Page>(LOG, { filter: { mobile: "13700000041", status: "DEAD" } }, await as("region1"));
      expect(none.data?.smsDeliveries).toEqual({ total: 0, items: [] });
    });

    it("refuses a malformed filter and callers other than the province institute", async () => {
      const bad = await notification.graphql(LOG, { filter: { mobile: "123" } }, await as("region1"));
      expect(bad.errors?.[0]?.extensions).toMatchObject({ code: "SMS_DELIVERY_FILTER_INVALID", field: "mobile" });
      for (const username of ["candidate1", "county1", "bjreviewer1"]) {
        const refused = await notification.graphql(LOG, {}, await as(username));
        expect(refused.errors?.[0]?.extensions?.code, username).toBe("FORBIDDEN");
      }
      expect((await notification.graphql(LOG, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });

    it("sends a dead letter again on request, once; not a sent message, not a code, not another province's", async () => {
      const dead = await deadLetter("registration.completed", { recordNumber: "G150102200901010012" }, IM_PATH);
      const code = await deadLetter("sms-code.register", { code: "112233", validMinutes: "5" }, IM_PATH);
      const listed = await notification.graphql<Page>(LOG, { filter: { mobile: "13700000031", status: "DEAD" } }, await as("region1"));
      expect(Object.fromEntries(listed.data!.smsDeliveries.items.map((item) => [item.id, item.canRetry]))).toEqual({ [dead]: true, [code]: false });
      const retried = await notification.graphql<{ retrySmsDelivery: { status: string; attempts: number; lastError: string | null } }>(
        RETRY,
        { id: dead },
        await as("region1"),
      );
      expect(retried.errors).toBeUndefined();
      expect(retried.data?.retrySmsDelivery).toMatchObject({ status: "PENDING", attempts: 0, lastError: null });
      await eventually(async () => ((await em().findOne(SmsDelivery, { id: dead }))?.status === SmsDeliveryStatus.SENT ? true : undefined), "the resend");
      expect(textsTo(smsLog, "13700000031").filter((text) => text.includes("G150102200901010012"))).toHaveLength(1);

      const again = await notification.graphql(RETRY, { id: dead }, await as("region1"));
      expect(again.errors?.[0]?.extensions?.code).toBe("SMS_DELIVERY_NOT_RETRYABLE");
      expect((await notification.graphql(RETRY, { id: code }, await as("region1"))).errors?.[0]?.extensions?.code).toBe("SMS_DELIVERY_CODE_EXPIRED");
      const beijing = await deadLetter("registration.completed", { recordNumber: "G110108200901010012" }, BJ_PATH);
      const foreign = await notification.graphql(RETRY, { id: beijing }, await as("region1"));
      expect(foreign.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await em().findOneOrFail(SmsDelivery, { id: beijing })).status).toBe(SmsDeliveryStatus.DEAD);
      expect((await notification.graphql(RETRY, { id: randomUUID() }, await as("region1"))).errors?.[0]?.extensions?.code).toBe("SMS_DELIVERY_NOT_FOUND");
    });
  });

  describe("the SMS worker", () => {
    /** The one fake in these tests: the SMS provider, an external service, behind its real interface. */
    class ScriptedProvider implements SmsProvider {
      readonly name = "log" as const;
      readonly sent: SmsMessage[] = [];
      constructor(private readonly failures: Array<"retryable" | "permanent">) {}
      async send(message: SmsMessage) {
        const failure = this.failures.shift();
        if (failure) throw new SmsDeliveryError("log", failure === "retryable" ? "LimitExceeded.AppDailyLimit" : "InvalidParameterValue.IncorrectPhoneNumber", failure === "retryable", "scripted");
        this.sent.push(message);
        return { providerMessageId: `scripted-${this.sent.length}` };
      }
    }
    const settings = { ...DEFAULT_SMS_DELIVERY_SETTINGS, maxAttempts: 3, baseBackoffMs: 1000, perMobilePerHour: 2 };
    const queue = async (mobile: string, count = 1, at = new Date("2030-01-01T00:00:00Z")) => {
      const fork = em();
      const rows = Array.from({ length: count }, (_, index) =>
        new SmsDeliveryService(fork).enqueue({ template: "registration.completed", variables: { recordNumber: `G15010220090101${String(index).padStart(4, "0")}` }, mobile, organizationPath: IM_PATH }, at),
      );
      await fork.flush();
      return rows.map((row) => row.id);
    };
    const stored = async (id: string) => em().findOneOrFail(SmsDelivery, { id });
    // Far in the future, so the background job (which uses the real clock) never touches these rows.
    const t0 = new Date("2030-01-01T00:00:00Z");
    const after = (ms: number) => new Date(t0.getTime() + ms);

    it("retries with exponential backoff, then sends", async () => {
      const [id] = await queue("13700000051");
      const provider = new ScriptedProvider(["retryable", "retryable"]);
      const worker = new SmsDeliveryWorker(provider, silent, settings);
      expect(await worker.runPass(em(), t0)).toMatchObject({ retrying: 1 });
      expect(await stored(id!)).toMatchObject({ status: "PENDING", attempts: 1, nextAttemptAt: after(1000) });
      expect(await worker.runPass(em(), after(999))).toMatchObject({ retrying: 0, sent: 0 }); // not due yet
      expect(await worker.runPass(em(), after(1000))).toMatchObject({ retrying: 1 });
      expect(await stored(id!)).toMatchObject({ attempts: 2, nextAttemptAt: after(3000) });
      expect(await worker.runPass(em(), after(3000))).toMatchObject({ sent: 1 });
      expect(await stored(id!)).toMatchObject({ status: "SENT", attempts: 3, sentAt: after(3000), lastError: null });
      expect(provider.sent).toHaveLength(1);
    });

    it("gives up after the last attempt, and at once on a permanent refusal", async () => {
      const [tired] = await queue("13700000052");
      const worker = new SmsDeliveryWorker(new ScriptedProvider(["retryable", "retryable", "retryable"]), silent, settings);
      await worker.runPass(em(), t0);
      await worker.runPass(em(), after(1000));
      expect(await worker.runPass(em(), after(3000))).toMatchObject({ dead: 1 });
      expect(await stored(tired!)).toMatchObject({ status: "DEAD", attempts: 3, lastError: expect.stringContaining("LimitExceeded") });

      const [refused] = await queue("13700000053");
      expect(await new SmsDeliveryWorker(new ScriptedProvider(["permanent"]), silent, settings).runPass(em(), after(10_000))).toMatchObject({ dead: 1 });
      expect(await stored(refused!)).toMatchObject({ status: "DEAD", attempts: 1, lastError: expect.stringContaining("IncorrectPhoneNumber") });
    });

    it("holds messages beyond the per-mobile hourly limit until the window allows, without counting an attempt", async () => {
      const ids = await queue("13700000054", 3, after(20_000));
      const provider = new ScriptedProvider([]);
      const worker = new SmsDeliveryWorker(provider, silent, settings);
      expect(await worker.runPass(em(), after(20_000))).toEqual({ sent: 2, retrying: 0, dead: 0, heldBack: 1 });
      const held = (await Promise.all(ids.map(stored))).find((row) => row.status === "PENDING")!;
      expect(held).toMatchObject({ attempts: 0, nextAttemptAt: after(20_000 + 3_600_000), lastError: expect.stringContaining("RATE_LIMITED") });
      expect(await worker.runPass(em(), after(20_000 + 3_600_000))).toMatchObject({ sent: 1 });
      expect(provider.sent).toHaveLength(3);
    });

    it("never sends one row twice when two workers run at once", async () => {
      const ids = await queue("13700000055", 2, after(50_000));
      const provider = new ScriptedProvider([]);
      const [a, b] = [new SmsDeliveryWorker(provider, silent, { ...settings, perMobilePerHour: 10 }), new SmsDeliveryWorker(provider, silent, { ...settings, perMobilePerHour: 10 })];
      await Promise.all([a.runPass(em(), after(50_000)), b.runPass(em(), after(50_000))]);
      expect(provider.sent.map((message) => message.variables.recordNumber).sort()).toHaveLength(2);
      for (const id of ids) expect((await stored(id)).status).toBe("SENT");
    });
  });
});

describe.runIf(natsUp).each(drivers)("notification over NATS JetStream on %s", (driver) => {
  it("delivers every message exactly once after the consumer was stopped while events were produced", async () => {
    const streamName = `XUEKAO_TEST_${randomUUID().slice(0, 8).toUpperCase()}`;
    const subjectPrefix = `xuekao.test.${randomUUID().slice(0, 8)}`;
    const natsUrl = process.env.NATS_URL || "nats://127.0.0.1:4222";
    const busOf = () => createBus({ natsUrl, logger: silent, streamName, subjectPrefix });
    const dir = mkdtempSync(join(tmpdir(), "xuekao-sms-"));
    const smsLog = join(dir, "sms.log");
    const env = { SMS_LOG_FILE: smsLog, SMS_WORKER_INTERVAL_MS: "50" };
    let consumerBus: Bus = await busOf();
    const first = await startTestSubgraph(notificationSubgraph, driver, { bus: consumerBus, env, startJobs: true });
    let second: TestSubgraph | undefined;
    const producer = await busOf();
    try {
      await producer.publish(codeEvent("13700000061", "100001"));
      await eventually(() => (textsTo(smsLog, "13700000061").length ? true : undefined), "the first SMS");

      // The consumer goes away; events keep coming (JetStream keeps them for its durable consumer).
      await first.service.close();
      await consumerBus.close();
      const events = ["13700000062", "13700000063", "13700000064"].map((mobile, index) => codeEvent(mobile, `20000${index}`));
      for (const event of events) await producer.publish(event);
      await producer.publish(events[0]!); // and one is published twice

      consumerBus = await busOf();
      second = await startTestSubgraph(notificationSubgraph, driver, { bus: consumerBus, env, target: first.target, startJobs: true });
      for (const mobile of ["13700000062", "13700000063", "13700000064"]) {
        await eventually(() => (textsTo(smsLog, mobile).length ? true : undefined), `the SMS to ${mobile}`, 20_000);
      }
      await new Promise((resolve) => setTimeout(resolve, 300));
      for (const mobile of ["13700000061", "13700000062", "13700000063", "13700000064"]) expect(textsTo(smsLog, mobile), mobile).toHaveLength(1);
      expect(await second.service.orm.em.fork().count(SmsDelivery, {})).toBe(4);
    } finally {
      await second?.service.close();
      await first.stop();
      await consumerBus.close();
      await producer.close();
      const { jetstreamManager } = await import("@nats-io/jetstream");
      const { connect } = await import("@nats-io/transport-node");
      const nc = await connect({ servers: natsUrl });
      await (await jetstreamManager(nc)).streams.delete(streamName).catch(() => false);
      await nc.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
