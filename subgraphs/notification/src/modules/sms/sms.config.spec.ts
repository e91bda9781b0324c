import { ConfigError, type Logger } from "@xuekao/subgraph-kit";
import { describe, expect, it, vi } from "vitest";
import { TEMPLATE_KEYS } from "../templates/template-catalog.js";
import { createSmsProvider } from "./create-sms-provider.js";
import { LogSmsProvider } from "./log-sms-provider.js";
import { loadSmsConfig } from "./sms.config.js";
import { TencentSmsProvider, type TencentSmsClient } from "./tencent-sms-provider.js";

const allTemplateIds = Object.fromEntries(TEMPLATE_KEYS.map((key, index) => [key, String(2_000_001 + index)]));

const tencentEnv = (overrides: Record<string, string | undefined> = {}) => ({
  SMS_PROVIDER: "tencent",
  TENCENT_SMS_SECRET_ID: "AKIDtest",
  TENCENT_SMS_SECRET_KEY: "test-secret",
  TENCENT_SMS_SDK_APP_ID: "1400006666",
  TENCENT_SMS_TEMPLATES: JSON.stringify(allTemplateIds),
  SMS_SIGN_NAME: "学考平台",
  ...overrides,
});

/** The issues of the ConfigError `work` throws. */
function configIssuesOf(work: () => unknown): string[] {
  try {
    work();
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).issues;
  }
  throw new Error("expected a ConfigError, nothing was thrown");
}

describe("loadSmsConfig", () => {
  it("defaults to the development driver", () => {
    expect(loadSmsConfig({})).toEqual({ provider: "log", production: false, logFile: undefined, signName: "学考平台" });
    expect(loadSmsConfig({ SMS_LOG_FILE: " /tmp/sms.log ", SMS_SIGN_NAME: "内蒙古招考", NODE_ENV: "production" })).toEqual({
      provider: "log",
      production: true,
      logFile: "/tmp/sms.log",
      signName: "内蒙古招考",
    });
  });

  it("refuses an unknown provider, naming SMS_PROVIDER", () => {
    expect(configIssuesOf(() => loadSmsConfig({ SMS_PROVIDER: "aliyun" }))).toEqual([expect.stringMatching(/^SMS_PROVIDER: /)]);
  });

  it("reads the Tencent settings, with region and timeout defaults", () => {
    const config = loadSmsConfig(tencentEnv({ TENCENT_SMS_TEMPLATES: JSON.stringify({ ...allTemplateIds, "sms-code.register": 1234567 }) }));
    expect(config).toEqual({
      provider: "tencent",
      production: false,
      tencent: {
        secretId: "AKIDtest",
        secretKey: "test-secret",
        region: "ap-guangzhou",
        sdkAppId: "1400006666",
        signName: "学考平台",
        templateIds: { ...allTemplateIds, "sms-code.register": "1234567" },
        timeoutSeconds: 10,
      },
    });
    expect(loadSmsConfig(tencentEnv({ TENCENT_SMS_REGION: "ap-beijing", TENCENT_SMS_TIMEOUT_SECONDS: "5" }))).toMatchObject({
      tencent: { region: "ap-beijing", timeoutSeconds: 5 },
    });
  });

  it.each(["TENCENT_SMS_SECRET_ID", "TENCENT_SMS_SECRET_KEY", "TENCENT_SMS_SDK_APP_ID", "TENCENT_SMS_TEMPLATES", "SMS_SIGN_NAME"])(
    "with SMS_PROVIDER=tencent, a missing %s stops the boot naming it",
    (name) => {
      expect(configIssuesOf(() => loadSmsConfig(tencentEnv({ [name]: undefined })))).toEqual([`${name}: required when SMS_PROVIDER=tencent`]);
      // Blank counts as not set.
      expect(configIssuesOf(() => loadSmsConfig(tencentEnv({ [name]: "  " })))).toEqual([`${name}: required when SMS_PROVIDER=tencent`]);
    },
  );

  it("validates the template map: JSON, known keys, numeric ids, every SMS template present", () => {
    expect(configIssuesOf(() => loadSmsConfig(tencentEnv({ TENCENT_SMS_TEMPLATES: "{sms-code.register: 1}" })))).toEqual([
      expect.stringMatching(/^TENCENT_SMS_TEMPLATES: must be a JSON object/),
    ]);
    expect(
      configIssuesOf(() => loadSmsConfig(tencentEnv({ TENCENT_SMS_TEMPLATES: JSON.stringify({ ...allTemplateIds, "sms-code.unknown": "1" }) }))),
    ).toEqual(["TENCENT_SMS_TEMPLATES.sms-code.unknown: is not a template key"]);
    expect(
      configIssuesOf(() => loadSmsConfig(tencentEnv({ TENCENT_SMS_TEMPLATES: JSON.stringify({ ...allTemplateIds, "sms-code.login": "SMS_123" }) }))),
    ).toEqual(["TENCENT_SMS_TEMPLATES.sms-code.login: must be a numeric Tencent template id"]);
    const { "registration.completed": _completed, "workflow.sla-warning": _warning, ...partial } = allTemplateIds;
    expect(configIssuesOf(() => loadSmsConfig(tencentEnv({ TENCENT_SMS_TEMPLATES: JSON.stringify(partial) })))).toEqual([
      "TENCENT_SMS_TEMPLATES: has no Tencent template id for registration.completed, workflow.sla-warning",
    ]);
  });

  it("refuses a non-numeric SmsSdkAppId and an impossible signature", () => {
    expect(configIssuesOf(() => loadSmsConfig(tencentEnv({ TENCENT_SMS_SDK_APP_ID: "app-1" })))).toEqual([
      expect.stringMatching(/^TENCENT_SMS_SDK_APP_ID: must be the numeric SmsSdkAppId/),
    ]);
    expect(configIssuesOf(() => loadSmsConfig(tencentEnv({ SMS_SIGN_NAME: "【学考平台】" })))).toEqual([expect.stringMatching(/^SMS_SIGN_NAME: /)]);
  });
});

describe("createSmsProvider", () => {
  const fakeLogger = () => ({ info: vi.fn(), warn: vi.fn() }) as unknown as Logger & { warn: ReturnType<typeof vi.fn> };

  it("picks the development driver by default, silently outside production", () => {
    const logger = fakeLogger();
    expect(createSmsProvider(loadSmsConfig({}), logger)).toBeInstanceOf(LogSmsProvider);
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it("allows the development driver in production, with a warning", () => {
    const logger = fakeLogger();
    const provider = createSmsProvider(loadSmsConfig({ NODE_ENV: "production" }), logger);
    expect(provider.name).toBe("log");
    expect(logger.warn).toHaveBeenCalledWith(expect.anything(), expect.stringContaining("NOT sent"));
  });

  it("picks Tencent when configured, using an injected client", async () => {
    const sent: unknown[] = [];
    const tencentClient: TencentSmsClient = {
      async SendSms(request) {
        sent.push(request);
        return { SendStatusSet: [{ Code: "Ok", SerialNo: "s1" }], RequestId: "r1" };
      },
    };
    const provider = createSmsProvider(loadSmsConfig(tencentEnv()), fakeLogger(), { tencentClient });
    expect(provider).toBeInstanceOf(TencentSmsProvider);
    await expect(
      provider.send({ mobile: "13800000001", template: "sms-code.login", variables: { code: "730016", validMinutes: "5" }, text: "" }),
    ).resolves.toEqual({ providerMessageId: "s1" });
    expect(sent).toHaveLength(1);
  });
});
