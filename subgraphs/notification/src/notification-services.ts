import { loadConfig, type ScheduledJob, type SubgraphDefinition, type SubgraphSetup } from "@xuekao/subgraph-kit";
import { z } from "zod";
import { createSmsProvider } from "./modules/sms/create-sms-provider.js";
import { loadSmsConfig } from "./modules/sms/sms.config.js";
import { DEFAULT_SMS_DELIVERY_SETTINGS, SmsDeliveryWorker } from "./modules/sms-delivery/sms-delivery.worker.js";

/** notification's long-lived services, built once at boot. */
export interface NotificationServices {
  smsWorker: SmsDeliveryWorker;
  smsWorkerIntervalMs: number;
}

const positiveInt = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/**
 * Reads the SMS provider (SMS_PROVIDER and its settings, see sms.config.ts) and the delivery
 * engine's settings: SMS_MAX_ATTEMPTS, SMS_PER_MOBILE_PER_HOUR, SMS_RETRY_BASE_SECONDS,
 * SMS_WORKER_INTERVAL_MS.
 */
export const setupNotification: NonNullable<SubgraphDefinition["setup"]> = async ({ env, logger }): Promise<SubgraphSetup> => {
  const settings = loadConfig(
    {
      SMS_MAX_ATTEMPTS: positiveInt(DEFAULT_SMS_DELIVERY_SETTINGS.maxAttempts, 20),
      SMS_PER_MOBILE_PER_HOUR: positiveInt(DEFAULT_SMS_DELIVERY_SETTINGS.perMobilePerHour, 1000),
      SMS_RETRY_BASE_SECONDS: positiveInt(DEFAULT_SMS_DELIVERY_SETTINGS.baseBackoffMs / 1000, 3600),
      SMS_WORKER_INTERVAL_MS: positiveInt(1000, 60_000),
    },
    env,
  );
  const provider = createSmsProvider(loadSmsConfig(env), logger);
  const services: NotificationServices = {
    smsWorker: new SmsDeliveryWorker(provider, logger.child({ component: "sms" }), {
      ...DEFAULT_SMS_DELIVERY_SETTINGS,
      maxAttempts: settings.SMS_MAX_ATTEMPTS,
      perMobilePerHour: settings.SMS_PER_MOBILE_PER_HOUR,
      baseBackoffMs: settings.SMS_RETRY_BASE_SECONDS * 1000,
    }),
    smsWorkerIntervalMs: settings.SMS_WORKER_INTERVAL_MS,
  };
  return { services: services as unknown as Record<string, unknown> };
};

/** The SMS sender runs as a scheduled job: one replica at a time sends, each row claimed once. */
export const notificationJobs: NonNullable<SubgraphDefinition["jobs"]> = ({ services }): ScheduledJob[] => {
  const { smsWorker, smsWorkerIntervalMs } = services as unknown as NotificationServices;
  return [
    {
      name: "sms-delivery",
      everyMs: smsWorkerIntervalMs,
      leaseMs: 2 * 60_000,
      run: async ({ em, now }) => {
        await smsWorker.runPass(em, now);
      },
    },
  ];
};
