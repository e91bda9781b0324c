import { loadConfig, nodeEnv } from "@xuekao/subgraph-kit";
import { z } from "zod";
import { TEMPLATE_KEYS, TEMPLATES, type TemplateKey } from "../templates/template-catalog.js";

/** The signature the development driver prints, matching what identity's driver has always written. */
export const DEFAULT_SIGN_NAME = "学考平台";

export interface TencentSmsConfig {
  secretId: string;
  secretKey: string;
  region: string;
  /** SmsSdkAppId of the SMS application in the Tencent Cloud console, e.g. 1400006666. */
  sdkAppId: string;
  /** The approved signature's text (not its id), sent as SignName. */
  signName: string;
  /** Template key → id of the approved Tencent template registered from `numberedSmsTemplate(key)`. */
  templateIds: Record<TemplateKey, string>;
  timeoutSeconds: number;
}

export type SmsConfig =
  | { provider: "log"; production: boolean; logFile: string | undefined; signName: string }
  | { provider: "tencent"; production: boolean; tencent: TencentSmsConfig };

// Tencent: 2 to 12 Chinese characters, letters or digits.
const signName = z.string().trim().regex(/^[\u4e00-\u9fffA-Za-z0-9]{2,12}$/u, "must be 2 to 12 Chinese characters, letters or digits");

const REQUIRED_FOR_TENCENT = "required when SMS_PROVIDER=tencent";
const requiredText = () =>
  z.string({ error: (issue) => (issue.input === undefined ? REQUIRED_FOR_TENCENT : undefined) }).trim().min(1, REQUIRED_FOR_TENCENT);

/** The templates that can go by SMS, all of which need an approved Tencent template. */
const SMS_TEMPLATE_KEYS = TEMPLATE_KEYS.filter((key) => TEMPLATES[key].channels.includes("sms"));

const TEMPLATE_ID = "must be a numeric Tencent template id";

const templateIds = z
  .string({ error: (issue) => (issue.input === undefined ? REQUIRED_FOR_TENCENT : undefined) })
  .transform((text, ctx): unknown => {
    try {
      return JSON.parse(text);
    } catch {
      ctx.addIssue({ code: "custom", message: 'must be a JSON object of template key → Tencent template id, e.g. {"sms-code.register":"1234567"}' });
      return z.NEVER;
    }
  })
  .pipe(
    z.record(
      z.string(),
      z
        .union([z.string().trim().regex(/^\d+$/, TEMPLATE_ID), z.number().int().positive()], { error: TEMPLATE_ID })
        .transform(String),
    ),
  )
  .superRefine((ids, ctx) => {
    for (const key of Object.keys(ids)) {
      if (!(TEMPLATE_KEYS as string[]).includes(key)) ctx.addIssue({ code: "custom", path: [key], message: "is not a template key" });
    }
    // Found at boot rather than by a candidate whose code never arrives.
    const missing = SMS_TEMPLATE_KEYS.filter((key) => ids[key] === undefined);
    if (missing.length > 0) ctx.addIssue({ code: "custom", message: `has no Tencent template id for ${missing.join(", ")}` });
  })
  .transform((ids) => ids as Record<TemplateKey, string>);

const baseShape = {
  NODE_ENV: nodeEnv,
  SMS_PROVIDER: z.enum(["log", "tencent"]).default("log"),
  /** Development driver: file each message is appended to, where a developer or a browser test reads codes. */
  SMS_LOG_FILE: z.string().trim().optional(),
  SMS_SIGN_NAME: signName.optional(),
};

const tencentShape = {
  TENCENT_SMS_SECRET_ID: requiredText(),
  TENCENT_SMS_SECRET_KEY: requiredText(),
  TENCENT_SMS_REGION: z
    .string()
    .trim()
    .regex(/^[a-z]{2}-[a-z]+(-[a-z]+)*$/, "must be a Tencent Cloud region such as ap-guangzhou")
    .default("ap-guangzhou"),
  TENCENT_SMS_SDK_APP_ID: requiredText().pipe(z.string().regex(/^\d+$/, "must be the numeric SmsSdkAppId, e.g. 1400006666")),
  TENCENT_SMS_TEMPLATES: templateIds,
  // The SDK waits 60 s by default; a delivery engine is better served by failing and retrying.
  TENCENT_SMS_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
  // No default: it must be the exact text of a signature approved in the console.
  SMS_SIGN_NAME: z.string({ error: (issue) => (issue.input === undefined ? REQUIRED_FOR_TENCENT : undefined) }).pipe(signName),
};

/**
 * Reads SMS_PROVIDER (log | tencent, default log) and the variables of the chosen provider.
 * A bad or missing value throws the kit's ConfigError naming the variable, so the process
 * stops at boot instead of failing on the first message.
 */
export function loadSmsConfig(env: Record<string, string | undefined> = process.env): SmsConfig {
  const base = loadConfig(baseShape, env);
  const production = base.NODE_ENV === "production";
  if (base.SMS_PROVIDER === "log") {
    return { provider: "log", production, logFile: base.SMS_LOG_FILE || undefined, signName: base.SMS_SIGN_NAME ?? DEFAULT_SIGN_NAME };
  }
  const tencent = loadConfig(tencentShape, env);
  return {
    provider: "tencent",
    production,
    tencent: {
      secretId: tencent.TENCENT_SMS_SECRET_ID,
      secretKey: tencent.TENCENT_SMS_SECRET_KEY,
      region: tencent.TENCENT_SMS_REGION,
      sdkAppId: tencent.TENCENT_SMS_SDK_APP_ID,
      signName: tencent.SMS_SIGN_NAME,
      templateIds: tencent.TENCENT_SMS_TEMPLATES,
      timeoutSeconds: tencent.TENCENT_SMS_TIMEOUT_SECONDS,
    },
  };
}
