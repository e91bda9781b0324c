import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, demoOrganizationPath, demoUserId, demoUsers } from "@xuekao/demo-data";
import { identitySubgraph } from "@xuekao/identity";
import { InProcessBus } from "@xuekao/events";
import { createLogger, JWKS_PATH, openDatabase, subgraphEntities, WorkflowSlaWarning } from "@xuekao/subgraph-kit";
import { scratchDatabase, signedInAs, startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { describe, expect, it } from "vitest";
import { SmsDelivery } from "../src/modules/sms-delivery/sms-delivery.entity.js";
import { notificationSubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();
const pathOf = (username: string) => demoOrganizationPath(demoUsers.find((user) => user.username === username)!.organizationId).split("/");

/**
 * A database as the subgraph left it before mobiles were protected and roles had their own
 * table: started on this version, it encrypts the mobiles (the kit, at start), keeps every role
 * as a row (the migration) and knows its renamed templates, so nobody stops getting messages.
 */
describe.each(drivers)("notification upgraded from plain mobiles and JSON roles on %s", (driver) => {
  it("encrypts the mobiles, keeps every recipient's roles, renames templates, and goes on addressing people", async () => {
    const scratch = await scratchDatabase(driver, "test_notification_upgrade");
    // The real identity issues the token the delivery log is read with.
    const identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true });
    const as = signedInAs(() => identity.url, DEMO_PASSWORD);
    const bus = new InProcessBus({ logger: createLogger("test", "silent") });
    let subgraph: TestSubgraph | undefined;
    try {
      // The two migrations before this change, then rows as that version wrote them.
      const { migrations } = notificationSubgraph;
      const old = await openDatabase({
        target: scratch.target,
        entities: subgraphEntities(notificationSubgraph),
        migrations: { libsql: migrations.libsql.slice(0, 2), postgresql: migrations.postgresql.slice(0, 2) },
      });
      const now = driver === "libsql" ? Date.now() : new Date().toISOString();
      const roles = (username: string, role: string, provinceCode: string) => JSON.stringify([{ role, organizationPath: pathOf(username), provinceCode }]);
      const connection = old.em.getConnection();
      await connection.execute(`insert into recipient (user_id, display_name, mobile, roles, as_of) values (?, ?, ?, ?, ?), (?, ?, ?, ?, ?)`, [
        demoUserId("bjreviewer1"), "钱审核", "13700000071", roles("bjreviewer1", "CERTIFICATION_REVIEWER", "11"), now,
        demoUserId("region1"), "王考试院", null, roles("region1", "PROVINCE_INSTITUTE", "15"), now,
      ]);
      const dead = randomUUID();
      await connection.execute(
        `insert into sms_delivery (id, template, variables, text, mobile, organization_path, status, attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          dead,
          "application.refused",
          JSON.stringify({ applicationKind: "区内转籍", level: "学校", reason: "转入学校不在本自治区" }),
          "您提交的区内转籍申请未通过学校审核，原因：转入学校不在本自治区。详情请登录考生门户查看。",
          "13700000072",
          pathOf("candidate1").join("/"),
          "DEAD",
          5,
          now,
          now,
        ],
      );
      await old.close();

      subgraph = await startTestSubgraph(notificationSubgraph, driver, { target: scratch.target, bus, jwksUrl: identity.url.replace(/\/graphql$/, JWKS_PATH) });
      const ctx = subgraph.service.systemContext();
      const lookup = (mobile: string) => ctx.personalData.lookup("mobile", mobile);
      const raw = (sql: string, params: unknown[] = []): Promise<Array<Record<string, unknown>>> => ctx.em.getConnection().execute(sql, params);

      const [reviewer] = await raw(`select mobile, mobile_lookup from recipient where user_id = ?`, [demoUserId("bjreviewer1")]);
      expect(String(reviewer!.mobile)).toMatch(/^pd1:/);
      expect(reviewer!.mobile_lookup).toBe(lookup("13700000071"));
      expect(await raw(`select role, organization_path, province_code from recipient_role order by role`)).toEqual([
        { role: "CERTIFICATION_REVIEWER", organization_path: pathOf("bjreviewer1").join("/"), province_code: "11" },
        { role: "PROVINCE_INSTITUTE", organization_path: pathOf("region1").join("/"), province_code: "15" },
      ]);
      const [delivery] = await raw(`select mobile, mobile_lookup, template from sms_delivery where id = ?`, [dead]);
      expect(delivery).toMatchObject({ mobile_lookup: lookup("13700000072"), template: "workflow.rejected" });
      expect(String(delivery!.mobile)).toMatch(/^pd1:/);

      // The delivery log finds the old row by its number, and the reviewer is still addressed by role.
      const log = await subgraph.graphql<{ smsDeliveries: { items: Array<{ id: string; mobile: string; templateDescription: string }> } }>(
        `query($filter: SmsDeliveryFilter) { smsDeliveries(filter: $filter) { items { id mobile templateDescription } } }`,
        { filter: { mobile: "13700000072" } },
        await as("region1"),
      );
      expect(log.data?.smsDeliveries.items).toEqual([{ id: dead, mobile: "137****0072", templateDescription: "各类申请在某一层级未获通过（不予通过），附原因" }]);
      await bus.publish(
        WorkflowSlaWarning.create(
          { kind: "certification.returning-candidate", kindName: "返京成绩认定", provinceCode: "11", step: { key: "institute-review", name: "北京教育考试院审核认定", level: "PROVINCE", actorRole: "CERTIFICATION_REVIEWER", actingOrganizationPath: pathOf("bjreviewer1") }, count: 2, warnAtHours: 48, earliestDueAt: "2026-11-25T02:05:00.000Z" },
          { producer: "certification", organizationPath: pathOf("bjreviewer1") },
        ),
      );
      const [warning] = await subgraph.service.orm.em.fork().find(SmsDelivery, { mobileLookup: lookup("13700000071") });
      expect(warning).toMatchObject({ template: "workflow.sla-warning", mobile: "13700000071", recipientId: demoUserId("bjreviewer1") });
    } finally {
      await subgraph?.stop();
      await bus.close();
      await identity.stop();
      await scratch.drop();
    }
  });
});
