import { randomUUID } from "node:crypto";
import { demoUsers } from "@xuekao/demo-data";
import { recordSqlQueries, startTestSubgraph, testDrivers, type TestSubgraph, itBehavesLikeASubgraph } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Notification } from "../src/modules/inbox/notification.entity.js";
import { notificationSubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

const SEND = `mutation($input: SendNotificationInput!) {
  sendNotification(input: $input) { id title body readAt createdAt recipient { __typename id } }
}`;
const MARK_READ = `mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;
const INBOXES = `query($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on User {
      id
      unreadNotificationCount
      all: notifications { title readAt }
      unread: notifications(unreadOnly: true) { title }
    }
  }
}`;

interface Sent {
  id: string;
  title: string;
  body: string;
  readAt: string | null;
  createdAt: string;
  recipient: { __typename: string; id: string } | null;
}

interface Inbox {
  id: string;
  unreadNotificationCount: number | null;
  all: Array<{ title: string; readAt: string | null }> | null;
  unread: Array<{ title: string }> | null;
}

describe.each(drivers)("notification subgraph on %s", (driver) => {
  let subgraph: TestSubgraph;

  /** Every message of a recipient, read through the entity field (newest first). */
  const inboxOf = async (recipientId: string) => {
    const result = await subgraph.graphql<{ _entities: Inbox[] }>(INBOXES, {
      representations: [{ __typename: "User", id: recipientId }],
    });
    expect(result.errors).toBeUndefined();
    return result.data!._entities[0]!;
  };
  const storedCount = () => subgraph.service.orm.em.fork().count(Notification, {});

  /** Runs `work` and returns the SQL it sent that touched the notification table. */
  const notificationQueries = async (work: () => Promise<void>) =>
    (await recordSqlQueries(subgraph.service, work)).filter((sql) => /\bnotification\b/.test(sql));

  beforeAll(async () => {
    subgraph = await startTestSubgraph(notificationSubgraph, driver, { seedDemo: true });
  });
  afterAll(async () => {
    await subgraph?.stop();
  });

  itBehavesLikeASubgraph(notificationSubgraph, driver, () => subgraph);


  describe("sendNotification", () => {
    it("stores a trimmed, unread message for the recipient", async () => {
      const recipientId = randomUUID();
      const result = await subgraph.graphql<{ sendNotification: Sent }>(SEND, {
        input: { recipientId, title: "  报名提醒 \n", body: "\t选课报名将于 3 月 30 日 18:00 截止。  " },
      });
      expect(result.errors).toBeUndefined();
      const sent = result.data!.sendNotification;
      expect(sent).toMatchObject({
        title: "报名提醒",
        body: "选课报名将于 3 月 30 日 18:00 截止。",
        readAt: null,
        recipient: { __typename: "User", id: recipientId },
      });
      expect(Math.abs(Date.parse(sent.createdAt) - Date.now())).toBeLessThan(60_000);

      const fetched = await subgraph.graphql<{ notification: { id: string; title: string; body: string } }>(
        `query($id: ID!) { notification(id: $id) { id title body } }`,
        { id: sent.id },
      );
      expect(fetched.data?.notification).toEqual({ id: sent.id, title: "报名提醒", body: "选课报名将于 3 月 30 日 18:00 截止。" });
      expect(await inboxOf(recipientId)).toEqual({
        id: recipientId,
        unreadNotificationCount: 1,
        all: [{ title: "报名提醒", readAt: null }],
        unread: [{ title: "报名提醒" }],
      });
    });

    it("accepts a 100-character title and a 2000-character body (after trimming)", async () => {
      const result = await subgraph.graphql<{ sendNotification: Sent }>(SEND, {
        input: { recipientId: randomUUID(), title: ` ${"题".repeat(100)} `, body: ` ${"文".repeat(2000)} ` },
      });
      expect(result.errors).toBeUndefined();
      expect(result.data?.sendNotification.title).toHaveLength(100);
      expect(result.data?.sendNotification.body).toHaveLength(2000);
    });

    it.each([
      ["an empty title", { title: "", body: "正文" }, "NOTIFICATION_TITLE_INVALID", "title"],
      ["a blank title", { title: "  \t ", body: "正文" }, "NOTIFICATION_TITLE_INVALID", "title"],
      ["a 101-character title", { title: "题".repeat(101), body: "正文" }, "NOTIFICATION_TITLE_INVALID", "title"],
      ["an empty body", { title: "标题", body: "" }, "NOTIFICATION_BODY_INVALID", "body"],
      ["a blank body", { title: "标题", body: " \n " }, "NOTIFICATION_BODY_INVALID", "body"],
      ["a 2001-character body", { title: "标题", body: "文".repeat(2001) }, "NOTIFICATION_BODY_INVALID", "body"],
    ])("refuses %s with %s, in Chinese, and stores nothing", async (_label, fields, code, field) => {
      const recipientId = randomUUID();
      const before = await storedCount();
      const result = await subgraph.graphql(SEND, { input: { recipientId, ...fields } });
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code, field, category: "BAD_USER_INPUT" });
      expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await storedCount()).toBe(before);
      expect((await inboxOf(recipientId)).all).toEqual([]);
    });
  });

  describe("markNotificationRead", () => {
    it("sets readAt once: a second call keeps the first time", async () => {
      const recipientId = randomUUID();
      const sent = await subgraph.graphql<{ sendNotification: Sent }>(SEND, {
        input: { recipientId, title: "成绩公布", body: "2026年6月合格考成绩已公布。" },
      });
      const id = sent.data!.sendNotification.id;

      const startedAt = Date.now();
      const first = await subgraph.graphql<{ markNotificationRead: { id: string; readAt: string | null } }>(MARK_READ, { id });
      expect(first.errors).toBeUndefined();
      const readAt = first.data!.markNotificationRead.readAt;
      expect(readAt).not.toBeNull();
      expect(Date.parse(readAt!)).toBeGreaterThanOrEqual(startedAt - 1000);
      expect(Date.parse(readAt!)).toBeLessThanOrEqual(Date.now() + 1000);

      await new Promise((resolve) => setTimeout(resolve, 20));
      const second = await subgraph.graphql<{ markNotificationRead: { id: string; readAt: string | null } }>(MARK_READ, { id });
      expect(second.errors).toBeUndefined();
      expect(second.data?.markNotificationRead).toEqual({ id, readAt });

      expect(await inboxOf(recipientId)).toEqual({
        id: recipientId,
        unreadNotificationCount: 0,
        all: [{ title: "成绩公布", readAt }],
        unread: [],
      });
    });

    it("refuses an unknown id with NOTIFICATION_NOT_FOUND, in Chinese", async () => {
      const id = randomUUID();
      const before = await storedCount();
      const result = await subgraph.graphql(MARK_READ, { id });
      expect(result.data).toBeNull();
      expect(result.errors).toHaveLength(1);
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "NOTIFICATION_NOT_FOUND", category: "NOT_FOUND", id });
      expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
      expect(await storedCount()).toBe(before);
    });

    it("refuses an id that is not a UUID with NOTIFICATION_NOT_FOUND, not an internal error", async () => {
      const result = await subgraph.graphql(MARK_READ, { id: "not-a-uuid" });
      expect(result.data).toBeNull();
      expect(result.errors?.[0]?.extensions).toMatchObject({ code: "NOTIFICATION_NOT_FOUND", id: "not-a-uuid" });
    });
  });

  describe("User entity fields", () => {
    it("serves 10 inboxes with one SQL query per filter, newest first, empty for a user without messages", async () => {
      const users = Array.from({ length: 10 }, () => randomUUID());
      const base = Date.parse("2026-09-01T00:00:00Z");
      const em = subgraph.service.orm.em.fork();
      // User i (0..8) gets i + 1 messages, inserted oldest last; every second one is read. User 9 gets none.
      users.slice(0, 9).forEach((recipientId, index) => {
        for (let n = index; n >= 0; n -= 1) {
          em.create(Notification, {
            recipientId,
            title: `第${n}条`,
            body: "正文",
            readAt: n % 2 === 1 ? new Date(base + n * 60_000 + 1000) : null,
            createdAt: new Date(base + n * 60_000),
          });
        }
      });
      await em.flush();

      let inboxes: Inbox[] = [];
      const queries = await notificationQueries(async () => {
        const result = await subgraph.graphql<{ _entities: Inbox[] }>(INBOXES, {
          representations: users.map((id) => ({ __typename: "User", id })),
        });
        expect(result.errors).toBeUndefined();
        inboxes = result.data!._entities;
      });
      // One query for `notifications`, one shared by `notifications(unreadOnly: true)` and the count.
      expect(queries).toHaveLength(2);

      expect(inboxes.map((inbox) => inbox.id)).toEqual(users);
      inboxes.slice(0, 9).forEach((inbox, index) => {
        const newestFirst = Array.from({ length: index + 1 }, (_, k) => index - k);
        expect(inbox.all).toEqual(
          newestFirst.map((n) => ({
            title: `第${n}条`,
            readAt: n % 2 === 1 ? new Date(base + n * 60_000 + 1000).toISOString() : null,
          })),
        );
        const unread = newestFirst.filter((n) => n % 2 === 0);
        expect(inbox.unread).toEqual(unread.map((n) => ({ title: `第${n}条` })));
        expect(inbox.unreadNotificationCount).toBe(unread.length);
      });
      expect(inboxes[9]).toEqual({ id: users[9], unreadNotificationCount: 0, all: [], unread: [] });
    });

    it("costs one query when only the unread count is asked for", async () => {
      const users = demoUsers.slice(0, 10).map((user) => user.id);
      let counts: Array<{ unreadNotificationCount: number | null }> = [];
      const queries = await notificationQueries(async () => {
        const result = await subgraph.graphql<{ _entities: Array<{ unreadNotificationCount: number | null }> }>(
          `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on User { unreadNotificationCount } } }`,
          { representations: users.map((id) => ({ __typename: "User", id })) },
        );
        expect(result.errors).toBeUndefined();
        counts = result.data!._entities;
      });
      expect(queries).toHaveLength(1);
      // Every demo account has its unread welcome message.
      expect(counts).toEqual(users.map(() => ({ unreadNotificationCount: 1 })));
    });
  });

  it("seeds the demo data only once", async () => {
    const before = await storedCount();
    await notificationSubgraph.seedDemo!(subgraph.service.orm.em.fork());
    await notificationSubgraph.seedDemo!(subgraph.service.orm.em.fork());
    expect(await storedCount()).toBe(before);
    const welcome = await subgraph.service.orm.em
      .fork()
      .count(Notification, { recipientId: { $in: demoUsers.map((user) => user.id) }, title: "欢迎使用学考平台" });
    expect(welcome).toBe(demoUsers.length);
  });
});
