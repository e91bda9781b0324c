import { sms } from "tencentcloud-sdk-nodejs-sms";
import { describe, expect, it } from "vitest";
import { renderTemplate } from "../templates/render-template.js";
import { TEMPLATE_KEYS, type TemplateKey } from "../templates/template-catalog.js";
import type { TencentSmsConfig } from "./sms.config.js";
import { SmsDeliveryError } from "./sms.errors.js";
import type { SmsMessage } from "./sms-provider.js";
import {
  isRetryableTencentCode,
  TencentSmsProvider,
  type TencentSendSmsRequest,
  type TencentSendSmsResponse,
  type TencentSmsClient,
} from "./tencent-sms-provider.js";

const templateIds = Object.fromEntries(TEMPLATE_KEYS.map((key, index) => [key, String(2_000_001 + index)])) as Record<TemplateKey, string>;

const config: TencentSmsConfig = {
  secretId: "AKIDtest",
  secretKey: "test-secret",
  region: "ap-guangzhou",
  sdkAppId: "1400006666",
  signName: "学考平台",
  templateIds,
  timeoutSeconds: 10,
};

/** Records every request and answers with `answer` (a response, or an error to throw). */
function fakeClient(answer: TencentSendSmsResponse | Error) {
  const requests: TencentSendSmsRequest[] = [];
  const client: TencentSmsClient = {
    async SendSms(request) {
      requests.push(structuredClone(request));
      if (answer instanceof Error) throw answer;
      return answer;
    },
  };
  return { client, requests };
}

const ok: TencentSendSmsResponse = {
  SendStatusSet: [
    { SerialNo: "2645:94038457416952021503210031", PhoneNumber: "+8613800000001", Fee: 1, SessionContext: "", Code: "Ok", Message: "send success", IsoCode: "CN" },
  ],
  RequestId: "a0aabda6-cf91-4f3e-a81f-9198114a2279",
};

const refused = (Code: string, Message = "refused"): TencentSendSmsResponse => ({
  SendStatusSet: [{ SerialNo: "", PhoneNumber: "+8613800000001", Fee: 0, SessionContext: "", Code, Message, IsoCode: "CN" }],
  RequestId: "b1",
});

/** An error shaped like the SDK's TencentCloudSDKHttpException. */
const sdkError = (fields: { code?: string; httpCode?: number }, message = "failed") => Object.assign(new Error(message), { requestId: "", traceId: "t" }, fields);

function refusedMessage(): SmsMessage {
  // Deliberately not in declared order: the parameters must follow the template, not the caller.
  const variables = { reason: "转入学校不在本自治区", level: "学校", applicationKind: "转籍" };
  return { mobile: "13800000001", template: "workflow.rejected", variables, text: renderTemplate("workflow.rejected", variables).smsText };
}

async function deliveryErrorOf(work: Promise<unknown>): Promise<SmsDeliveryError> {
  const error = await work.then(
    () => undefined,
    (failure: unknown) => failure,
  );
  expect(error).toBeInstanceOf(SmsDeliveryError);
  return error as SmsDeliveryError;
}

describe("TencentSmsProvider", () => {
  it("builds the exact SendSms request: +86 number, app id, signature, template id, parameters in declared order", async () => {
    const { client, requests } = fakeClient(ok);
    await new TencentSmsProvider(config, client).send(refusedMessage());
    expect(requests).toEqual([
      {
        PhoneNumberSet: ["+8613800000001"],
        SmsSdkAppId: "1400006666",
        SignName: "学考平台",
        TemplateId: templateIds["workflow.rejected"],
        TemplateParamSet: ["转籍", "学校", "转入学校不在本自治区"],
      },
    ]);
  });

  it("sends a verification code with code and minutes as {1} and {2}, normalising the number", async () => {
    const { client, requests } = fakeClient(ok);
    const variables = { validMinutes: "5", code: "382941" };
    await new TencentSmsProvider(config, client).send({
      mobile: "+86 138-0000-0001",
      template: "sms-code.register",
      variables,
      text: renderTemplate("sms-code.register", variables).smsText,
    });
    expect(requests[0]).toMatchObject({ PhoneNumberSet: ["+8613800000001"], TemplateId: templateIds["sms-code.register"], TemplateParamSet: ["382941", "5"] });
  });

  it("leaves inbox-only variables out of TemplateParamSet (its count must match the approved template)", async () => {
    const { client, requests } = fakeClient(ok);
    const variables = { caseKind: "转籍", caseNumber: "ZJ-2026-000123", elapsedHours: "72", stepName: "旗县区审核" };
    await new TencentSmsProvider(config, client).send({ mobile: "13800000001", template: "workflow.sla-escalated", variables, text: "" });
    expect(requests[0]!.TemplateParamSet).toEqual(["转籍", "ZJ-2026-000123", "72"]);
  });

  it("returns Tencent's SerialNo on Ok", async () => {
    const { client } = fakeClient(ok);
    await expect(new TencentSmsProvider(config, client).send(refusedMessage())).resolves.toEqual({ providerMessageId: "2645:94038457416952021503210031" });
  });

  it.each([
    ["LimitExceeded.PhoneNumberDailyLimit", true],
    ["LimitExceeded.PhoneNumberThirtySecondLimit", true],
    ["LimitExceeded.DeliveryFrequencyLimit", true],
    ["InternalError.Timeout", true],
    ["InvalidParameterValue.IncorrectPhoneNumber", false],
    ["InvalidParameterValue.TemplateParameterFormatError", false],
    ["FailedOperation.TemplateIncorrectOrUnapproved", false],
    ["FailedOperation.SignatureIncorrectOrUnapproved", false],
    ["FailedOperation.PhoneNumberInBlacklist", false],
    ["FailedOperation.InsufficientBalanceInSmsPackage", false],
    ["UnauthorizedOperation.SmsSdkAppIdVerifyFail", false],
  ])("maps send status %s to retryable=%s", async (code, retryable) => {
    const { client } = fakeClient(refused(code));
    const error = await deliveryErrorOf(new TencentSmsProvider(config, client).send(refusedMessage()));
    expect(error).toMatchObject({ provider: "tencent", providerCode: code, retryable });
  });

  it.each([
    ["a network error (no answer)", new Error("connect ETIMEDOUT 1.2.3.4:443"), "NETWORK_ERROR", true],
    ["an API error InternalError", sdkError({ code: "InternalError" }), "InternalError", true],
    ["an API error RequestLimitExceeded", sdkError({ code: "RequestLimitExceeded" }), "RequestLimitExceeded", true],
    ["an API error AuthFailure.SecretIdNotFound", sdkError({ code: "AuthFailure.SecretIdNotFound" }), "AuthFailure.SecretIdNotFound", false],
    ["an HTTP 502", sdkError({ httpCode: 502 }, "Bad Gateway"), "HTTP_502", true],
    ["an HTTP 403", sdkError({ httpCode: 403 }, "Forbidden"), "HTTP_403", false],
  ])("maps %s thrown by the SDK", async (_, thrown, providerCode, retryable) => {
    const { client } = fakeClient(thrown);
    const error = await deliveryErrorOf(new TencentSmsProvider(config, client).send(refusedMessage()));
    expect(error).toMatchObject({ providerCode, retryable });
    expect(error.cause).toBe(thrown);
  });

  it("retries an answer without a send status rather than losing the message", async () => {
    const { client } = fakeClient({ SendStatusSet: [], RequestId: "c1" });
    expect(await deliveryErrorOf(new TencentSmsProvider(config, client).send(refusedMessage()))).toMatchObject({ providerCode: "NO_SEND_STATUS", retryable: true });
  });

  it("refuses at once, without calling Tencent, what Tencent would refuse anyway", async () => {
    const { client, requests } = fakeClient(ok);
    const provider = new TencentSmsProvider(config, client);
    expect(await deliveryErrorOf(provider.send({ ...refusedMessage(), mobile: "12345" }))).toMatchObject({ providerCode: "INVALID_MOBILE", retryable: false });
    expect(
      await deliveryErrorOf(provider.send({ ...refusedMessage(), variables: { applicationKind: "转籍", level: "学校", reason: "" } })),
    ).toMatchObject({ providerCode: "TEMPLATE_VARIABLE_INVALID", retryable: false });
    const withoutId = new TencentSmsProvider({ ...config, templateIds: { ...templateIds, "workflow.rejected": "" } }, client);
    expect(await deliveryErrorOf(withoutId.send(refusedMessage()))).toMatchObject({ providerCode: "TEMPLATE_NOT_CONFIGURED", retryable: false });
    expect(requests).toEqual([]);
  });

  it("creates the real SDK client only when none is injected (constructing it calls nothing)", () => {
    const provider = new TencentSmsProvider(config);
    expect((provider as unknown as { client: unknown }).client).toBeInstanceOf(sms.v20210111.Client);
  });
});

describe("isRetryableTencentCode", () => {
  it("treats throttling and Tencent-side faults as retryable, the rest as permanent", () => {
    expect(isRetryableTencentCode("LimitExceeded.AppDailyLimit")).toBe(true);
    expect(isRetryableTencentCode("RequestLimitExceeded.UinLimitExceeded")).toBe(true);
    expect(isRetryableTencentCode("InternalError.OtherError")).toBe(true);
    expect(isRetryableTencentCode("LimitExceeded.PhoneNumberCountLimit")).toBe(false);
    expect(isRetryableTencentCode("MissingParameter.EmptyPhoneNumberSet")).toBe(false);
    expect(isRetryableTencentCode("SomethingNew.NobodyKnows")).toBe(false);
    // A prefix is a family, not a substring.
    expect(isRetryableTencentCode("InternalErrorish")).toBe(false);
  });
});
