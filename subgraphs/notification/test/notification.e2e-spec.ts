import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, demoUserId, demoUsers } from "@xuekao/demo-data";
import { identitySubgraph } from "@xuekao/identity";
import { FakeClock, JWKS_PATH } from "@xuekao/subgraph-kit";
import { itBehavesLikeASubgraph, recordSqlQueries, startTestSubgraph, testDrivers, type TestSubgraph, signedInAs } from "@xuekao/subgraph-kit/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InboxService, type NewNotification } from "../src/modules/inbox/inbox.service.js";
import { Notification } from "../src/modules/inbox/notification.entity.js";
import { seedNotificationDemo } from "../src/seeders/demo.seeder.js";
import { notificationSubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

const MARK_READ = `mutation($id: ID!) { markNotificationRead(id: $id) { id readAt } }`;
const ONE = `query($id: ID!) { notification(id: $id) { id title body recipient { __typename id } } }`;
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

interface Inbox {
  id: string;
  unreadNotificationCount: number | null;
  all: Array<{ title: string; readAt: string | null }> | null;
  unread: Array<{ title: string }> | null;
}

describe.each(drivers)("notification subgraph on %s", (driver) => {
  let subgraph: TestSubgraph;
  // The real identity subgraph issues the tokens notification verifies (against its JWKS).
  let identity: TestSubgraph;
  const as = signedInAs(() => identity.url, DEMO_PASSWORD);

  /** `users`' inboxes as `username` sees them through the User entity fields (newest first). */
  const inboxesAs = async (username: string | null, users: string[]) => {
    const result = await subgraph.graphql<{ _entities: Inbox[] }>(
      INBOXES,
      { representations: users.map((id) => ({ __typename: "User", id })) },
      username ? await as(username) : {},
    );
    expect(result.errors).toBeUndefined();
    return result.data!._entities;
  };
  const ownInbox = async (username: string) => (await inboxesAs(username, [demoUserId(username)]))[0]!;
  const storedCount = () => subgraph.service.orm.em.fork().count(Notification, {});

  /** Puts messages in inboxes the way the event consumers do: through InboxService on a system context, one flush. */
  const deliver = async (...messages: Array<NewNotification & { createdAt?: Date; readAt?: Date | null }>) => {
    const ctx = subgraph.service.systemContext();
    const inbox = new InboxService();
    const stored = messages.map(({ createdAt, readAt, ...message }) => {
      const notification = inbox.add(createdAt ? ctx.withClock(new FakeClock(createdAt)) : ctx, message);
      notification.readAt = readAt ?? null;
      return notification;
    });
    await ctx.em.flush();
    return stored;
  };

  /** Runs `work` and returns the SQL it sent that touched the notification table. */
  const notificationQueries = async (work: () => Promise<void>) =>
    (await recordSqlQueries(subgraph.service, work)).filter((sql) => /\bnotification\b/.test(sql));

  beforeAll(async () => {
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true });
    subgraph = await startTestSubgraph(notificationSubgraph, driver, { seedDemo: true, jwksUrl: identity.url.replace(/\/graphql$/, JWKS_PATH) });
  });
  afterAll(async () => {
    await subgraph?.stop();
    await identity?.stop();
  });

  itBehavesLikeASubgraph(notificationSubgraph, driver, () => subgraph);

  describe("inbox messages (InboxService.add, used by the event consumers)", () => {
    it("stores a trimmed, unread message that its recipient reads", async () => {
      const [stored] = await deliver({
        recipientId: demoUserId("candidate11"),
        title: "  报名提醒 \n",
        body: "\t选课报名将于 3 月 30 日 18:00 截止。  ",
      });
      const fetched = await subgraph.graphql<{ notification: unknown }>(ONE, { id: stored!.id }, await as("candidate11"));
      expect(fetched.data?.notification).toEqual({
        id: stored!.id,
        title: "报名提醒",
        body: "选课报名将于 3 月 30 日 18:00 截止。",
        recipient: { __typename: "User", id: demoUserId("candidate11") },
      });
      expect(await ownInbox("candidate11")).toEqual({
        id: demoUserId("candidate11"),
        unreadNotificationCount: 2,
        all: [{ title: "报名提醒", readAt: null }, { title: "欢迎使用学考平台", readAt: null }],
        unread: [{ title: "报名提醒" }, { title: "欢迎使用学考平台" }],
      });
    });

    it("accepts a 100-character title and a 2000-character body (after trimming)", async () => {
      const [stored] = await deliver({ recipientId: randomUUID(), title: ` ${"题".repeat(100)} `, body: ` ${"文".repeat(2000)} ` });
      expect(stored!.title).toHaveLength(100);
      expect(stored!.body).toHaveLength(2000);
    });

    it.each([
      ["an empty title", { title: "", body: "正文" }, "NOTIFICATION_TITLE_INVALID"],
      ["a blank title", { title: "  \t ", body: "正文" }, "NOTIFICATION_TITLE_INVALID"],
      ["a 101-character title", { title: "题".repeat(101), body: "正文" }, "NOTIFICATION_TITLE_INVALID"],
      ["an empty body", { title: "标题", body: "" }, "NOTIFICATION_BODY_INVALID"],
      ["a blank body", { title: "标题", body: " \n " }, "NOTIFICATION_BODY_INVALID"],
      ["a 2001-character body", { title: "标题", body: "文".repeat(2001) }, "NOTIFICATION_BODY_INVALID"],
    ])("refuses %s with %s and stores nothing", async (_label, fields, code) => {
      const before = await storedCount();
      await expect(deliver({ recipientId: randomUUID(), ...fields })).rejects.toMatchObject({ code });
      expect(await storedCount()).toBe(before);
    });
  });

  describe("notification(id)", () => {
    it("answers null for another person's message, and asks an anonymous caller to log in", async () => {
      const [stored] = await deliver({ recipientId: demoUserId("candidate12"), title: "审核结果", body: "您的申请未通过。" });
      const other = await subgraph.graphql<{ notification: unknown }>(ONE, { id: stored!.id }, await as("teacher1"));
      expect(other.errors).toBeUndefined();
      expect(other.data?.notification).toBeNull();
      const anonymous = await subgraph.graphql(ONE, { id: stored!.id });
      expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });
  });

  describe("markNotificationRead", () => {
    it("sets readAt once: a second call keeps the first time", async () => {
      const [stored] = await deliver({ recipientId: demoUserId("candidate13"), title: "成绩公布", body: "2026年6月合格考成绩已公布。" });
      const id = stored!.id;
      const headers = await as("candidate13");

      const startedAt = Date.now();
      const first = await subgraph.graphql<{ markNotificationRead: { id: string; readAt: string | null } }>(MARK_READ, { id }, headers);
      expect(first.errors).toBeUndefined();
      const readAt = first.data!.markNotificationRead.readAt;
      expect(Date.parse(readAt!)).toBeGreaterThanOrEqual(startedAt - 1000);
      expect(Date.parse(readAt!)).toBeLessThanOrEqual(Date.now() + 1000);

      await new Promise((resolve) => setTimeout(resolve, 20));
      const second = await subgraph.graphql<{ markNotificationRead: { id: string; readAt: string | null } }>(MARK_READ, { id }, headers);
      expect(second.data?.markNotificationRead).toEqual({ id, readAt });

      const inbox = await ownInbox("candidate13");
      expect(inbox.all?.[0]).toEqual({ title: "成绩公布", readAt });
      expect(inbox.unread?.map((item) => item.title)).toEqual(["欢迎使用学考平台"]);
      expect(inbox.unreadNotificationCount).toBe(1);
    });

    it("refuses another person's message exactly like a missing one, and leaves it unread", async () => {
      const [stored] = await deliver({ recipientId: demoUserId("candidate14"), title: "审核结果", body: "您的申请已通过。" });
      for (const username of ["candidate15", "teacher1", "region1"]) {
        const result = await subgraph.graphql(MARK_READ, { id: stored!.id }, await as(username));
        expect(result.data).toBeNull();
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: "NOTIFICATION_NOT_FOUND", category: "NOT_FOUND", id: stored!.id });
        expect(result.errors?.[0]?.message).toBe("消息不存在或已被删除");
      }
      const em = subgraph.service.orm.em.fork();
      expect((await em.findOneOrFail(Notification, { id: stored!.id })).readAt).toBeNull();
    });

    it("refuses an unknown id and an id that is not a UUID with NOTIFICATION_NOT_FOUND, not an internal error", async () => {
      for (const id of [randomUUID(), "not-a-uuid"]) {
        const result = await subgraph.graphql(MARK_READ, { id }, await as("candidate13"));
        expect(result.data).toBeNull();
        expect(result.errors?.[0]?.extensions).toMatchObject({ code: "NOTIFICATION_NOT_FOUND", id });
        expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
      }
    });

    it("asks an anonymous caller to log in", async () => {
      const result = await subgraph.graphql(MARK_READ, { id: randomUUID() });
      expect(result.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    });
  });

  describe("User entity fields", () => {
    it("serve the caller's own inbox newest first: a query per list, a COUNT for the number", async () => {
      const recipientId = demoUserId("candidate16");
      const base = Date.parse("2026-09-01T00:00:00Z");
      // Five messages inserted oldest last; every second one is read.
      await deliver(
        ...[4, 3, 2, 1, 0].map((n) => ({
          recipientId,
          title: `第${n}条`,
          body: "正文",
          createdAt: new Date(base + n * 60_000),
          readAt: n % 2 === 1 ? new Date(base + n * 60_000 + 1000) : null,
        })),
      );
      let inbox: Inbox | undefined;
      const queries = await notificationQueries(async () => {
        inbox = await ownInbox("candidate16");
      });
      // One query per list (all, unread) and a COUNT for the unread number.
      expect(queries).toHaveLength(3);
      expect(queries.filter((sql) => /count\(/i.test(sql))).toHaveLength(1);
      // The welcome message was seeded "now", after 2026-09-01.
      expect(inbox!.all).toEqual([
        { title: "欢迎使用学考平台", readAt: null },
        ...[4, 3, 2, 1, 0].map((n) => ({ title: `第${n}条`, readAt: n % 2 === 1 ? new Date(base + n * 60_000 + 1000).toISOString() : null })),
      ]);
      expect(inbox!.unread).toEqual([{ title: "欢迎使用学考平台" }, { title: "第4条" }, { title: "第2条" }, { title: "第0条" }]);
      expect(inbox!.unreadNotificationCount).toBe(4);
    });

    it("are null on everyone but the caller, whatever the caller's role, without reading their messages", async () => {
      const students = demoUsers.filter((user) => user.kind === "IN_SCHOOL_CANDIDATE").slice(0, 10).map((user) => user.id);
      for (const username of ["teacher1", "school1", "region1", "candidate17"]) {
        let inboxes: Inbox[] = [];
        const queries = await notificationQueries(async () => {
          inboxes = await inboxesAs(username, students);
        });
        expect(queries, username).toEqual([]);
        expect(inboxes).toEqual(students.map((id) => ({ id, unreadNotificationCount: null, all: null, unread: null })));
      }
      expect(await inboxesAs(null, students.slice(0, 1))).toEqual([{ id: students[0], unreadNotificationCount: null, all: null, unread: null }]);
    });
  });

  it("seeds the demo data only once", async () => {
    const before = await storedCount();
    for (let run = 0; run < 2; run += 1) {
      // As the kit seeds: a system context, flushed afterwards.
      const ctx = subgraph.service.systemContext();
      await seedNotificationDemo(ctx);
      await ctx.em.flush();
    }
    expect(await storedCount()).toBe(before);
    const welcome = await subgraph.service.orm.em
      .fork()
      .count(Notification, { recipientId: { $in: demoUsers.map((user) => user.id) }, title: "欢迎使用学考平台" });
    expect(welcome).toBe(demoUsers.length);
  });
});
