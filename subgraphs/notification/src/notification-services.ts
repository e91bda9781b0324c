import { loadConfig, personalDataAccess, personalDataKeysOf, type ScheduledJob, type SubgraphDefinition } from "@xuekao/subgraph-kit";
import { z } from "zod";
import type { NotificationServices } from "./notification-context.js";
import { createSmsProvider } from "./modules/sms/create-sms-provider.js";
import { loadSmsConfig } from "./modules/sms/sms.config.js";
import { DEFAULT_SMS_DELIVERY_SETTINGS, SmsDeliveryWorker } from "./modules/sms-delivery/sms-delivery.worker.js";

const positiveInt = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);

/**
 * Reads the SMS provider (SMS_PROVIDER and its settings, see sms.config.ts) and the delivery
 * engine's settings: SMS_MAX_ATTEMPTS, SMS_PER_MOBILE_PER_HOUR, SMS_RETRY_BASE_SECONDS,
 * SMS_WORKER_INTERVAL_MS.
 */
export const setupNotification: NonNullable<SubgraphDefinition<NotificationServices>["setup"]> = async ({ env, logger, orm, clock }) => {
  const settings = loadConfig(
    {
      SMS_MAX_ATTEMPTS: positiveInt(DEFAULT_SMS_DELIVERY_SETTINGS.maxAttempts, 20),
      SMS_PER_MOBILE_PER_HOUR: positiveInt(DEFAULT_SMS_DELIVERY_SETTINGS.perMobilePerHour, 1000),
      SMS_RETRY_BASE_SECONDS: positiveInt(DEFAULT_SMS_DELIVERY_SETTINGS.baseBackoffMs / 1000, 3600),
      SMS_WORKER_INTERVAL_MS: positiveInt(1000, 60_000),
    },
    env,
  );
  // The development driver stamps its log lines with the subgraph's clock, like everything else.
  const provider = createSmsProvider(loadSmsConfig(env), logger, { now: () => clock.now() });
  // Mobiles are stored encrypted: the per-mobile limit counts rows by the mobile's lookup.
  const personalData = personalDataAccess(personalDataKeysOf(orm));
  const services: NotificationServices = {
    smsWorker: new SmsDeliveryWorker(provider, logger.child({ component: "sms" }), (mobile) => personalData.lookup("mobile", mobile), {
      ...DEFAULT_SMS_DELIVERY_SETTINGS,
      maxAttempts: settings.SMS_MAX_ATTEMPTS,
      perMobilePerHour: settings.SMS_PER_MOBILE_PER_HOUR,
      baseBackoffMs: settings.SMS_RETRY_BASE_SECONDS * 1000,
    }),
    smsWorkerIntervalMs: settings.SMS_WORKER_INTERVAL_MS,
  };
  return { services };
};

/** The SMS sender runs as a scheduled job: one replica at a time sends, each row claimed once. */
export const notificationJobs: NonNullable<SubgraphDefinition<NotificationServices>["jobs"]> = ({ services }): ScheduledJob[] => [
  {
    name: "sms-delivery",
    everyMs: services.smsWorkerIntervalMs,
    leaseMs: 2 * 60_000,
    run: async ({ em, now }) => {
      await services.smsWorker.runPass(em, now);
    },
  },
];
