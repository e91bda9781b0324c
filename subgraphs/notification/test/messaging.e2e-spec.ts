import { mkdtempSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { randomUUID } from "node:crypto";
import { RegistrationWindowClosing } from "@xuekao/registry/events";
import { DEMO_PASSWORD, demoOrganizationPath, demoOrganizations, demoUserId, demoUsers } from "@xuekao/demo-data";
import { createBus, InProcessBus, type Bus } from "@xuekao/events";
import { identitySubgraph } from "@xuekao/identity";
import { SmsCodeRequested, UserContactChanged } from "@xuekao/identity/events";
import {
  AuditEntry,
  createLogger,
  JWKS_PATH,
  WorkflowApplicationDecided,
  WorkflowApplicationSubmitted,
  WorkflowSlaEscalated,
  WorkflowSlaWarning,
} from "@xuekao/subgraph-kit";
import { natsReachable, recordSqlQueries, startTestSubgraph, testDrivers, type TestSubgraph, signedInAs } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SmsDeliveryError } from "../src/modules/sms/sms.errors.js";
import type { SmsMessage, SmsProvider } from "../src/modules/sms/sms-provider.js";
import { Recipient } from "../src/modules/recipient/recipient.entity.js";
import { SmsDelivery, SmsDeliveryStatus } from "../src/modules/sms-delivery/sms-delivery.entity.js";
import { SmsDeliveryService } from "../src/modules/sms-delivery/sms-delivery.service.js";
import { DEFAULT_SMS_DELIVERY_SETTINGS, SmsDeliveryWorker } from "../src/modules/sms-delivery/sms-delivery.worker.js";
import { notificationSubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();
const natsUp = await natsReachable();
const silent = createLogger("test", "silent");

const userOf = (username: string) => demoUsers.find((user) => user.username === username)!;
const pathOf = (username: string) => demoOrganizationPath(userOf(username).organizationId).split("/");
const orgPath = (key: string) => demoOrganizationPath(demoOrganizations.find((organization) => organization.code === key)!.id).split("/");
const IM_PATH = pathOf("candidate21");
const BJ_PATH = pathOf("bjcandidate1");
const BJ = orgPath("11");
const IM_COUNTY = orgPath("150102"); // 新城区 (inside 呼和浩特市)

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

/** What identity announces about a demo account: its mobile and its one role binding. */
const contactEvent = (username: string, mobile: string | null, now?: Date) => {
  const path = pathOf(username);
  return UserContactChanged.create(
    {
      userId: demoUserId(username),
      displayName: username,
      mobile,
      roles: [{ role: userOf(username).role, organizationPath: path, provinceCode: demoOrganizations.find((organization) => organization.id === path[0])!.code }],
    },
    { producer: "identity", organizationPath: path, ...(now ? { now } : {}) },
  );
};

type Level = "PROVINCE" | "LEAGUE" | "COUNTY" | "SCHOOL" | "CLASS";
const step = (key: string, name: string, level: Level, actorRole: string, actingOrganizationPath: string[]) => ({ key, name, level, actorRole, actingOrganizationPath });
type Step = ReturnType<typeof step>;

/** The approval chains the tests use, as their workflow events describe them. */
const KINDS = {
  returning: { kind: "certification.returning-candidate", kindName: "返京成绩认定", provinceCode: "11", producer: "certification" },
  transferIn: { kind: "certification.transfer-in", kindName: "区外成绩转入认定", provinceCode: "15", producer: "certification" },
  schoolUpload: { kind: "certification.school-upload", kindName: "转入学生成绩认定", provinceCode: "11", producer: "certification" },
  suspension: { kind: "registry.suspension", kindName: "休籍复学", provinceCode: "15", producer: "registry" },
} as const;
type Kind = (typeof KINDS)[keyof typeof KINDS];
const BJ_REVIEW = step("institute-review", "北京教育考试院审核认定", "PROVINCE", "CERTIFICATION_REVIEWER", BJ);
const COUNTY_REVIEW = step("county-review", "旗县区审核", "COUNTY", "COUNTY_AGENCY", IM_COUNTY);
const LEAGUE_REVIEW = step("league-review", "盟市审核", "LEAGUE", "LEAGUE_AGENCY", IM_COUNTY.slice(0, 2));
const REGION_CERTIFICATION = step("province-certification", "自治区教育考试院认定", "PROVINCE", "PROVINCE_INSTITUTE", IM_COUNTY.slice(0, 1));

const applicationOf = ({ kind, kindName, provinceCode }: Kind, applicant: string, applicationId = randomUUID()) => ({
  applicationId,
  kind,
  kindName,
  provinceCode,
  subjectType: "Test",
  subjectId: randomUUID(),
  applicantId: demoUserId(applicant),
  round: 1,
});

const submittedEvent = (kind: Kind, applicant: string, first: Step, submittedAt = "2026-11-22T02:05:00.000Z") =>
  WorkflowApplicationSubmitted.create(
    { ...applicationOf(kind, applicant), resubmitted: false, step: first, submittedAt },
    { producer: kind.producer, organizationPath: pathOf(applicant) },
  );

const decidedEvent = (kind: Kind, applicant: string, at: Step, decision: "APPROVE" | "RETURN" | "REJECT", next: Step | null, reason: string | null = null) =>
  WorkflowApplicationDecided.create(
    {
      ...applicationOf(kind, applicant),
      step: at,
      decision,
      reason,
      status: decision === "RETURN" ? "RETURNED" : decision === "REJECT" ? "REJECTED" : next ? "IN_PROGRESS" : "APPROVED",
      nextStep: next,
      decidedAt: "2026-11-22T03:00:00.000Z",
    },
    { producer: kind.producer, organizationPath: pathOf(applicant) },
  );

describe.each(drivers)("notification: events to messages on %s", (driver) => {
  // The real identity subgraph issues the tokens notification verifies (against its JWKS).
  let identity: TestSubgraph;
  let notification: TestSubgraph;
  const bus = new InProcessBus({ logger: silent });
  const dir = mkdtempSync(join(tmpdir(), "xuekao-sms-"));
  const smsLog = join(dir, "sms.log");
  const as = signedInAs(() => identity.url, DEMO_PASSWORD);
  const em = () => notification.service.orm.em.fork();
  /** The lookup a mobile is stored and queried by (the column itself is encrypted). */
  const lookup = (mobile: string) => notification.service.systemContext().personalData.lookup("mobile", mobile);
  const toMobile = (mobile: string) => ({ mobileLookup: lookup(mobile) });
  /** Raw rows, as the database file holds them (no entity, no decryption). */
  const raw = async (sql: string, params: unknown[] = []): Promise<Array<Record<string, unknown>>> => em().getConnection().execute(sql, params);

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

  /** A person's inbox, newest first, as they see it. */
  const inboxOf = async (username: string) => {
    const result = await notification.graphql<{ _entities: Array<{ notifications: Array<{ title: string; body: string }> }> }>(
      `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { notifications { title body } } } }`,
      { representations: [{ __typename: "User", id: demoUserId(username) }] },
      await as(username),
    );
    expect(result.errors).toBeUndefined();
    return result.data!._entities[0]!.notifications;
  };
  const inboxTitles = async (username: string) => (await inboxOf(username)).map((item) => item.title);
  /** Waits for the SMS worker to have written `count` texts to a mobile, and returns them. */
  const smsTo = (mobile: string, count = 1) =>
    eventually(() => (textsTo(smsLog, mobile).length >= count ? textsTo(smsLog, mobile) : undefined), `${count} SMS to ${mobile}`);

  it("texts a verification code once however often the event arrives, then forgets the code", async () => {
    const event = codeEvent("13700000001", "246810");
    await bus.publish(event);
    await bus.publish(event); // a redelivery: deduplicated by event id
    const texts = await smsTo("13700000001");
    expect(texts).toEqual(["【学考平台】您的注册验证码为 246810，5 分钟内有效，请勿泄露给他人。如非本人操作，请忽略本短信。"]);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(textsTo(smsLog, "13700000001")).toHaveLength(1);

    const [row, ...others] = await em().find(SmsDelivery, toMobile("13700000001"));
    expect(others).toEqual([]);
    expect(row).toMatchObject({ status: SmsDeliveryStatus.SENT, attempts: 1, eventId: event.id, organizationPath: IM_PATH.join("/"), mobile: "13700000001" });
    expect(row!.text).not.toContain("246810");
    expect(row!.variables).not.toContain("246810");
  });

  it("refuses an event whose payload is wrong, storing nothing", async () => {
    const bad = { ...codeEvent("13700000002", "135790"), payload: { mobile: "13700000002", code: "12", purpose: "register", validMinutes: 5, userId: null } };
    await expect(bus.publish(bad)).rejects.toThrow();
    expect(await em().count(SmsDelivery, toMobile("13700000002"))).toBe(0);
  });

  it("keeps the newest contact and tells a candidate of their submitted certification by inbox and SMS", async () => {
    const older = contactEvent("candidate21", "13700000099", new Date(Date.now() - 60_000));
    await bus.publish(contactEvent("candidate21", "13700000021"));
    await bus.publish(older); // arrives late: must not bring the old number back
    await bus.publish(submittedEvent(KINDS.transferIn, "candidate21", COUNTY_REVIEW));

    expect(await smsTo("13700000021")).toEqual(["【学考平台】您的成绩认定申请已于2026年11月22日 10:05提交，请耐心等待审核，审核结果将以短信通知。"]);
    expect(textsTo(smsLog, "13700000099")).toEqual([]);
    expect((await inboxOf("candidate21"))[0]).toEqual({ title: "成绩认定申请已提交", body: expect.stringContaining("已于2026年11月22日 10:05提交") });
  });

  it("stores mobiles encrypted: the raw columns read pd1:…, the lookups find them, a read rewrites nothing", async () => {
    await bus.publish(contactEvent("candidate24", "13700000024"));
    await bus.publish(submittedEvent(KINDS.transferIn, "candidate24", COUNTY_REVIEW));
    await smsTo("13700000024");
    const [recipient] = await raw(`select mobile, mobile_lookup from recipient where user_id = ?`, [demoUserId("candidate24")]);
    expect(String(recipient!.mobile)).toMatch(/^pd1:/);
    expect(String(recipient!.mobile)).not.toContain("13700000024");
    expect(recipient!.mobile_lookup).toBe(lookup("13700000024"));
    const [delivery, ...more] = await raw(`select mobile from sms_delivery where mobile_lookup = ?`, [lookup("13700000024")]);
    expect(more).toEqual([]);
    expect(String(delivery!.mobile)).toMatch(/^pd1:/);
    // Nothing anywhere holds a mobile in the clear.
    expect(await raw(`select id from sms_delivery where mobile not like 'pd1:%'`)).toEqual([]);
    expect(await raw(`select user_id from recipient where mobile is not null and mobile not like 'pd1:%'`)).toEqual([]);

    // Reading rows and flushing leaves their ciphertext as it was (an unchanged value is not encrypted again).
    const fork = em();
    await fork.find(Recipient, { userId: demoUserId("candidate24") });
    await fork.find(SmsDelivery, toMobile("13700000024"));
    const writes = await recordSqlQueries(notification.service, () => fork.flush());
    expect(writes.filter((sql) => /\bmobile\b/.test(sql))).toEqual([]);
    expect((await raw(`select mobile from recipient where user_id = ?`, [demoUserId("candidate24")]))[0]!.mobile).toBe(recipient!.mobile);
    expect((await raw(`select mobile from sms_delivery where mobile_lookup = ?`, [lookup("13700000024")]))[0]!.mobile).toBe(delivery!.mobile);
  });

  describe("approval chains of every kind (the kit's workflow events)", () => {
    /** A query that reads this subgraph's copy of people (recipient, recipient_role; not recipient_id columns). */
    const PEOPLE = /^select .*["`]recipient(_role)?["`]/is;
    it("tells a returning candidate whose case the Beijing reviewer returned why, in the inbox and by SMS", async () => {
      await bus.publish(contactEvent("bjcandidate1", "13700000011"));
      const reason = "成绩证明未加盖原省份考试机构公章，请重新上传";
      await bus.publish(decidedEvent(KINDS.returning, "bjcandidate1", BJ_REVIEW, "RETURN", null, reason));

      expect(await smsTo("13700000011")).toEqual([`【学考平台】您的返京成绩认定申请经省级审核，结果：退回修改，原因：${reason}。请登录考生门户按原因修改后重新提交。`]);
      expect((await inboxOf("bjcandidate1"))[0]).toEqual({
        title: "返京成绩认定申请已退回修改",
        body: expect.stringContaining(`审核结果为：退回修改。原因：${reason}。请登录考生门户，按退回原因修改或重新上传清晰的材料后再次提交`),
      });
      const [row] = await em().find(SmsDelivery, toMobile("13700000011"));
      expect(row).toMatchObject({ template: "certification.returned", recipientId: demoUserId("bjcandidate1"), organizationPath: BJ_PATH.join("/") });
    });

    it("tells an Inner Mongolia candidate each level that approved a transfer-in certification, then the outcome", async () => {
      await bus.publish(contactEvent("candidate22", "13700000022"));
      await bus.publish(decidedEvent(KINDS.transferIn, "candidate22", COUNTY_REVIEW, "APPROVE", LEAGUE_REVIEW));
      expect(await smsTo("13700000022")).toEqual(["【学考平台】您提交的区外成绩转入认定申请已通过旗县区审核，待下一环节审核，请登录考生门户查看办理进度。"]);
      await bus.publish(decidedEvent(KINDS.transferIn, "candidate22", LEAGUE_REVIEW, "APPROVE", REGION_CERTIFICATION));
      await bus.publish(decidedEvent(KINDS.transferIn, "candidate22", REGION_CERTIFICATION, "APPROVE", null));
      expect((await smsTo("13700000022", 3)).slice(1)).toEqual([
        "【学考平台】您提交的区外成绩转入认定申请已通过盟市审核，待下一环节审核，请登录考生门户查看办理进度。",
        "【学考平台】您的区外成绩转入认定申请审核结果：认定通过。请登录考生门户查看各科认定结果并下载认定证书。",
      ]);
      expect((await inboxTitles("candidate22")).slice(0, 3)).toEqual(["区外成绩转入认定结果：认定通过", "区外成绩转入认定申请已通过盟市审核", "区外成绩转入认定申请已通过旗县区审核"]);
    });

    it("tells the student of a school-uploaded case each result once, by SMS and in the inbox, however often the event arrives", async () => {
      await bus.publish(contactEvent("candidate25", "13700000025"));
      const inboxBefore = (await inboxOf("candidate25")).length;
      const reason = "成绩证明扫描件不清晰，请重新上传";
      const returned = decidedEvent(KINDS.schoolUpload, "candidate25", BJ_REVIEW, "RETURN", null, reason);
      await bus.publish(returned);
      await bus.publish(returned); // a redelivery: one message
      await bus.publish(decidedEvent(KINDS.schoolUpload, "candidate25", BJ_REVIEW, "REJECT", null, "成绩证明为选择性考试成绩"));
      await bus.publish(decidedEvent(KINDS.schoolUpload, "candidate25", BJ_REVIEW, "APPROVE", null));
      expect(await smsTo("13700000025", 3)).toEqual([
        `【学考平台】您的转入学生成绩认定申请经省级审核，结果：退回修改，原因：${reason}。学校将重新上传材料后再次提交，请留意后续通知。`,
        "【学考平台】您的转入学生成绩认定申请经省级审核，结果：未予认定，原因：成绩证明为选择性考试成绩。详情请登录考生门户查看。",
        "【学考平台】您的转入学生成绩认定申请审核结果：认定通过。请登录考生门户查看各科认定结果并下载认定证书。",
      ]);
      const inbox = await inboxOf("candidate25");
      expect(inbox.length - inboxBefore).toBe(3);
      expect(inbox.slice(0, 3).map((item) => item.title)).toEqual(["转入学生成绩认定结果：认定通过", "转入学生成绩认定结果：未予认定", "转入学生成绩认定申请已退回修改"]);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(textsTo(smsLog, "13700000025")).toHaveLength(3);
    });

    it("gives a kind no row names the generic texts, in the inbox only when no mobile is known", async () => {
      const SCHOOL = step("school-review", "学校审核", "SCHOOL", "SCHOOL_ADMIN", pathOf("school1"));
      const REGION = step("province-review", "自治区教育考试院审核", "PROVINCE", "PROVINCE_INSTITUTE", [IM_PATH[0]!]);
      await bus.publish(submittedEvent(KINDS.suspension, "candidate23", SCHOOL));
      await bus.publish(decidedEvent(KINDS.suspension, "candidate23", SCHOOL, "APPROVE", REGION));
      await bus.publish(decidedEvent(KINDS.suspension, "candidate23", REGION, "REJECT", null, "休学证明未加盖学校公章"));
      const inbox = await inboxOf("candidate23");
      expect(inbox.slice(0, 3).map((item) => item.title)).toEqual(["休籍复学申请未通过省级审核", "休籍复学申请已通过学校审核", "休籍复学申请已提交"]);
      expect(inbox[0]!.body).toContain("原因：休学证明未加盖学校公章。");
      expect(inbox[2]!.body).toContain("您的休籍复学申请已于2026年11月22日 10:05提交");
      expect(await em().count(SmsDelivery, { recipientId: demoUserId("candidate23") })).toBe(0);
    });

    it("warns the Beijing reviewers once for a batch of several applications, with one query for the people, and nobody else", async () => {
      await bus.publish(contactEvent("bjreviewer1", "13700000012"));
      const before = (await inboxTitles("bjreviewer1")).length;
      const warning = WorkflowSlaWarning.create(
        { ...KINDS.returning, step: BJ_REVIEW, count: 3, warnAtHours: 48, earliestDueAt: "2026-11-25T02:05:00.000Z" },
        { producer: "certification", organizationPath: BJ },
      );
      const queries = await recordSqlQueries(notification.service, () => bus.publish(warning));
      expect(queries.filter((sql) => PEOPLE.test(sql))).toHaveLength(1);

      const inbox = await inboxOf("bjreviewer1");
      expect(inbox).toHaveLength(before + 1);
      expect(inbox[0]).toEqual({ title: "待审核事项即将超时", body: expect.stringContaining("您有 3 件返京成绩认定事项提交后已等待审核超过 48 小时，请于2026年11月25日 10:05前完成审核") });
      expect(await smsTo("13700000012")).toEqual(["【学考平台】您有3件返京成绩认定事项已等待审核超过48小时，请于2026年11月25日 10:05前登录平台处理。"]);
      for (const username of ["bjcandidate1", "region1", "candidate21"]) expect(await inboxTitles(username), username).not.toContain("待审核事项即将超时");
    });

    it("escalates a late application to the acting organisation's people and the province institute, nobody else", async () => {
      const escalation = WorkflowSlaEscalated.create(
        { applicationId: randomUUID(), ...KINDS.transferIn, step: COUNTY_REVIEW, slaHours: 72, dueAt: "2026-11-25T02:05:00.000Z" },
        { producer: "certification", organizationPath: IM_PATH },
      );
      const queries = await recordSqlQueries(notification.service, () => bus.publish(escalation));
      expect(queries.filter((sql) => PEOPLE.test(sql))).toHaveLength(1);
      const title = `审核超时督办：区外成绩转入认定事项 ${escalation.payload.applicationId}`;
      for (const username of ["county1", "region1"]) {
        const [latest] = await inboxOf(username);
        expect(latest, username).toEqual({ title, body: expect.stringContaining("在“旗县区审核”环节已等待审核超过 72 小时") });
      }
      for (const username of ["league1", "school1", "teacher1", "bjreviewer1", "candidate21"]) expect(await inboxTitles(username), username).not.toContain(title);
    });
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
    // The event names no organisation: the candidate's own place decides whose delivery log shows the SMS.
    const [sms] = await em().find(SmsDelivery, { ...toMobile("13700000022"), template: "exam-session.registration-closing" });
    expect(sms?.organizationPath).toBe(pathOf("candidate22").join("/"));
  });

  describe("the delivery log (province institute)", () => {
    const LOG = `query($filter: SmsDeliveryFilter, $limit: Int) {
      smsDeliveries(filter: $filter, limit: $limit) { total items { id mobile text status canRetry attempts template templateDescription lastError } }
    }`;
    const RETRY = `mutation($id: ID!) { retrySmsDelivery(id: $id) { id status attempts lastError } }`;
    const TRAIL = `query($id: ID!) { notificationAuditTrail(subjectType: "SmsDelivery", subjectId: $id) { entries { action actorId actorRole before after } } }`;
    type Page = { smsDeliveries: { total: number; items: Array<{ id: string; mobile: string; text: string; status: string; canRetry: boolean; attempts: number; template: string }> } };

    /** A dead message as the worker leaves it after giving up. */
    const deadLetter = async (template: string, variables: Record<string, string>, organizationPath: string[]) => {
      const ctx = notification.service.systemContext();
      const delivery = new SmsDeliveryService().enqueue(ctx, { template, variables, mobile: "13700000031", organizationPath });
      delivery.status = SmsDeliveryStatus.DEAD;
      delivery.attempts = 5;
      delivery.lastError = "InvalidParameterValue.TemplateParameterFormatError: 模板参数格式错误";
      await ctx.em.flush();
      return delivery.id;
    };

    it("shows the province's messages newest first, masked, filtered by a mobile it finds by lookup", async () => {
      await bus.publish(codeEvent("13700000041", "975310"));
      await bus.publish(codeEvent("13700000042", "864200", BJ_PATH));
      await bus.publish(codeEvent("13700000043", "753100", [])); // a registration code: no province yet
      await eventually(
        async () =>
          (await em().count(SmsDelivery, { mobileLookup: { $in: [lookup("13700000042"), lookup("13700000043")] }, status: SmsDeliveryStatus.SENT })) === 2 ? true : undefined,
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
      expect(bad.errors?.[0]?.message).toBe("手机号须为 11 位数字");
      const range = await notification.graphql(LOG, { filter: { createdAfter: "2026-11-02T00:00:00Z", createdBefore: "2026-11-01T00:00:00Z" } }, await as("region1"));
      expect(range.errors?.[0]).toMatchObject({ message: "结束时间须晚于开始时间", extensions: { code: "SMS_DELIVERY_FILTER_INVALID", field: "createdBefore" } });
      for (const username of ["candidate1", "county1", "bjreviewer1"]) {
        const refused = await notification.graphql(LOG, {}, await as(username));
        expect(refused.errors?.[0]?.extensions?.code, username).toBe("FORBIDDEN");
      }
      expect((await notification.graphql(LOG, {})).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });

    it("sends a dead letter again on request, once, audited; not a sent message, not a code, not another province's", async () => {
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

      // The decision is in the audit trail, with who took it (the province institute reads it).
      const trail = await notification.graphql<{ notificationAuditTrail: { entries: Array<Record<string, string | null>> } }>(TRAIL, { id: dead }, await as("region1"));
      expect(trail.errors).toBeUndefined();
      expect(trail.data?.notificationAuditTrail.entries).toEqual([
        {
          action: "sms-delivery.retried",
          actorId: demoUserId("region1"),
          actorRole: "PROVINCE_INSTITUTE",
          before: JSON.stringify({ status: "DEAD", attempts: 5, lastError: "InvalidParameterValue.TemplateParameterFormatError: 模板参数格式错误" }),
          after: JSON.stringify({ status: "PENDING", attempts: 0, template: "registration.completed" }),
        },
      ]);

      const again = await notification.graphql(RETRY, { id: dead }, await as("region1"));
      expect(again.errors?.[0]?.extensions?.code).toBe("SMS_DELIVERY_NOT_RETRYABLE");
      expect((await notification.graphql(RETRY, { id: code }, await as("region1"))).errors?.[0]?.extensions?.code).toBe("SMS_DELIVERY_CODE_EXPIRED");
      const beijing = await deadLetter("registration.completed", { recordNumber: "G110108200901010012" }, BJ_PATH);
      const foreign = await notification.graphql(RETRY, { id: beijing }, await as("region1"));
      expect(foreign.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect((await em().findOneOrFail(SmsDelivery, { id: beijing })).status).toBe(SmsDeliveryStatus.DEAD);
      const missing = await notification.graphql(RETRY, { id: randomUUID() }, await as("region1"));
      expect(missing.errors?.[0]?.extensions?.code).toBe("SMS_DELIVERY_NOT_FOUND");
      // Refusals decided nothing: one entry in all, the retry's.
      expect(await em().count(AuditEntry, { action: "sms-delivery.retried" })).toBe(1);
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
    const workerWith = (provider: SmsProvider, overrides: Partial<typeof settings> = {}) => new SmsDeliveryWorker(provider, silent, lookup, { ...settings, ...overrides });
    // Far in the future, so the background job (which uses the real clock) never touches these rows.
    const t0 = new Date("2030-01-01T00:00:00Z");
    const after = (ms: number) => new Date(t0.getTime() + ms);
    /** Rows queued as of `at` (the context's clock dates them). */
    const queue = async (mobile: string, count = 1, at = t0) => {
      const ctx = notification.service.systemContext();
      const clocked = ctx.withClock({ now: () => at });
      const rows = Array.from({ length: count }, (_, index) =>
        new SmsDeliveryService().enqueue(clocked, { template: "registration.completed", variables: { recordNumber: `G15010220090101${String(index).padStart(4, "0")}` }, mobile, organizationPath: IM_PATH }),
      );
      await ctx.em.flush();
      return rows.map((row) => row.id);
    };
    const stored = async (id: string) => em().findOneOrFail(SmsDelivery, { id });

    it("retries with exponential backoff, then sends", async () => {
      const [id] = await queue("13700000051");
      const provider = new ScriptedProvider(["retryable", "retryable"]);
      const worker = workerWith(provider);
      expect(await worker.runPass(em(), t0)).toMatchObject({ retrying: 1 });
      expect(await stored(id!)).toMatchObject({ status: "PENDING", attempts: 1, nextAttemptAt: after(1000) });
      expect(await worker.runPass(em(), after(999))).toMatchObject({ retrying: 0, sent: 0 }); // not due yet
      expect(await worker.runPass(em(), after(1000))).toMatchObject({ retrying: 1 });
      expect(await stored(id!)).toMatchObject({ attempts: 2, nextAttemptAt: after(3000) });
      expect(await worker.runPass(em(), after(3000))).toMatchObject({ sent: 1 });
      expect(await stored(id!)).toMatchObject({ status: "SENT", attempts: 3, sentAt: after(3000), lastError: null });
      expect(provider.sent).toHaveLength(1);
      expect(provider.sent[0]!.mobile).toBe("13700000051"); // the provider gets the number in the clear
    });

    it("gives up after the last attempt, and at once on a permanent refusal", async () => {
      const [tired] = await queue("13700000052");
      const worker = workerWith(new ScriptedProvider(["retryable", "retryable", "retryable"]));
      await worker.runPass(em(), t0);
      await worker.runPass(em(), after(1000));
      expect(await worker.runPass(em(), after(3000))).toMatchObject({ dead: 1 });
      expect(await stored(tired!)).toMatchObject({ status: "DEAD", attempts: 3, lastError: expect.stringContaining("LimitExceeded") });

      const [refused] = await queue("13700000053");
      expect(await workerWith(new ScriptedProvider(["permanent"])).runPass(em(), after(10_000))).toMatchObject({ dead: 1 });
      expect(await stored(refused!)).toMatchObject({ status: "DEAD", attempts: 1, lastError: expect.stringContaining("IncorrectPhoneNumber") });
    });

    it("holds messages beyond the per-mobile hourly limit until the window allows, counting by the mobile though it is stored encrypted", async () => {
      const ids = await queue("13700000054", 3, after(20_000));
      const [other] = await queue("13700000056", 1, after(20_000)); // another number: its own limit
      // The database holds ciphertext only: the rows are found as one number by its lookup.
      const rows = await raw(`select mobile from sms_delivery where mobile_lookup = ?`, [lookup("13700000054")]);
      expect(rows).toHaveLength(3);
      for (const row of rows) expect(String(row.mobile)).toMatch(/^pd1:/);

      const provider = new ScriptedProvider([]);
      const worker = workerWith(provider);
      expect(await worker.runPass(em(), after(20_000))).toEqual({ sent: 3, retrying: 0, dead: 0, heldBack: 1 });
      expect((await stored(other!)).status).toBe("SENT");
      const held = (await Promise.all(ids.map(stored))).find((row) => row.status === "PENDING")!;
      expect(held).toMatchObject({ attempts: 0, nextAttemptAt: after(20_000 + 3_600_000), lastError: expect.stringContaining("RATE_LIMITED") });
      expect(await worker.runPass(em(), after(20_000 + 3_600_000))).toMatchObject({ sent: 1 });
      expect(provider.sent.filter((message) => message.mobile === "13700000054")).toHaveLength(3);
    });

    it("never sends one row twice when two workers run at once", async () => {
      const ids = await queue("13700000055", 2, after(50_000));
      const provider = new ScriptedProvider([]);
      const [a, b] = [workerWith(provider, { perMobilePerHour: 10 }), workerWith(provider, { perMobilePerHour: 10 })];
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
