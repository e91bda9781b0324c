import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { SqlEntityManager } from "@mikro-orm/knex";
import { DEMO_PASSWORD, demoOrgId } from "@xuekao/demo-data";
import { pruneOutbox } from "@xuekao/events";
import { PROTECTED_PREFIX } from "@xuekao/subgraph-kit";
import { startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SmsChallenge } from "../src/modules/sms-code/sms-challenge.entity.js";
import { User } from "../src/modules/user/user.entity.js";
import { identitySubgraph } from "../src/subgraph.js";
import { LOGIN, REGISTER, REQUEST_CODE, registerCandidate, smsInbox } from "./support.js";

const drivers = await testDrivers();

const MOBILE = "13700000001";

describe.each(drivers)("mobiles protected at rest on %s", (driver) => {
  let identity: TestSubgraph;
  const inbox = smsInbox();
  let userId: string;

  const knex = () => (identity.service.orm.em.fork() as SqlEntityManager).getKnex();
  const rawUser = async (where: Record<string, string>) =>
    (await knex()("app_user").select("mobile", "mobile_lookup").where(where).first()) as { mobile: string | null; mobile_lookup: string | null };

  beforeAll(async () => {
    await inbox.ready;
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true, bus: inbox.bus });
    const token = await registerCandidate(identity, inbox, { username: "mobileowner", mobile: MOBILE, householdCountyId: demoOrgId("im-xincheng") });
    userId = decodeJwt(token).sub!;
  });
  afterAll(async () => {
    await identity?.stop();
    await inbox.bus.close();
  });

  it("stores the account's mobile encrypted, with its lookup beside it; the entity reads it back", async () => {
    const raw = await rawUser({ id: userId });
    expect(raw.mobile?.startsWith(PROTECTED_PREFIX)).toBe(true);
    expect(raw.mobile).not.toContain(MOBILE);
    expect(raw.mobile_lookup).toMatch(/^[0-9a-f]{64}$/);
    const user = await identity.service.orm.em.fork().findOneOrFail(User, { id: userId });
    expect(user.mobile).toBe(MOBILE);
    // An equality query on the encrypted column never matches: queries go through the lookup.
    expect(await identity.service.orm.em.fork().count(User, { mobile: MOBILE })).toBe(0);
    expect(await identity.service.orm.em.fork().count(User, { mobileLookup: raw.mobile_lookup })).toBe(1);
  });

  it("stores the SMS challenge's mobile encrypted too", async () => {
    const challenges = (await knex()("sms_challenge").select("mobile", "mobile_lookup")) as Array<{ mobile: string; mobile_lookup: string }>;
    expect(challenges.length).toBeGreaterThan(0);
    for (const challenge of challenges) {
      expect(challenge.mobile.startsWith(PROTECTED_PREFIX)).toBe(true);
      expect(challenge.mobile_lookup).toMatch(/^[0-9a-f]{64}$/);
    }
    const used = await identity.service.orm.em.fork().find(SmsChallenge, {});
    expect(used.map((challenge) => challenge.mobile)).toContain(MOBILE);
    // Marked used in the registration's transaction (the code was checked before it opened).
    expect(used.find((challenge) => challenge.mobile === MOBILE)?.consumedAt).toBeInstanceOf(Date);
  });

  it("still signs the person in by mobile", async () => {
    const byMobile = await identity.graphql<{ login: { accessToken: string } }>(LOGIN, { input: { username: MOBILE, password: "Kaosheng#2026" } });
    expect(byMobile.errors).toBeUndefined();
    expect(decodeJwt(byMobile.data!.login.accessToken).sub).toBe(userId);
  });

  it("still refuses the number to anyone else: a new code, a registration, a change of mobile", async () => {
    const code = await identity.graphql(REQUEST_CODE, { input: { mobile: MOBILE, purpose: "REGISTER" } });
    expect(code.errors?.[0]?.extensions).toMatchObject({ code: "MOBILE_TAKEN", field: "mobile" });
    const register = await identity.graphql(REGISTER, {
      input: {
        username: "secondowner",
        password: "Kaosheng#2026",
        displayName: "赵考生",
        candidateType: "SOCIAL",
        householdCountyId: demoOrgId("im-xincheng"),
        mobile: MOBILE,
        smsCode: "000000",
      },
    });
    expect(register.errors?.[0]?.extensions).toMatchObject({ code: "MOBILE_TAKEN", field: "mobile" });
    const other = (await identity.graphql<{ login: { accessToken: string } }>(LOGIN, { input: { username: "candidate9", password: DEMO_PASSWORD } })).data!.login;
    const change = await identity.graphql(
      `mutation($input: ChangeMobileInput!) { changeMobile(input: $input) { id } }`,
      { input: { newMobile: MOBILE, smsCode: "000000" } },
      { authorization: `Bearer ${other.accessToken}` },
    );
    expect(change.errors?.[0]?.extensions).toMatchObject({ code: "MOBILE_TAKEN", field: "newMobile" });
  });

  it("encrypts, at the next start, a mobile written before protection, and finds it by its lookup", async () => {
    // As a development database from before this change holds it: plain, without a lookup.
    await knex()("app_user").where({ username: "candidate8" }).update({ mobile: "13700000008", mobile_lookup: null });
    const restarted = await startTestSubgraph(identitySubgraph, driver, { target: identity.target });
    try {
      const raw = await rawUser({ username: "candidate8" });
      expect(raw.mobile?.startsWith(PROTECTED_PREFIX)).toBe(true);
      expect(raw.mobile_lookup).toMatch(/^[0-9a-f]{64}$/);
      const login = await restarted.graphql(LOGIN, { input: { username: "13700000008", password: DEMO_PASSWORD } });
      expect(login.errors).toBeUndefined();
    } finally {
      await restarted.stop();
    }
  });

  it.runIf(driver === "libsql")("leaves no mobile readable in the database file once the published events are pruned", async () => {
    // The events that carry the number to the notification subgraph (the SMS code, the contact
    // change) hold it in the outbox until the kit prunes published rows (after an hour): that is
    // the one place it is readable, and only until then.
    await inbox.lastCodeSentTo(MOBILE);
    const em = identity.service.orm.em.fork();
    for (let waited = 0; waited < 5_000 && (await knex()("outbox_event").whereNull("published_at").count({ n: "*" }).first())!.n != 0; waited += 20) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await pruneOutbox(em, new Date(Date.now() + 60_000));
    // Deleted rows stay in free pages until the file is rewritten.
    await knex().raw("vacuum");
    const folder = dirname(identity.target.location);
    const files = readdirSync(folder).filter((name) => name.includes(".db"));
    expect(files.length).toBeGreaterThan(0);
    for (const name of files) {
      const bytes = readFileSync(join(folder, name));
      expect(bytes.includes(MOBILE), `${name} contains the mobile`).toBe(false);
      expect(bytes.includes("13700000008"), `${name} contains the mobile`).toBe(false);
    }
  });
});
