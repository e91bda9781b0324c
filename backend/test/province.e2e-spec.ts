import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PROVINCE_PASSWORD, provinceCandidate, provincePlan, provinceTeacherUsername } from "@xuekao/demo-data";
import { identitySubgraph } from "@xuekao/identity";
import { registrySubgraph } from "@xuekao/registry";
import { openDatabase, subgraphEntities, type AnySubgraphDefinition } from "@xuekao/subgraph-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBackend, type Backend } from "../src/backend.js";
import { runCommand } from "../src/commands.js";

/** GB 11643 checked independently of `@xuekao/rules`: weights 2^(17-i) mod 11, remainder → check character. */
function checkDigitHolds(idNumber: string): boolean {
  const sum = [...idNumber.slice(0, 17)].reduce((total, digit, index) => total + Number(digit) * (2 ** (17 - index) % 11), 0);
  return "10X98765432"[sum % 11] === idNumber[17];
}

/**
 * `province seed` at a tiny size into scratch libsql databases: what it writes, that nothing
 * personal is in clear, that it refuses a second run, and that the platform started on the data
 * gives a class teacher a queue with work.
 */
describe("province seed (bench data) at 200 candidates", () => {
  const dataDir = mkdtempSync(join(tmpdir(), "xuekao-province-"));
  const env = { ...process.env, NODE_ENV: "development", DATA_DIR: dataDir, LOG_LEVEL: "silent", NATS_URL: "", DATABASE_URL: "" } as Record<string, string | undefined>;
  delete env.SEED_DEMO;
  for (const name of ["IDENTITY", "REGISTRY", "CERTIFICATION", "NOTIFICATION"]) {
    env[`${name}_PORT`] = "0";
    delete env[`${name}_DATABASE_URL`];
  }
  const plan = provincePlan(200);
  const run = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await runCommand(args, env, { write: (line) => lines.push(line) });
    return { code, output: lines.join("\n") };
  };
  const rows = async <T>(definition: AnySubgraphDefinition, sql: string): Promise<T[]> => {
    const orm = await openDatabase({ target: { driver: "libsql", location: join(dataDir, `${definition.name}.db`) }, entities: subgraphEntities(definition), migrations: definition.migrations });
    try {
      return (await orm.em.getConnection().execute(sql)) as T[];
    } finally {
      await orm.close();
    }
  };
  let seeded: { code: number; output: string };

  beforeAll(async () => {
    seeded = await run("province", "seed", "--candidates", "200", "--batch-size", "150");
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it("writes the province's organisations, accounts and role bindings into identity", async () => {
    expect(seeded.code, seeded.output).toBe(0);
    expect(plan.schoolCount).toBe(2);
    expect(plan.classCount).toBe(6);
    const [counts] = await rows<Record<string, number>>(
      identitySubgraph as AnySubgraphDefinition,
      `select (select count(*) from organization where kind = 'SCHOOL') as schools, (select count(*) from organization where kind = 'CLASS') as classes,
              (select count(*) from organization where kind = 'COUNTY') as counties,
              (select count(*) from role_binding where role = 'CANDIDATE_IN_SCHOOL') as candidates, (select count(*) from role_binding where role = 'CLASS_TEACHER') as teachers,
              (select count(*) from role_binding where role = 'COUNTY_AGENCY') as agencies, (select count(*) from app_user where mobile like '%1300000%') as clear_mobiles`,
    );
    expect(counts).toMatchObject({ schools: 2, classes: 6, counties: 96, candidates: 200, teachers: 6, agencies: 96, clear_mobiles: 0 });
  });

  it("writes roster entries, records numbered G + ID number (valid, unique) and no ID number in clear", async () => {
    const roster = await rows<{ student_number: string; id_number: string; id_number_lookup: string }>(registrySubgraph as AnySubgraphDefinition, "select student_number, id_number, id_number_lookup from roster_entry");
    expect(roster).toHaveLength(200);
    for (const entry of roster) {
      expect(entry.id_number.startsWith("pd1:")).toBe(true);
      expect(entry.id_number).not.toContain(entry.student_number.slice(1));
    }
    expect(new Set(roster.map((entry) => entry.id_number_lookup)).size).toBe(200);
    const records = await rows<{ record_number: string; province_code: string; enrollment_year: number; status: string }>(
      registrySubgraph as AnySubgraphDefinition,
      "select record_number, province_code, enrollment_year, status from exam_record",
    );
    expect(records).toHaveLength(200 - plan.classCount);
    expect(new Set(records.map((record) => record.record_number)).size).toBe(records.length);
    for (const record of records) {
      expect(record.record_number).toMatch(/^G\d{17}[\dX]$/);
      expect(checkDigitHolds(record.record_number.slice(1))).toBe(true);
      expect(record).toMatchObject({ province_code: "15", status: "REGISTERED" });
      expect(record.enrollment_year).toBeGreaterThan(2000);
    }
    expect(records.some((record) => record.record_number === provinceCandidate(plan, 0).studentNumber)).toBe(true);
    const pending = await rows<{ status: string; n: number }>(registrySubgraph as AnySubgraphDefinition, "select status, count(*) as n from pre_registration group by status");
    expect(pending).toEqual([{ status: "UNDER_REVIEW", n: plan.classCount }]);
  });

  it("refuses to seed the same databases twice", async () => {
    const again = await run("province", "seed", "--candidates", "200");
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/already holds a seeded province/);
  });

  describe("the platform on the seeded data", () => {
    let backend: Backend;
    beforeAll(async () => {
      // The other subgraphs verify tokens at identity's JWKS, so identity needs a known port.
      const probe = createServer();
      await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
      const port = (probe.address() as AddressInfo).port;
      await new Promise((resolve) => probe.close(resolve));
      backend = await startBackend({ ...env, IDENTITY_PORT: String(port) });
    });
    afterAll(async () => backend?.stop());

    const post = async (url: string, query: string, variables: object, token?: string) => {
      const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify({ query, variables }) });
      return (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
    };

    it("gives the first class's teacher a queue with its candidate waiting", async () => {
      const login = await post(backend.urls.identity!, "mutation($input: LoginInput!) { login(input: $input) { accessToken } }", { input: { username: provinceTeacherUsername(0, 0), password: PROVINCE_PASSWORD } });
      expect(login.errors).toBeUndefined();
      const token = (login.data!.login as { accessToken: string }).accessToken;
      const queue = await post(backend.urls.registry!, "{ preRegistrationQueue(first: 50) { items { name studentNumber status } nextCursor } }", {}, token);
      expect(queue.errors).toBeUndefined();
      const page = queue.data!.preRegistrationQueue as { items: Array<{ name: string; studentNumber: string; status: string }> };
      const waiting = provinceCandidate(plan, 39);
      expect(waiting.registered).toBe(false);
      expect(page.items).toEqual([{ name: waiting.displayName, studentNumber: waiting.studentNumber, status: "UNDER_REVIEW" }]);
    });
  });
});
