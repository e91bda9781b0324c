import { DEMO_PASSWORD, demoOrganizationPath, demoOrgId } from "@xuekao/demo-data";
import { InProcessBus, type DomainEvent } from "@xuekao/events";
import { startTestSubgraph, testDrivers, type TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { decodeJwt } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SmsCodeRequested, UserContactChanged } from "../src/events.js";
import { identitySubgraph } from "../src/subgraph.js";

const drivers = await testDrivers();

const REQUEST_CODE = `mutation($input: RequestSmsCodeInput!) { requestSmsCode(input: $input) { mobile expiresAt resendAvailableAt } }`;
const REGISTER = `mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { accessToken refreshToken } }`;
const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken refreshToken } }`;
const ME = `{ me { username displayName roles { role organization { id } } } }`;

describe.each(drivers)("candidate registration and account changes on %s", (driver) => {
  let identity: TestSubgraph;
  // Identity's side of the contract: it publishes; the notification subgraph (tested on its own)
  // texts the code. Here a consumer on the same bus stands where the notification subgraph would.
  const bus = new InProcessBus({ logger: { debug() {}, info() {}, warn() {}, error() {} } });
  const published: DomainEvent[] = [];

  beforeAll(async () => {
    await bus.subscribe("test-recorder", [SmsCodeRequested.type, UserContactChanged.type], async (event) => {
      published.push(event);
    });
    identity = await startTestSubgraph(identitySubgraph, driver, { seedDemo: true, bus });
  });
  afterAll(async () => {
    await identity?.stop();
    await bus.close();
  });

  /** Waits for the relay to publish what `predicate` looks for (it runs right after the commit). */
  const eventually = async <T>(find: () => T | undefined): Promise<T> => {
    for (let waited = 0; waited < 5_000; waited += 20) {
      const found = find();
      if (found !== undefined) return found;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw new Error("the expected event was not published within 5 s");
  };
  const codeRequests = (mobile: string) =>
    published.filter((event) => SmsCodeRequested.matches(event)).map((event) => SmsCodeRequested.parse(event)).filter((event) => event.payload.mobile === mobile);
  /** The newest code identity asked to text to this number (each test asks once per number): what the person reads on the phone. */
  const lastCodeSentTo = async (mobile: string) => (await eventually(() => codeRequests(mobile).at(-1))).payload.code;
  const contactChanges = (userId: string) =>
    published.filter((event) => UserContactChanged.matches(event)).map((event) => UserContactChanged.parse(event)).filter((event) => event.payload.userId === userId);
  const registration = (overrides: Record<string, string> = {}) => ({
    username: "newcandidate",
    password: "Kaosheng#2026",
    displayName: "李新生",
    candidateType: "SOCIAL",
    householdCountyId: demoOrgId("im-xincheng"),
    mobile: "13800000001",
    smsCode: "000000",
    ...overrides,
  });

  it("registers a social candidate with a mobile bound by SMS code and signs them in", async () => {
    const sent = await identity.graphql<{ requestSmsCode: { mobile: string; expiresAt: string; resendAvailableAt: string } }>(REQUEST_CODE, {
      input: { mobile: "138-0000-0001", purpose: "REGISTER" },
    });
    expect(sent.errors).toBeUndefined();
    expect(sent.data?.requestSmsCode.mobile).toBe("13800000001");
    const expiresIn = new Date(sent.data!.requestSmsCode.expiresAt).getTime() - Date.now();
    expect(expiresIn).toBeGreaterThan(4 * 60_000);
    expect(expiresIn).toBeLessThanOrEqual(5 * 60_000);
    const request = await eventually(() => codeRequests("13800000001")[0]);
    expect(request.payload).toEqual({ mobile: "13800000001", code: expect.stringMatching(/^\d{6}$/), purpose: "register", validMinutes: 5, userId: null });
    expect(request.producer).toBe("identity");

    const registered = await identity.graphql<{ registerCandidate: { accessToken: string } }>(REGISTER, {
      input: registration({ smsCode: await lastCodeSentTo("13800000001") }),
    });
    expect(registered.errors).toBeUndefined();
    const me = await identity.graphql<{ me: unknown }>(ME, {}, { authorization: `Bearer ${registered.data!.registerCandidate.accessToken}` });
    expect(me.data?.me).toEqual({
      username: "newcandidate",
      displayName: "李新生",
      roles: [{ role: "CANDIDATE_SOCIAL", organization: { id: demoOrgId("im-xincheng") } }],
    });
    // The mobile is now a login name.
    const byMobile = await identity.graphql<{ login: { accessToken: string } }>(LOGIN, { input: { username: "13800000001", password: "Kaosheng#2026" } });
    const userId = decodeJwt(registered.data!.registerCandidate.accessToken).sub!;
    expect(decodeJwt(byMobile.data!.login.accessToken).sub).toBe(userId);

    // Committed with the account: how the notification subgraph learns to reach the person.
    const contact = await eventually(() => contactChanges(userId)[0]);
    expect(contact.payload).toEqual({
      userId,
      displayName: "李新生",
      mobile: "13800000001",
      roles: [{ role: "CANDIDATE_SOCIAL", organizationPath: demoOrganizationPath(demoOrgId("im-xincheng")).split("/"), provinceCode: "15" }],
    });
    expect(contact.organizationPath).toEqual(demoOrganizationPath(demoOrgId("im-xincheng")).split("/"));
  });

  it("throttles resends to one a minute and refuses a number already bound", async () => {
    await identity.graphql(REQUEST_CODE, { input: { mobile: "13800000002", purpose: "REGISTER" } });
    const again = await identity.graphql(REQUEST_CODE, { input: { mobile: "13800000002", purpose: "REGISTER" } });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: "SMS_RESEND_TOO_SOON", field: "mobile" });
    expect(new Date(again.errors?.[0]?.extensions?.retryAt as string).getTime()).toBeGreaterThan(Date.now() + 50_000);

    const taken = await identity.graphql(REQUEST_CODE, { input: { mobile: "13800000001", purpose: "REGISTER" } });
    expect(taken.errors?.[0]?.extensions).toMatchObject({ code: "MOBILE_TAKEN", field: "mobile" });
    const invalid = await identity.graphql(REQUEST_CODE, { input: { mobile: "12345", purpose: "REGISTER" } });
    expect(invalid.errors?.[0]?.extensions).toMatchObject({ code: "MOBILE_INVALID", field: "mobile" });
  });

  it("allows five tries of a code, then asks for a new one; nothing is created", async () => {
    await identity.graphql(REQUEST_CODE, { input: { mobile: "13800000003", purpose: "REGISTER" } });
    const right = await lastCodeSentTo("13800000003");
    const wrong = right === "111111" ? "222222" : "111111";
    const attempts = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      attempts.push(await identity.graphql(REGISTER, { input: registration({ username: "triesfive", mobile: "13800000003", smsCode: wrong }) }));
    }
    expect(attempts.map((result) => result.errors?.[0]?.extensions?.code)).toEqual([
      "SMS_CODE_INVALID",
      "SMS_CODE_INVALID",
      "SMS_CODE_INVALID",
      "SMS_CODE_INVALID",
      "SMS_CODE_TOO_MANY_ATTEMPTS",
    ]);
    expect(attempts[0]?.errors?.[0]?.message).toBe("验证码不正确，还可尝试 4 次");
    const late = await identity.graphql(REGISTER, { input: registration({ username: "triesfive", mobile: "13800000003", smsCode: right }) });
    expect(late.errors?.[0]?.extensions?.code).toBe("SMS_CODE_TOO_MANY_ATTEMPTS");
    const login = await identity.graphql(LOGIN, { input: { username: "triesfive", password: "Kaosheng#2026" } });
    expect(login.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
  });

  it.each([
    [{ username: "1abc" }, "USERNAME_INVALID", "username"],
    [{ username: "candidate1" }, "USERNAME_TAKEN", "username"],
    [{ displayName: "李" }, "DISPLAY_NAME_INVALID", "displayName"],
    [{ password: "weakpassword" }, "PASSWORD_TOO_WEAK", "password"],
    [{ householdCountyId: demoOrgId("im-school") }, "COUNTY_INVALID", "householdCountyId"],
    [{ householdCountyId: "not-an-id" }, "COUNTY_INVALID", "householdCountyId"],
    [{ mobile: "1380000" }, "MOBILE_INVALID", "mobile"],
    [{ mobile: "13800000004", smsCode: "123456" }, "SMS_CODE_INVALID", "smsCode"],
  ])("refuses %o with %s on field %s", async (overrides, code, field) => {
    const result = await identity.graphql(REGISTER, { input: registration({ username: "someoneelse", mobile: "13800000009", ...overrides }) });
    expect(result.data).toBeNull();
    expect(result.errors?.[0]?.extensions).toMatchObject({ code, field });
    expect(result.errors?.[0]?.message).toMatch(/[\u4e00-\u9fa5]/);
  });

  it("changes the password, keeps this login and ends the others", async () => {
    const here = (await identity.graphql<{ login: { accessToken: string; refreshToken: string } }>(LOGIN, { input: { username: "candidate3", password: DEMO_PASSWORD } })).data!.login;
    const elsewhere = (await identity.graphql<{ login: { refreshToken: string } }>(LOGIN, { input: { username: "candidate3", password: DEMO_PASSWORD } })).data!.login;
    const auth = { authorization: `Bearer ${here.accessToken}` };
    const CHANGE = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) }`;

    const wrongCurrent = await identity.graphql(CHANGE, { input: { currentPassword: "Nope@2026", newPassword: "Neue#Pass2026" } }, auth);
    expect(wrongCurrent.errors?.[0]?.extensions).toMatchObject({ code: "CURRENT_PASSWORD_WRONG", field: "currentPassword" });
    const weak = await identity.graphql(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: "short" } }, auth);
    expect(weak.errors?.[0]?.extensions?.code).toBe("PASSWORD_TOO_WEAK");

    const changed = await identity.graphql<{ changePassword: boolean }>(CHANGE, { input: { currentPassword: DEMO_PASSWORD, newPassword: "Neue#Pass2026" } }, auth);
    expect(changed.data?.changePassword).toBe(true);
    const REFRESH = `mutation($token: String!) { refreshSession(refreshToken: $token) { accessToken } }`;
    expect((await identity.graphql(REFRESH, { token: here.refreshToken })).errors).toBeUndefined();
    expect((await identity.graphql(REFRESH, { token: elsewhere.refreshToken })).errors?.[0]?.extensions?.code).toBe("REFRESH_TOKEN_INVALID");
    expect((await identity.graphql(LOGIN, { input: { username: "candidate3", password: DEMO_PASSWORD } })).errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");
    expect((await identity.graphql(LOGIN, { input: { username: "candidate3", password: "Neue#Pass2026" } })).errors).toBeUndefined();
  });

  it("changes the mobile with a code sent to the new number, for signed-in people only", async () => {
    const token = (await identity.graphql<{ login: { accessToken: string } }>(LOGIN, { input: { username: "candidate4", password: DEMO_PASSWORD } })).data!.login.accessToken;
    const auth = { authorization: `Bearer ${token}` };
    const anonymous = await identity.graphql(REQUEST_CODE, { input: { mobile: "13900000005", purpose: "CHANGE_MOBILE" } });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("UNAUTHENTICATED");

    await identity.graphql(REQUEST_CODE, { input: { mobile: "13900000005", purpose: "CHANGE_MOBILE" } }, auth);
    const request = await eventually(() => codeRequests("13900000005")[0]);
    expect(request.payload).toMatchObject({ purpose: "change-mobile", userId: decodeJwt(token).sub });
    const CHANGE = `mutation($input: ChangeMobileInput!) { changeMobile(input: $input) { username } }`;
    const changed = await identity.graphql<{ changeMobile: { username: string } }>(
      CHANGE,
      { input: { newMobile: "13900000005", smsCode: await lastCodeSentTo("13900000005") } },
      auth,
    );
    expect(changed.errors).toBeUndefined();
    expect(changed.data?.changeMobile.username).toBe("candidate4");
    const contact = await eventually(() => contactChanges(decodeJwt(token).sub!)[0]);
    expect(contact.payload).toMatchObject({ mobile: "13900000005", roles: [{ role: "CANDIDATE_IN_SCHOOL", provinceCode: "15" }] });
    const byMobile = await identity.graphql(LOGIN, { input: { username: "13900000005", password: DEMO_PASSWORD } });
    expect(byMobile.errors).toBeUndefined();
  });
});
