import { normalizeMobile } from "@xuekao/rules";
import { DomainError } from "@xuekao/subgraph-kit";
import { sms } from "tencentcloud-sdk-nodejs-sms";
import { renderTemplate } from "../templates/render-template.js";
import type { TencentSmsConfig } from "./sms.config.js";
import { SmsDeliveryError } from "./sms.errors.js";
import type { SmsMessage, SmsProvider, SmsReceipt } from "./sms-provider.js";

type SdkClient = InstanceType<typeof sms.v20210111.Client>;
export type TencentSendSmsRequest = Parameters<SdkClient["SendSms"]>[0];
export type TencentSendSmsResponse = Awaited<ReturnType<SdkClient["SendSms"]>>;

/**
 * The one SDK call this adapter makes (SMS API 2021-01-11, `SendSms`). Tests inject a fake to
 * see the exact request and to feed responses; nothing in a test reaches Tencent.
 */
export interface TencentSmsClient {
  SendSms(request: TencentSendSmsRequest): Promise<TencentSendSmsResponse>;
}

export function createTencentSdkClient(config: TencentSmsConfig): TencentSmsClient {
  return new sms.v20210111.Client({
    credential: { secretId: config.secretId, secretKey: config.secretKey },
    region: config.region,
    profile: { httpProfile: { reqTimeout: config.timeoutSeconds } },
  });
}

/**
 * Whether a Tencent error code (`SendStatusSet[].Code` or an API `Error.Code`) is worth retrying.
 * Retryable: throttling (`LimitExceeded.*`, `RequestLimitExceeded*`) and Tencent-side faults
 * (`InternalError.*`, e.g. InternalError.Timeout). Everything else needs a person: an invalid
 * number or parameter (`InvalidParameterValue.*`, `InvalidParameter.*`, `MissingParameter*`), an
 * unapproved template or signature, a blocked number, an empty package (`FailedOperation.*`),
 * credentials and permissions (`AuthFailure.*`, `UnauthorizedOperation.*`). Unknown codes are
 * permanent too: a dead letter is seen, a retry loop on a code nobody understands is not.
 * Daily limits are retryable though only tomorrow helps: the engine's backoff and attempt cap
 * decide when to give up.
 */
export function isRetryableTencentCode(code: string): boolean {
  // More than 200 numbers in one request: the request's shape, which no retry changes.
  if (code === "LimitExceeded.PhoneNumberCountLimit") return false;
  return /^(LimitExceeded|RequestLimitExceeded|InternalError)(\.|$)/.test(code);
}

/** What the SDK throws: TencentCloudSDKHttpException carries `code` (API error) or `httpCode` (HTTP status). */
interface SdkFailure {
  code?: unknown;
  httpCode?: unknown;
  message?: unknown;
}

function deliveryErrorFromThrown(error: unknown): SmsDeliveryError {
  const failure = (typeof error === "object" && error !== null ? error : {}) as SdkFailure;
  const detail = typeof failure.message === "string" ? failure.message : String(error);
  if (typeof failure.code === "string" && failure.code !== "") {
    return new SmsDeliveryError("tencent", failure.code, isRetryableTencentCode(failure.code), `Tencent SMS API error ${failure.code}: ${detail}`, {
      cause: error,
    });
  }
  if (typeof failure.httpCode === "number") {
    const status = failure.httpCode;
    const retryable = status >= 500 || status === 408 || status === 429;
    return new SmsDeliveryError("tencent", `HTTP_${status}`, retryable, `Tencent SMS API answered HTTP ${status}: ${detail}`, { cause: error });
  }
  // No answer at all (DNS, connection reset, timeout): the message may or may not have left;
  // a rare duplicate beats a lost verification code.
  return new SmsDeliveryError("tencent", "NETWORK_ERROR", true, `Tencent SMS API unreachable: ${detail}`, { cause: error });
}

/**
 * Tencent Cloud SMS. Tencent renders its own approved template, so what is sent is the template
 * id and the variable values in the template's declared order, never `message.text`.
 */
export class TencentSmsProvider implements SmsProvider {
  readonly name = "tencent";
  private readonly client: TencentSmsClient;

  constructor(
    private readonly config: TencentSmsConfig,
    /** Injected in tests; otherwise the real SDK client, created here and only here. */
    client?: TencentSmsClient,
  ) {
    this.client = client ?? createTencentSdkClient(config);
  }

  /** The SendSms request for a message; permanent SmsDeliveryError when it cannot be built. */
  buildRequest(message: SmsMessage): TencentSendSmsRequest {
    const mobile = normalizeMobile(message.mobile);
    if (!mobile) throw new SmsDeliveryError("tencent", "INVALID_MOBILE", false, "not a mainland China mobile number");
    const templateId = this.config.templateIds[message.template];
    if (!templateId) {
      throw new SmsDeliveryError("tencent", "TEMPLATE_NOT_CONFIGURED", false, `no Tencent template id for ${message.template} in TENCENT_SMS_TEMPLATES`);
    }
    let parameters: string[];
    try {
      parameters = renderTemplate(message.template, message.variables).orderedVariables;
    } catch (error) {
      if (error instanceof DomainError) throw new SmsDeliveryError("tencent", error.code, false, error.message, { cause: error });
      throw error;
    }
    return {
      PhoneNumberSet: [`+86${mobile}`],
      SmsSdkAppId: this.config.sdkAppId,
      SignName: this.config.signName,
      TemplateId: templateId,
      TemplateParamSet: parameters,
    };
  }

  async send(message: SmsMessage): Promise<SmsReceipt> {
    const request = this.buildRequest(message);
    let response: TencentSendSmsResponse;
    try {
      response = await this.client.SendSms(request);
    } catch (error) {
      throw deliveryErrorFromThrown(error);
    }
    // One number per request, so one status.
    const status = response.SendStatusSet?.[0];
    if (!status?.Code) {
      throw new SmsDeliveryError("tencent", "NO_SEND_STATUS", true, `Tencent SMS answered without a send status (RequestId ${response.RequestId ?? "none"})`);
    }
    if (status.Code === "Ok") return { providerMessageId: status.SerialNo || response.RequestId || "" };
    throw new SmsDeliveryError(
      "tencent",
      status.Code,
      isRetryableTencentCode(status.Code),
      `Tencent SMS refused the message: ${status.Code}${status.Message ? ` (${status.Message})` : ""}`,
    );
  }
}
