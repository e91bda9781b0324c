import { InProcessBus, type DomainEvent } from "@xuekao/events";
import type { TestSubgraph } from "@xuekao/subgraph-kit/testing";
import { SmsCodeRequested } from "../src/events.js";

export const REQUEST_CODE = `mutation($input: RequestSmsCodeInput!) { requestSmsCode(input: $input) { mobile } }`;
export const REGISTER = `mutation($input: RegisterCandidateInput!) { registerCandidate(input: $input) { accessToken } }`;
export const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { accessToken } }`;

/**
 * Where the notification subgraph would stand: a consumer on the subgraph's bus that reads the
 * codes identity asks to text, so a test can type the code a person would read on the phone.
 */
export function smsInbox() {
  const bus = new InProcessBus({ logger: { debug() {}, info() {}, warn() {}, error() {} } });
  const published: DomainEvent[] = [];
  const ready = bus.subscribe("test-sms-inbox", [SmsCodeRequested.type], async (event) => {
    published.push(event);
  });
  const codesFor = (mobile: string) =>
    published
      .filter((event) => SmsCodeRequested.matches(event))
      .map((event) => SmsCodeRequested.parse(event).payload)
      .filter((payload) => payload.mobile === mobile);
  return {
    bus,
    ready,
    /** The newest code sent to `mobile`, waiting up to 5 s for the relay to publish it. */
    async lastCodeSentTo(mobile: string): Promise<string> {
      for (let waited = 0; waited < 5_000; waited += 20) {
        const code = codesFor(mobile).at(-1)?.code;
        if (code) return code;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`no code was sent to ${mobile} within 5 s`);
    },
  };
}

/** Requests a registration code for `mobile` and registers a social candidate with it; returns the access token. */
export async function registerCandidate(
  identity: TestSubgraph,
  inbox: ReturnType<typeof smsInbox>,
  input: { username: string; mobile: string; householdCountyId: string; password?: string; displayName?: string },
): Promise<string> {
  const sent = await identity.graphql(REQUEST_CODE, { input: { mobile: input.mobile, purpose: "REGISTER" } });
  if (sent.errors) throw new Error(`requestSmsCode failed: ${JSON.stringify(sent.errors)}`);
  const registered = await identity.graphql<{ registerCandidate: { accessToken: string } }>(REGISTER, {
    input: {
      username: input.username,
      password: input.password ?? "Kaosheng#2026",
      displayName: input.displayName ?? "王考生",
      candidateType: "SOCIAL",
      householdCountyId: input.householdCountyId,
      mobile: input.mobile,
      smsCode: await inbox.lastCodeSentTo(input.mobile),
    },
  });
  if (!registered.data?.registerCandidate) throw new Error(`registerCandidate failed: ${JSON.stringify(registered.errors)}`);
  return registered.data.registerCandidate.accessToken;
}
